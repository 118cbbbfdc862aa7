import type { Bundle, ZObject } from 'zapier-platform-core';
import { isObject, optionalString, unwrapRecord } from '../records';
import type { SentMessage } from '../types';
import { scopeIn } from './answer';
import { SEND_UNCERTAIN, mobivateError, unexpectedAnswer, whatMobivateSaid } from './errors';
import { callMobivate } from './request';

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

/**
 * Sends one text (`POST /send/single`, both generations) and reads the sent message: halts for an
 * opted-out recipient, never repeats a send whose outcome is unclear.
 */
export const sendSingleRequest = async (
  z: ZObject,
  bundle: Bundle,
  body: Record<string, unknown> & { recipient: string },
  expected: string,
): Promise<SentMessage> => {
  const answer = await callMobivate(z, bundle, {
    method: 'POST',
    path: '/send/single',
    body,
    expectedErrorStatuses: [403],
    unclearOutcomeNote: SEND_UNCERTAIN,
  });
  if (answer.status === 403) {
    if (!saysOptedOut(answer.error?.message)) throw mobivateError(z, answer, bundle);
    throw new z.errors.HaltedError(
      `Not sent: ${body.recipient} has opted out of your messages (Mobivate: ${whatMobivateSaid(answer, bundle)}). Use Delete Opt-Out only if they asked to receive messages again.`,
    );
  }
  const sent = readSentMessage(answer.data);
  if (!sent) throw unexpectedAnswer(z, answer, bundle, expected, SEND_UNCERTAIN);
  return sent;
};
