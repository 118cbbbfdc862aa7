import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import {
  ADVANCED,
  characterSet,
  characterSetField,
  defaultCountryField,
  maxPartsField,
  messageField,
  phoneNumberField,
  senderField,
} from '../fields';
import { optionalText, readBoolean, readMessage, readMobile, readSender } from '../inputs';
import { mobivate } from '../mobivate';
import { DEFAULT_ROUTE } from '../mobivate/bulksms/messages';
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

export const perform = (async (z, bundle) => {
  const { inputData } = bundle;
  const message = readMessage(z, inputData.message, inputData.max_parts);
  const request = {
    originator: readSender(z, inputData.from),
    recipient: readMobile(z, 'To', inputData.to, inputData.default_country),
    text: message.text,
    route: optionalText(inputData.route_id),
    reference: optionalText(inputData.reference),
    campaignId: optionalText(inputData.campaign_id),
    shortenUrls: readBoolean(inputData.shorten_urls, false),
  };
  const sent = await mobivate(bundle).messages.sendSingle(z, bundle, request);
  // What a Zap maps next: Mobivate's id, the number as it was sent, and what the text cost.
  return {
    id: sent.id,
    status: 'accepted',
    recipient: request.recipient,
    originator: sent.originator ?? request.originator,
    body: sent.body ?? message.text,
    reference: sent.reference ?? request.reference ?? null,
    route_id: sent.route,
    campaign_id: sent.campaignId,
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
