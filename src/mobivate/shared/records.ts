/**
 * Reading what Mobivate sends, tolerantly: numbers sent as text and text sent as numbers, mobile
 * numbers however formatted, and the several forms of its timestamps (docs/mobivate-api.md §9 #17).
 * Shared by both API generations.
 */

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A record read from a Mobivate answer, or why it cannot be read, in words that never quote it
 * (they go to the logs), with whatever of it could be read.
 */
export type Readout<T> = { record: T } | { problem: string; partial?: Partial<T> };

const NUMERIC_TEXT = /^-?\d+(?:\.\d+)?$/;
const PHONE_TEXT = /^[\d\s+().\-/]+$/;
/** The range of instants a JavaScript Date can hold. */
const MAX_MILLIS = 8.64e15;

/** A number where one is documented, also when sent as a numeric string ("2", "0.05"). */
export const tolerantNumber = (value: unknown): number | undefined => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' && NUMERIC_TEXT.test(value.trim())
    ? Number(value.trim())
    : undefined;
};

/** A string where one is documented, also when sent as a finite number (an id, a code). */
export const tolerantString = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' && Number.isFinite(value)
      ? String(value)
      : undefined;

/** An identifier: non-empty text, or a number. */
export const tolerantId = (value: unknown): string | undefined =>
  tolerantString(value)?.trim() || undefined;

/**
 * A mobile number as Mobivate stores it, international digits without "+" (§2.1), however it was
 * formatted ("+44 7700 900123", "44-7700-900123", 447700900123). No country code starts with 0, so
 * a leading "00" can only be the international prefix.
 */
export const mobileDigits = (value: unknown): string | undefined => {
  const text =
    typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : '') : value;
  if (typeof text !== 'string' || !PHONE_TEXT.test(text)) return undefined;
  return text.replace(/\D/g, '').replace(/^00/, '') || undefined;
};

export const optionalString = (value: unknown): string | null => tolerantString(value) ?? null;
export const optionalNumber = (value: unknown): number | null => tolerantNumber(value) ?? null;

/** Epoch milliseconds (§2.1), also as a numeric string or a timestamp. */
export const readEpochMillis = (value: unknown): number | undefined => {
  const millis = tolerantNumber(value) ?? Date.parse(mobivateTimeToIso(value) ?? '');
  return Number.isFinite(millis) && Math.abs(millis) <= MAX_MILLIS ? millis : undefined;
};

/** Timestamps are documented as text (§9 #17); a number is read as epoch milliseconds. */
export const tolerantTime = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim() ? value : undefined;
  const millis = tolerantNumber(value);
  return millis !== undefined && Math.abs(millis) <= MAX_MILLIS
    ? epochMillisToIso(millis)
    : undefined;
};

/**
 * Dates for the list endpoints' startDate/endDate (§2.1): `YYYY-MM-DDTHH:MM:SS+0000`, the offset
 * without a colon. Always UTC. (z.request encodes the "+" as %2B, as the docs require.)
 */
export const formatMobivateDate = (millis: number): string =>
  new Date(millis).toISOString().replace(/\.\d{3}Z$/, '+0000');

/** G1 opt-out timestamps are epoch milliseconds (§2.1, §9 #17); Zapier wants ISO-8601. */
export const epochMillisToIso = (millis: number): string => new Date(millis).toISOString();

/** Any of Mobivate's time forms (epoch milliseconds, timestamps) as ISO-8601 UTC. */
export const readIsoTime = (value: unknown): string | undefined => {
  const millis = readEpochMillis(value);
  return millis === undefined ? undefined : epochMillisToIso(millis);
};

/**
 * Mobivate's timestamps come in several forms (§9 #17): `2023-07-28T03:23:22.000+00:00` (receipts),
 * `2023-09-01T00:30:36+0000` (incoming, logs), `…Z` (G2) and epoch milliseconds (opt-outs).
 * Returns ISO-8601 UTC, or undefined when the value is none of them.
 */
export const mobivateTimeToIso = (value: unknown): string | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return epochMillisToIso(value);
  if (typeof value !== 'string') return undefined;
  const match =
    /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      value.trim(),
    );
  if (!match) return undefined;
  const [, date, time, zone = 'Z'] = match;
  const offset = /^[+-]\d{4}$/.test(zone)
    ? `${zone.slice(0, 3)}:${zone.slice(3)}`
    : zone.toUpperCase();
  const millis = Date.parse(`${date}T${time}${offset}`);
  return Number.isNaN(millis) ? undefined : new Date(millis).toISOString();
};

/**
 * Vortex wraps answers as {"success": true, "record": {…}} (§8.2, §V3); BulkSMS answers with the
 * record itself. Accept both.
 */
export const unwrapRecord = (body: unknown): unknown =>
  isObject(body) && body.success === true && isObject(body.record) ? body.record : body;
