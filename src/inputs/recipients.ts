import type { ZObject } from 'zapier-platform-core';
import { describeValue, quoteInput } from '../common/text';
import type { BatchRecipient } from '../mobivate';
import { invalidRecipientsInput } from './batch-options';
import { normaliseMobile } from './phone';
import { ONLY_AN_EXTENSION } from './phone-text';
import { recordProblem, settingProblem } from './read';
import { labelled } from './recipient-labels';
import { readRecipientFields } from './recipient-fields';
import { REASON, countReason, numberReason, type SkipReasons } from './skip-reasons';

/**
 * Send Batch SMS's recipients, read without any request: the numbers of Recipients (all get
 * Message) and of Personalized Recipients (each with its own text and reference), normalised, each
 * problem said once, in the form `Recipient 3 ('abc'): …`.
 */
export interface RecipientInputs {
  recipients: unknown;
  message: string | undefined;
  /** Personalized Recipients as mapped: a list of line items, or anything else (refused). */
  lineItems: unknown;
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
  /** How many of the invalid and duplicate entries there are per reason, in short. */
  reasons: SkipReasons;
  /** Why nothing may be sent at all: Personalized Recipients is not a list (refuseUnusable). */
  problem?: string;
}

interface Entry {
  position: number;
  raw: string;
  problem?: string; // why it is no recipient at all: a line item that is not one
  text: string | undefined;
  reference?: string;
  fields?: unknown;
  language?: string;
}

/**
 * A list input's entries: numbers or group ids mapped from a text arrive as one comma-, semicolon-
 * or line-separated string. A piece that is only an extension (`ext. 12`, `x12`) stays with the
 * number before it, which is then refused as Send SMS does: split off, the number would be sent
 * without it. Aliases are not split on commas: send-sms-to-contacts.ts.
 */
export const splitList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
    .flatMap((item) => {
      const pieces: string[] = [];
      let between = ''; // since the last piece: separators (split keeps them) and blanks
      String(item)
        .split(/([,;\n])/)
        .forEach((piece, index) => {
          if (index % 2 === 1 || !piece.trim()) {
            between += piece;
            return;
          }
          const extension = pieces.length > 0 && ONLY_AN_EXTENSION.test(piece.trim());
          pieces.push(extension ? `${pieces.pop()!}${between}${piece}` : piece);
          between = '';
        });
      return pieces;
    })
    .map((item) => item.trim());

const text = (value: unknown): string | undefined =>
  (typeof value === 'string' || typeof value === 'number') && String(value).trim()
    ? String(value)
    : undefined;

const empty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && !value.trim());

/** Personalized Recipients: line items, a list of objects; anything else is refused, whole. */
const readLineItems = (value: unknown): { items: unknown[] } | { problem: string } => {
  if (empty(value)) return { items: [] };
  if (Array.isArray(value)) return { items: value.filter((item) => !empty(item)) };
  return {
    problem: `Nothing was sent: Personalized Recipients received ${describeValue(value)}, not a list of recipients. Map line items into it (one recipient each, with its own fields), or leave it empty and map the numbers into Recipients.`,
  };
};

/**
 * A line item's entry (fields are `NAME=John; CITY=London`, for `{{KEY}}` placeholders; language is
 * a template's); none for an empty line, and one that cannot be used for what is not an object.
 */
const lineEntry = (item: unknown, message: string | undefined): Omit<Entry, 'position'>[] => {
  if (typeof item !== 'object' || Array.isArray(item)) {
    const problem = `Personalized Recipients holds ${describeValue(item)} here, not a recipient with its own fields. Map line items into Personalized Recipients, or numbers into Recipients`;
    return [{ raw: '', text: message, problem }];
  }
  const line = item as Record<string, unknown>;
  if (!text(line.line_recipient) && !text(line.line_message)) return [];
  const entry = {
    raw: String(line.line_recipient ?? ''),
    text: text(line.line_message) ?? message,
    reference: text(line.line_reference)?.trim(),
    fields: line.line_fields,
    language: text(line.line_language)?.trim(),
  };
  return [entry];
};

const entriesOf = ({ recipients, message }: RecipientInputs, lineItems: unknown[]): Entry[] =>
  [
    ...splitList(recipients).map((raw) => ({ raw, text: message })),
    ...lineItems.flatMap((item) => lineEntry(item, message)),
  ].map((entry, index) => ({ ...entry, position: index + 1 }));

/** Leaves an entry out, saying why in full (the list) and in short (the summary). */
const skip = (
  collected: CollectedRecipients,
  list: 'invalid' | 'duplicates',
  line: string,
  reason: string,
) => {
  collected[list].push(line);
  countReason(collected.reasons, reason);
};

const collectGroups = (inputs: RecipientInputs, collected: CollectedRecipients) => {
  const seen = new Map<string, number>();
  splitList(inputs.groups).forEach((id, index) => {
    const label = `Group ${index + 1} ('${id}')`;
    const needsText = inputs.needsText ?? true;
    if (needsText && (inputs.message === undefined || !inputs.message.trim())) {
      skip(collected, 'invalid', `${label}: it has no message. Fill in Message`, REASON.noMessage);
    } else if (seen.has(id)) {
      const line = `${label}: a duplicate of group ${seen.get(id)}`;
      skip(collected, 'duplicates', line, REASON.duplicate);
    } else {
      seen.set(id, index + 1);
      const group = { recipient: id, text: inputs.message ?? '', group: true };
      collected.recipients.push(labelled(group, label));
    }
  });
};

export const collectRecipients = (inputs: RecipientInputs): CollectedRecipients => {
  const lineItems = readLineItems(inputs.lineItems);
  const entries = entriesOf(inputs, 'items' in lineItems ? lineItems.items : []);
  const needsText = inputs.needsText ?? true;
  const collected: CollectedRecipients = {
    given: entries.length + splitList(inputs.groups).length,
    recipients: [],
    invalid: [],
    duplicates: [],
    reasons: {},
    ...('problem' in lineItems ? { problem: lineItems.problem } : {}),
  };
  const firstPosition = new Map<string, number>();
  for (const entry of entries) {
    // Short entries keep the familiar 'quote'; a pasted novel is cut (quoteInput).
    const shown = [...entry.raw].length > 60 ? quoteInput(entry.raw) : `'${entry.raw}'`;
    const label = `Recipient ${entry.position}${entry.problem ? '' : ` (${shown})`}`;
    const number = entry.problem
      ? { problem: entry.problem }
      : normaliseMobile(entry.raw, inputs.defaultCountry);
    const fields = readRecipientFields(entry.fields);
    if ('problem' in number) {
      const reason = entry.problem
        ? REASON.notARecipient
        : numberReason(entry.raw, inputs.defaultCountry);
      skip(collected, 'invalid', `${label}: ${number.problem}`, reason);
    } else if ('problem' in fields) {
      skip(collected, 'invalid', `${label}: ${fields.problem}`, REASON.badFields);
    } else if (needsText && (entry.text === undefined || !entry.text.trim())) {
      const line = `${label}: it has no message. Fill in Message, or the recipient’s own message`;
      skip(collected, 'invalid', line, REASON.noMessage);
    } else if (inputs.excludeDuplicates && firstPosition.has(number.mobile)) {
      const line = `${label}: a duplicate of recipient ${firstPosition.get(number.mobile)!}`;
      skip(collected, 'duplicates', line, REASON.duplicate);
    } else {
      firstPosition.set(number.mobile, entry.position);
      const recipient = {
        recipient: number.mobile,
        text: entry.text ?? '',
        reference: entry.reference,
        ...(fields.fields ? { fields: fields.fields } : {}),
        ...(entry.language ? { language: entry.language } : {}),
      };
      collected.recipients.push(labelled(recipient, label));
    }
  }
  collectGroups(inputs, collected);
  return collected;
};

const MAX_LISTED_PROBLEMS = 10;
/** The first ten problems, joined, and how many more there are. */
export const listProblems = (problems: string[]) =>
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
  if (collected.problem) throw recordProblem(z)(collected.problem);
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
