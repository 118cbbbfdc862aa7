import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { permissionSentence } from '../common/permissions';
import { describeValue, quoteInput } from '../common/text';
import {
  campaignNameField,
  readScheduleAt,
  readSpreadHours,
  sendAtField,
  shortenLinksField,
  spreadHoursField,
} from '../inputs/batch-options';
import { connectionsOnly, stepNeeds } from '../inputs/connection-fields';
import {
  maxPartsField,
  messageField,
  readMessage,
  readSender,
  senderField,
} from '../inputs/message';
import { ADVANCED, optionalText, readBoolean, recordProblem } from '../inputs/read';
import { listProblems } from '../inputs/recipients';
import { mobivate, type BatchRecipient } from '../mobivate';
import { acceptedBatches, batchIdOutputFields, contactsSendSample } from '../outputs/batch';
import { characterSet, characterSetField } from '../outputs/sent-message';
import { stoppedSendError } from '../steps/chunked-send';

const inputFields = defineInputFields([
  // On a connection of the other API, one line that says so instead (connection-fields.ts).
  stepNeeds('addressBook', [
    senderField,
    {
      key: 'aliases',
      label: 'Contacts (Aliases)',
      type: 'string',
      list: true,
      required: true,
      helpText:
        'The aliases of contacts in your Mobivate address book, one per entry (like `john`), or one per line in a mapped text. An entry with a comma or semicolon is skipped, not split: it could be one alias or several. A contact must already exist with that alias, or Mobivate sends nothing to it.',
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
  ]),
]);

/**
 * The aliases to send to, each once, and the entries skipped with why. A list gives one alias per
 * item, and a text one per line; neither is split at commas or semicolons, because an alias may
 * have been written with one (Add or Update Contact refuses them, the hub may not): "Smith, John"
 * could be one contact or two, and either guess could text someone else. Such an entry is skipped.
 */
const readAliases = (value: unknown, text: string) => {
  const aliases: BatchRecipient[] = [];
  const skipped: string[] = [];
  const entries = (
    Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
  ).flatMap(
    (item: unknown) =>
      typeof item === 'string' || typeof item === 'number'
        ? String(item)
            .split(/[\r\n]/)
            .map((line) => line.trim())
            .filter((line) => line.replace(/[,;\s]/g, ''))
        : [item], // not text (a yes/no value, an object): skipped below, never sent as "true"
  );
  for (const [index, alias] of entries.entries()) {
    if (typeof alias !== 'string') {
      skipped.push(`Contact ${index + 1}: it received ${describeValue(alias)}, not an alias`);
      continue;
    }
    // Short entries keep the familiar 'quote', as Send Batch SMS's; a pasted novel is cut.
    const label = `Contact ${index + 1} (${[...alias].length > 60 ? quoteInput(alias) : `'${alias}'`})`;
    if (/[,;]/.test(alias)) {
      skipped.push(
        `${label}: it holds a ${alias.includes(',') ? 'comma' : 'semicolon'}, so it could be one alias or several; nothing was sent to it. Put each alias in its own entry or on its own line`,
      );
    } else if (aliases.some((other) => other.recipient === alias)) {
      skipped.push(`${label}: a duplicate of an earlier one`);
    } else aliases.push({ recipient: alias, text });
  }
  return { aliases, skipped };
};

export const perform = (async (z, bundle) => {
  const { inputData } = bundle;
  const api = mobivate(z, bundle);
  await api.require('addressBook', 'Send SMS to Contacts');
  const originator = readSender(z, inputData.from);
  const message = readMessage(z, inputData.message, inputData.max_parts);
  const scheduleAt = readScheduleAt(z, inputData.schedule_at);
  const spreadHours = readSpreadHours(z, inputData.spread_hours);
  const { aliases, skipped } = readAliases(inputData.aliases, message.text);
  if (aliases.length === 0) {
    throw recordProblem(z)(
      skipped.length === 0
        ? 'There are no contacts: map or type aliases into Contacts (Aliases).'
        : `Nothing was sent: no contact can be used. ${listProblems(skipped)}.`,
    );
  }
  const options = {
    originator,
    name: optionalText(inputData.name),
    scheduleAt,
    excludeDuplicates: true,
    shortenUrls: readBoolean(inputData.shorten_urls, false),
    spreadHours,
  };
  const sent = await api.campaigns.sendToAliases(aliases, options);
  const stopped = stoppedSendError(z, sent);
  if (stopped) throw stopped;
  const { accepted, refused, ...ids } = acceptedBatches(sent);
  return {
    ...ids,
    name: sent.accepted[0]!.name ?? options.name ?? null,
    text: message.text,
    contacts_sent: aliases.length,
    contacts_accepted: accepted,
    contacts_skipped: [...skipped, ...refused],
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
    description: `Sends a text message to address-book contacts by their alias, filling in placeholders from each contact ${connectionsOnly('addressBook')}. ${permissionSentence('send_sms_to_contacts')}`,
  },
  operation: {
    inputFields,
    inputFieldGroups: [ADVANCED],
    perform,
    sample: contactsSendSample,
    outputFields: [
      ...batchIdOutputFields('Contacts'),
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
