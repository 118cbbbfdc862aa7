import type { Bundle, ZObject } from 'zapier-platform-core';
import { appError } from '../common/error-codes';
import { formatCount } from '../common/text';
import {
  DAY_MS,
  HOUR_MS,
  mobivate,
  referenceVerdict,
  type LoggedMessage,
  type ReferenceVerdict,
  type ScanLimits,
} from '../mobivate';

/**
 * Replay-safe sends (docs/replays.md): before sending a text with a Reference, the message log of
 * the window is read for a text with the same reference to the same recipient. At most 50 pages
 * of 1,000 (50,000 log rows) or 10 seconds, so that the send itself still has time in the step.
 */
export const DUPLICATE_CHECK_LIMITS: ScanLimits = { maxRequests: 50, budgetMs: 10_000 };
export const DUPLICATE_CHECK_ROWS = DUPLICATE_CHECK_LIMITS.maxRequests * 1000;

/** One text to check: the reference it carries and its recipient's international digits. */
export interface Keyed {
  reference: string;
  recipient: string;
}

const digits = (value: string | null) => (value ?? '').replace(/\D/g, '');
const keyOf = ({ reference, recipient }: Keyed) => `${reference}\u0000${digits(recipient)}`;

const WHY: Record<Exclude<ReferenceVerdict, { known: true }>['why'], string> = {
  'no-references':
    'the message history Mobivate answers with for this account carries no references',
  'some-without-references': 'some messages Mobivate listed carry no reference',
  unreadable: 'some messages Mobivate listed could not be read (the log says why)',
  incomplete: 'the log of the window is longer than one step can read',
};

const checkFailed = (
  z: ZObject,
  verdict: Exclude<ReferenceVerdict, { known: true }>,
  hours: number,
) =>
  appError(
    z,
    'DuplicateCheckIncomplete',
    `Nothing was sent: the check for an earlier text with the same Reference could not finish, because ${WHY[verdict.why]} (${formatCount(verdict.read)} messages of the last ${hours} hours read in ${verdict.requests} requests; one step checks at most ${formatCount(DUPLICATE_CHECK_ROWS)}). Running this step again is safe. To send without the check, set If Already Sent to "Send anyway", or shorten Duplicate Window.`,
  );

/** What a failed read of the log said, in the user's words (z.errors.Error keeps JSON). */
const saidBy = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error);
  try {
    return (JSON.parse(message) as { message?: string }).message ?? message;
  } catch {
    return message;
  }
};

/** A page of the log that failed: nothing was sent, and a retry is safe. */
const checkStopped = (z: ZObject, error: unknown) =>
  appError(
    z,
    'DuplicateCheckIncomplete',
    `Nothing was sent: the check for an earlier text with the same Reference could not finish, because reading the message log failed (${saidBy(error)}). Running this step again is safe.`,
  );

/**
 * The earlier texts of the window for these (reference, recipient) pairs, by pair; one scan serves
 * a whole batch. Throws, having sent nothing, when the log cannot show either way.
 */
export const earlierSends = async (
  z: ZObject,
  bundle: Bundle,
  wanted: Keyed[],
  hours: number,
): Promise<Map<string, LoggedMessage>> => {
  const keys = new Set(wanted.map(keyOf));
  const isMatch = (message: LoggedMessage) =>
    message.reference !== null &&
    keys.has(keyOf({ reference: message.reference, recipient: message.recipient ?? '' }));
  const now = Date.now();
  const scan = await mobivate(z, bundle)
    .messageLog.scan(
      { start: now - hours * HOUR_MS, end: now + DAY_MS },
      {
        direction: 'sent',
        limits: DUPLICATE_CHECK_LIMITS,
        // One text: the first match settles it.
        ...(keys.size === 1 ? { until: isMatch } : {}),
      },
    )
    .catch((error: unknown) => {
      throw checkStopped(z, error);
    });
  // One text is settled by a match; a batch only by the whole window, or another pair may hide.
  const verdict = referenceVerdict(scan, keys.size === 1 ? isMatch : () => false);
  if (!verdict.known) throw checkFailed(z, verdict, hours);
  const found = new Map<string, LoggedMessage>();
  for (const message of scan.items.filter(isMatch)) {
    const key = keyOf({ reference: message.reference!, recipient: message.recipient ?? '' });
    if (!found.has(key)) found.set(key, message);
  }
  return found;
};

export const sentKey = keyOf;
