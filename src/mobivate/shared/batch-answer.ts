import type { AcceptedBatch, RefusedRecipient } from '../types';
import { says } from '../words';
import {
  isObject,
  mobileDigits,
  optionalString,
  tolerantId,
  tolerantNumber,
  unwrapRecord,
} from './records';

/**
 * Reads the answer to a batch-like send, of either generation: G1 echoes the campaign with its
 * `recipients` (§3.3), G2 answers `{success, record: {id, recipientCount}}` (§3.5), and template
 * and alias sends are not documented (§3.6, §3.7). How many Mobivate accepted is only what it
 * said: a count, the echoed recipients, or words like "120 recipients queued"; otherwise null,
 * never the request's size. Recipients it refused (`errors`, as a partial batch lists them) are
 * kept with its reason.
 */

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** "120 recipients queued", "Accepted 3 messages": a count in Mobivate's words. */
const countInWords = (message: unknown): number | undefined => {
  const said = text(message);
  const match =
    said &&
    (/\b(\d[\d,]*)\s+(?:recipients?|messages?|numbers?|contacts?)\s+(?:queued|accepted|scheduled|sent)\b/i.exec(
      said,
    ) ??
      /\b(?:queued|accepted|scheduled|sent)\s+(\d[\d,]*)\s+(?:recipients?|messages?|numbers?|contacts?)\b/i.exec(
        said,
      ));
  return match ? Number(match[1]!.replace(/,/g, '')) : undefined;
};

const acceptedCount = (body: Record<string, unknown>, record: Record<string, unknown>) =>
  tolerantNumber(record.recipientCount) ??
  (Array.isArray(record.recipients) ? record.recipients.length : undefined) ??
  tolerantNumber(body.recipientCount) ??
  countInWords(body.message) ??
  countInWords(record.message) ??
  null;

/** One entry of an `errors` list: `"…"`, or `{recipient|msisdn, error|message|reason}`. */
const refusedRecipient = (entry: unknown): RefusedRecipient | undefined => {
  if (text(entry)) {
    const reason = text(entry)!;
    return { recipient: null, reason, optedOut: says(reason, 'opted-out') };
  }
  if (!isObject(entry)) return undefined;
  const reason =
    text(entry.error) ?? text(entry.message) ?? text(entry.reason) ?? text(entry.status);
  if (!reason) return undefined;
  const recipient = mobileDigits(entry.recipient ?? entry.msisdn) ?? tolerantId(entry.recipient);
  return { recipient: recipient ?? null, reason, optedOut: says(reason, 'opted-out') };
};

const refusedIn = (...lists: unknown[]): RefusedRecipient[] =>
  lists.flatMap((list) =>
    Array.isArray(list) ? list.flatMap((entry) => refusedRecipient(entry) ?? []) : [],
  );

/**
 * An answer that says it succeeded and also states an error (`{"success": true, "error":
 * "Template not found"}`) contradicts itself: what became of the send is unknown. Its error.
 */
export const contradiction = (body: unknown): string | undefined =>
  isObject(body) && body.success === true
    ? (text(body.error) ?? (isObject(body.error) ? text(body.error.message) : undefined))
    : undefined;

/**
 * The batch Mobivate accepted, or undefined when the answer is not one. `bareSuccess` also takes
 * `{"success": true}` alone as accepted, without an id (template and alias sends, §3.6).
 */
export const readBatchAnswer = (body: unknown, bareSuccess = false): AcceptedBatch | undefined => {
  if (!isObject(body)) return undefined;
  const record = unwrapRecord(body);
  if (!isObject(record)) return undefined;
  const id = typeof record.id === 'string' && record.id ? record.id : undefined;
  if (!id && !(bareSuccess && body.success === true)) return undefined;
  return {
    id: id ?? '',
    name: optionalString(record.name),
    accepted: acceptedCount(body, record),
    // A BulkSMS answer is its own record: its errors are listed once, not twice.
    refused: refusedIn(body.errors, record === body ? undefined : record.errors),
  };
};
