import type { Bundle, HttpResponse, ZObject } from 'zapier-platform-core';
import { mobivateMessage } from './mobivate';

/**
 * Turns Mobivate's answers and transport failures into Zapier errors a marketer can act on.
 * Every message includes Mobivate's own explanation when it sent one, and never the API key.
 */

const EXCERPT_LENGTH = 160;

const STATUS_TEXT: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Removes every secret of the connection from a text before it reaches a message or a log. */
export const scrubSecrets = (text: string, bundle: Bundle): string => {
  const key = bundle.authData?.api_key;
  return typeof key === 'string' && key.length > 0 ? text.split(key).join(':censored:') : text;
};

/** A short, single-line quote of a body, with HTML tags dropped (error pages are mostly markup). */
export const excerpt = (content: string, bundle: Bundle): string => {
  const text = scrubSecrets(content, bundle)
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return '(an empty body)';
  return text.length > EXCERPT_LENGTH ? `"${text.slice(0, EXCERPT_LENGTH)}…"` : `"${text}"`;
};

/** Mobivate's message if the body has one, otherwise a quote of what came back. */
const whatMobivateSaid = (response: HttpResponse, bundle: Bundle): string => {
  const message = mobivateMessage(response.data);
  return message ? `"${scrubSecrets(message, bundle)}"` : excerpt(response.content ?? '', bundle);
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

const requestLine = (response: HttpResponse): string => {
  const method = response.request.method ?? 'GET';
  const url = response.request.url;
  const path = url ? new URL(url).pathname : '';
  return `${method} ${path}`;
};

/** Sends are never repeated automatically; this is what an unclear failure means to the user. */
export const SEND_UNCERTAIN =
  'The message may or may not have been sent: check the message log in the Mobivate hub before replaying this run, or recipients may get it twice.';

export const RECONNECT_HELP =
  'Reconnect your Mobivate account in Zapier with a current key from the Mobivate hub (User Profile → API Keys).';

/**
 * Throws the Zapier error for a Mobivate error answer (status ≥ 400). Statuses with a meaning
 * particular to one operation (a 404 on delete, a 403 on a send) are handled by that operation
 * before it calls this.
 */
export const throwForMobivateError = (
  z: ZObject,
  response: HttpResponse,
  bundle: Bundle,
  /** For requests that must not be repeated blindly (sends): what an unclear failure means. */
  ifUncertain = '',
): never => {
  const status = response.status;
  const said = whatMobivateSaid(response, bundle);
  const request = requestLine(response);

  switch (status) {
    case 400:
      throw new z.errors.Error(
        `Mobivate rejected the request (${request}): ${said}. Check the values mapped into this step.`,
        'MobivateBadRequest',
        status,
      );
    case 401:
      throw new z.errors.ExpiredAuthError(
        `Mobivate no longer accepts this connection's API key (${said}). ${RECONNECT_HELP}`,
      );
    case 402:
      throw new z.errors.Error(
        `Your Mobivate account is out of credit (${said}). Top up your balance in the Mobivate hub, then replay this run.`,
        'MobivateOutOfCredit',
        status,
      );
    case 403:
      throw new z.errors.Error(
        `Mobivate refused ${request} (${said}). The API key may lack the permission this step needs: in the Mobivate hub (User Profile → API Keys) allow it, or connect a key that has it.`,
        'MobivateForbidden',
        status,
      );
    case 429: {
      const delay = retryAfterSeconds(response.getHeader('retry-after'));
      throw new z.errors.ThrottledError(
        `Mobivate is limiting how fast requests may be sent (${said}); Zapier will try again${delay === null ? ' shortly' : ` in ${delay} seconds`}.`,
        delay ?? undefined,
      );
    }
  }
  if (status >= 500) {
    const name = STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : '';
    throw new z.errors.Error(
      `Mobivate had a problem answering ${request} (HTTP ${status}${name}): ${said}. ${ifUncertain || 'This is usually temporary: replay the run later, and contact Mobivate support if it keeps happening.'}`,
      'MobivateServerError',
      status,
    );
  }
  throw new z.errors.Error(
    `Mobivate answered ${request} with HTTP ${status}: ${said}.`,
    'MobivateError',
    status,
  );
};

/** A 2xx answer that is not what the documentation promises: never report it as a success. */
export const unexpectedAnswer = (
  z: ZObject,
  response: HttpResponse,
  bundle: Bundle,
  expected: string,
  ifUncertain?: string,
): Error =>
  new z.errors.Error(
    `Mobivate answered ${requestLine(response)} with HTTP ${response.status} but not with ${expected}: ${excerpt(response.content ?? '', bundle)}. The step stopped rather than report a success it cannot confirm. ${ifUncertain ?? 'Check the API Address of your Mobivate connection; if it is right, send this message to Mobivate support.'}`,
    'MobivateUnexpectedAnswer',
    response.status,
  );

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'the server refused the connection',
  ECONNRESET: 'the connection was reset before Mobivate answered',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host could not be reached',
  EPIPE: 'the connection was closed while sending',
  CERT_HAS_EXPIRED: "the server's certificate has expired",
};

interface TransportError {
  name?: string;
  type?: string;
  code?: string;
  errno?: string;
}

/** node-fetch's FetchError (and the system errors it wraps) as opposed to Zapier's own errors. */
export const isTransportError = (error: unknown): error is TransportError & Error =>
  error instanceof Error && (error.name === 'FetchError' || error.name === 'AbortError');

export const transportError = (
  z: ZObject,
  error: TransportError & Error,
  origin: string,
  timeoutSeconds: number,
  ifUncertain = '',
): Error => {
  const code = error.code ?? error.errno ?? '';
  // Refused or unresolved connections sent nothing; anything else may have reached Mobivate.
  const certainlyNotSent = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(code);
  const reason =
    error.type === 'request-timeout' || error.name === 'AbortError'
      ? `Mobivate did not answer within ${timeoutSeconds} seconds`
      : (NETWORK_REASONS[code] ?? `the request failed (${code || error.type || 'network error'})`);
  return new z.errors.Error(
    `Could not reach Mobivate at ${origin}: ${reason}. ${ifUncertain && !certainlyNotSent ? ifUncertain : 'Check the API Address of your Mobivate connection; if it is right, replay the run later.'}`,
    'MobivateUnreachable',
  );
};
