import type { BatchRecipient } from '../mobivate';

/**
 * How each recipient collected from the inputs is named in a skipped line ("Recipient 3
 * ('+44 7700 900123')", "Group 1 ('…')"), kept beside the recipient rather than on it, since a
 * BatchRecipient is what goes to Mobivate. Set by collectRecipients (recipients.ts); read by the
 * steps that skip recipients after collecting them (already sent, quiet hours).
 */
const LABELS = new WeakMap<BatchRecipient, string>();

/** The recipient, labelled. */
export const labelled = <T extends BatchRecipient>(recipient: T, label: string): T => {
  LABELS.set(recipient, label);
  return recipient;
};

/** The recipient's label as the input named it; its number for one not collected from inputs. */
export const labelOf = (recipient: BatchRecipient): string =>
  LABELS.get(recipient) ?? `Recipient ${recipient.recipient}`;
