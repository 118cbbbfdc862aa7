import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type ZObject,
} from 'zapier-platform-core';
import { permissionSentence } from '../common/permissions';
import {
  maxPartsField,
  messageField,
  readMessage,
  readSender,
  senderField,
} from '../inputs/message';
import { onlyWith } from '../inputs/connection-fields';
import { defaultCountryField, mobileInput } from '../inputs/mobile';
import { ADVANCED, ifNotDoneInput, notDoneError, optionalText, readBoolean } from '../inputs/read';
import { DEFAULT_ROUTE } from '../mobivate';
import type { Decision } from '../quiet-hours';
import { earlierText, notSentBy, sendText, textOutput, type NotSent } from '../steps/single-text';
import { quietHoursFields, readQuietHours } from '../inputs/quiet-hours';
import { duplicateWindowField, ifAlreadySent } from '../inputs/replay';
import {
  characterSet,
  sentMessageOutput,
  sentMessageOutputFields,
  sentMessageSample,
} from '../outputs/sent-message';

const to = mobileInput('to', 'To');

const ifNotSent = ifNotDoneInput({
  key: 'if_not_sent',
  label: 'If the Text Is Not Sent',
  output: 'Sent',
  values: ['stop', 'continue', 'fail'],
  fallback: 'continue',
  helpText:
    'What to do when the text cannot go to this recipient: they opted out, Mobivate refused the number, or the number cannot be used (mistyped, or without a country code). **Continue** (the default) outputs Sent = false and the reason, so later steps, like adding a new lead to your CRM, still run and a Filter can check Sent. **Stop this run quietly** ends the run without an alert, and later steps do not run. **Fail with an error** alerts you; Zapier may turn off a Zap with many errors.',
});

// The required fields first (Zapier's rule), and Default Country right under the number.
const inputFields = defineInputFields([
  senderField,
  messageField,
  to.field,
  defaultCountryField,
  ifNotSent.field,
  {
    key: 'reference',
    label: 'Reference',
    type: 'string',
    required: false,
    helpText:
      'Your own reference for this text, unique to the event that sends it (a form entry ID, an order ID). It comes back with the delivery status, Find Message can look it up, and a text with the same Reference to the same number is not sent twice (see If Already Sent).',
  },
  ifAlreadySent.field,
  ...quietHoursFields,
  maxPartsField,
  duplicateWindowField,
  // BulkSMS only: Vortex has no routes or campaigns (docs/operations.md, Send SMS).
  onlyWith('routes', [
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
  ]),
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

const readRequest = (z: ZObject, inputData: Record<string, unknown>) => {
  const message = readMessage(z, inputData.message, inputData.max_parts);
  const request = {
    originator: readSender(z, inputData.from),
    text: message.text,
    route: optionalText(inputData.route_id),
    reference: optionalText(inputData.reference),
    campaignId: optionalText(inputData.campaign_id),
    shortenUrls: readBoolean(inputData.shorten_urls, false),
  };
  const text = { character_set: characterSet(message.encoding), parts: message.parts };
  return { request, text, choice: ifNotSent.read(z, inputData), to: to.check(z, inputData) };
};

/**
 * Sends one text. With a Reference, a text sent before with it to this number is not sent again
 * (docs/replays.md); with Quiet Hours on Hold, Mobivate holds the text until the recipient's
 * allowed hours (docs/quiet-hours.md). A text that cannot go to this recipient does what If the
 * Text Is Not Sent says: by default Sent = false and why, so later steps run.
 */
export const perform = (async (z, bundle) => {
  const { request, text, choice, to } = readRequest(z, bundle.inputData);
  const hold = readQuietHours(z, bundle);
  const notSent = (why: NotSent, recipient: string | null, decision?: Decision) => {
    if (choice !== 'continue') {
      const message = why.status === 'invalid_number' ? why.reason : `Not sent: ${why.reason}`;
      throw notDoneError(z, choice, why.code, message);
    }
    const output = textOutput(
      { ...request, recipient: recipient ?? '' },
      { id: null, status: why.status },
      { already_sent: false, decision },
    );
    return { ...output, sent: false, not_sent_reason: why.reason, recipient, ...text };
  };
  if ('problem' in to) {
    return notSent(
      { status: 'invalid_number', reason: to.problem, code: 'InvalidRecipient' },
      null,
    );
  }
  const message = { ...request, recipient: to.mobile };
  const earlier = await earlierText(z, bundle, message);
  if (earlier) {
    const before = { id: earlier.id, status: earlier.status ?? 'sent' };
    return {
      ...textOutput(message, before, { already_sent: true, sent_at: earlier.created }),
      ...text,
    };
  }
  const result = await sendText(z, bundle, message, hold);
  if ('refused' in result) return notSent(result.refused, to.mobile, result.decision);
  const { outcome, decision } = result;
  if (!outcome.sent && outcome.reason === 'already-sent') {
    const refusal = { id: null, status: 'already_sent' };
    return { ...textOutput(message, refusal, { already_sent: true, said: outcome.said }), ...text };
  }
  if (!outcome.sent) return notSent(notSentBy(to.mobile, outcome), to.mobile, decision);
  const sent = outcome.message;
  // What a Zap maps next: Mobivate's id, the number as it was sent, and what the text cost.
  const echoed = {
    ...message,
    originator: sent.originator ?? message.originator,
    text: sent.body ?? message.text,
    reference: sent.reference ?? message.reference,
  };
  const status = decision?.outcome === 'later' ? 'scheduled' : 'accepted';
  const accepted = { id: sent.id, status, route: sent.route, campaignId: sent.campaignId };
  return { ...textOutput(echoed, accepted, { already_sent: false, decision }), ...text };
}) satisfies CreatePerform<typeof inputFields>;

/** What the step outputs: the send's output with the E.164 twins of its numbers beside them. */
const performWithTwins = (async (z, bundle) =>
  sentMessageOutput(await perform(z, bundle))) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'send_sms',
  noun: 'SMS',
  display: {
    label: 'Send SMS',
    description: `Sends a text message to one mobile number. A recipient who opted out, or a number that cannot be texted, gives Sent = false without failing the Zap, unless you choose otherwise. ${permissionSentence('send_sms')}`,
  },
  operation: {
    inputFields,
    inputFieldGroups: [ADVANCED],
    perform: performWithTwins,
    sample: sentMessageSample,
    outputFields: [...sentMessageOutputFields],
  },
});
