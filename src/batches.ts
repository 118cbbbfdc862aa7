import type { Bundle, ZObject } from 'zapier-platform-core';
import { SEND_UNCERTAIN, answerReason, excerpt, mobivateError, unexpectedAnswer } from './errors';
import {
  MAX_BATCH_SIZE,
  PATHS,
  batchRequestBody,
  readBatchAnswer,
  type BatchOptions,
  type BatchRecipient,
} from './mobivate';
import { attemptMobivate, isNoAnswer, noAnswerError } from './request';
import { formatCount } from './text';
import { certainlyNotSent, transportReason } from './transport';

export interface AcceptedBatch {
  id: string;
  name: string | null;
  accepted: number;
}

/** A batch that was not accepted: certainly not sent, or perhaps sent (the answer was lost). */
interface FailedBatch {
  uncertain: boolean;
  /** Why, in one sentence that promises nothing (no "Zapier will try again"). */
  reason: string;
  /** The error to throw when this was the step's only batch. */
  error: Error;
}

const sendOne = async (
  z: ZObject,
  bundle: Bundle,
  chunk: BatchRecipient[],
  options: BatchOptions,
): Promise<AcceptedBatch | FailedBatch> => {
  const request = {
    method: 'POST',
    path: PATHS.sendBatch,
    body: batchRequestBody(chunk, options),
  } as const;
  const result = await attemptMobivate(z, bundle, request);
  if (isNoAnswer(result)) {
    const error = noAnswerError(z, result, request, SEND_UNCERTAIN);
    if (result.kind === 'no-time') {
      return {
        uncertain: false,
        reason: 'there was no time left in this step (Zapier stops a step after 30 seconds)',
        error,
      };
    }
    const uncertain = !certainlyNotSent(result.error);
    return { uncertain, reason: transportReason(result.error, result.seconds), error };
  }
  if (result.status >= 400) {
    const error = mobivateError(z, result, bundle, SEND_UNCERTAIN);
    return { uncertain: result.status >= 500, reason: answerReason(result, bundle), error };
  }
  const answer = readBatchAnswer(result.data);
  if (answer) return { ...answer, accepted: answer.accepted ?? chunk.length };
  return {
    uncertain: true,
    reason: `Mobivate answered with HTTP ${result.httpStatus} but not with the batch: ${excerpt(result.content, bundle)}`,
    error: unexpectedAnswer(z, result, bundle, 'the batch ({"id", …})', SEND_UNCERTAIN),
  };
};

const range = (from: number, to: number) => (from === to ? `${from}` : `${from} to ${to}`);
const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** Says batch by batch what happened: each batch once, as sent, not sent, or perhaps sent. */
const partialReport = (
  z: ZObject,
  chunks: BatchRecipient[][],
  accepted: AcceptedBatch[],
  failed: FailedBatch,
): Error => {
  const failedNumber = accepted.length + 1;
  const failedSize = chunks[accepted.length]!.length;
  const rest = chunks.slice(failedNumber).reduce((sum, chunk) => sum + chunk.length, 0);
  const sent = accepted.reduce((sum, batch) => sum + batch.accepted, 0);
  const parts = [
    accepted.length > 0
      ? `Only part of the batch was sent. ${plural(accepted.length, 'Batch', 'Batches')} ${range(1, accepted.length)} of ${chunks.length} ${plural(accepted.length, 'was', 'were')} accepted (${formatCount(sent)} recipients; batch ${plural(accepted.length, 'id', 'ids')} ${accepted.map((batch) => batch.id).join(', ')}).`
      : `No batch of the ${chunks.length} was confirmed as sent.`,
    failed.uncertain
      ? `Batch ${failedNumber} (${formatCount(failedSize)} recipients) may or may not have been sent: ${failed.reason}.`
      : `Batch ${failedNumber} (${formatCount(failedSize)} recipients) was not sent: ${failed.reason}.`,
    rest > 0
      ? `${plural(chunks.length - failedNumber, 'Batch', 'Batches')} ${range(failedNumber + 1, chunks.length)} (${formatCount(rest)} recipients) ${plural(chunks.length - failedNumber, 'was', 'were')} not sent.`
      : '',
    /no time left/.test(failed.reason)
      ? `Split the recipients over several steps of at most ${formatCount(accepted.length * MAX_BATCH_SIZE)}.`
      : '',
    'Do not replay this run as it is, or recipients get the message twice: check the message log in the Mobivate hub, then send to the recipients that were not sent in a new run.',
  ];
  return new z.errors.Error(parts.filter(Boolean).join(' '), 'PartialBatch');
};

/**
 * Sends the recipients in batches of at most MAX_BATCH_SIZE (§3.3), one after the other, until
 * all are accepted or one fails. A failure before anything could have been sent is the usual
 * error (Zapier may retry it); after that, replaying would text people twice, so the step ends
 * with a report of what was and was not sent.
 */
export const sendInChunks = async (
  z: ZObject,
  bundle: Bundle,
  recipients: BatchRecipient[],
  options: BatchOptions,
): Promise<AcceptedBatch[]> => {
  const chunks: BatchRecipient[][] = [];
  for (let i = 0; i < recipients.length; i += MAX_BATCH_SIZE) {
    chunks.push(recipients.slice(i, i + MAX_BATCH_SIZE));
  }
  const accepted: AcceptedBatch[] = [];
  for (const chunk of chunks) {
    const outcome = await sendOne(z, bundle, chunk, options);
    if ('id' in outcome) {
      accepted.push(outcome);
      continue;
    }
    const nothingSent = accepted.length === 0 && !outcome.uncertain;
    if (chunks.length === 1 || nothingSent) throw outcome.error;
    throw partialReport(z, chunks, accepted, outcome);
  }
  return accepted;
};
