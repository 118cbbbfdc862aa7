import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  SEND_UNCERTAIN,
  answerReason,
  excerpt,
  mobivateError,
  unexpectedAnswer,
} from '../transport/errors';
import { certainlyNotSent, transportReason } from '../transport/failures';
import { scrubSecrets } from '../transport/secrets';
import { contradiction } from './batch-answer';
import { redirectMayHaveBeenCarriedOut } from '../transport/redirects';
import {
  attemptMobivate,
  isNoAnswer,
  noAnswerError,
  type MobivateRequest,
} from '../transport/request';
import type {
  AcceptedBatch,
  BatchOutcome,
  BatchRecipient,
  ChunkedSend,
  FailedBatch,
} from '../types';

/**
 * Batch requests in flight at once, at most. The batches of one send are independent, so after the
 * first one (sent alone: see sendInBatches) up to this many go at a time. Small and fixed on
 * purpose: 4 cuts a long send's time about fourfold at a typical REST round trip, while one
 * step never presses Mobivate with more than a browser's handful of requests, and a 429 or a
 * failure stops at most 3 siblings already under way (docs/performance.md).
 */
export const BATCH_CONCURRENCY = 4;

/** Why a batch was not started near the step's deadline. */
const NO_TIME =
  'there was not enough time left in this step for another batch (Zapier stops a step after 30 seconds)';

/**
 * The slowest batch request of each step so far (keyed by the bundle, new for every step). A batch
 * is started only with a fifth more time left than that: started with less, it would likely be
 * cut off by the deadline and end "may or may not have been sent", where a batch not started was
 * certainly not sent (docs/truthful-outcomes.md).
 */
const slowestBatchMs = new WeakMap<object, number>();
const BATCH_TIME_MARGIN = 1.2;

/**
 * Sends one batch request and says what became of it, never throwing for its outcome: accepted,
 * certainly not sent (a refusal, a 429, no time left), or perhaps sent (a server error, a lost
 * answer, an answer without a batch id). Every batch-like send of both generations uses it.
 */
export const sendBatchRequest = async (
  z: ZObject,
  bundle: Bundle,
  request: MobivateRequest,
  readBatch: (body: unknown) => AcceptedBatch | undefined,
  expected: string,
): Promise<AcceptedBatch | FailedBatch> => {
  const started = Date.now();
  const slowest = () => slowestBatchMs.get(bundle) ?? 0;
  const result = await attemptMobivate(z, bundle, {
    ...request,
    minTimeLeftMs: slowest() * BATCH_TIME_MARGIN,
  });
  const failed = (uncertain: boolean, reason: string, error: Error, notStarted = false) => ({
    uncertain,
    notStarted,
    reason,
    error,
  });
  if (isNoAnswer(result)) {
    const error = noAnswerError(z, result, request, SEND_UNCERTAIN);
    if (result.kind === 'no-time') return failed(false, NO_TIME, error, true);
    const uncertain = !certainlyNotSent(result.error);
    return failed(uncertain, transportReason(result.error, result.seconds), error);
  }
  slowestBatchMs.set(bundle, Math.max(slowest(), Date.now() - started));
  if (result.status >= 300) {
    const error = mobivateError(z, result, bundle, SEND_UNCERTAIN);
    const uncertain = result.status >= 500 || redirectMayHaveBeenCarriedOut(result.status);
    return failed(uncertain, answerReason(result, bundle), error);
  }
  const contradicted = contradiction(result.data);
  if (contradicted) {
    const said = `Mobivate answered that it succeeded but also that "${scrubSecrets(contradicted, bundle)}"`;
    return failed(true, said, unexpectedAnswer(z, result, bundle, expected, SEND_UNCERTAIN));
  }
  const batch = readBatch(result.data);
  if (batch) return batch;
  return failed(
    true,
    `Mobivate answered with HTTP ${result.httpStatus} but not with the batch: ${excerpt(result.content, bundle)}`,
    unexpectedAnswer(z, result, bundle, expected, SEND_UNCERTAIN),
  );
};

export const isAccepted = (outcome: BatchOutcome): outcome is AcceptedBatch =>
  outcome !== undefined && 'id' in outcome;

export const inChunks = <Item>(items: Item[], size: number): Item[][] => {
  const chunks: Item[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};

/** The recipients grouped by their text, in the order each text first appears. */
export const byText = (recipients: BatchRecipient[]): BatchRecipient[][] => {
  const groups = new Map<string, BatchRecipient[]>();
  for (const recipient of recipients) {
    const group = groups.get(recipient.text);
    if (group) group.push(recipient);
    else groups.set(recipient.text, [recipient]);
  }
  return [...groups.values()];
};

/**
 * Sends prepared chunks until all are accepted or one is not, and says what became of each. The
 * first batch goes alone: when Mobivate refuses it (a wrong sender, no credit, a 429), nothing was
 * sent and the step's usual error lets Zapier retry it, with no sibling refused or throttled
 * alongside. After it, up to `concurrency` batches are in flight at once. The first batch that is
 * not accepted stops new ones; those already under way are awaited, so that each batch's outcome
 * is known and reported exactly once.
 */
export const sendInBatches = async (
  chunks: BatchRecipient[][],
  send: (chunk: BatchRecipient[]) => Promise<AcceptedBatch | FailedBatch>,
  concurrency: number,
): Promise<ChunkedSend> => {
  const outcomes: BatchOutcome[] = chunks.map(() => undefined);
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
