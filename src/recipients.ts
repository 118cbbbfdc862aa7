import type { BatchRecipient } from './mobivate';
import { normaliseMobile } from './phone';
import { quoteInput } from './text';

/**
 * Send Batch SMS's recipients, read without any request: the numbers of Recipients (all get
 * Message) and of Personalized Recipients (each with its own text and reference), normalised, each
 * problem said once, in the form `Recipient 3 ('abc'): …`.
 */
export interface RecipientInputs {
  recipients: unknown;
  message: string | undefined;
  lineItems: { line_recipient?: unknown; line_message?: unknown; line_reference?: unknown }[];
  defaultCountry: string | undefined;
  excludeDuplicates: boolean;
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
}

/** Numbers mapped from a text field arrive as one comma- or line-separated string. */
const splitNumbers = (value: unknown): string[] =>
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
    ...splitNumbers(recipients).map((raw) => ({ raw, text: message })),
    ...lineItems
      .filter((item) => text(item.line_recipient) || text(item.line_message))
      .map((item) => ({
        raw: String(item.line_recipient ?? ''),
        text: text(item.line_message) ?? message,
        reference: text(item.line_reference)?.trim(),
      })),
  ].map((entry, index) => ({ ...entry, position: index + 1 }));

export const collectRecipients = (inputs: RecipientInputs): CollectedRecipients => {
  const entries = entriesOf(inputs);
  const collected: CollectedRecipients = {
    given: entries.length,
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
    if ('problem' in number) {
      collected.invalid.push(`${label}: ${number.problem}`);
    } else if (entry.text === undefined || !entry.text.trim()) {
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
        text: entry.text,
        reference: entry.reference,
      });
    }
  }
  return collected;
};
