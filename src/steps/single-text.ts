import type { Bundle, ZObject } from 'zapier-platform-core';
import type { ErrorCode } from '../common/error-codes';
import type { HoldOptions } from '../inputs/quiet-hours';
import { readDuplicateCheck } from '../inputs/replay';
import {
  mobivate,
  type LoggedMessage,
  type SingleMessage,
  type SingleSendOutcome,
} from '../mobivate';
import { whenToSend, type Decision } from '../quiet-hours';
import { earlierSends } from './duplicate-check';

/**
 * Send SMS's one text, from the number read to what the step outputs: the duplicate check of a
 * Reference (docs/replays.md), quiet hours (docs/quiet-hours.md), the send, and why a text was
 * not sent. The operation file keeps its fields; this keeps the order of the work.
 */

/** Why a text was not sent: a code for Filters, a sentence for people, and the error's code. */
export interface NotSent {
  status: 'opted_out' | 'refused' | 'invalid_number' | 'outside_allowed_hours';
  reason: string;
  code: ErrorCode;
}

/** What quiet hours made of the text: nothing when off. */
const timingOutput = (decision: Decision | undefined) => ({
  scheduled_at: decision?.sendAt ? new Date(decision.sendAt).toISOString() : null,
  held_for_quiet_hours: decision?.outcome === 'later',
  recipient_time_zones: decision ? [...decision.zones] : [],
  time_zone_note: decision?.fallback?.notice ?? null,
});

/** A text Mobivate did not send, because the recipient opted out or it refused the number. */
export const notSentBy = (
  recipient: string,
  { reason, said }: Extract<SingleSendOutcome, { sent: false }>,
): NotSent =>
  reason === 'opted-out'
    ? {
        status: 'opted_out',
        reason: `${recipient} has opted out of your messages (Mobivate: ${said}). Use Delete Opt-Out only if they asked to receive messages again.`,
        code: 'RecipientOptedOut',
      }
    : {
        status: 'refused',
        reason: `Mobivate accepted the request but did not send the text to ${recipient} (${said}). Check the number, and the message log in the Mobivate hub.`,
        code: 'RecipientRefused',
      };

/** Why a text was not sent again: found in the log, or refused by Mobivate as a repeat. */
const alreadySentReason = (
  request: SingleMessage,
  { sent_at, said }: { sent_at?: string | null; said?: string },
) =>
  said
    ? `Mobivate refused the Reference "${request.reference}" as used before (${said}): the text was sent earlier, and was not sent again.`
    : `A text with the Reference "${request.reference}" went to this number${sent_at ? ` at ${sent_at}` : ''}: it was not sent again.`;

/** The output of a text this step sent (or had Mobivate hold), or of one sent before. */
export const textOutput = (
  request: SingleMessage,
  sent: { id: string | null; status: string; route?: string | null; campaignId?: string | null },
  extra: { already_sent: boolean; sent_at?: string | null; said?: string; decision?: Decision },
) => ({
  id: sent.id,
  status: sent.status,
  sent: !extra.already_sent,
  not_sent_reason: extra.already_sent ? alreadySentReason(request, extra) : null,
  already_sent: extra.already_sent,
  first_sent_at: extra.sent_at ?? null,
  recipient: request.recipient,
  originator: request.originator,
  body: request.text,
  reference: request.reference ?? null,
  route_id: sent.route ?? null,
  campaign_id: sent.campaignId ?? null,
  ...timingOutput(extra.decision),
});

/** The earlier text with this Reference to this number, when the step checks for one. */
export const earlierText = async (
  z: ZObject,
  bundle: Bundle,
  request: SingleMessage,
): Promise<LoggedMessage | undefined> => {
  const hours = readDuplicateCheck(z, bundle.inputData, request.reference !== undefined);
  if (hours === undefined || request.reference === undefined) return undefined;
  const pair = { reference: request.reference, recipient: request.recipient };
  const found = await earlierSends(z, bundle, [pair], hours);
  return found.values().next().value;
};

/**
 * Sends the text now, or holds it until the recipient's allowed hours: what became of it and the
 * quiet-hours decision, or why it was not sent.
 */
export const sendText = async (
  z: ZObject,
  bundle: Bundle,
  request: SingleMessage,
  hold: HoldOptions | undefined,
): Promise<
  { outcome: SingleSendOutcome; decision?: Decision } | { refused: NotSent; decision: Decision }
> => {
  const decision = hold ? whenToSend(request.recipient, hold) : undefined;
  if (decision?.outcome === 'refused') {
    return {
      refused: {
        status: 'outside_allowed_hours',
        reason: decision.message,
        code: 'QuietHoursNoTime',
      },
      decision,
    };
  }
  const scheduleAt = decision?.outcome === 'later' ? decision.sendAt : undefined;
  const outcome = await mobivate(z, bundle).messages.sendSingle({
    ...request,
    ...(scheduleAt !== undefined ? { scheduleAt } : {}),
  });
  return { outcome, decision };
};

export { timingOutput };
