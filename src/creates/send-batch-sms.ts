import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type PlainInputField,
  type ZObject,
} from 'zapier-platform-core';
import { appError } from '../common/error-codes';
import { permissionSentence } from '../common/permissions';
import {
  campaignNameField,
  invalidRecipientsInput,
  lineFieldsHelp,
  lineItemsNote,
  lineRecipientField,
  lineReferenceField,
  readScheduleAt,
  recipientsField,
  readSpreadHours,
  sendAtField,
  shortenLinksField,
  spreadHoursField,
  groupsField,
} from '../inputs/batch-options';
import { readSender, senderField } from '../inputs/message';
import { defaultCountryField } from '../inputs/mobile';
import { byCapability, onlyWith } from '../inputs/connection-fields';
import { ADVANCED, optionalText, readBoolean } from '../inputs/read';
import { quietHoursFields, quietHoursTimeZoneField } from '../inputs/quiet-hours';
import { collectRecipients, refuseUnusable } from '../inputs/recipients';
import { duplicateWindowField, ifAlreadySent } from '../inputs/replay';
import { skippedSummaryField } from '../inputs/skip-reasons';
import { mobivate, type Mobivate } from '../mobivate';
import {
  batchIdOutputFields,
  batchSample,
  sendGroupsOutputFields,
  skippedRecipientsOutputFields,
} from '../outputs/batch';
import { readBatchQuietHours } from '../steps/batch-timing';
import { sendTimedBatch } from '../steps/timed-send';

/** Personalized Recipients; with placeholder values per recipient on Vortex only. */
const lineItemsField = (withFields: boolean) =>
  ({
    key: 'line_items' as const,
    label: 'Personalized Recipients',
    required: false,
    children: [
      lineRecipientField,
      {
        key: 'line_message',
        label: 'Recipient’s Message',
        type: 'text',
        required: false,
        helpText: 'This recipient’s own text. Leave empty to send **Message**.',
      },
      lineReferenceField,
      ...(withFields
        ? [
            {
              key: 'line_fields',
              label: 'Recipient’s Fields',
              type: 'string' as const,
              required: false,
              helpText: lineFieldsHelp('the message'),
            },
          ]
        : []),
    ],
  }) satisfies PlainInputField;

// The required field first (Zapier's rule); Default Country right under the recipients fields.
const inputFields = defineInputFields([
  senderField,
  {
    key: 'message',
    label: 'Message',
    type: 'text',
    required: false,
    helpText:
      'The text for every number in **Recipients** and every group in **Groups**, and for personalized recipients without their own message.',
  },
  recipientsField('**Message**'),
  lineItemsNote('its own message, reference or placeholder values'),
  // Recipient’s Fields and Groups are Vortex's (placeholders and contact groups, §V5).
  byCapability('addressBook', [lineItemsField(true)], [lineItemsField(false)]),
  defaultCountryField,
  onlyWith('addressBook', [groupsField('**Message**')]),
  invalidRecipientsInput.field,
  campaignNameField,
  sendAtField,
  ...quietHoursFields,
  onlyWith('addressBook', [quietHoursTimeZoneField]),
  ifAlreadySent.field,
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
  duplicateWindowField,
]);

/** Groups and per-recipient fields exist only on Vortex: refused plainly before any request. */
const refuseVortexOnly = async (
  z: ZObject,
  api: Mobivate,
  inputData: { groups?: unknown; line_items?: { line_fields?: unknown }[] },
) => {
  if ((await api.supports()).addressBook) return;
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
  const hold = readBatchQuietHours(z, bundle, { scheduleAt, spreadHours });
  const excludeDuplicates = readBoolean(inputData.exclude_duplicates, true);
  await refuseVortexOnly(z, api, inputData);
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
    excludeDuplicates,
    shortenUrls: readBoolean(inputData.shorten_urls, false),
    spreadHours,
  };
  const batch = await sendTimedBatch(z, bundle, {
    collected,
    skipped,
    hold,
    scheduleAt,
    // Each send-time group in requests of its own, scheduled when held (or at Send At).
    send: (recipients, at) =>
      api.messages.sendBatch(recipients, {
        ...options,
        ...(at !== undefined && { scheduleAt: at }),
      }),
  });
  return {
    ...batch.output,
    name: batch.name ?? options.name ?? null,
    recipients_sent: batch.sent.length,
    scheduled_at: batch.scheduledAt,
  };
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'send_batch_sms',
  noun: 'Batch',
  display: {
    label: 'Send Batch SMS',
    description: `Sends a text message to many mobile numbers in one step, with one text for all or a personalized text each, such as the rows of a spreadsheet. ${permissionSentence('send_batch_sms')}`,
  },
  operation: {
    inputFields,
    inputFieldGroups: [ADVANCED],
    perform,
    sample: {
      ...batchSample,
      recipients_skipped_summary: '1 skipped: 1 not a valid number',
    },
    outputFields: [
      ...batchIdOutputFields('Recipients'),
      { key: 'name', label: 'Campaign Name', type: 'string' },
      { key: 'recipients_sent', label: 'Recipients Sent to Mobivate', type: 'integer' },
      { key: 'recipients_accepted', label: 'Recipients Accepted by Mobivate', type: 'integer' },
      ...skippedRecipientsOutputFields,
      skippedSummaryField,
      { key: 'scheduled_at', label: 'Scheduled For', type: 'datetime' },
      ...sendGroupsOutputFields,
    ],
  },
});
