import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { scopeIn } from '../answer';
import { SEND_UNCERTAIN, mobivateError, unexpectedAnswer, whatMobivateSaid } from '../errors';
import {
  defaultCountryField,
  maxPartsField,
  messageField,
  optionalText,
  readBoolean,
  phoneNumberField,
  readMessage,
  readMobile,
  readSender,
  senderField,
} from '../fields';
import { DEFAULT_ROUTE, PATHS, readSentMessage } from '../mobivate';
import { callMobivate } from '../request';
import sentMessageSample from '../samples/sent-message.json';

const inputFields = defineInputFields([
  senderField,
  phoneNumberField('to', 'To'),
  defaultCountryField,
  messageField,
  maxPartsField,
  {
    key: 'reference',
    label: 'Reference',
    type: 'string',
    required: false,
    helpText:
      'Your own reference for this message (an order or contact id). Mobivate returns it in delivery receipts and Find Message can look it up.',
  },
  {
    key: 'route_id',
    label: 'Route',
    type: 'string',
    required: false,
    default: DEFAULT_ROUTE,
    helpText: `Mobivate route to send through. Leave as \`${DEFAULT_ROUTE}\` unless Mobivate gave you another.`,
  },
  {
    key: 'campaign_id',
    label: 'Campaign',
    type: 'string',
    required: false,
    helpText:
      'Adds the message to an existing Mobivate campaign, for reporting. Leave empty for none.',
  },
  {
    key: 'shorten_urls',
    label: 'Shorten Links',
    type: 'boolean',
    required: false,
    default: 'false',
    helpText: 'Replace long links with short, trackable ones. Mobivate may bill shortened links.',
  },
]);

/**
 * 403 on a send means "recipient opted out" in the status table (§8.1), but Mobivate also uses it
 * for a key without permission, a daily message limit or an IP allow-list (§9 #10; Vortex §7), and
 * proxies answer 403 pages of their own. A halt is silent (no error alert), so the step halts only
 * when Mobivate's words say the recipient opted out; any other 403 is an error that quotes them.
 */
export const saysOptedOut = (message: string | undefined): boolean =>
  !!message &&
  /\bopt(ed|s)?[\s_-]?out\b|\boptout\b|\bunsubscribed\b/i.test(message) &&
  !/\bpermi(tted|ssion)|\bscope\b|\bapi key\b/i.test(message) &&
  scopeIn(message) === undefined;

export const perform = (async (z, bundle) => {
  const { inputData } = bundle;
  const originator = readSender(z, inputData.from);
  const recipient = readMobile(z, 'To', inputData.to, inputData.default_country);
  const message = readMessage(z, inputData.message, inputData.max_parts);
  const reference = optionalText(inputData.reference);
  const campaignId = optionalText(inputData.campaign_id);

  const answer = await callMobivate(z, bundle, {
    method: 'POST',
    path: PATHS.sendSingle,
    body: {
      originator,
      recipient,
      body: message.text,
      routeId: optionalText(inputData.route_id) ?? DEFAULT_ROUTE,
      ...(reference ? { reference } : {}),
      ...(campaignId ? { campaignId } : {}),
      ...(readBoolean(inputData.shorten_urls, false) ? { shortenUrls: true } : {}),
    },
    handles: [403],
    ifUncertain: SEND_UNCERTAIN,
  });
  if (answer.status === 403) {
    if (!saysOptedOut(answer.error?.message)) throw mobivateError(z, answer, bundle);
    throw new z.errors.HaltedError(
      `Not sent: ${recipient} has opted out of your messages (Mobivate: ${whatMobivateSaid(answer, bundle)}). Use Delete Opt-Out only if they asked to receive messages again.`,
    );
  }
  const sent = readSentMessage(answer.data);
  if (!sent)
    throw unexpectedAnswer(z, answer, bundle, 'the sent message ({"id", …})', SEND_UNCERTAIN);
  return { ...sent, encoding: message.encoding, parts: message.parts };
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'send_sms',
  noun: 'SMS',
  display: {
    label: 'Send SMS',
    description:
      'Sends a text message to one mobile number. Numbers that opted out are skipped without failing the Zap.',
  },
  operation: {
    inputFields,
    perform,
    sample: sentMessageSample,
    outputFields: [
      { key: 'id', label: 'Message ID', type: 'string' },
      { key: 'originator', label: 'From (Sender ID)', type: 'string' },
      { key: 'recipient', label: 'To', type: 'string' },
      { key: 'body', label: 'Message', type: 'string' },
      { key: 'routeId', label: 'Route', type: 'string' },
      { key: 'reference', label: 'Reference', type: 'string' },
      { key: 'campaignId', label: 'Campaign', type: 'string' },
      { key: 'encoding', label: 'Encoding (GSM-7 or UCS-2)', type: 'string' },
      { key: 'parts', label: 'SMS Parts', type: 'integer' },
    ],
  },
});
