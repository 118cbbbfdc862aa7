import { appError } from '../../common/error-codes';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { scopeIn } from '../words';
import type { MobivateAnswer } from './answer';
import { authDataOf } from './auth-data';
import { isRedirect, redirectError, redirectTarget } from './redirects';
import { scrubSecrets } from './secrets';

/**
 * Turns Mobivate's answers and transport failures into Zapier errors a marketer can act on. Every
 * message quotes what came back (shortened, secrets removed) and says what to do; none promises a
 * retry that will not happen. Rules: docs/truthful-outcomes.md.
 */

const EXCERPT_LENGTH = 160;

const STATUS_TEXT: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const shorten = (text: string): string =>
  text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;

/** A body as one line of words: HTML tags and scripts dropped, every form of the key removed. */
const wordsOf = (content: string, bundle: Bundle): string =>
  scrubSecrets(content, bundle)
    .replace(/^\uFEFF/, '')
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * How much of a body an excerpt is first taken from: enough for any error page's words, and little
 * enough that removing every form of the key stays cheap for a 16 MB answer.
 */
const EXCERPT_FROM_CHARACTERS = 256 * 1024;

/** A short, single-line quote of a body, with HTML tags dropped (error pages are mostly markup). */
export const excerpt = (content: string, bundle: Bundle): string => {
  let text = wordsOf(content.slice(0, EXCERPT_FROM_CHARACTERS), bundle);
  // Too few words before the cut: the excerpt would reach the cut, which may split a key.
  if (text.length <= EXCERPT_LENGTH && content.length > EXCERPT_FROM_CHARACTERS) {
    text = wordsOf(content, bundle);
  }
  return text ? `"${shorten(text)}"` : '(an empty body)';
};

/** Mobivate's message if the body states one, otherwise a quote of what came back. */
export const whatMobivateSaid = (answer: MobivateAnswer, bundle: Bundle): string => {
  const message = answer.error?.message;
  const said = message
    ? `"${shorten(scrubSecrets(message, bundle))}"`
    : excerpt(answer.content, bundle);
  return answer.status === answer.httpStatus
    ? said
    : `${said}, in an HTTP ${answer.httpStatus} answer`;
};

/** Seconds to wait before retrying, from a Retry-After of seconds or of an HTTP date. */
export const retryAfterSeconds = (header: string | undefined, now = Date.now()): number | null => {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
};

/** Sends are never repeated automatically; this is what an unclear failure means to the user. */
export const SEND_UNCERTAIN =
  'The message may or may not have been sent: check the message log in the Mobivate hub before replaying this run, or recipients may get it twice.';

export const RECONNECT_HELP =
  'Reconnect your Mobivate account in Zapier with a current key from the Mobivate hub (User Profile → API Keys).';

const CHECK_ADDRESS =
  'Check the API Address of your Mobivate connection: this answer does not look like one from Mobivate’s API.';

/**
 * 403: a key without the permission (Vortex names the scope), a daily message limit, an IP
 * allow-list, or a proxy's page. The opted-out recipient of a send is told apart by Send SMS.
 */
const forbiddenAdvice = (answer: MobivateAnswer): string => {
  const scope = scopeIn(answer.error?.message);
  return scope
    ? `The API key lacks the permission ${scope}: tick it for this key in the Mobivate hub (User Profile → API Keys), or connect a key that has it.`
    : 'The API key may lack the permission this step needs, its daily message limit may be reached, or its IP allow-list may not include Zapier: check the key in the Mobivate hub (User Profile → API Keys), or connect a key that allows this step.';
};

/** Why a request failed, as one sentence without advice: for reports of several requests. */
export const answerReason = (answer: MobivateAnswer, bundle: Bundle): string => {
  if (isRedirect(answer.status)) {
    return `the API Address answered with a redirect (HTTP ${answer.status}) to ${redirectTarget(answer, bundle)}, which the app does not follow`;
  }
  const name = STATUS_TEXT[answer.status] ? ` ${STATUS_TEXT[answer.status]}` : '';
  return `Mobivate answered with HTTP ${answer.status}${name}: ${whatMobivateSaid(answer, bundle)}`;
};

/** The Zapier error for an answer (a redirect, or status ≥ 400) that no operation reads itself. */
export const mobivateError = (
  z: ZObject,
  answer: MobivateAnswer,
  bundle: Bundle,
  /** For requests that must not be repeated blindly (sends): what an unclear failure means. */
  unclearOutcomeNote = '',
): Error => {
  const { status } = answer;
  if (isRedirect(status)) return redirectError(z, answer, bundle, unclearOutcomeNote);
  const said = whatMobivateSaid(answer, bundle);
  const known = documentedStatusError(z, answer, said);
  if (known) return known;
  if (status >= 500) {
    const name = STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : '';
    return appError(
      z,
      'MobivateServerError',
      `Mobivate had a problem answering (HTTP ${status}${name}): ${said}. ${unclearOutcomeNote || 'This is usually temporary: replay the run later, and contact Mobivate support if it keeps happening.'}`,
      status,
    );
  }
  const addressHint = status === 404 || status === 405 ? ` ${CHECK_ADDRESS}` : '';
  return appError(
    z,
    'MobivateError',
    `Mobivate answered with HTTP ${status}: ${said}.${addressHint}`,
    status,
  );
};

/** The statuses Mobivate's table documents (§8.1), each with what to do. */
const documentedStatusError = (
  z: ZObject,
  answer: MobivateAnswer,
  said: string,
): Error | undefined => {
  const { status } = answer;
  switch (status) {
    case 400:
      return appError(
        z,
        'MobivateBadRequest',
        `Mobivate rejected the request: ${said}. Check the values mapped into this step.`,
        status,
      );
    case 401:
      return new z.errors.ExpiredAuthError(
        `Mobivate no longer accepts this connection's API key (${said}). ${RECONNECT_HELP}`,
      );
    case 402:
      return appError(
        z,
        'MobivateOutOfCredit',
        `Your Mobivate account is out of credit (${said}). Top up your balance in the Mobivate hub, then replay this run.`,
        status,
      );
    case 403:
      return appError(
        z,
        'MobivateForbidden',
        `Mobivate refused this step (${said}). ${forbiddenAdvice(answer)}`,
        status,
      );
    case 429: {
      const delay = retryAfterSeconds(answer.retryAfter);
      return new z.errors.ThrottledError(
        `Mobivate is limiting how fast requests may be sent (${said}); Zapier will try again${delay === null ? ' shortly' : ` in ${delay} seconds`}.`,
        delay ?? undefined,
      );
    }
  }
  return undefined;
};

/**
 * When an answer has the other API generation's shape, the connection most likely names the wrong
 * one: Vortex wraps answers in `success`/`results`/`records` (§V2), BulkSMS answers with bare
 * records and lists (§2, §4).
 */
const otherGenerationHint = (answer: MobivateAnswer, bundle: Bundle): string => {
  const body = answer.data;
  const wrapped =
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    ['success', 'results', 'records', 'matches'].some((key) => key in body);
  const platform = authDataOf(bundle).api_platform;
  if (platform === 'bulksms' && wrapped) {
    return " This answer looks like Mobivate's Vortex API: if your key is a Vortex key, set Mobivate API to Vortex API in the connection.";
  }
  if (platform === 'vortex' && Array.isArray(body)) {
    return " This answer looks like Mobivate's BulkSMS API: if your key is a BulkSMS key, set Mobivate API to BulkSMS API in the connection.";
  }
  return '';
};

/** A 2xx answer that is not what the documentation promises: never report it as a success. */
export const unexpectedAnswer = (
  z: ZObject,
  answer: MobivateAnswer,
  bundle: Bundle,
  expected: string,
  unclearOutcomeNote?: string,
): Error => {
  // The request itself is for support, in the log line; the message is for the user.
  z.console.log(`${answer.request} answered HTTP ${answer.httpStatus}, not ${expected}`);
  return appError(
    z,
    'MobivateUnexpectedAnswer',
    `Mobivate answered with HTTP ${answer.httpStatus} but not with ${expected}: ${excerpt(answer.content, bundle)}. The step stopped rather than report a success it cannot confirm.${otherGenerationHint(answer, bundle)} ${unclearOutcomeNote ?? 'Check the API Address of your Mobivate connection; if it is right, send this message to Mobivate support.'}`,
    answer.httpStatus,
  );
};
