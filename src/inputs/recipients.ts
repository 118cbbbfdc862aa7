import type { ZObject } from 'zapier-platform-core';
import { quoteInput } from '../common/text';
import type { BatchRecipient } from '../mobivate';
import { invalidRecipientsInput } from './batch-options';
import { normaliseMobile } from './phone';
import { recordProblem, settingProblem } from './read';

/**
 * Send Batch SMS's recipients, read without any request: the numbers of Recipients (all get
 * Message) and of Personalized Recipients (each with its own text and reference), normalised, each
 * problem said once, in the form `Recipient 3 ('abc'): …`.
 */
export interface RecipientInputs {
  recipients: unknown;
  message: string | undefined;
  lineItems: {
    line_recipient?: unknown;
    line_message?: unknown;
    line_reference?: unknown;
    /** `NAME=John; CITY=London`: values for the text's `{{KEY}}` placeholders (Vortex). */
    line_fields?: unknown;
    /** A template's language version (Send Template Campaign). */
    line_language?: unknown;
  }[];
  defaultCountry: string | undefined;
  excludeDuplicates: boolean;
  /** Group ids (Vortex mailing lists), each sent to as one recipient. */
  groups?: unknown;
  /** False when the text comes from elsewhere (a template): entries need no message. */
  needsText?: boolean;
}

export interface CollectedRecipients {
  /** How many entries were given. */
  given: number;
  recipients: BatchRecipient[];
  /** Entries that cannot be sent to, and why. */
  invalid: string[];
  /** Entries left out as repeats of an earlier one. */
  duplicates: string[];
}

interface Entry {
  position: number;
  raw: string;
  text: string | undefined;
  reference?: string;
  fields?: unknown;
  language?: string;
}

/**
 * A list input's entries: numbers, aliases or group ids mapped from a text field arrive as one
 * comma-, semicolon- or line-separated string.
 */
export const splitList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
    .flatMap((item) => String(item).split(/[,;\n]/))
    .map((item) => item.trim())
    .filter(Boolean);

const text = (value: unknown): string | undefined =>
  (typeof value === 'string' || typeof value === 'number') && String(value).trim()
    ? String(value)
    : undefined;

const entriesOf = ({ recipients, message, lineItems }: RecipientInputs): Entry[] =>
  [
    ...splitList(recipients).map((raw) => ({ raw, text: message })),
    ...lineItems
      .filter((item) => text(item.line_recipient) || text(item.line_message))
      .map((item) => ({
        raw: String(item.line_recipient ?? ''),
        text: text(item.line_message) ?? message,
        reference: text(item.line_reference)?.trim(),
        fields: item.line_fields,
        language: text(item.line_language)?.trim(),
      })),
  ].map((entry, index) => ({ ...entry, position: index + 1 }));

const FIELD_KEY = /^[A-Za-z0-9_]+$/;

/**
 * A recipient's fields, `KEY=value` pairs separated by semicolons or new lines (`NAME=John;
 * CITY=London`), for `{{KEY}}` placeholders; or what is wrong with them.
 */
export const readRecipientFields = (
  value: unknown,
): { fields?: Record<string, string> } | { problem: string } => {
  const raw = text(value);
  if (raw === undefined) return {};
  const fields: Record<string, string> = {};
  for (const pair of raw
    .split(/[;\n]/)
    .map((item) => item.trim())
    .filter(Boolean)) {
    const equals = pair.indexOf('=');
    const key = equals < 0 ? '' : pair.slice(0, equals).trim();
    if (!FIELD_KEY.test(key)) {
      return {
        problem: `its fields ${quoteInput(pair)} are not KEY=value (letters, digits and _ in the key), e.g. NAME=John; CITY=London`,
      };
    }
    if (key in fields) return { problem: `its fields name ${key} twice` };
    fields[key] = pair.slice(equals + 1).trim();
  }
  return { fields };
};

const collectGroups = (inputs: RecipientInputs, collected: CollectedRecipients) => {
  const seen = new Map<string, number>();
  splitList(inputs.groups).forEach((id, index) => {
    const label = `Group ${index + 1} ('${id}')`;
    const needsText = inputs.needsText ?? true;
    if (needsText && (inputs.message === undefined || !inputs.message.trim())) {
      collected.invalid.push(`${label}: it has no message. Fill in Message`);
    } else if (seen.has(id)) {
      collected.duplicates.push(`${label}: a duplicate of group ${seen.get(id)}`);
    } else {
      seen.set(id, index + 1);
      collected.recipients.push({ recipient: id, text: inputs.message ?? '', group: true });
    }
  });
};

export const collectRecipients = (inputs: RecipientInputs): CollectedRecipients => {
  const entries = entriesOf(inputs);
  const needsText = inputs.needsText ?? true;
  const collected: CollectedRecipients = {
    given: entries.length + splitList(inputs.groups).length,
    recipients: [],
    invalid: [],
    duplicates: [],
  };
  const firstPosition = new Map<string, number>();
  for (const entry of entries) {
    // Short entries keep the familiar 'quote'; a pasted novel is cut (quoteInput).
    const shown = [...entry.raw].length > 60 ? quoteInput(entry.raw) : `'${entry.raw}'`;
    const label = `Recipient ${entry.position} (${shown})`;
    const number = normaliseMobile(entry.raw, inputs.defaultCountry);
    const fields = readRecipientFields(entry.fields);
    if ('problem' in number) {
      collected.invalid.push(`${label}: ${number.problem}`);
    } else if ('problem' in fields) {
      collected.invalid.push(`${label}: ${fields.problem}`);
    } else if (needsText && (entry.text === undefined || !entry.text.trim())) {
      collected.invalid.push(
        `${label}: it has no message. Fill in Message, or the recipient’s own message`,
      );
    } else if (inputs.excludeDuplicates && firstPosition.has(number.mobile)) {
      const first = firstPosition.get(number.mobile)!;
      collected.duplicates.push(`${label}: a duplicate of recipient ${first}`);
    } else {
      firstPosition.set(number.mobile, entry.position);
      collected.recipients.push({
        recipient: number.mobile,
        text: entry.text ?? '',
        reference: entry.reference,
        ...(fields.fields ? { fields: fields.fields } : {}),
        ...(entry.language ? { language: entry.language } : {}),
      });
    }
  }
  collectGroups(inputs, collected);
  return collected;
};

const MAX_LISTED_PROBLEMS = 10;
const listProblems = (problems: string[]) =>
  problems.slice(0, MAX_LISTED_PROBLEMS).join('; ') +
  (problems.length > MAX_LISTED_PROBLEMS
    ? `; and ${problems.length - MAX_LISTED_PROBLEMS} more`
    : '');

/**
 * Stops before anything is sent when no recipient is usable, or when any is not and the user
 * chose to be alerted (If a Number Is Invalid, invalidRecipientsInput); otherwise returns the
 * skipped entries, each with why.
 */
export const refuseUnusable = (
  z: ZObject,
  collected: CollectedRecipients,
  inputData: Record<string, unknown>,
) => {
  const ifInvalid = invalidRecipientsInput.read(z, inputData);
  const { given, invalid, duplicates, recipients } = collected;
  if (given === 0) {
    throw recordProblem(z)(
      'There are no recipients: map numbers into Recipients or Personalized Recipients, or group ids into Groups.',
    );
  }
  if (invalid.length > 0 && ifInvalid === 'fail') {
    // The user chose to be alerted: an error, not a halt.
    throw settingProblem(
      z,
      'InvalidRecipients',
    )(
      `Nothing was sent: ${invalid.length} of ${given} recipients cannot be used. ${listProblems(invalid)}.`,
    );
  }
  const skipped = [...invalid, ...duplicates];
  if (recipients.length === 0) {
    throw recordProblem(z)(`Nothing was sent: no recipient can be used. ${listProblems(skipped)}.`);
  }
  return skipped;
};
