import type { Generation } from '../generation';
import { BATCH_CONCURRENCY, inChunks, sendBatchRequest, sendInBatches } from '../shared/batch-send';
import { readBatchAnswer } from '../shared/batch-answer';
import { formatMobivateDate } from '../shared/times';
import { sendSingleRequest } from '../shared/single-send';
import { deliveryStatus } from './statuses';
import type { BatchOptions, BatchRecipient, SingleMessage, SingleSendOutcome } from '../types';

const SEND_BATCH_PATH = '/send/batch';

/** The BulkSMS route the docs and every client use (§3.1, §11). */
export const DEFAULT_ROUTE = 'mglobal';

/** Batch sends take at most 1,000 messages per request (§3.3, §8.3). */
const MAX_BATCH_SIZE = 1000;

/**
 * BulkSMS documents no schedule on a single send (§3.1), but does on a batch (§3.3): a text held
 * for quiet hours goes as a batch of one, scheduled. Its id is the batch's; an opted-out number
 * is skipped by Mobivate at send time (excludeOptouts), not refused now (docs/operations.md).
 */
const sendScheduledSingle = async (
  z: Parameters<Generation['messages']['sendSingle']>[0],
  bundle: Parameters<Generation['messages']['sendSingle']>[1],
  message: SingleMessage & { scheduleAt: number },
): Promise<SingleSendOutcome> => {
  const recipient = {
    recipient: message.recipient,
    text: message.text,
    reference: message.reference,
  };
  const options = {
    originator: message.originator,
    scheduleAt: message.scheduleAt,
    excludeDuplicates: false,
    shortenUrls: message.shortenUrls,
  };
  const outcome = await sendBatch(z, bundle, [recipient], options);
  if (outcome.stoppedAt) throw outcome.stoppedAt.error;
  const batch = outcome.accepted[0]!;
  if (batch.refused.length > 0) {
    return { sent: false, reason: 'refused', said: batch.refused[0]!.reason };
  }
  const { originator, recipient: to, text, reference } = message;
  return {
    sent: true,
    message: {
      ...{ id: batch.id, originator, recipient: to, body: text, route: DEFAULT_ROUTE },
      ...{ reference: reference ?? null, campaignId: null, status: null },
    },
  };
};

const sendSingle: Generation['messages']['sendSingle'] = async (z, bundle, message) => {
  const { scheduleAt } = message;
  if (scheduleAt !== undefined) return sendScheduledSingle(z, bundle, { ...message, scheduleAt });
  const outcome = await sendSingleRequest(
    z,
    bundle,
    {
      originator: message.originator,
      recipient: message.recipient,
      body: message.text,
      routeId: message.route ?? DEFAULT_ROUTE,
      ...(message.reference ? { reference: message.reference } : {}),
      ...(message.campaignId ? { campaignId: message.campaignId } : {}),
      ...(message.shortenUrls ? { shortenUrls: true } : {}),
    },
    'the sent message ({"id", …})',
    deliveryStatus,
  );
  if (!outcome.sent) return outcome;
  // The record echoes the request (§3.1); where it leaves a field out, the request says it.
  const sent = outcome.message;
  return {
    sent: true,
    message: {
      ...sent,
      route: sent.route ?? message.route ?? DEFAULT_ROUTE,
      campaignId: sent.campaignId ?? message.campaignId ?? null,
    },
  };
};

/**
 * The body of one `POST /send/batch` (§3.3, §9 #6 and #7). The G1 page's table and example call
 * the list `messages`, but its own response, the archived copy of the same page, the campaign
 * page and G2 all call it `recipients`, and every one of them names each text `text`. So: a
 * `recipients` list of objects that each carry originator, recipient and text (what the archived
 * G1 page requires and G2 accepts as per-recipient overrides), plus G1's required `routeId`.
 * Sending both keys would risk a double send, so only `recipients` is sent.
 */
export const batchRequestBody = (recipients: BatchRecipient[], options: BatchOptions) => ({
  routeId: DEFAULT_ROUTE,
  ...(options.name ? { name: options.name } : {}),
  ...(options.scheduleAt !== undefined
    ? { scheduleDateTime: formatMobivateDate(options.scheduleAt) }
    : {}),
  // Always: Zapier rejects features that send to people who opted out, so there is no switch.
  excludeOptouts: true,
  excludeDuplicates: options.excludeDuplicates,
  shortenUrls: options.shortenUrls,
  ...(options.spreadHours !== undefined ? { spreadHours: options.spreadHours } : {}),
  recipients: recipients.map(({ recipient, text, reference }) => ({
    originator: options.originator,
    recipient,
    text,
    ...(reference ? { reference } : {}),
  })),
});

/** One request carries a text per recipient (§3.3), so personalized texts share requests. */
const sendBatch: Generation['messages']['sendBatch'] = (z, bundle, recipients, options) =>
  sendInBatches(
    inChunks(recipients, MAX_BATCH_SIZE),
    (chunk) =>
      sendBatchRequest(
        z,
        bundle,
        { method: 'POST', path: SEND_BATCH_PATH, body: batchRequestBody(chunk, options) },
        (body) => readBatchAnswer(body),
        'the batch ({"id", …})',
      ),
    BATCH_CONCURRENCY,
  );

export const messages: Generation['messages'] = { sendSingle, sendBatch };
