import type { Bundle, ZObject } from 'zapier-platform-core';
import type { HoldOptions } from '../inputs/quiet-hours';
import { recordProblem } from '../inputs/read';
import { labelOf } from '../inputs/recipient-labels';
import { listProblems, type CollectedRecipients } from '../inputs/recipients';
import { readDuplicateCheck } from '../inputs/replay';
import { REASON, countReason, skippedSummary } from '../inputs/skip-reasons';
import type { BatchOutcome, BatchRecipient, ChunkedSend } from '../mobivate';
import { acceptedBatches, sendGroupsOutput } from '../outputs/batch';
import type { SendGroup } from '../quiet-hours';
import { timeBatch, type Skip } from './batch-timing';
import { numberList, stoppedSendError } from './chunked-send';
import { earlierSends, sentKey } from './duplicate-check';

/**
 * A batch step's sends after its recipients are read (Send Batch SMS, Send Template Campaign):
 * the replay check of their References (docs/replays.md), then one send per send-time group
 * (docs/quiet-hours.md), all within the one step's deadline, reported as one send.
 */

/**
 * Leaves out the recipients already sent with their Reference, found by one read of the message
 * log for the whole batch; none is read without a Reference, or with If Already Sent = Send
 * anyway. Throws, having sent nothing, when the log cannot show either way.
 */
export const skipAlreadySent = async (
  z: ZObject,
  bundle: Bundle,
  recipients: BatchRecipient[],
): Promise<{ recipients: BatchRecipient[]; skipped: Skip[] }> => {
  const keyed = recipients.filter((recipient) => recipient.reference && !recipient.group);
  const hours = readDuplicateCheck(z, bundle.inputData, keyed.length > 0);
  if (hours === undefined) return { recipients, skipped: [] };
  const pairs = keyed.map(({ reference, recipient }) => ({ reference: reference!, recipient }));
  const found = await earlierSends(z, bundle, pairs, hours);
  if (found.size === 0) return { recipients, skipped: [] };
  const remaining: BatchRecipient[] = [];
  const skipped: Skip[] = [];
  for (const recipient of recipients) {
    const { reference } = recipient;
    const earlier =
      reference && !recipient.group
        ? found.get(sentKey({ reference, recipient: recipient.recipient }))
        : undefined;
    if (!earlier) {
      remaining.push(recipient);
      continue;
    }
    const at = earlier.created ? ` at ${earlier.created}` : '';
    skipped.push({
      line: `${labelOf(recipient)}: already sent with Reference "${reference}"${at}: not sent again`,
      reason: REASON.alreadySent,
    });
  }
  return { recipients: remaining, skipped };
};

/** One send-time group and what became of its requests. */
export interface GroupSent {
  group: SendGroup<BatchRecipient>;
  sent: ChunkedSend;
}

const timeOf = (sendAt: number | null) =>
  sendAt === null ? 'now' : `at ${new Date(sendAt).toISOString()}`;

/**
 * The groups' sends as one, for the one report of a send that stopped: every group's batches in
 * order, a group never started as one part (how it would have been split into requests is the
 * Mobivate layer's, and it was not asked), and a sentence that says which batches
 * go at which time (when there are several times).
 */
const asOneSend = (done: GroupSent[], groups: SendGroup<BatchRecipient>[]) => {
  const chunks: BatchRecipient[][] = [];
  const outcomes: BatchOutcome[] = [];
  const times: string[] = [];
  groups.forEach((group, index) => {
    const sent = done[index]?.sent;
    const own = sent?.chunks ?? [group.recipients];
    const first = chunks.length + 1;
    const numbers = own.map((_, i) => first + i);
    times.push(
      `${numbers.length === 1 ? 'batch' : 'batches'} ${numberList(numbers)} ${timeOf(group.sendAt)}`,
    );
    chunks.push(...own);
    outcomes.push(...(sent?.outcomes ?? own.map(() => undefined)));
  });
  const sends = done.map(({ sent }) => sent);
  const all: ChunkedSend = {
    chunks,
    outcomes,
    accepted: sends.flatMap((sent) => sent.accepted),
    stoppedAt: sends.find((sent) => sent.stoppedAt)?.stoppedAt,
  };
  const context = groups.length > 1 ? `By send time: ${times.join('; ')}.` : undefined;
  return { all, context };
};

/**
 * Sends each group in turn (now first), scheduled at its time when held; stops at the first
 * group not wholly accepted, and throws the one report of what was and was not sent.
 */
export const sendGroups = async (
  z: ZObject,
  groups: SendGroup<BatchRecipient>[],
  send: (recipients: BatchRecipient[], scheduleAt: number | undefined) => Promise<ChunkedSend>,
): Promise<{ done: GroupSent[]; all: ChunkedSend }> => {
  const done: GroupSent[] = [];
  for (const group of groups) {
    const sent = await send(group.recipients, group.sendAt ?? undefined);
    done.push({ group, sent });
    if (sent.stoppedAt) break;
  }
  const { all, context } = asOneSend(done, groups);
  const stopped = stoppedSendError(z, all, context);
  if (stopped) throw stopped;
  return { done, all };
};

export interface TimedBatch {
  collected: CollectedRecipients;
  /** The lines refuseUnusable returned: entries that were never recipients. */
  skipped: string[];
  hold: HoldOptions | undefined;
  scheduleAt?: number;
  /** False where Mobivate documents no schedule (template sends): held recipients are skipped. */
  canSchedule?: boolean;
  send: (recipients: BatchRecipient[], scheduleAt: number | undefined) => Promise<ChunkedSend>;
}

/**
 * The whole send of a batch step after its recipients are read: the replay check, quiet hours,
 * one send per send-time group, and the output the two batch steps share. When quiet hours leave
 * no one to send to now or later, it stops (halts) saying why; when everyone was sent before, it
 * reports so without sending.
 */
export const sendTimedBatch = async (z: ZObject, bundle: Bundle, batch: TimedBatch) => {
  const { collected, hold } = batch;
  const replay = await skipAlreadySent(z, bundle, collected.recipients);
  const timing = timeBatch(replay.recipients, hold, batch);
  const later = [...replay.skipped, ...timing.skipped];
  if (timing.groups.length === 0 && replay.skipped.length === 0) {
    const lines = later.map((skip) => skip.line);
    throw recordProblem(z)(
      `Nothing was sent: no recipient can get the text within Allowed Hours. ${listProblems(lines)}.`,
    );
  }
  const { done, all } = await sendGroups(z, timing.groups, batch.send);
  const { accepted, refused, ...ids } = acceptedBatches(all);
  const reasons = { ...collected.reasons };
  for (const skip of later) countReason(reasons, skip.reason);
  const sent = done.flatMap(({ group }) => group.recipients);
  const [only] = timing.groups;
  return {
    sent,
    name: all.accepted[0]?.name ?? null,
    scheduledAt:
      timing.groups.length === 1 && only!.sendAt !== null
        ? new Date(only!.sendAt).toISOString()
        : null,
    output: {
      ...ids,
      recipients_accepted: accepted,
      recipients_skipped_count: batch.skipped.length + later.length + refused.length,
      recipients_skipped: [...batch.skipped, ...later.map((skip) => skip.line), ...refused],
      recipients_skipped_summary: skippedSummary(
        reasons,
        all.accepted.flatMap((one) => one.refused),
      ),
      ...sendGroupsOutput(done, hold !== undefined, timing.note),
    },
  };
};
