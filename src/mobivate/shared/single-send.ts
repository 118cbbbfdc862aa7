import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  SEND_UNCERTAIN,
  mobivateError,
  unexpectedAnswer,
  whatMobivateSaid,
} from '../transport/errors';
import { callMobivate } from '../transport/request';
import type { DeliveryStatus, SentMessage, SingleSendOutcome } from '../types';
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
    status: optionalString(record.status),
  };
};

/** Failure words a status may use that the generation's table does not list. */
const FAILURE_WORDS = /FAIL|REJECT|BLOCK|INVALID|ERROR|UNDELIVER|EXPIRED|DENIED|OPT(ED)?_?OUT/i;

/**
 * A status in the accepted record (Vortex `{"record": {"id", "status": "OPTED_OUT"}}`, seen from
 * stand-ins; §V3 does not show one) can say the text was not sent after all: a failure in the
 * generation's table, or a word for failure. In-flight and unknown words are an acceptance.
 */
const refusalIn = (
  status: string | null,
  describe: (status: string) => DeliveryStatus | undefined,
): 'opted-out' | 'refused' | undefined => {
  if (!status) return undefined;
  const meaning = describe(status);
  const failed = meaning ? meaning.failure : FAILURE_WORDS.test(status);
  if (!failed) return undefined;
  return /OPT(ED)?[\s_-]?OUT|UNSUBSCRIBED/i.test(status) ? 'opted-out' : 'refused';
};

/**
 * Sends one text (`POST /send/single`, both generations) and reads what became of it: sent, or
 * not sent because Mobivate's answer says the recipient opted out or it refused the text; never
 * repeats a send whose outcome is unclear.
 */
export const sendSingleRequest = async (
  z: ZObject,
  bundle: Bundle,
  body: Record<string, unknown> & { recipient: string },
  expected: string,
  describe: (status: string) => DeliveryStatus | undefined,
): Promise<SingleSendOutcome> => {
  const answer = await callMobivate(z, bundle, {
    method: 'POST',
    path: '/send/single',
    body,
    expectedErrorStatuses: [400, 403, 409, 422],
    unclearOutcomeNote: SEND_UNCERTAIN,
  });
  // A reference used before, refused by Mobivate itself: the text was sent earlier (replays.md).
  if (answer.status >= 400 && says(answer.error?.message, 'duplicate-reference')) {
    return { sent: false, reason: 'already-sent', said: whatMobivateSaid(answer, bundle) };
  }
  if ([400, 409, 422].includes(answer.status)) {
    throw mobivateError(z, answer, bundle, SEND_UNCERTAIN);
  }
  // 403 is "opted out" in the status table (§8.1), but Mobivate also uses it for a key without a
  // permission, a daily limit or an IP allow-list (§9 #10, §V7): a halt raises no alert, so the
  // step halts only when Mobivate's words say the recipient opted out.
  if (answer.status === 403) {
    if (!says(answer.error?.message, 'opted-out', body.recipient)) {
      throw mobivateError(z, answer, bundle);
    }
    return { sent: false, reason: 'opted-out', said: whatMobivateSaid(answer, bundle) };
  }
  const sent = readSentMessage(answer.data);
  if (!sent) throw unexpectedAnswer(z, answer, bundle, expected, SEND_UNCERTAIN);
  const refused = refusalIn(sent.status, describe);
  if (refused) {
    const said = `the message ${sent.id} has the status ${sent.status}`;
    return { sent: false, reason: refused, said };
  }
  return { sent: true, message: sent };
};
