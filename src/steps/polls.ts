import type { Bundle } from 'zapier-platform-core';
import { DAY_MS, SCAN_LIMITS, type ScanLimits, type Window } from '../mobivate';

/**
 * Bounds of a trigger's poll: 25 pages of 1,000. A poll returns every item of the window it read
 * (docs/triggers.md), and Zapier keeps at most 105,000 seen ids per Zap and takes at most 20 MB
 * from one poll; 25,000 items of a few hundred bytes stay inside both, 150,000 would not.
 */
export const POLL_LIMITS: ScanLimits = { ...SCAN_LIMITS, maxRequests: 25 };

/**
 * A poll of New Opt-Out, New Incoming SMS or New Delivery Status reads the last three days.
 * Zapier polls every 1 to 15 minutes and remembers the ids it has seen, so the window only needs
 * to outlast a pause in polling (an outage, a weekend with the Zap held); older items are not
 * announced again either way (docs/triggers.md).
 */
export const POLL_WINDOW_DAYS = 3;

/**
 * While a Zap is built, the editor wants a few real items fast: one page of the last 30 days (a
 * quiet account still has something to show), its newest three, and never a failure because more
 * items exist than one poll may read.
 */
export const SAMPLE_WINDOW_DAYS = 30;
export const SAMPLE_SIZE = 3;

/** What one poll reads: its window, and its bounds. */
export interface PollRead {
  sample: boolean;
  window: Window;
  limits: ScanLimits;
}

export const pollRead = (bundle: Bundle): PollRead => {
  const now = Date.now();
  const sample = bundle.meta?.isLoadingSample === true;
  const days = sample ? SAMPLE_WINDOW_DAYS : POLL_WINDOW_DAYS;
  return {
    sample,
    // A day ahead, so a Mobivate clock slightly ahead of Zapier's cannot hide a new item.
    window: { start: now - days * DAY_MS, end: now + DAY_MS },
    limits: sample ? { ...POLL_LIMITS, maxRequests: 1 } : POLL_LIMITS,
  };
};
