import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { permissionSentence } from '../common/permissions';
import {
  invalidRecipientsInput,
  lineFieldsHelp,
  lineItemsNote,
  lineRecipientField,
  lineReferenceField,
  recipientsField,
  groupsField,
} from '../inputs/batch-options';
import { connectionsOnly, stepNeeds } from '../inputs/connection-fields';
import { defaultCountryField } from '../inputs/mobile';
import { quietHoursFields, quietHoursTimeZoneField } from '../inputs/quiet-hours';
import { ADVANCED, optionalText, recordProblem } from '../inputs/read';
import { collectRecipients, refuseUnusable } from '../inputs/recipients';
import { duplicateWindowField, ifAlreadySent } from '../inputs/replay';
import { skippedSummaryField } from '../inputs/skip-reasons';
import { mobivate } from '../mobivate';
import {
  batchIdOutputFields,
  sendGroupsOutputFields,
  skippedRecipientsOutputFields,
  templateCampaignSample,
} from '../outputs/batch';
import { readBatchQuietHours } from '../steps/batch-timing';
import { sendTimedBatch } from '../steps/timed-send';

const inputFields = defineInputFields([
  // On a connection of the other API, one line that says so instead (connection-fields.ts).
  stepNeeds('addressBook', [
    {
      key: 'template_id',
      label: 'Template ID',
      type: 'string',
      required: true,
      helpText:
        'The id of a message template made in the Mobivate hub: open the template under Templates and copy its id (like `aaaaaaa-bbbbbbbb-cccccc-ddddddd-eee`). Mobivate has no way to list templates here.',
    },
    recipientsField('the template'),
    lineItemsNote('its own placeholder values, language or reference'),
    {
      key: 'line_items',
      label: 'Personalized Recipients',
      required: false,
      children: [
        lineRecipientField,
        {
          key: 'line_fields',
          label: 'Recipient’s Fields',
          type: 'string',
          required: false,
          helpText: lineFieldsHelp('the template'),
        },
        {
          key: 'line_language',
          label: 'Recipient’s Language',
          type: 'string',
          required: false,
          helpText:
            'Which language version of the template this recipient gets, as named in the template (like `FR`).',
        },
        lineReferenceField,
      ],
    },
    defaultCountryField,
    groupsField('the template'),
    invalidRecipientsInput.field,
    ...quietHoursFields,
    {
      key: 'quiet_hours_note',
      label: 'Quiet Hours on Template Sends',
      type: 'copy',
      helpText:
        'Mobivate documents no way to schedule a template send, so with **Quiet Hours** set to Hold this step sends now to the recipients inside their allowed hours and skips the others, listing each in Skipped Recipients and Why with its earliest allowed time. Run the step again then (with a Reference per recipient, those already sent are not sent twice), or use Send Batch SMS, which holds each text.',
    },
    quietHoursTimeZoneField,
    ifAlreadySent.field,
    duplicateWindowField,
  ]),
]);

export const perform = (async (z, bundle) => {
  const { inputData } = bundle;
  const api = mobivate(z, bundle);
  await api.require('addressBook', 'Send Template Campaign');
  const templateId = optionalText(inputData.template_id)?.trim();
  if (!templateId) {
    throw recordProblem(z)('Template ID is empty. Copy the template’s id from the Mobivate hub.');
  }
  const hold = readBatchQuietHours(z, bundle);
  const collected = collectRecipients({
    recipients: inputData.recipients,
    message: undefined,
    lineItems: inputData.line_items ?? [],
    defaultCountry: inputData.default_country,
    excludeDuplicates: true,
    groups: inputData.groups,
    needsText: false,
  });
  const skipped = refuseUnusable(z, collected, inputData);
  const batch = await sendTimedBatch(z, bundle, {
    collected,
    skipped,
    hold,
    // Mobivate documents no schedule for a template send (docs/mobivate-api.md §3.6): with
    // Quiet Hours = Hold, recipients outside their allowed hours now are skipped, saying when.
    canSchedule: false,
    send: (recipients) => api.campaigns.sendTemplate(recipients, templateId),
  });
  return {
    ...batch.output,
    template_id: templateId,
    recipients_sent: batch.sent.filter((r) => !r.group).length,
    groups_sent: batch.sent.filter((r) => r.group).length,
  };
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'send_template_campaign',
  noun: 'Campaign',
  display: {
    label: 'Send Template Campaign',
    description: `Sends a saved message template to mobile numbers and contact groups, with placeholder values per recipient ${connectionsOnly('addressBook')}. ${permissionSentence('send_template_campaign')}`,
  },
  operation: {
    inputFields,
    inputFieldGroups: [ADVANCED],
    perform,
    sample: { ...templateCampaignSample, recipients_skipped_summary: '0 skipped' },
    outputFields: [
      ...batchIdOutputFields('Recipients'),
      { key: 'template_id', label: 'Template ID', type: 'string' },
      { key: 'recipients_sent', label: 'Numbers Sent to Mobivate', type: 'integer' },
      { key: 'groups_sent', label: 'Groups Sent to Mobivate', type: 'integer' },
      { key: 'recipients_accepted', label: 'Recipients Accepted by Mobivate', type: 'integer' },
      ...skippedRecipientsOutputFields,
      skippedSummaryField,
      ...sendGroupsOutputFields,
    ],
  },
});
