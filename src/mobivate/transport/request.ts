import type { Bundle, HttpRequestOptions, ZObject } from 'zapier-platform-core';
import { USER_AGENT } from '../../common/app';
import { appError } from '../../common/error-codes';
import { formatCount } from '../../common/text';
import { DEFAULT_API_URL, resolveApiUrl } from './address';
import { decodeBody, readAnswer, type MobivateAnswer } from './answer';
import { authDataOf } from './auth-data';
import { MIN_REQUEST_MS, REQUEST_TIMEOUT_MS, stepDeadline } from './deadline';
import { excerpt, mobivateError } from './errors';
import {
  MAX_ANSWER_BYTES,
  codeOf,
  isTransportError,
  transportError,
  type TransportError,
} from './failures';
import { scrubSecrets } from './secrets';

export const FORM_TYPE = 'application/x-www-form-urlencoded';

export interface MobivateRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** A path relative to the connection's API Address (each resource module names its own). */
  path: string;
  body?: Record<string, unknown>;
  /**
   * A form-encoded body (application/x-www-form-urlencoded) instead of JSON, for the one request
   * Mobivate documents that way (Create Group, §V5). Not together with `body`.
   */
  form?: Record<string, string>;
  params?: Record<string, string | number>;
  /**
   * Error statuses the caller interprets itself (e.g. 404 on delete). Every other error status is
   * mapped by errors.ts.
   */
  expectedErrorStatuses?: readonly number[];
  /**
   * For requests that must never be repeated blindly (sends): the sentence that replaces "replay
   * later" when the request may have been carried out (5xx, timeouts, dropped connections).
   */
  unclearOutcomeNote?: string;
  /**
   * Start the request only with at least this much of the step left (never less than
   * MIN_REQUEST_MS; more than REQUEST_TIMEOUT_MS is not needed, the request is cut off then).
   */
  minTimeLeftMs?: number;
}

/** Why a request got no answer: a transport failure, or no time left in the step to start it. */
export type NoAnswer =
  | { kind: 'transport'; error: TransportError; origin: string; seconds: number }
  | { kind: 'no-time' };

/** The origin of the connection's API Address, or a Zapier error before anything is sent. */
export const apiOrigin = (z: ZObject, bundle: Bundle): string => {
  const { api_url: address, api_platform: platform } = authDataOf(bundle);
  const resolved = resolveApiUrl(address, bundle);
  if ('problem' in resolved) throw appError(z, 'InvalidApiAddress', resolved.problem);
  // Vortex lives at an address Mobivate gives each customer (§V1), not at BulkSMS's default one.
  if (platform === 'vortex' && resolved.origin === DEFAULT_API_URL) {
    throw appError(
      z,
      'InvalidApiAddress',
      `The connection is set to the Vortex API, but its API Address is ${DEFAULT_API_URL}, the BulkSMS API's. Enter the Vortex address Mobivate gave your account (often https://vortex.mobivatebulksms.com), or set Mobivate API to BulkSMS API.`,
    );
  }
  return resolved.origin;
};

/**
 * What z.request is given: raw, so that the body is read here within the step's deadline and
 * core's request log does not keep it (answers hold phone numbers and may echo the key in forms
 * core does not scrub; logAnswer logs a line instead); no redirect followed (redirects.ts); no
 * answer read past MAX_ANSWER_BYTES; nothing merged, since texts carry {{placeholders}} that core
 * would refuse or rewrite (the app uses no request template). The body is encoded here, as core
 * would not encode an unmerged one (headers.ts sets its type, keeping the form type set here).
 */
const requestOptions = (
  url: string,
  { method, body, form, params }: Pick<MobivateRequest, 'method' | 'body' | 'form' | 'params'>,
  signal: AbortSignal,
) =>
  ({
    method,
    url,
    body: form
      ? new URLSearchParams(form).toString()
      : body === undefined
        ? undefined
        : JSON.stringify(body),
    headers: { 'User-Agent': USER_AGENT, ...(form ? { 'Content-Type': FORM_TYPE } : {}) },
    params,
    signal,
    skipThrowForStatus: true,
    raw: true,
    redirect: 'manual',
    size: MAX_ANSWER_BYTES,
    merge: false,
  }) as HttpRequestOptions & { url: string; raw: true; redirect: 'manual'; size: number };

/**
 * Sends one request and reads the whole answer, within what is left of the step's deadline.
 * Never throws for an HTTP status or a transport failure: callers that report on several
 * requests (batch sends) decide from the result.
 */
export const attemptMobivate = async <T = unknown>(
  z: ZObject,
  bundle: Bundle,
  { method, path, body, form, params, minTimeLeftMs = 0 }: MobivateRequest,
): Promise<MobivateAnswer<T> | NoAnswer> => {
  const origin = apiOrigin(z, bundle);
  const timeLeftMs = stepDeadline(bundle) - Date.now();
  const needed = Math.max(MIN_REQUEST_MS, Math.min(REQUEST_TIMEOUT_MS, minTimeLeftMs));
  if (timeLeftMs < needed) return { kind: 'no-time' };
  const timeoutMs = Math.min(REQUEST_TIMEOUT_MS, timeLeftMs);
  // One timer for the headers and the body: node-fetch's own `timeout` restarts for the body.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const started = Date.now();
  try {
    const response = await z.request(
      requestOptions(`${origin}${path}`, { method, body, form, params }, abort.signal),
    );
    const bytes = await response.buffer();
    const answer = readAnswer<T>({
      method,
      url: response.request.url ?? `${origin}${path}`,
      status: response.status,
      content: decodeBody(bytes, response.getHeader('content-type')),
      retryAfter: response.getHeader('retry-after') ?? undefined,
      location: response.getHeader('location') ?? undefined,
    });
    logAnswer(z, bundle, answer, bytes.length, Date.now() - started);
    return answer;
  } catch (error) {
    if (!isTransportError(error)) throw error;
    z.console.log(
      `${method} ${path} failed in transport: ${error.name} ${error.type ?? ''} ${codeOf(error)}`,
    );
    const shownOrigin = scrubSecrets(origin, bundle);
    return { kind: 'transport', error, origin: shownOrigin, seconds: Math.round(timeoutMs / 1000) };
  } finally {
    clearTimeout(timer);
  }
};

/**
 * One log line per answer, for support: the request, the status, its size and time, and for an
 * answer that is not a success a shortened excerpt with every form of the key removed. Never a
 * whole body: answers hold phone numbers and texts.
 */
const logAnswer = (
  z: ZObject,
  bundle: Bundle,
  answer: MobivateAnswer,
  bytes: number,
  ms: number,
) => {
  const took = `${formatCount(bytes)} bytes in ${formatCount(ms)} ms`;
  z.console.log(
    answer.status >= 300
      ? `${answer.request} answered HTTP ${answer.httpStatus} (${took}): ${excerpt(answer.content, bundle)}`
      : `${answer.request} answered HTTP ${answer.httpStatus} (${took})`,
  );
};

export const isNoAnswer = (result: MobivateAnswer | NoAnswer): result is NoAnswer =>
  'kind' in result;

/** The error for a request that got no answer. */
export const noAnswerError = (
  z: ZObject,
  noAnswer: NoAnswer,
  request: MobivateRequest,
  unclearOutcomeNote?: string,
): Error =>
  noAnswer.kind === 'no-time'
    ? appError(
        z,
        'StepDeadline',
        `Stopped before the next request to Mobivate: this step had almost used up Zapier's time limit. Nothing further was sent.`,
      )
    : transportError(z, noAnswer.error, noAnswer.origin, noAnswer.seconds, unclearOutcomeNote);

/**
 * The one way this app talks to Mobivate (headers are added by headers.ts): the answer, or
 * the Zapier error for a failure the caller does not read itself (see `expectedErrorStatuses`).
 */
export const callMobivate = async <T = unknown>(
  z: ZObject,
  bundle: Bundle,
  request: MobivateRequest,
): Promise<MobivateAnswer<T>> => {
  const result = await attemptMobivate<T>(z, bundle, request);
  if (isNoAnswer(result)) throw noAnswerError(z, result, request, request.unclearOutcomeNote);
  if (result.status >= 300 && !request.expectedErrorStatuses?.includes(result.status)) {
    throw mobivateError(z, result, bundle, request.unclearOutcomeNote);
  }
  return result;
};
