import { appError } from './error-codes';
import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  mobivate,
  type AcceptedBatch,
  type BatchOptions,
  type BatchRecipient,
  type FailedBatch,
} from './mobivate';
import { formatCount } from './text';

/** What a chunked send did: the batches accepted, in order, and the one it stopped at, if any. */
export interface ChunkedSend {
  chunks: BatchRecipient[][];
  accepted: AcceptedBatch[];
  stoppedAt?: FailedBatch;
}

const range = (from: number, to: number) => (from === to ? `${from}` : `${from} to ${to}`);
const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** Says batch by batch what happened: each batch once, as sent, not sent, or perhaps sent. */
const partialReport = (
  z: ZObject,
  { chunks, accepted }: ChunkedSend,
  failed: FailedBatch,
): Error => {
  const failedNumber = accepted.length + 1;
  const failedSize = chunks[accepted.length]!.length;
  const rest = chunks.slice(failedNumber).reduce((sum, chunk) => sum + chunk.length, 0);
  const sent = accepted.reduce((sum, batch) => sum + batch.accepted, 0);
  const sentRecipients = chunks.slice(0, accepted.length).reduce((sum, c) => sum + c.length, 0);
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
      ? `Split the recipients over several steps of at most ${formatCount(sentRecipients)}.`
      : '',
    'Do not replay this run as it is, or recipients get the message twice: check the message log in the Mobivate hub, then send to the recipients that were not sent in a new run.',
  ];
  return appError(z, 'PartialBatch', parts.filter(Boolean).join(' '));
};

/** The recipients grouped by their text, in the order each text first appears. */
const byText = (recipients: BatchRecipient[]): BatchRecipient[][] => {
  const groups = new Map<string, BatchRecipient[]>();
  for (const recipient of recipients) {
    const group = groups.get(recipient.text);
    if (group) group.push(recipient);
    else groups.set(recipient.text, [recipient]);
  }
  return [...groups.values()];
};

/**
 * Sends the recipients in batches of the API's largest size (§3.3), one after the other, until all
 * are accepted or one is not; says what was sent and where it stopped.
 */
export const sendInChunks = async (
  z: ZObject,
  bundle: Bundle,
  recipients: BatchRecipient[],
  options: BatchOptions,
): Promise<ChunkedSend> => {
  const api = mobivate(bundle).messages;
  const chunks: BatchRecipient[][] = [];
  // Vortex carries one text per request: personalized texts go in requests of their own.
  for (const group of api.oneTextPerBatch ? byText(recipients) : [recipients]) {
    for (let i = 0; i < group.length; i += api.maxBatchSize) {
      chunks.push(group.slice(i, i + api.maxBatchSize));
    }
  }
  const accepted: AcceptedBatch[] = [];
  for (const chunk of chunks) {
    const outcome = await api.sendBatch(z, bundle, chunk, options);
    if (!('id' in outcome)) return { chunks, accepted, stoppedAt: outcome };
    accepted.push(outcome);
  }
  return { chunks, accepted };
};

/**
 * The error for a send that stopped. Before anything could have been sent, the usual error
 * (Zapier may retry it); after that, replaying would text people twice, so a report of what was
 * and was not sent.
 */
export const stoppedSendError = (z: ZObject, sent: ChunkedSend): Error | undefined => {
  const failed = sent.stoppedAt;
  if (!failed) return undefined;
  const nothingSent = sent.accepted.length === 0 && !failed.uncertain;
  if (sent.chunks.length === 1 || nothingSent) return failed.error;
  return partialReport(z, sent, failed);
};
