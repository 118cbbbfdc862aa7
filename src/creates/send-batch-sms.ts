import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type ZObject,
} from 'zapier-platform-core';
import { appError } from '../common/error-codes';
import {
  campaignNameField,
  invalidRecipientsInput,
  readScheduleAt,
  readSpreadHours,
  sendAtField,
  shortenLinksField,
  spreadHoursField,
} from '../inputs/batch-options';
import { readSender, senderField } from '../inputs/message';
import { defaultCountryField } from '../inputs/mobile';
import { ADVANCED, optionalText, readBoolean } from '../inputs/read';
import { collectRecipients, refuseUnusable } from '../inputs/recipients';
import { mobivate, type Mobivate } from '../mobivate';
import {
  acceptedBatches,
  batchIdOutputFields,
  batchSample,
  skippedRecipientsOutputFields,
} from '../outputs/batch';
import { stoppedSendError } from '../steps/chunked-send';

const inputFields = defineInputFields([
  senderField,
  {
    key: 'recipients',
    label: 'Recipients',
    type: 'string',
    list: true,
    required: false,
    helpText:
      'Mobile numbers that all get **Message**, one per entry (comma-separated lists are split too). Include the country code, or choose a Default Country.',
  },
  {
    key: 'message',
    label: 'Message',
    type: 'text',
    required: false,
    helpText:
      'The text for every recipient above, and for personalized recipients without their own text.',
  },
  {
    key: 'line_items',
    label: 'Personalized Recipients',
    required: false,
    children: [
      { key: 'line_recipient', label: 'Recipient', type: 'string', required: false },
      { key: 'line_message', label: 'Recipient’s Message', type: 'text', required: false },
      { key: 'line_reference', label: 'Recipient’s Reference', type: 'string', required: false },
      {
        key: 'line_fields',
        label: 'Recipient’s Fields',
        type: 'string',
        required: false,
        helpText:
          'Values for `{{KEY}}` placeholders in the message, as `NAME=John; CITY=London` (Vortex connections only).',
      },
    ],
  },
  {
    key: 'groups',
    label: 'Groups',
    type: 'string',
    list: true,
    required: false,
    helpText:
      'Contact group ids that get **Message**, one per entry (Vortex connections only). Find a group’s id in the Mobivate hub, or use the ID output of Create Group.',
  },
  defaultCountryField,
  invalidRecipientsInput.field,
  campaignNameField,
  sendAtField,
  {
    key: 'exclude_duplicates',
    label: 'Skip Duplicate Numbers',
    type: 'boolean',
    required: false,
    group: ADVANCED.key,
    default: 'true',
    helpText:
      'Send once to a number that appears more than once (across all recipients of this step).',
  },
  shortenLinksField,
  spreadHoursField,
]);

/** Groups and per-recipient fields exist only on Vortex: refused plainly before any request. */
const refuseVortexOnly = (
  z: ZObject,
  api: Mobivate,
  inputData: { groups?: unknown; line_items?: { line_fields?: unknown }[] },
) => {
  if (api.supports.addressBook) return;
  const given = (value: unknown) =>
    (Array.isArray(value) ? value : [value]).some((item) => optionalText(item) !== undefined);
  const needs = [
    given(inputData.groups) ? 'Groups' : '',
    (inputData.line_items ?? []).some((item) => given(item.line_fields))
      ? 'Recipient’s Fields'
      : '',
  ].filter(Boolean);
  if (needs.length === 0) return;
  throw appError(
    z,
    'NeedsVortex',
    `Nothing was sent: ${needs.join(' and ')} need a Vortex connection, and this one uses the BulkSMS API, which has no contact groups or placeholder fields. Empty ${needs.length > 1 ? 'them' : 'it'}, or reconnect with Mobivate API set to Vortex API.`,
  );
};

export const perform = (async (z, bundle) => {
  const api = mobivate(z, bundle);
  // The step's clock starts now: reading 100,000 numbers takes seconds of the step's 30.
  api.startClock();
  const { inputData } = bundle;
  const originator = readSender(z, inputData.from);
  const scheduleAt = readScheduleAt(z, inputData.schedule_at);
  const spreadHours = readSpreadHours(z, inputData.spread_hours);
  const excludeDuplicates = readBoolean(inputData.exclude_duplicates, true);
  refuseVortexOnly(z, api, inputData);
  const collected = collectRecipients({
    recipients: inputData.recipients,
    message: optionalText(inputData.message) ? String(inputData.message) : undefined,
    lineItems: inputData.line_items ?? [],
    defaultCountry: inputData.default_country,
    excludeDuplicates,
    groups: inputData.groups,
  });
  const skipped = refuseUnusable(z, collected, inputData);

  const options = {
    originator,
    name: optionalText(inputData.name),
    scheduleAt,
    excludeDuplicates,
    shortenUrls: readBoolean(inputData.shorten_urls, false),
    spreadHours,
  };
  const sent = await api.messages.sendBatch(collected.recipients, options);
  const stopped = stoppedSendError(z, sent);
  if (stopped) throw stopped;
  const { accepted, refused, ...ids } = acceptedBatches(sent);
  return {
    ...ids,
    name: sent.accepted[0]!.name ?? options.name ?? null,
    recipients_sent: collected.recipients.length,
    recipients_accepted: accepted,
    recipients_skipped_count: skipped.length + refused.length,
    recipients_skipped: [...skipped, ...refused],
    scheduled_at: scheduleAt === undefined ? null : new Date(scheduleAt).toISOString(),
  };
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'send_batch_sms',
  noun: 'Batch',
  display: {
    label: 'Send Batch SMS',
    description:
      'Sends a text message to many mobile numbers in one step, with one text for all or a personalized text each.',
  },
  operation: {
    inputFields,
    inputFieldGroups: [ADVANCED],
    perform,
    sample: batchSample,
    outputFields: [
      ...batchIdOutputFields('Recipients'),
      { key: 'name', label: 'Campaign Name', type: 'string' },
      { key: 'recipients_sent', label: 'Recipients Sent to Mobivate', type: 'integer' },
      { key: 'recipients_accepted', label: 'Recipients Accepted by Mobivate', type: 'integer' },
      ...skippedRecipientsOutputFields,
      { key: 'scheduled_at', label: 'Scheduled For', type: 'datetime' },
    ],
  },
});
