import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { scopeIn } from '../answer';
import { SEND_UNCERTAIN, mobivateError, unexpectedAnswer, whatMobivateSaid } from '../errors';
import {
  ADVANCED,
  characterSet,
  characterSetField,
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
  messageField,
  defaultCountryField,
  {
    key: 'reference',
    label: 'Reference',
    type: 'string',
    required: false,
    helpText:
      'Your own reference for this message (an order or contact id). It comes back with the message’s delivery status, and Find Message can look it up.',
  },
  maxPartsField,
  {
    key: 'route_id',
    label: 'Route',
    type: 'string',
    required: false,
    default: DEFAULT_ROUTE,
    group: ADVANCED.key,
    helpText: `Mobivate route to send through. Leave as \`${DEFAULT_ROUTE}\` unless Mobivate gave you another.`,
  },
  {
    key: 'campaign_id',
    label: 'Campaign',
    type: 'string',
    required: false,
    group: ADVANCED.key,
    helpText:
      'Adds the message to an existing Mobivate campaign, for reporting. Leave empty for none.',
  },
  {
    key: 'shorten_urls',
    label: 'Shorten Links',
    type: 'boolean',
    required: false,
    default: 'false',
    group: ADVANCED.key,
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
  const route = optionalText(inputData.route_id) ?? DEFAULT_ROUTE;

  const answer = await callMobivate(z, bundle, {
    method: 'POST',
    path: PATHS.sendSingle,
    body: {
      originator,
      recipient,
      body: message.text,
      routeId: route,
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
  // What a Zap maps next: Mobivate's id, the number as it was sent, and what the text cost.
  return {
    id: sent.id,
    status: 'accepted',
    recipient,
    originator: sent.originator ?? originator,
    body: sent.body ?? message.text,
    reference: sent.reference ?? reference ?? null,
    route_id: sent.routeId ?? route,
    campaign_id: sent.campaignId ?? campaignId ?? null,
    character_set: characterSet(message.encoding),
    parts: message.parts,
  };
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
    inputFieldGroups: [ADVANCED],
    perform,
    sample: sentMessageSample,
    outputFields: [
      { key: 'id', label: 'Message ID', type: 'string' },
      { key: 'status', label: 'Status (Accepted)', type: 'string' },
      { key: 'recipient', label: 'To (Digits, With Country Code)', type: 'string' },
      { key: 'originator', label: 'From (Sender ID)', type: 'string' },
      { key: 'body', label: 'Message', type: 'string' },
      { key: 'reference', label: 'Reference', type: 'string' },
      { key: 'route_id', label: 'Route', type: 'string' },
      { key: 'campaign_id', label: 'Campaign', type: 'string' },
      characterSetField,
      { key: 'parts', label: 'SMS Parts (Each Billed)', type: 'integer' },
    ],
  },
});
