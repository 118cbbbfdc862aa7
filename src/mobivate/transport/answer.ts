import { scopeIn } from '../words';

/**
 * What Mobivate (or whatever answered at the API Address) said, read once, the same way for every
 * request. The operations decide from this; see docs/truthful-outcomes.md for the rules.
 */
export interface MobivateAnswer<T = unknown> {
  /**
   * The HTTP status, except for a 2xx whose body says it failed (`success: false`, or an error
   * `code` of 400 or more): then the body's code, or when it gives none 403 if it names a missing
   * permission scope and 400 otherwise.
   */
  status: number;
  httpStatus: number;
  /** The body as JSON (a leading byte-order mark allowed); undefined when it is not JSON. */
  data: T | undefined;
  content: string;
  /** "DELETE /addressbook/optout", for messages: never the host or the query string. */
  request: string;
  /** The error the body states, in any of Mobivate's error shapes. */
  error?: StatedError;
  retryAfter?: string;
}

export interface StatedError {
  message?: string;
  code?: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

const errorCode = (value: unknown): number | undefined => {
  const code = typeof value === 'string' && /^\d{3}$/.test(value.trim()) ? Number(value) : value;
  return typeof code === 'number' && Number.isInteger(code) && code >= 400 && code <= 599
    ? code
    : undefined;
};

/**
 * The error a body states, in Mobivate's shapes: `{"code", "message"}` (BulkSMS API),
 * `{"error": "…"}`, `{"success": false, "error": {…}}` (Vortex), `{"message": "…"}`, and
 * Spring-style `{"status": 404, "error": "Not Found"}` (words.ts tells such a body apart).
 */
export const statedError = (body: unknown): StatedError | undefined => {
  if (!isObject(body)) return undefined;
  const inner = isObject(body.error) ? body.error : undefined;
  const message =
    text(body.message) ??
    text(body.error) ??
    text(inner?.message) ??
    text(inner?.error) ??
    text(inner?.description);
  const code = errorCode(body.code) ?? errorCode(inner?.code) ?? errorCode(body.status);
  if (message === undefined && code === undefined) return undefined;
  return { message, code };
};

/** A 2xx body that says the request failed, which must never count as a success. */
const saysItFailed = (body: unknown): boolean =>
  isObject(body) && (body.success === false || errorCode(body.code) !== undefined);

const BYTE_ORDER_MARK = /^\uFEFF/;

const parseJson = (content: string): unknown => {
  try {
    return JSON.parse(content.replace(BYTE_ORDER_MARK, ''));
  } catch {
    return undefined;
  }
};

/** What arrived for one request, before it is read. */
export interface ReceivedAnswer {
  method: string;
  url: string;
  status: number;
  content: string;
  retryAfter?: string;
}

export const readAnswer = <T>({
  method,
  url,
  status,
  content,
  retryAfter,
}: ReceivedAnswer): MobivateAnswer<T> => {
  const data = parseJson(content) as T | undefined;
  const failedDespite2xx = status < 300 && saysItFailed(data);
  const error = status >= 400 || failedDespite2xx ? statedError(data) : undefined;
  return {
    status: failedDespite2xx ? (error?.code ?? (scopeIn(error?.message) ? 403 : 400)) : status,
    httpStatus: status,
    data,
    content,
    request: `${method} ${new URL(url).pathname}`,
    error,
    retryAfter,
  };
};
