import type { ZObject } from 'zapier-platform-core';
import { appError, type ErrorCode } from '../common/error-codes';
import { describeValue, quoteInput } from '../common/text';

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
export const singleText = (
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
 * that the user is alerted. docs/operations.md, "Halts and errors".
 */
export const recordProblem = (z: ZObject) => (message: string) => new z.errors.HaltedError(message);
export const settingProblem = (z: ZObject, code: ErrorCode) => (message: string) =>
  appError(z, code, message);

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

/**
 * A dropdown defined once with its reader, so its label and values cannot drift apart: `field`
 * goes into the operation's inputFields, `read` takes the value from its inputData.
 */
export const choiceInput = <const Key extends string, const Value extends string>(spec: {
  key: Key;
  label: string;
  /** Each value with its label, in the order the dropdown shows them. */
  choices: Record<Value, string>;
  fallback: NoInfer<Value>;
  helpText?: string;
  group?: string;
}) => {
  const values = Object.keys(spec.choices) as Value[];
  return {
    field: {
      key: spec.key,
      label: spec.label,
      type: 'string' as const,
      required: false as const,
      default: spec.fallback,
      choices: values.map((value) => ({ value, sample: value, label: spec.choices[value] })),
      ...(spec.helpText === undefined ? {} : { helpText: spec.helpText }),
      ...(spec.group === undefined ? {} : { group: spec.group }),
    },
    read: (z: ZObject, inputData: Record<string, unknown>): Value =>
      readChoice(z, spec.label, inputData[spec.key], values, spec.fallback),
  };
};

/**
 * The one vocabulary of "what if it did not happen" (Send SMS: the text was not sent; Delete
 * Opt-Out: nothing was removed; Delete Contact: nothing was deleted), so that each word means
 * the same in every step: `stop` halts the run quietly (no alert, later steps do not run),
 * `continue` outputs the fact as false so that later steps run and can filter on it, `fail` is an
 * error that alerts (docs/operations.md, "Halts and errors").
 */
export type IfNotDone = 'stop' | 'continue' | 'fail';

const IF_NOT_DONE_LABELS = {
  stop: () => 'Stop this run quietly',
  continue: (output: string) => `Continue with ${output} = false`,
  fail: () => 'Fail with an error',
} as const;

/** A choiceInput in that vocabulary; `output` is the label of the fact it sets to false. */
export const ifNotDoneInput = <const Key extends string, const Value extends IfNotDone>(spec: {
  key: Key;
  label: string;
  output: string;
  /** The values offered, in the order the dropdown shows them. */
  values: readonly Value[];
  fallback: NoInfer<Value>;
  helpText: string;
}) =>
  choiceInput({
    key: spec.key,
    label: spec.label,
    choices: Object.fromEntries(
      spec.values.map((value) => [value, IF_NOT_DONE_LABELS[value](spec.output)]),
    ) as Record<Value, string>,
    fallback: spec.fallback,
    helpText: spec.helpText,
  });

/**
 * What `stop` and `fail` throw: a halt (no alert; Zapier does not count it toward turning the Zap
 * off) or the error the user chose to be alerted by, with its code.
 */
export const notDoneError = (
  z: ZObject,
  choice: 'stop' | 'fail',
  code: ErrorCode,
  message: string,
  status?: number,
): Error =>
  choice === 'stop' ? new z.errors.HaltedError(message) : appError(z, code, message, status);

/** Rarely used inputs go in this group, after the fields every Zap fills in. */
export const ADVANCED = { key: 'advanced', label: 'Advanced' } as const;
