import type { ZObject } from 'zapier-platform-core';
import { appError, type ErrorCode } from './error-codes';
import { readOriginator } from './mobivate/sender-id';
import { normaliseMobile } from './phone';
import { smsParts } from './sms-parts';
import { describeCharacter, describeValue, quoteInput } from './text';

/**
 * Reads what a Zap mapped into an input: one text, a number, a choice. A bad value of the record
 * halts, a bad setting of the Zap is an error (docs/operations.md, "Halts and errors"); nothing
 * is sent before every input is read.
 */

/**
 * The text of an input that takes one value: a string, or a number as text; empty when absent.
 * A list, a yes/no value or an object is refused, saying what arrived: String() would turn
 * ["a", "b"] into "a,b" and true into "true", and sending those is never what the user meant.
 */
const singleText = (
  z: ZObject,
  label: string,
  value: unknown,
  what: string,
  fail: (message: string) => Error,
) => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value === undefined || value === null) return '';
  throw fail(
    `${label} cannot be used: it received ${describeValue(value)}, not ${what}. Map a field that holds ${what}.`,
  );
};

/**
 * A bad value in one record (a number a form visitor mistyped, a blank message column) halts the
 * run: Zapier counts errors, not halts, toward turning a Zap off, and the next record may be fine.
 * A setting made once in the Zap (sender ID, choices, limits, the connection) stays an error, so
 * that the user is alerted. docs/truthful-outcomes.md, "Halts and errors".
 */
export const recordProblem = (z: ZObject) => (message: string) => new z.errors.HaltedError(message);
export const settingProblem = (z: ZObject, code: ErrorCode) => (message: string) =>
  appError(z, code, message);

/**
 * Reads a phone number input in Mobivate's form, or stops the step with a message that quotes the
 * input and says how to fix it, before any request is sent.
 */
export const readMobile = (
  z: ZObject,
  label: string,
  value: unknown,
  defaultCountry: unknown,
): string => {
  const raw = singleText(z, label, value, 'one phone number', recordProblem(z));
  const country = singleText(
    z,
    'Default Country',
    defaultCountry,
    'one country code',
    settingProblem(z, 'InvalidDefaultCountry'),
  );
  const result = normaliseMobile(raw, country);
  if ('problem' in result) {
    const problem = `${label} ${quoteInput(raw)} cannot be used: ${result.problem}.`;
    // A Default Country that is not a country is the Zap's setting, not the record's number.
    throw /^the Default Country/.test(result.problem)
      ? settingProblem(z, 'InvalidDefaultCountry')(problem)
      : recordProblem(z)(problem);
  }
  return result.mobile;
};

const SENDER_HELP =
  'Enter a sender name of up to 11 letters and digits, or a number of up to 15 digits';

/** Reads the sender ID input, or stops the step before anything is sent. */
export const readSender = (z: ZObject, value: unknown): string => {
  const label = 'From (Sender ID)';
  const raw = singleText(z, label, value, 'one sender ID', settingProblem(z, 'InvalidSender'));
  const result = readOriginator(raw);
  if ('problem' in result) {
    // readOriginator's problems say what is wrong; an empty one already says what to enter.
    const fix = /\bEnter\b/.test(result.problem) ? '' : `. ${SENDER_HELP}`;
    throw appError(
      z,
      'InvalidSender',
      `${label} ${quoteInput(raw)} cannot be used: ${result.problem}${fix}.`,
    );
  }
  return result.originator;
};

/**
 * Reads a message text and its SMS encoding and parts, refusing an empty text or one longer than
 * Maximum Parts before anything is sent.
 */
export const readMessage = (z: ZObject, value: unknown, maxParts: unknown, label = 'Message') => {
  const text = singleText(z, label, value, 'one text', recordProblem(z));
  if (!text.trim()) {
    throw recordProblem(z)(`${label} is empty. Map or type the text to send.`);
  }
  const measured = smsParts(text);
  const limit = readMaxParts(z, maxParts);
  if (limit !== undefined && measured.parts > limit) {
    const why = measured.unicodeCharacter
      ? ` It is sent as Unicode (70 characters per SMS, 67 per part) because of ${describeCharacter(measured.unicodeCharacter)}.`
      : '';
    throw recordProblem(z)(
      `${label} needs ${measured.parts} SMS parts (${measured.units} ${measured.encoding === 'GSM-7' ? 'standard characters' : 'Unicode characters'}), more than Maximum Parts ${limit}.${why} Shorten the text or raise Maximum Parts.`,
    );
  }
  return { text, encoding: measured.encoding, parts: measured.parts };
};

/**
 * An optional whole number set in the Zap (Maximum Parts, Spread Over Hours, Lookback Days):
 * undefined when empty, or an error that says which numbers are allowed.
 */
export const readOptionalInteger = (
  z: ZObject,
  { label, value, min, max, allowed, code }: OptionalInteger,
): number | undefined => {
  const fail = settingProblem(z, code);
  const text = singleText(z, label, value, 'a whole number', fail).trim();
  if (!text) return undefined;
  const number = Number(text);
  if (Number.isInteger(number) && number >= min && (max === undefined || number <= max)) {
    return number;
  }
  throw fail(`${label} ${quoteInput(text)} cannot be used: ${allowed}.`);
};

interface OptionalInteger {
  label: string;
  value: unknown;
  min: number;
  max?: number;
  /** What to enter instead, e.g. "enter a whole number of 1 or more, or leave it empty". */
  allowed: string;
  code: ErrorCode;
}

/** Spread Over Hours of a batch-like send: hours, or undefined to send at once. */
export const readSpreadHours = (z: ZObject, value: unknown): number | undefined =>
  readOptionalInteger(z, {
    label: 'Spread Over Hours',
    value,
    min: 0,
    allowed: 'enter a whole number of hours, or leave it empty',
    code: 'InvalidSpreadHours',
  });

/** Send At of a batch-like send: a future time in milliseconds, or undefined to send now. */
export const readScheduleAt = (z: ZObject, value: unknown): number | undefined => {
  const text = optionalText(value);
  if (!text) return undefined;
  const millis = Date.parse(text);
  if (Number.isNaN(millis)) {
    throw recordProblem(z)(
      `Send At "${text}" is not a date and time. Pick one, or leave it empty to send now.`,
    );
  }
  if (millis <= Date.now()) {
    throw recordProblem(z)(
      `Send At "${text}" is in the past. Pick a future time, or leave it empty to send now.`,
    );
  }
  return millis;
};

const readMaxParts = (z: ZObject, value: unknown): number | undefined =>
  readOptionalInteger(z, {
    label: 'Maximum Parts',
    value,
    min: 1,
    allowed: 'enter a whole number of 1 or more, or leave it empty',
    code: 'InvalidMaxParts',
  });

/**
 * Reads a dropdown's value, in any letter case and trimmed, as one of allowedValues; empty gives
 * the fallback. Anything else stops the step naming the values allowed: a mapped "FAIL" must
 * not quietly mean "continue".
 */
export const readChoice = <const Value extends string>(
  z: ZObject,
  label: string,
  value: unknown,
  allowedValues: readonly Value[],
  fallback: Value,
): Value => {
  const allowed = allowedValues.map((option) => `"${option}"`).join(', ');
  const text = singleText(
    z,
    label,
    value,
    `one of ${allowed}`,
    settingProblem(z, 'InvalidChoice'),
  ).trim();
  if (!text) return fallback;
  const chosen = allowedValues.find((option) => option.toLowerCase() === text.toLowerCase());
  if (chosen !== undefined) return chosen;
  throw appError(
    z,
    'InvalidChoice',
    `${label} ${quoteInput(text)} cannot be used: choose one of ${allowed}, or leave it empty for "${fallback}".`,
  );
};

/** Booleans from Zapier arrive as true/false, or as text when mapped from another step. */
export const readBoolean = (value: unknown, fallback: boolean): boolean => {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && value.trim()) return !/^(false|no|0|off)$/i.test(value.trim());
  return fallback;
};

/** Optional text inputs: trimmed, and absent when empty. */
export const optionalText = (value: unknown): string | undefined => {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  return text || undefined;
};
