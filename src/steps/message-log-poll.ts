import type { Bundle, ZObject } from 'zapier-platform-core';
import { appError } from '../common/error-codes';
import { formatCount } from '../common/text';
import { mobivate, type LoggedMessage } from '../mobivate';
import { SAMPLE_SIZE, pollRead } from './polls';

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
 * messages from before the Zap was on. Samples read one page only. The log filters by when a
 * message was created, so a status that changes more than three days after the send is not seen.
 */
export const pollMessageLog = async <Item extends Dated>(
  z: ZObject,
  bundle: Bundle,
  poll: LogPoll<Item>,
): Promise<Item[]> => {
  const { sample, window, limits } = pollRead(bundle);
  const scan = await mobivate(z, bundle).messageLog.scan(window, {
    direction: poll.direction,
    limits,
  });
  if (!scan.complete && !sample) {
    const read = `${formatCount(scan.items.length)} read in ${scan.requests} requests`;
    throw appError(z, 'MessagePollIncomplete', poll.tooMany(read));
  }
  const items = scan.items.flatMap(poll.toItem).filter(poll.keep).sort(newestFirst);
  return sample ? items.slice(0, SAMPLE_SIZE) : items;
};
