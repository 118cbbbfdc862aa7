import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type ZObject,
} from 'zapier-platform-core';
import { stoppedSendError, inChunks, sendChunks } from '../batches';
import { vortexOnly } from '../campaigns';
import { defaultCountryField } from '../fields';
import { optionalText, readChoice, recordProblem, settingProblem } from '../inputs';
import { collectRecipients, type CollectedRecipients } from '../recipients';
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

const MAX_LISTED_PROBLEMS = 10;
const listProblems = (problems: string[]) =>
  problems.slice(0, MAX_LISTED_PROBLEMS).join('; ') +
  (problems.length > MAX_LISTED_PROBLEMS
    ? `; and ${problems.length - MAX_LISTED_PROBLEMS} more`
    : '');

/** As Send Batch SMS: nothing usable halts; any unusable with "fail" chosen is an error. */
const refuseUnusable = (z: ZObject, collected: CollectedRecipients, ifInvalid: 'skip' | 'fail') => {
  const { given, invalid, duplicates, recipients } = collected;
  if (given === 0) {
    throw recordProblem(z)(
      'There are no recipients: map numbers into Recipients or Personalized Recipients, or group ids into Groups.',
    );
  }
  if (invalid.length > 0 && ifInvalid === 'fail') {
    throw settingProblem(
      z,
      'InvalidRecipients',
    )(
      `Nothing was sent: ${invalid.length} of ${given} recipients cannot be used. ${listProblems(invalid)}.`,
    );
  }
  const skipped = [...invalid, ...duplicates];
  if (recipients.length === 0) {
    throw recordProblem(z)(`Nothing was sent: no recipient can be used. ${listProblems(skipped)}.`);
  }
  return skipped;
};

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
