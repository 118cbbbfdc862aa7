import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { invalidRecipientsInput } from '../inputs/batch-options';
import { defaultCountryField } from '../inputs/mobile';
import { optionalText, recordProblem } from '../inputs/read';
import { collectRecipients, refuseUnusable } from '../inputs/recipients';
import { mobivate } from '../mobivate';
import {
  acceptedBatches,
  batchIdOutputFields,
  skippedRecipientsOutputFields,
  templateCampaignSample,
} from '../outputs/batch';
import { stoppedSendError } from '../steps/chunked-send';

const inputFields = defineInputFields([
  {
    key: 'template_id',
    label: 'Template ID',
    type: 'string',
    required: true,
    helpText:
      'The id of a message template made in the Mobivate hub: open the template under Templates and copy its id (like `aaaaaaa-bbbbbbbb-cccccc-ddddddd-eee`). Mobivate has no way to list templates here.',
  },
  {
    key: 'recipients',
    label: 'Recipients',
    type: 'string',
    list: true,
    required: false,
    helpText:
      'Mobile numbers that get the template, one per entry (comma-separated lists are split too). Include the country code, or choose a Default Country.',
  },
  {
    key: 'groups',
    label: 'Groups',
    type: 'string',
    list: true,
    required: false,
    helpText:
      'Contact group ids whose members get the template, one per entry. Find a group’s id in the Mobivate hub, or use the ID output of Create Group.',
  },
  {
    key: 'line_items',
    label: 'Personalized Recipients',
    required: false,
    children: [
      { key: 'line_recipient', label: 'Recipient', type: 'string', required: false },
      {
        key: 'line_fields',
        label: 'Recipient’s Fields',
        type: 'string',
        required: false,
        helpText: 'Values for the template’s `{{KEY}}` placeholders, as `NAME=John; CITY=London`.',
      },
      {
        key: 'line_language',
        label: 'Recipient’s Language',
        type: 'string',
        required: false,
        helpText:
          'Which language version of the template this recipient gets, as named in the template (like `FR`).',
      },
      { key: 'line_reference', label: 'Recipient’s Reference', type: 'string', required: false },
    ],
  },
  defaultCountryField,
  invalidRecipientsInput.field,
]);

export const perform = (async (z, bundle) => {
  const { inputData } = bundle;
  const api = mobivate(z, bundle);
  api.require('addressBook', 'Send Template Campaign');
  const templateId = optionalText(inputData.template_id)?.trim();
  if (!templateId) {
    throw recordProblem(z)('Template ID is empty. Copy the template’s id from the Mobivate hub.');
  }
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
  const sent = await api.campaigns.sendTemplate(collected.recipients, templateId);
  const stopped = stoppedSendError(z, sent);
  if (stopped) throw stopped;
  const { accepted, refused, ...ids } = acceptedBatches(sent);
  return {
    ...ids,
    template_id: templateId,
    recipients_sent: collected.recipients.filter((r) => !r.group).length,
    groups_sent: collected.recipients.filter((r) => r.group).length,
    recipients_accepted: accepted,
    recipients_skipped_count: skipped.length + refused.length,
    recipients_skipped: [...skipped, ...refused],
  };
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'send_template_campaign',
  noun: 'Campaign',
  display: {
    label: 'Send Template Campaign',
    description:
      'Sends a saved message template to mobile numbers and contact groups, with placeholder values per recipient (Vortex connections).',
  },
  operation: {
    inputFields,
    perform,
    sample: templateCampaignSample,
    outputFields: [
      ...batchIdOutputFields('Recipients'),
      { key: 'template_id', label: 'Template ID', type: 'string' },
      { key: 'recipients_sent', label: 'Numbers Sent to Mobivate', type: 'integer' },
      { key: 'groups_sent', label: 'Groups Sent to Mobivate', type: 'integer' },
      { key: 'recipients_accepted', label: 'Recipients Accepted by Mobivate', type: 'integer' },
      ...skippedRecipientsOutputFields,
    ],
  },
});
