import type { Bundle, ZObject } from 'zapier-platform-core';
import { formatCount } from '../common/text';
import { readQuietHours, type HoldOptions } from '../inputs/quiet-hours';
import { settingProblem } from '../inputs/read';
import { labelOf } from '../inputs/recipient-labels';
import { REASON } from '../inputs/skip-reasons';
import type { BatchRecipient } from '../mobivate';
import { groupBySendTime, whenToSendInZones, type Fallback, type SendGroup } from '../quiet-hours';

/**
 * Quiet hours for a batch (docs/quiet-hours.md, "Batches"): the recipients put in groups by send
 * time, numbers by their own zones and group ids by Quiet Hours Time Zone (or the Zap's), each
 * group sent in requests of its own, scheduled when held. The rule itself is src/quiet-hours/'s.
 */

/** A recipient left out after collecting: its line in Skipped Recipients and its short reason. */
export interface Skip {
  line: string;
  reason: string;
}

export interface BatchTiming {
  /** By send time, now (`sendAt: null`) first; without quiet hours one group, at Send At. */
  groups: SendGroup<BatchRecipient>[];
  skipped: Skip[];
  /** What the output's time_zone_note says: numbers (and groups) timed by a fallback zone. */
  note: string | null;
}

/**
 * Quiet Hours as a batch step reads them: Off (undefined), or the options. Send At and a spread
 * of delivery are refused beside Hold, before any request: each would send at a time quiet hours
 * did not choose.
 */
export const readBatchQuietHours = (
  z: ZObject,
  bundle: Bundle,
  given: { scheduleAt?: number; spreadHours?: number } = {},
): HoldOptions | undefined => {
  const hold = readQuietHours(z, bundle);
  if (!hold) return undefined;
  const fail = settingProblem(z, 'InvalidQuietHours');
  if (given.scheduleAt !== undefined) {
    throw fail(
      'Send At and Quiet Hours = Hold cannot be used together: Send At sends every text at one time you chose, while Hold picks a time for each recipient from their own time zone, so one of the two would be ignored. Empty Send At to let quiet hours time each text, or set Quiet Hours to Off to send at Send At.',
    );
  }
  if (given.spreadHours) {
    throw fail(
      `Spread Over Hours and Quiet Hours = Hold cannot be used together: spreading delivers texts up to ${given.spreadHours} hours after the time quiet hours chose, which can be outside Allowed Hours. Empty Spread Over Hours, or set Quiet Hours to Off.`,
    );
  }
  return hold;
};

const plural = (count: number, one: string, many: string) =>
  `${formatCount(count)} ${count === 1 ? one : many}`;

/** "For 2 numbers: The number's time zone is not known, so quiet hours used …". */
const fallbackNote = (fallback: (Fallback & { recipients: unknown[] }) | undefined) =>
  fallback
    ? `For ${plural(fallback.recipients.length, 'number', 'numbers')}: ${fallback.notice}`
    : '';

/** Group ids: timed by Quiet Hours Time Zone, or the Zap's; by UTC (and said) when neither is known. */
const timeGroupIds = (ids: BatchRecipient[], hold: HoldOptions) => {
  const zone = hold.groupZone ?? hold.fallbackZone;
  const decision = whenToSendInZones(zone ? [zone] : [], hold);
  const note = decision.fallback
    ? `${plural(ids.length, 'group was', 'groups were')} timed by ${decision.fallback.zone}: Quiet Hours Time Zone is empty and ${zone ? `the Zap's time zone (${zone}) is not one this app knows` : 'the Zap has no time zone'}.`
    : '';
  return { decision, note };
};

/** Adds recipients to the group of their send time, making it the first time. */
const addTo = (
  groups: Map<number | null, SendGroup<BatchRecipient>>,
  sendAt: number | null,
  recipients: BatchRecipient[],
) => {
  const group = groups.get(sendAt);
  if (group) group.recipients.push(...recipients);
  else groups.set(sendAt, { sendAt, recipients: [...recipients] });
};

/** Why a held recipient was not sent where a send cannot be scheduled (template sends). */
const notNowLine = (recipient: BatchRecipient, sendAt: number) =>
  `${labelOf(recipient)}: it is outside Allowed Hours now; its earliest allowed time is ${new Date(sendAt).toISOString()}, and a template send cannot be scheduled (Mobivate documents no way to), so it was not sent. Send to it then, or with Quiet Hours set to Off`;

/** The recipients' skips in the order they were given. */
const inOrder = (recipients: BatchRecipient[], skips: Map<BatchRecipient, Skip>): Skip[] =>
  recipients.flatMap((recipient) => {
    const skip = skips.get(recipient);
    return skip ? [skip] : [];
  });

/**
 * The batch's send groups: without quiet hours, everyone at Send At (or now); with Hold, by the
 * time each may receive the text. Recipients no time suits are skipped with quiet hours' message;
 * where a send cannot be scheduled (`canSchedule: false`), so are the held ones, saying when.
 */
export const timeBatch = (
  recipients: BatchRecipient[],
  hold: HoldOptions | undefined,
  { scheduleAt, canSchedule = true }: { scheduleAt?: number; canSchedule?: boolean } = {},
): BatchTiming => {
  if (!hold) {
    const groups = recipients.length > 0 ? [{ sendAt: scheduleAt ?? null, recipients }] : [];
    return { groups, skipped: [], note: null };
  }
  const grouping = groupBySendTime(
    recipients.filter((recipient) => !recipient.group),
    hold,
    (recipient) => recipient.recipient,
  );
  const byTime = new Map(grouping.groups.map((group) => [group.sendAt, group]));
  const skips = new Map<BatchRecipient, Skip>();
  for (const { message, recipients: refused } of grouping.refused) {
    for (const recipient of refused) {
      skips.set(recipient, {
        line: `${labelOf(recipient)}: ${message}`,
        reason: REASON.noAllowedTime,
      });
    }
  }
  const ids = recipients.filter((recipient) => recipient.group);
  const forIds = ids.length > 0 ? timeGroupIds(ids, hold) : undefined;
  const { decision } = forIds ?? {};
  // One zone always has allowed time within 48 hours; should it not, the groups say so.
  if (decision?.outcome === 'refused') {
    for (const id of ids)
      skips.set(id, { line: `${labelOf(id)}: ${decision.message}`, reason: REASON.noAllowedTime });
  } else if (decision) addTo(byTime, decision.sendAt, ids);
  const groups = [...byTime.values()].sort((a, b) => (a.sendAt ?? -1) - (b.sendAt ?? -1));
  const sent = canSchedule ? groups : groups.filter((group) => group.sendAt === null);
  for (const { sendAt, recipients: held } of canSchedule ? [] : groups) {
    if (sendAt === null) continue;
    for (const recipient of held) {
      skips.set(recipient, { line: notNowLine(recipient, sendAt), reason: REASON.notAllowedNow });
    }
  }
  const note = [fallbackNote(grouping.fallback), forIds?.note ?? ''].filter(Boolean).join(' ');
  return { groups: sent, skipped: inOrder(recipients, skips), note: note || null };
};
