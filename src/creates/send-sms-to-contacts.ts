import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { stoppedSendError, inChunks, sendChunks } from '../batches';
import { vortexOnly } from '../campaigns';
import {
  ADVANCED,
  characterSet,
  characterSetField,
  maxPartsField,
  messageField,
  senderField,
  campaignNameField,
  sendAtField,
  shortenLinksField,
  spreadHoursField,
} from '../fields';
import {
  optionalText,
  readBoolean,
  readMessage,
  readOptionalInteger,
  readSender,
  recordProblem,
} from '../inputs';
import type { BatchRecipient } from '../mobivate';
import { quoteInput } from '../text';
import contactsSample from '../samples/contacts-send.json';
import { readScheduleAt } from './send-batch-sms';

const inputFields = defineInputFields([
  senderField,
  {
    key: 'aliases',
    label: 'Contacts (Aliases)',
    type: 'string',
    list: true,
    required: true,
    helpText:
      'The aliases of contacts in your Mobivate address book, one per entry (like `john`). A contact must already exist with that alias, or Mobivate sends nothing to it.',
  },
  {
    ...messageField,
    helpText: `${messageField.helpText} Placeholders such as \`{{NAME}}\` are sent as written and filled in by Mobivate from each contact; parts are counted on the text as written.`,
  },
  maxPartsField,
  { ...campaignNameField, group: ADVANCED.key },
  { ...sendAtField, group: ADVANCED.key },
  shortenLinksField,
  spreadHoursField,
]);

/** Aliases mapped from a text field arrive as one comma- or line-separated string. */
const splitAliases = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
    .flatMap((item) => String(item).split(/[,;\n]/))
    .map((item) => item.trim())
    .filter(Boolean);

export const perform = (async (z, bundle) => {
  const { inputData } = bundle;
  const campaigns = vortexOnly(z, bundle, 'campaigns', 'Send SMS to Contacts');
  const originator = readSender(z, inputData.from);
  const message = readMessage(z, inputData.message, inputData.max_parts);
  const scheduleAt = readScheduleAt(z, inputData.schedule_at);
  const spreadHours = readOptionalInteger(z, {
    label: 'Spread Over Hours',
    value: inputData.spread_hours,
    min: 0,
    allowed: 'enter a whole number of hours, or leave it empty',
    code: 'InvalidSpreadHours',
  });
  const aliases: BatchRecipient[] = [];
  const skipped: string[] = [];
  for (const [index, alias] of splitAliases(inputData.aliases).entries()) {
    const first = aliases.findIndex((other) => other.recipient === alias);
    if (first >= 0) {
      // Short entries keep the familiar 'quote', as Send Batch SMS's; a pasted novel is cut.
      const shown = [...alias].length > 60 ? quoteInput(alias) : `'${alias}'`;
      skipped.push(`Contact ${index + 1} (${shown}): a duplicate of an earlier one`);
    } else aliases.push({ recipient: alias, text: message.text });
  }
  if (aliases.length === 0) {
    throw recordProblem(z)('There are no contacts: map or type aliases into Contacts (Aliases).');
  }
  const options = {
    originator,
    name: optionalText(inputData.name),
    scheduleAt,
    excludeDuplicates: true,
    shortenUrls: readBoolean(inputData.shorten_urls, false),
    spreadHours,
  };
  const sent = await sendChunks(
    inChunks(aliases, campaigns.maxBatchSize),
    (chunk) => campaigns.sendToAliases(z, bundle, chunk, options),
    // One at a time: these sends are rare and small.
    1,
  );
  const stopped = stoppedSendError(z, sent);
  if (stopped) throw stopped;
  const ids = sent.accepted.map((batch) => batch.id).filter(Boolean);
  return {
    batch_id: ids[0] ?? '',
    batch_ids: ids,
    name: sent.accepted[0]!.name ?? options.name ?? null,
    text: message.text,
    contacts_sent: aliases.length,
    contacts_accepted: sent.accepted.reduce((sum, batch) => sum + batch.accepted, 0),
    contacts_skipped: skipped,
    character_set: characterSet(message.encoding),
    parts: message.parts,
    scheduled_at: scheduleAt === undefined ? null : new Date(scheduleAt).toISOString(),
  };
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'send_sms_to_contacts',
  noun: 'SMS',
  display: {
    label: 'Send SMS to Contacts',
    description:
      'Sends a text message to address-book contacts by their alias, filling in placeholders from each contact (Vortex connections).',
  },
  operation: {
    inputFields,
    inputFieldGroups: [ADVANCED],
    perform,
    sample: contactsSample,
    outputFields: [
      { key: 'batch_id', label: 'Batch ID', type: 'string' },
      { key: 'batch_ids', label: 'Batch IDs (One per 1,000 Contacts)', type: 'string', list: true },
      { key: 'name', label: 'Campaign Name', type: 'string' },
      { key: 'text', label: 'Message (Before Placeholders Are Filled In)', type: 'string' },
      { key: 'contacts_sent', label: 'Contacts Sent to Mobivate', type: 'integer' },
      { key: 'contacts_accepted', label: 'Contacts Accepted by Mobivate', type: 'integer' },
      { key: 'contacts_skipped', label: 'Skipped Contacts and Why', type: 'string', list: true },
      characterSetField,
      { key: 'parts', label: 'SMS Parts per Contact (Before Placeholders)', type: 'integer' },
      { key: 'scheduled_at', label: 'Scheduled For', type: 'datetime' },
    ],
  },
});
