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
  /** Where a redirect pointed (its Location header), as given. */
  location?: string;
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

/** The first message of an `errors` list (`["…"]`, `[{"message"}]`) or map (`{"name": ["…"]}`). */
const firstOfErrors = (errors: unknown): string | undefined => {
  if (Array.isArray(errors)) {
    const first: unknown = errors[0];
    return (
      text(first) ?? (isObject(first) ? (text(first.message) ?? text(first.detail)) : undefined)
    );
  }
  if (!isObject(errors)) return undefined;
  const [field, value] = Object.entries(errors)[0] ?? [];
  const said = text(value) ?? (Array.isArray(value) ? text(value[0]) : undefined);
  return said && field ? `${field} ${said}` : said;
};

/**
 * The error a body states, in Mobivate's shapes: `{"code", "message"}` (BulkSMS API),
 * `{"error": "…"}`, `{"success": false, "error": {…}}` (Vortex), `{"message": "…"}`, and those of
 * web frameworks: Spring's `{"status": 404, "error": "Not Found"}`, `{"errors": […]}`,
 * `{"detail": "…"}` (words.ts tells a framework's words apart).
 */
export const statedError = (body: unknown): StatedError | undefined => {
  if (!isObject(body)) return undefined;
  const inner = isObject(body.error) ? body.error : undefined;
  const message =
    text(body.message) ??
    text(body.error) ??
    text(inner?.message) ??
    text(inner?.error) ??
    text(inner?.description) ??
    firstOfErrors(body.errors) ??
    text(body.detail);
  const code = errorCode(body.code) ?? errorCode(inner?.code) ?? errorCode(body.status);
  if (message === undefined && code === undefined) return undefined;
  return { message, code };
};

/** Words a `status` field uses for a failure (`{"status": "fail"}`). */
const FAILED_STATUS = /^(fail|failed|failure|error|invalid|denied|unauthori[sz]ed|forbidden)$/i;

const hasContent = (value: unknown): boolean =>
  typeof value === 'string'
    ? value.trim() !== ''
    : Array.isArray(value)
      ? value.length > 0
      : isObject(value) && Object.keys(value).length > 0;

/**
 * A 2xx body that says the request failed, which must never count as a success: `success:
 * false`, an error `code`, or, in a body that claims no success and carries no record, an
 * `error`, a list of `errors`, or a `status` that is an error code or a word for failure.
 */
const saysItFailed = (body: unknown): boolean => {
  if (!isObject(body)) return false;
  if (body.success === false || errorCode(body.code) !== undefined) return true;
  if (body.success === true || 'record' in body || 'id' in body) return false;
  return (
    hasContent(body.error) ||
    hasContent(body.errors) ||
    errorCode(body.status) !== undefined ||
    (typeof body.status === 'string' && FAILED_STATUS.test(body.status.trim()))
  );
};

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
  location?: string;
}

/**
 * The body as text, in the character set its Content-Type names (`charset=iso-8859-1`), UTF-8
 * when it names none or one this runtime does not know: an id in Latin-1 read as UTF-8 would
 * come out as another id.
 */
export const decodeBody = (bytes: Uint8Array, contentType: string | null | undefined): string => {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
};

export const readAnswer = <T>({
  method,
  url,
  status,
  content,
  retryAfter,
  location,
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
    location,
  };
};
