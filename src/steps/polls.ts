import type { Bundle, ZObject } from 'zapier-platform-core';
import { formatCount } from '../common/text';
import { DAY_MS, SCAN_LIMITS, type ScanLimits, type Window } from '../mobivate';

/**
 * The most items one poll returns. Zapier remembers 105,000 seen ids per Zap and forgets the
 * oldest beyond that, so a poll returning more would have old items announced again; 100 or more
 * new items are held for the user to confirm and then run one per second, so a bigger number buys
 * nothing in a flood. 25,000 keeps four polls' worth inside Zapier's memory (docs/triggers.md,
 * "Floods").
 */
export const POLL_MAX_ITEMS = 25_000;

/** Zapier accepts 20 MB from one poll; half of it leaves room for Zapier's own envelope. */
export const POLL_MAX_BYTES = 10 * 1024 * 1024;

/**
 * A poll of New Opt-Out, New Incoming SMS or New Delivery Status reads the last three days.
 * Zapier polls every 1 to 15 minutes and remembers the ids it has seen, so the window only needs
 * to outlast a pause in polling (an outage, a weekend with the Zap held); older items are not
 * announced again either way (docs/triggers.md).
 */
export const POLL_WINDOW_DAYS = 3;

/**
 * While a Zap is built, the editor wants a few real items fast: one page of the last 30 days (a
 * quiet account still has something to show), its newest three.
 */
export const SAMPLE_WINDOW_DAYS = 30;
export const SAMPLE_SIZE = 3;

/** What one poll reads: its window, and its bounds. */
export interface PollRead {
  sample: boolean;
  window: Window;
  limits: ScanLimits;
}

/**
 * A poll reads with a search's bounds (150 pages, 20 seconds), and returns at most the newest
 * POLL_MAX_ITEMS of what it read: a bigger read finds the newest items in a list of unknown order.
 */
export const pollRead = (bundle: Bundle): PollRead => {
  const now = Date.now();
  const sample = bundle.meta?.isLoadingSample === true;
  const days = sample ? SAMPLE_WINDOW_DAYS : POLL_WINDOW_DAYS;
  return {
    sample,
    // A day ahead, so a Mobivate clock slightly ahead of Zapier's cannot hide a new item.
    window: { start: now - days * DAY_MS, end: now + DAY_MS },
    limits: sample ? { ...SCAN_LIMITS, maxRequests: 1 } : SCAN_LIMITS,
  };
};

/** How many of the items, newest first, fit a poll's count and size. */
const fitting = (items: unknown[]): number => {
  let bytes = 2;
  for (let index = 0; index < items.length; index++) {
    if (index === POLL_MAX_ITEMS) return index;
    bytes += Buffer.byteLength(JSON.stringify(items[index])) + 1;
    if (bytes > POLL_MAX_BYTES) return index;
  }
  return items.length;
};

/** What a poll read, for the one line it logs when it could not return the whole window. */
export interface PollReadout {
  complete: boolean;
  requests: number;
  /** The records read, before the trigger's filters. */
  read: number;
  /** What one record is called ("opt-out", "message"). */
  noun: string;
}

/**
 * What one poll returns, from its items sorted newest first. A sample returns the newest three.
 * A poll never fails for volume (a failure loses every item, and Zapier turns a failing Zap off):
 * when the window holds more than it could read, or more than it may return, it returns the newest
 * it has and logs one line that says so, counts only (docs/triggers.md, "Floods").
 */
export const pollItems = <Item>(
  z: ZObject,
  read: PollRead,
  newestFirst: Item[],
  readout: PollReadout,
): Item[] => {
  if (read.sample) return newestFirst.slice(0, SAMPLE_SIZE);
  const kept = newestFirst.slice(0, fitting(newestFirst));
  if (!readout.complete || kept.length < newestFirst.length) {
    const count = `${formatCount(readout.read)} ${readout.noun}s`;
    const requests = `in ${readout.requests} requests`;
    const what = readout.complete
      ? `read all ${count} of the last ${POLL_WINDOW_DAYS} days ${requests}`
      : `the last ${POLL_WINDOW_DAYS} days hold more than one check can read; read ${count} ${requests}`;
    z.console.log(
      `Flood: ${what} and returned the newest ${formatCount(kept.length)} of ${formatCount(newestFirst.length)} items. Older items are not announced (docs/triggers.md, "Floods").`,
    );
  }
  return kept;
};
