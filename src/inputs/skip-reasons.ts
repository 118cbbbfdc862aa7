import { formatCount } from '../common/text';
import type { RefusedRecipient } from '../mobivate';

/**
 * Why a batch-like send skipped recipients, a few words per reason, counted: the one line a Zap's
 * later steps can show (a Slack message, a spreadsheet cell), beside the full list of who was
 * skipped and why (`recipients_skipped`).
 */
export type SkipReasons = Record<string, number>;

export const REASON = {
  noNumber: 'no number',
  notARecipient: 'not a recipient (Personalized Recipients held something else)',
  badFields: 'fields not written as KEY=value',
  noMessage: 'no message',
  duplicate: 'duplicate',
  optedOut: 'opted out',
  refused: 'refused by Mobivate',
  /** Replay-safe sends (docs/replays.md): sent before with the same Reference. */
  alreadySent: 'already sent',
  /** Quiet hours (docs/quiet-hours.md): no time in the next 48 hours is inside Allowed Hours. */
  noAllowedTime: 'no time within Allowed Hours',
  /** Quiet hours on a send that cannot be scheduled (templates): not now, and not held. */
  notAllowedNow: 'outside Allowed Hours now',
} as const;

/**
 * Why a number cannot be used, in short: with a Default Country, a number typed without `+` or
 * `00` was read as one of that country's, so the reason names it.
 */
export const numberReason = (raw: string, defaultCountry: string | undefined): string => {
  const typed = raw.trim();
  if (!typed) return REASON.noNumber;
  const country = defaultCountry?.trim().toUpperCase();
  return country && !/^(\+|00)/.test(typed)
    ? `not a valid number for the Default Country (${country})`
    : 'not a valid number';
};

/** The reasons that are nouns, counted: "1 duplicate", "3 duplicates". */
const PLURALS: Record<string, string> = { [REASON.duplicate]: 'duplicates' };

export const countReason = (reasons: SkipReasons, reason: string) => {
  reasons[reason] = (reasons[reason] ?? 0) + 1;
};

/**
 * "168 skipped: 160 not a valid number for the Default Country (GB), 8 opted out": the reasons of
 * the app's own skips and of the recipients Mobivate refused in accepted batches, the most
 * frequent first; "0 skipped" when none was.
 */
export const skippedSummary = (reasons: SkipReasons, refused: RefusedRecipient[] = []): string => {
  const all = { ...reasons };
  for (const recipient of refused) {
    countReason(all, recipient.optedOut ? REASON.optedOut : REASON.refused);
  }
  const counted = Object.entries(all).sort(([, a], [, b]) => b - a);
  const total = counted.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return '0 skipped';
  const each = counted.map(
    ([reason, count]) => `${formatCount(count)} ${(count > 1 && PLURALS[reason]) || reason}`,
  );
  return `${formatCount(total)} skipped: ${each.join(', ')}`;
};

/** The summary's output field (Send Batch SMS, Send Template Campaign). */
export const skippedSummaryField = {
  key: 'recipients_skipped_summary',
  label: 'Skipped Recipients Summary (Count per Reason)',
  type: 'string',
} as const;
