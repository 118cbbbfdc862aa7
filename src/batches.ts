import { appError } from './error-codes';
import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  NO_TIME,
  mobivate,
  type AcceptedBatch,
  type BatchOptions,
  type BatchRecipient,
  type FailedBatch,
} from './mobivate';
import { formatCount } from './text';

/**
 * Batch requests in flight at once, at most. The batches of one send are independent, so after the
 * first one (sent alone: see sendInChunks) up to this many go at a time. Small and fixed on
 * purpose: 4 cuts a long send's time about fourfold at a typical REST round trip, while one
 * step never presses Mobivate with more than a browser's handful of requests, and a 429 or a
 * failure stops at most 3 siblings already under way (docs/performance.md).
 */
export const BATCH_CONCURRENCY = 4;

/** What became of one batch: accepted, failed (certainly or perhaps), or never sent. */
export type ChunkOutcome = AcceptedBatch | FailedBatch | undefined;

/**
 * What a chunked send did: every batch's outcome by its position, the batches accepted (in
 * order), and the first one in order that failed, if any.
 */
export interface ChunkedSend {
  chunks: BatchRecipient[][];
  outcomes: ChunkOutcome[];
  accepted: AcceptedBatch[];
  stoppedAt?: FailedBatch;
}

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

const isAccepted = (outcome: ChunkOutcome): outcome is AcceptedBatch =>
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
const partialReport = (z: ZObject, { chunks, outcomes }: ChunkedSend): Error => {
  const acceptedNumbers: number[] = [];
  const acceptedBatches: AcceptedBatch[] = [];
  let sentRecipients = 0;
  outcomes.forEach((outcome, index) => {
    if (!isAccepted(outcome)) return;
    acceptedNumbers.push(index + 1);
    acceptedBatches.push(outcome);
    sentRecipients += chunks[index]!.length;
  });
  const sent = acceptedBatches.reduce((sum, batch) => sum + batch.accepted, 0);
  const count = acceptedNumbers.length;
  const parts = [
    count > 0
      ? `Only part of the batch was sent. ${plural(count, 'Batch', 'Batches')} ${numberList(acceptedNumbers)} of ${formatCount(chunks.length)} ${plural(count, 'was', 'were')} accepted (${recipientCount(sent)}; batch ${plural(count, 'id', 'ids')} ${acceptedBatches.map((batch) => batch.id).join(', ')}).`
      : `No batch of the ${formatCount(chunks.length)} was confirmed as sent.`,
  ];
  // Once a batch found no time left, the batches never started after it are told alike.
  const noTime = outcomes.find(
    (o): o is FailedBatch => o !== undefined && !isAccepted(o) && o.reason === NO_TIME,
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
  parts.push(
    'Do not replay this run as it is, or recipients get the message twice: check the message log in the Mobivate hub, then send to the recipients that were not sent in a new run.',
  );
  return appError(z, 'PartialBatch', parts.join(' '));
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
 * Sends the recipients in batches of the API's largest size (§3.3) until all are accepted or one
 * is not; says what became of each. The first batch goes alone: when Mobivate refuses it (a wrong
 * sender, no credit, a 429), nothing was sent and the step's usual error lets Zapier retry it,
 * with no sibling refused or throttled alongside. After it, up to `concurrency` batches are in
 * flight at once. The first batch that is not accepted stops new ones; those already under way
 * are awaited, so that each batch's outcome is known and reported exactly once.
 */
export const sendInChunks = async (
  z: ZObject,
  bundle: Bundle,
  recipients: BatchRecipient[],
  options: BatchOptions,
  concurrency: number = BATCH_CONCURRENCY,
): Promise<ChunkedSend> => {
  const api = mobivate(bundle).messages;
  const chunks: BatchRecipient[][] = [];
  // Vortex carries one text per request: personalized texts go in requests of their own.
  for (const group of api.oneTextPerBatch ? byText(recipients) : [recipients]) {
    chunks.push(...inChunks(group, api.maxBatchSize));
  }
  return sendChunks(chunks, (chunk) => api.sendBatch(z, bundle, chunk, options), concurrency);
};

export const inChunks = <Item>(items: Item[], size: number): Item[][] => {
  const chunks: Item[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};

/** Sends prepared chunks as described at sendInChunks; every batch send of the app uses it. */
export const sendChunks = async (
  chunks: BatchRecipient[][],
  send: (chunk: BatchRecipient[]) => Promise<AcceptedBatch | FailedBatch>,
  concurrency: number,
): Promise<ChunkedSend> => {
  const outcomes: ChunkOutcome[] = chunks.map(() => undefined);
  let next = 0;
  let stopped = false;
  const sendNext = async () => {
    const index = next++;
    const outcome = await send(chunks[index]!);
    outcomes[index] = outcome;
    if (!isAccepted(outcome)) stopped = true;
  };
  if (chunks.length > 0) await sendNext();
  const worker = async () => {
    while (!stopped && next < chunks.length) await sendNext();
  };
  const lanes = Math.max(1, Math.min(concurrency, chunks.length - 1));
  // Every lane runs to its end before anything is reported, even if one throws (a bug: sends
  // report outcomes rather than throw), so that no request is left running unreported.
  const settled = await Promise.allSettled(Array.from({ length: lanes }, worker));
  for (const lane of settled) if (lane.status === 'rejected') throw lane.reason;
  const accepted = outcomes.filter(isAccepted);
  const stoppedAt = outcomes.find(
    (outcome): outcome is FailedBatch => outcome !== undefined && !isAccepted(outcome),
  );
  return { chunks, outcomes, accepted, stoppedAt };
};

/** What the accepted batches of a finished send come to, as the batch-like sends output it. */
export const acceptedBatches = ({ accepted }: ChunkedSend) => {
  const ids = accepted.map((batch) => batch.id).filter(Boolean);
  return {
    batch_id: ids[0] ?? '',
    batch_ids: ids,
    accepted: accepted.reduce((sum, batch) => sum + batch.accepted, 0),
  };
};

/**
 * The error for a send that stopped. Before anything could have been sent, the usual error
 * (Zapier may retry it); after that, replaying would text people twice, so a report of what was
 * and was not sent — never the retry a 429 would otherwise ask for.
 */
export const stoppedSendError = (z: ZObject, sent: ChunkedSend): Error | undefined => {
  const failed = sent.stoppedAt;
  if (!failed) return undefined;
  const anyUncertain = sent.outcomes.some((o) => o !== undefined && !isAccepted(o) && o.uncertain);
  const nothingSent = sent.accepted.length === 0 && !anyUncertain;
  if (sent.chunks.length === 1 || nothingSent) return failed.error;
  return partialReport(z, sent);
};
