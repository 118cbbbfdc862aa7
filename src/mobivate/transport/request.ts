import type { Bundle, HttpRequestOptions, ZObject } from 'zapier-platform-core';
import { appError } from '../../common/error-codes';
import { DEFAULT_API_URL, resolveApiUrl } from './address';
import { readAnswer, type MobivateAnswer } from './answer';
import { authDataOf } from './auth-data';
import { MIN_REQUEST_MS, REQUEST_TIMEOUT_MS, stepDeadline } from './deadline';
import { excerpt, mobivateError } from './errors';
import { codeOf, isTransportError, transportError, type TransportError } from './failures';
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
  try {
    // Raw: the body is read here, within the same deadline, and core does not log it as it came
    // (core's log would keep forms of the key it does not scrub); a scrubbed excerpt is logged.
    const response = await z.request({
      method,
      url: `${origin}${path}`,
      // Encoded here: with nothing merged, core would not encode it (headers.ts sets the type,
      // keeping the form type set here).
      body: form
        ? new URLSearchParams(form).toString()
        : body === undefined
          ? undefined
          : JSON.stringify(body),
      ...(form ? { headers: { 'Content-Type': FORM_TYPE } } : {}),
      params,
      signal: abort.signal,
      skipThrowForStatus: true,
      raw: true,
      // Texts carry {{placeholders}} (Mobivate fills in contact fields): core would refuse or
      // rewrite curly braces in a request it merges, so nothing is merged (we use no template).
      merge: false,
    } as HttpRequestOptions & { url: string; raw: true });
    const answer = readAnswer<T>({
      method,
      url: response.request.url ?? `${origin}${path}`,
      status: response.status,
      content: await response.text(),
      retryAfter: response.getHeader('retry-after') ?? undefined,
    });
    if (answer.status >= 400) {
      z.console.log(
        `${answer.request} answered HTTP ${answer.httpStatus}: ${excerpt(answer.content, bundle)}`,
      );
    }
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
  if (result.status >= 400 && !request.expectedErrorStatuses?.includes(result.status)) {
    throw mobivateError(z, result, bundle, request.unclearOutcomeNote);
  }
  return result;
};
