import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type ZObject,
} from 'zapier-platform-core';
import { appError } from '../common/error-codes';
import {
  maxPartsField,
  messageField,
  readMessage,
  readSender,
  senderField,
} from '../inputs/message';
import { defaultCountryField, mobileInput } from '../inputs/mobile';
import { ADVANCED, optionalText, readBoolean } from '../inputs/read';
import { DEFAULT_ROUTE, mobivate } from '../mobivate';
import { characterSet, sentMessageOutputFields, sentMessageSample } from '../outputs/sent-message';

const to = mobileInput('to', 'To');

const inputFields = defineInputFields([
  senderField,
  to.field,
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
 * A text Mobivate did not send. A recipient who opted out halts the run (no error alert, and the
 * next record may be fine); a text Mobivate refused is an error that quotes it.
 */
const notSent = (
  z: ZObject,
  recipient: string,
  { reason, said }: { reason: 'opted-out' | 'refused'; said: string },
): Error =>
  reason === 'opted-out'
    ? new z.errors.HaltedError(
        `Not sent: ${recipient} has opted out of your messages (Mobivate: ${said}). Use Delete Opt-Out only if they asked to receive messages again.`,
      )
    : appError(
        z,
        'MobivateError',
        `Not sent: Mobivate accepted the request but did not send the text to ${recipient} (${said}). Check the number, and the message log in the Mobivate hub.`,
      );

export const perform = (async (z, bundle) => {
  const { inputData } = bundle;
  const message = readMessage(z, inputData.message, inputData.max_parts);
  const request = {
    originator: readSender(z, inputData.from),
    recipient: to.read(z, inputData),
    text: message.text,
    route: optionalText(inputData.route_id),
    reference: optionalText(inputData.reference),
    campaignId: optionalText(inputData.campaign_id),
    shortenUrls: readBoolean(inputData.shorten_urls, false),
  };
  const outcome = await mobivate(z, bundle).messages.sendSingle(request);
  if (!outcome.sent) throw notSent(z, request.recipient, outcome);
  const sent = outcome.message;
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
    outputFields: [...sentMessageOutputFields],
  },
});
