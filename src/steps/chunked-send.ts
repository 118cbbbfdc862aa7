import type { ZObject } from 'zapier-platform-core';
import { appError } from '../common/error-codes';
import { formatCount } from '../common/text';
import type { AcceptedBatch, BatchOutcome, ChunkedSend, FailedBatch } from '../mobivate';
import { recipientsAccepted } from '../outputs/batch';

/**
 * What a send in several batch requests reports when it stopped before every batch was accepted
 * (docs/truthful-outcomes.md, "One deadline per step").
 */

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);
const recipientCount = (count: number) =>
  `${formatCount(count)} ${plural(count, 'recipient', 'recipients')}`;

/** Batch numbers as people read them: "1 to 3", "1, 3 and 4", "2 and 3", "1 and 4 to 6". */
export const numberList = (numbers: number[]): string => {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${formatCount(numbers[i]!)} to ${formatCount(numbers[j]!)}`);
    else parts.push(...numbers.slice(i, j + 1).map((n) => formatCount(n)));
    i = j + 1;
  }
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
};

const isAccepted = (outcome: BatchOutcome): outcome is AcceptedBatch =>
  outcome !== undefined && 'id' in outcome;

/** How a batch that was not accepted is told: one sentence per run of batches alike. */
const statusOf = (outcome: FailedBatch | undefined) =>
  outcome === undefined
    ? 'unsent'
    : `${outcome.uncertain ? 'perhaps' : 'refused'}:${outcome.reason}`;

/**
 * Says batch by batch what happened: each batch once, as accepted, not sent, or perhaps sent.
 * With several batches in flight, a batch after a failed one may have been accepted: it is listed
 * with the accepted ones, by its number.
 */
const partialReport = (
  z: ZObject,
  { chunks, outcomes }: ChunkedSend,
  context: string | undefined,
): Error => {
  const acceptedNumbers: number[] = [];
  const acceptedBatches: AcceptedBatch[] = [];
  let sentRecipients = 0;
  outcomes.forEach((outcome, index) => {
    if (!isAccepted(outcome)) return;
    acceptedNumbers.push(index + 1);
    acceptedBatches.push(outcome);
    sentRecipients += chunks[index]!.length;
  });
  const sent = recipientsAccepted(acceptedBatches);
  const count = acceptedNumbers.length;
  const parts = [
    count > 0
      ? `Only part of the batch was sent. ${plural(count, 'Batch', 'Batches')} ${numberList(acceptedNumbers)} of ${formatCount(chunks.length)} ${plural(count, 'was', 'were')} accepted (${sent === null ? 'Mobivate did not say how many recipients' : recipientCount(sent)}; batch ${plural(count, 'id', 'ids')} ${acceptedBatches.map((batch) => batch.id).join(', ')}).`
      : `No batch of the ${formatCount(chunks.length)} was confirmed as sent.`,
  ];
  // Once a batch found no time left, the batches never started after it are told alike.
  const noTime = outcomes.find(
    (o): o is FailedBatch => o !== undefined && !isAccepted(o) && o.notStarted,
  );
  const told = outcomes.map((outcome) => outcome ?? noTime);
  // The batches not accepted, in order, a run of alike ones (same outcome and reason) at a time.
  for (let i = 0; i < chunks.length;) {
    const outcome = told[i];
    if (isAccepted(outcome)) {
      i++;
      continue;
    }
    const status = statusOf(outcome);
    const numbers: number[] = [];
    let recipients = 0;
    for (; i < chunks.length; i++) {
      const next = told[i];
      if (isAccepted(next) || statusOf(next) !== status) break;
      numbers.push(i + 1);
      recipients += chunks[i]!.length;
    }
    const many = numbers.length > 1;
    const which = `${many ? 'Batches' : 'Batch'} ${numberList(numbers)} (${recipientCount(recipients)})`;
    if (outcome === undefined) parts.push(`${which} ${many ? 'were' : 'was'} not sent.`);
    else if (outcome.uncertain) {
      parts.push(`${which} may or may not have been sent: ${outcome.reason}.`);
    } else parts.push(`${which} ${many ? 'were' : 'was'} not sent: ${outcome.reason}.`);
  }
  if (noTime && sentRecipients > 0) {
    parts.push(
      `Split the recipients over several steps of at most ${formatCount(sentRecipients)}.`,
    );
  }
  if (context) parts.push(context);
  parts.push(
    'Do not replay this run as it is, or recipients get the message twice: check the message log in the Mobivate hub, then send to the recipients that were not sent in a new run.',
  );
  return appError(z, 'PartialBatch', parts.join(' '));
};

/**
 * The error for a send that stopped. Before anything could have been sent, the usual error
 * (Zapier may retry it); after that, replaying would text people twice, so a report of what was
 * and was not sent — never the retry a 429 would otherwise ask for. `context` is a sentence the
 * report adds about its batches (which send time each belongs to: steps/timed-send.ts).
 */
export const stoppedSendError = (
  z: ZObject,
  sent: ChunkedSend,
  context?: string,
): Error | undefined => {
  const failed = sent.stoppedAt;
  if (!failed) return undefined;
  const anyUncertain = sent.outcomes.some((o) => o !== undefined && !isAccepted(o) && o.uncertain);
  const nothingSent = sent.accepted.length === 0 && !anyUncertain;
  if (sent.chunks.length === 1 || nothingSent) return failed.error;
  return partialReport(z, sent, context);
};
