import { appError } from './error-codes';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { DAY_MS, POLL_LIMITS, mobivate, type LoggedMessage } from './mobivate';
import { formatCount } from './text';

/**
 * New Incoming SMS and New Delivery Status read the messages of the last three days, like New
 * Opt-Out: Zapier polls every 1 to 15 minutes and remembers the ids it has seen, so the window
 * only needs to outlast a pause in polling. The log filters by when a message was created, so a
 * status that changes more than three days after the message was sent is not seen.
 */
export const POLL_WINDOW_DAYS = 3;

/**
 * While a Zap is built, the editor wants a few real items fast: the first page of the last 30
 * days (a quiet account still has something to show), its newest three.
 */
export const SAMPLE_WINDOW_DAYS = 30;
export const SAMPLE_SIZE = 3;

/** What a polling trigger over the log makes of its records. */
export interface LogPoll<Item> {
  direction: 'incoming' | 'sent';
  /** Zero or one item per record (a sent message without a status has nothing to announce). */
  toItem: (message: LoggedMessage) => Item[];
  /** The trigger's filters. */
  keep: (item: Item) => boolean;
  /** The sentence that says the window holds more than one poll can read, and what to do. */
  tooMany: (read: string) => string;
}

type Dated = { id: string; created: string | null };

/** Descending, by code unit: ISO-8601 UTC times compare as text, and no locale may reorder ids. */
export const descending = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);

/** Newest first; an unreadable time last; equal times by id, so the order is the same each poll. */
const newestFirst = (a: Dated, b: Dated): number =>
  descending(a.created ?? '', b.created ?? '') || descending(a.id, b.id);

/**
 * One poll of the log: every page of the window, newest first. The log's order is undocumented,
 * so only the whole window shows which items are newest; a scan that stops at its bound fails
 * rather than return part of it. Turning a Zap on (`isPopulatingDedupe`) reads the same window:
 * every item a later poll can return must be marked seen then, or the first poll would announce
 * messages from before the Zap was on. Samples read one page only.
 */
export const pollMessageLog = async <Item extends Dated>(
  z: ZObject,
  bundle: Bundle,
  poll: LogPoll<Item>,
): Promise<Item[]> => {
  const now = Date.now();
  const sample = bundle.meta?.isLoadingSample === true;
  const days = sample ? SAMPLE_WINDOW_DAYS : POLL_WINDOW_DAYS;
  const scan = await mobivate(bundle).messageLog.scan(
    z,
    bundle,
    // A day ahead, so a Mobivate clock slightly ahead of Zapier's cannot hide a new message.
    { start: now - days * DAY_MS, end: now + DAY_MS },
    { direction: poll.direction },
    sample ? { ...POLL_LIMITS, maxRequests: 1 } : POLL_LIMITS,
  );
  if (!scan.complete && !sample) {
    const read = `${formatCount(scan.items.length)} read in ${scan.requests} requests`;
    throw appError(z, 'MessagePollIncomplete', poll.tooMany(read));
  }
  const items = scan.items.flatMap(poll.toItem).filter(poll.keep).sort(newestFirst);
  return sample ? items.slice(0, SAMPLE_SIZE) : items;
};
