import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  SEND_UNCERTAIN,
  mobivateError,
  unexpectedAnswer,
  whatMobivateSaid,
} from '../transport/errors';
import { callMobivate } from '../transport/request';
import type { SentMessage } from '../types';
import { says } from '../words';
import { isObject, optionalString, unwrapRecord } from './records';

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
  // 403 is "opted out" in the status table (§8.1), but Mobivate also uses it for a key without a
  // permission, a daily limit or an IP allow-list (§9 #10, §V7): a halt raises no alert, so the
  // step halts only when Mobivate's words say the recipient opted out.
  if (answer.status === 403) {
    if (!says(answer.error?.message, 'opted-out')) throw mobivateError(z, answer, bundle);
    throw new z.errors.HaltedError(
      `Not sent: ${body.recipient} has opted out of your messages (Mobivate: ${whatMobivateSaid(answer, bundle)}). Use Delete Opt-Out only if they asked to receive messages again.`,
    );
  }
  const sent = readSentMessage(answer.data);
  if (!sent) throw unexpectedAnswer(z, answer, bundle, expected, SEND_UNCERTAIN);
  return sent;
};
