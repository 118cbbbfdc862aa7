/**
 * Reading what Mobivate sends, tolerantly: numbers sent as text and text sent as numbers, mobile
 * numbers however formatted, and its envelopes; times are read in times.ts. Shared by both API
 * generations.
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

/**
 * Vortex wraps answers as {"success": true, "record": {…}} (§8.2, §V3); BulkSMS answers with the
 * record itself. Accept both.
 */
export const unwrapRecord = (body: unknown): unknown =>
  isObject(body) && body.success === true && isObject(body.record) ? body.record : body;
