import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { stoppedSendError, inChunks, sendChunks } from '../batches';
import { vortexOnly } from '../campaigns';
import { defaultCountryField } from '../fields';
import { optionalText, readChoice, recordProblem } from '../inputs';
import { collectRecipients, refuseUnusable } from '../recipients';
import templateSample from '../samples/template-campaign.json';

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
  {
    key: 'invalid_recipients',
    label: 'If a Number Is Invalid',
    type: 'string',
    required: false,
    default: 'skip',
    choices: [
      { value: 'skip', sample: 'skip', label: 'Skip it and send to the others' },
      { value: 'fail', sample: 'fail', label: 'Send nothing and stop with an error' },
    ],
  },
]);

export const perform = (async (z, bundle) => {
  const { inputData } = bundle;
  const campaigns = vortexOnly(z, bundle, 'campaigns', 'Send Template Campaign');
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
  const ifInvalid = readChoice(
    z,
    'If a Number Is Invalid',
    inputData.invalid_recipients,
    ['skip', 'fail'],
    'skip',
  );
  const skipped = refuseUnusable(z, collected, ifInvalid);
  const sent = await sendChunks(
    inChunks(collected.recipients, campaigns.maxBatchSize),
    (chunk) => campaigns.sendTemplate(z, bundle, chunk, templateId),
    // One at a time: these sends are rare and small.
    1,
  );
  const stopped = stoppedSendError(z, sent);
  if (stopped) throw stopped;
  const ids = sent.accepted.map((batch) => batch.id).filter(Boolean);
  return {
    batch_id: ids[0] ?? '',
    batch_ids: ids,
    template_id: templateId,
    recipients_sent: collected.recipients.filter((r) => !r.group).length,
    groups_sent: collected.recipients.filter((r) => r.group).length,
    recipients_accepted: sent.accepted.reduce((sum, batch) => sum + batch.accepted, 0),
    recipients_skipped_count: skipped.length,
    recipients_skipped: skipped,
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
    sample: templateSample,
    outputFields: [
      { key: 'batch_id', label: 'Batch ID', type: 'string' },
      {
        key: 'batch_ids',
        label: 'Batch IDs (One per 1,000 Recipients)',
        type: 'string',
        list: true,
      },
      { key: 'template_id', label: 'Template ID', type: 'string' },
      { key: 'recipients_sent', label: 'Numbers Sent to Mobivate', type: 'integer' },
      { key: 'groups_sent', label: 'Groups Sent to Mobivate', type: 'integer' },
      { key: 'recipients_accepted', label: 'Recipients Accepted by Mobivate', type: 'integer' },
      { key: 'recipients_skipped_count', label: 'Recipients Skipped', type: 'integer' },
      {
        key: 'recipients_skipped',
        label: 'Skipped Recipients and Why',
        type: 'string',
        list: true,
      },
    ],
  },
});
