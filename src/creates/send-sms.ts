import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { SEND_UNCERTAIN, unexpectedAnswer } from '../errors';
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
import { DEFAULT_ROUTE, PATHS, mobivateMessage, readSentMessage } from '../mobivate';
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
 * 403 on a send means "recipient opted out" (§3.1, §8.1), but G2 documents 403 for a key that
 * lacks permission (§9 #10). A recipient who opted out must never turn a Zap off, so 403 halts the
 * step; unless Mobivate's message speaks of authentication or permission, which would otherwise
 * halt every send silently.
 */
const PERMISSION_WORDS = /auth|permission|scope|api key|forbidden/i;

export const perform = (async (z, bundle) => {
  const { inputData } = bundle;
  const originator = readSender(z, inputData.from);
  const recipient = readMobile(z, 'To', inputData.to, inputData.default_country);
  const message = readMessage(z, inputData.message, inputData.max_parts);
  const reference = optionalText(inputData.reference);
  const campaignId = optionalText(inputData.campaign_id);

  const response = await callMobivate(z, bundle, {
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
  if (response.status === 403) {
    const said = mobivateMessage(response.data) ?? '';
    if (PERMISSION_WORDS.test(said) && !/opt/i.test(said)) {
      throw new z.errors.Error(
        `Mobivate refused to send ("${said}"). The API key may lack the permission to send (create:SingleSMS): allow it in the Mobivate hub (User Profile → API Keys), or connect a key that has it.`,
        'MobivateForbidden',
        403,
      );
    }
    throw new z.errors.HaltedError(
      `Not sent: ${recipient} has opted out of your messages${said ? ` (Mobivate: "${said}")` : ''}. Use Delete Opt-Out only if they asked to receive messages again.`,
    );
  }
  const sent = readSentMessage(response.data);
  if (!sent)
    throw unexpectedAnswer(z, response, bundle, 'the sent message ({"id", …})', SEND_UNCERTAIN);
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
