import type { Bundle, ZObject } from 'zapier-platform-core';
import type { AcceptedBatch, FailedBatch } from '../types';
import { SEND_UNCERTAIN, answerReason, excerpt, mobivateError, unexpectedAnswer } from './errors';
import { attemptMobivate, isNoAnswer, noAnswerError, type MobivateRequest } from './request';
import { certainlyNotSent, transportReason } from './transport';

/** Why a batch was not started near the step's deadline; batches.ts gives split advice on it. */
export const NO_TIME =
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
 * answer, an answer without a batch id). Both API generations' batch sends use it.
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
  if (isNoAnswer(result)) {
    const error = noAnswerError(z, result, request, SEND_UNCERTAIN);
    if (result.kind === 'no-time') return { uncertain: false, reason: NO_TIME, error };
    const uncertain = !certainlyNotSent(result.error);
    return { uncertain, reason: transportReason(result.error, result.seconds), error };
  }
  slowestBatchMs.set(bundle, Math.max(slowest(), Date.now() - started));
  if (result.status >= 400) {
    const error = mobivateError(z, result, bundle, SEND_UNCERTAIN);
    return { uncertain: result.status >= 500, reason: answerReason(result, bundle), error };
  }
  const batch = readBatch(result.data);
  if (batch) return batch;
  return {
    uncertain: true,
    reason: `Mobivate answered with HTTP ${result.httpStatus} but not with the batch: ${excerpt(result.content, bundle)}`,
    error: unexpectedAnswer(z, result, bundle, expected, SEND_UNCERTAIN),
  };
};
