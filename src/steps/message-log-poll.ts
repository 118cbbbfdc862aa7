import type { Bundle, ZObject } from 'zapier-platform-core';
import { mobivate, type LoggedMessage } from '../mobivate';
import { pollItems, pollRead } from './polls';

/** What a polling trigger over the log makes of its records. */
export interface LogPoll<Item> {
  direction: 'incoming' | 'sent';
  /** Zero or one item per record (a sent message without a status has nothing to announce). */
  toItem: (message: LoggedMessage) => Item[];
  /** The trigger's filters. */
  keep: (item: Item) => boolean;
}

type Dated = { id: string; created: string | null };

/** Descending, by code unit: ISO-8601 UTC times compare as text, and no locale may reorder ids. */
export const descending = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);

/** Newest first; an unreadable time last; equal times by id, so the order is the same each poll. */
const newestFirst = (a: Dated, b: Dated): number =>
  descending(a.created ?? '', b.created ?? '') || descending(a.id, b.id);

/**
 * One poll of the log: the window, newest first. The log's order is undocumented, so the newest
 * items are known only from what was read: a poll reads as far as a search may, and returns the
 * newest it may (`pollItems`). Turning a Zap on (`isPopulatingDedupe`) reads the same and returns
 * the same, so every item a later poll can return is marked seen then, and nothing from before the
 * Zap was on is announced. Samples read one page only. The log filters by when a message was
 * created, so a status that changes more than three days after the send is not seen.
 */
export const pollMessageLog = async <Item extends Dated>(
  z: ZObject,
  bundle: Bundle,
  poll: LogPoll<Item>,
): Promise<Item[]> => {
  const read = pollRead(bundle);
  const scan = await mobivate(z, bundle).messageLog.scan(read.window, {
    direction: poll.direction,
    limits: read.limits,
  });
  const items = scan.items.flatMap(poll.toItem).filter(poll.keep).sort(newestFirst);
  return pollItems(z, read, items, {
    complete: scan.complete,
    requests: scan.requests,
    read: scan.items.length,
    noun: 'message',
  });
};
