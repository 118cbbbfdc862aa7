import type { Generation } from '../generation';
import {
  BATCH_CONCURRENCY,
  byText,
  inChunks,
  sendBatchRequest,
  sendInBatches,
} from '../shared/batch-send';
import { readBatchAnswer } from '../shared/batch-answer';
import { sendSingleRequest } from '../shared/single-send';
import { vortexStatus } from './statuses';
import type { BatchOptions, BatchRecipient } from '../types';

/**
 * Vortex documents no batch size limit; BulkSMS's 1,000 per request is kept, an assumption
 * (docs/mobivate-api.md §V3).
 */
export const MAX_BATCH_SIZE = 1000;

/**
 * `POST /send/single` with `text` (not BulkSMS's `body`), no route or campaign, opted-out numbers
 * excluded (§V3; `excludeOptouts` with a small "o" on this page, §9 #8). The answer is
 * `{success, record}` or, seen earlier, an echo with a top-level `id`: readSentMessage takes both.
 */
const sendSingle: Generation['messages']['sendSingle'] = (z, bundle, message) =>
  sendSingleRequest(
    z,
    bundle,
    {
      originator: message.originator,
      recipient: message.recipient,
      text: message.text,
      ...(message.reference ? { reference: message.reference } : {}),
      excludeOptouts: true,
      shortenUrls: message.shortenUrls,
      // A single send may be scheduled on Vortex (§V3, `scheduleDateTime`, ISO 8601).
      ...(message.scheduleAt !== undefined
        ? { scheduleDateTime: new Date(message.scheduleAt).toISOString() }
        : {}),
    },
    'the sent message ({"success": true, "record": {"id", …}})',
    vortexStatus,
  );

/** One text for every recipient of the request; `excludeOptOuts` with a capital O here (§9 #8). */
const batchBody = (chunk: BatchRecipient[], options: BatchOptions) => ({
  originator: options.originator,
  text: chunk[0]!.text,
  ...(options.name ? { name: options.name } : {}),
  ...(options.scheduleAt !== undefined
    ? { scheduled: new Date(options.scheduleAt).toISOString() }
    : {}),
  shortenUrls: options.shortenUrls,
  ...(options.spreadHours !== undefined ? { spreadHours: options.spreadHours } : {}),
  excludeOptOuts: true,
  excludeDuplicates: options.excludeDuplicates,
  recipients: chunk.map(recipientOf),
});

/**
 * One recipient as batch and template sends take it (§3.5, §3.6): a number with its reference and
 * its `{{KEY}}` values in `meta`, or a group id with `meta.type: "mailinglist"`.
 */
export const recipientOf = ({ recipient, reference, group, fields, language }: BatchRecipient) => ({
  recipient,
  ...(reference ? { reference } : {}),
  ...(language ? { language } : {}),
  ...(group
    ? { meta: { type: 'mailinglist' } }
    : fields && Object.keys(fields).length > 0
      ? { meta: fields }
      : {}),
});

/** One request carries one text (§V3): personalized texts go in requests of their own. */
const sendBatch: Generation['messages']['sendBatch'] = (z, bundle, recipients, options) =>
  sendInBatches(
    byText(recipients).flatMap((sameText) => inChunks(sameText, MAX_BATCH_SIZE)),
    (chunk) =>
      sendBatchRequest(
        z,
        bundle,
        { method: 'POST', path: '/send/batch', body: batchBody(chunk, options) },
        (body) => readBatchAnswer(body),
        'the batch ({"success": true, "record": {"id", …}})',
      ),
    BATCH_CONCURRENCY,
  );

export const messages: Generation['messages'] = { sendSingle, sendBatch };
