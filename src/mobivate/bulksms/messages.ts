import { scopeIn } from '../http/answer';
import { sendBatchRequest } from '../http/batch-outcome';
import { SEND_UNCERTAIN, mobivateError, unexpectedAnswer, whatMobivateSaid } from '../http/errors';
import { callMobivate } from '../http/request';
import { formatMobivateDate, isObject, optionalString, unwrapRecord } from '../records';
import type { BatchOptions, BatchRecipient, MobivateApi, SentMessage } from '../types';

const SEND_SINGLE_PATH = '/send/single';
const SEND_BATCH_PATH = '/send/batch';

/** The BulkSMS route the docs and every client use (§3.1, §11). */
export const DEFAULT_ROUTE = 'mglobal';

/** Batch sends take at most 1,000 messages per request (§3.3, §8.3). */
const MAX_BATCH_SIZE = 1000;

/** The "message record" a single send answers with (§3.1); Vortex names the text `text` (§9 #6). */
export const readSentMessage = (body: unknown): SentMessage | undefined => {
  const record = unwrapRecord(body);
  if (!isObject(record) || typeof record.id !== 'string' || !record.id) return undefined;
  return {
    id: record.id,
    originator: optionalString(record.originator),
    recipient: optionalString(record.recipient),
    body: optionalString(record.body ?? record.text),
    route: optionalString(record.routeId),
    reference: optionalString(record.reference),
    campaignId: optionalString(record.campaignId),
  };
};

/**
 * 403 on a send means "recipient opted out" in the status table (§8.1), but Mobivate also uses it
 * for a key without permission, a daily message limit or an IP allow-list (§9 #10, §V7), and
 * proxies answer 403 pages of their own. A halt is silent (no error alert), so the step halts only
 * when Mobivate's words say the recipient opted out; any other 403 is an error that quotes them.
 */
export const saysOptedOut = (message: string | undefined): boolean =>
  !!message &&
  /\bopt(ed|s)?[\s_-]?out\b|\boptout\b|\bunsubscribed\b/i.test(message) &&
  !/\bpermi(tted|ssion)|\bscope\b|\bapi key\b/i.test(message) &&
  scopeIn(message) === undefined;

const sendSingle: MobivateApi['messages']['sendSingle'] = async (z, bundle, message) => {
  const answer = await callMobivate(z, bundle, {
    method: 'POST',
    path: SEND_SINGLE_PATH,
    body: {
      originator: message.originator,
      recipient: message.recipient,
      body: message.text,
      routeId: message.route ?? DEFAULT_ROUTE,
      ...(message.reference ? { reference: message.reference } : {}),
      ...(message.campaignId ? { campaignId: message.campaignId } : {}),
      ...(message.shortenUrls ? { shortenUrls: true } : {}),
    },
    expectedErrorStatuses: [403],
    unclearOutcomeNote: SEND_UNCERTAIN,
  });
  if (answer.status === 403) {
    if (!saysOptedOut(answer.error?.message)) throw mobivateError(z, answer, bundle);
    throw new z.errors.HaltedError(
      `Not sent: ${message.recipient} has opted out of your messages (Mobivate: ${whatMobivateSaid(answer, bundle)}). Use Delete Opt-Out only if they asked to receive messages again.`,
    );
  }
  const sent = readSentMessage(answer.data);
  if (!sent)
    throw unexpectedAnswer(z, answer, bundle, 'the sent message ({"id", …})', SEND_UNCERTAIN);
  // The record echoes the request (§3.1); where it leaves a field out, the request says it.
  return {
    ...sent,
    route: sent.route ?? message.route ?? DEFAULT_ROUTE,
    campaignId: sent.campaignId ?? message.campaignId ?? null,
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

/** What a batch send answers: G1 echoes the campaign (§3.3), G2 a record with a count (§3.5). */
export const readBatchAnswer = (
  body: unknown,
): { id: string; name: string | null; accepted: number | undefined } | undefined => {
  const record = unwrapRecord(body);
  if (!isObject(record) || typeof record.id !== 'string' || !record.id) return undefined;
  const accepted = Array.isArray(record.recipients)
    ? record.recipients.length
    : typeof record.recipientCount === 'number'
      ? record.recipientCount
      : undefined;
  return { id: record.id, name: optionalString(record.name), accepted };
};

const sendBatch: MobivateApi['messages']['sendBatch'] = (z, bundle, chunk, options) =>
  sendBatchRequest(
    z,
    bundle,
    { method: 'POST', path: SEND_BATCH_PATH, body: batchRequestBody(chunk, options) },
    (body) => {
      const answer = readBatchAnswer(body);
      return answer && { ...answer, accepted: answer.accepted ?? chunk.length };
    },
    'the batch ({"id", …})',
  );

export const messages: MobivateApi['messages'] = {
  sendSingle,
  sendBatch,
  maxBatchSize: MAX_BATCH_SIZE,
  oneTextPerBatch: false,
};
