import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type ZObject,
} from 'zapier-platform-core';
import { sendInChunks } from '../batches';
import {
  ADVANCED,
  defaultCountryField,
  optionalText,
  readBoolean,
  readChoice,
  readSender,
  recordProblem,
  settingProblem,
  senderField,
} from '../fields';
import { quoteInput } from '../text';
import { formatMobivateDate, type BatchRecipient } from '../mobivate';
import { normaliseMobile } from '../phone';
import batchSample from '../samples/batch.json';

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
  {
    key: 'name',
    label: 'Campaign Name',
    type: 'string',
    required: false,
    helpText: 'Shown in Mobivate reports.',
  },
  {
    key: 'schedule_at',
    label: 'Send At',
    type: 'datetime',
    required: false,
    helpText: 'A future date and time to send at. Leave empty to send now.',
  },
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
  {
    key: 'shorten_urls',
    label: 'Shorten Links',
    type: 'boolean',
    required: false,
    group: ADVANCED.key,
    default: 'false',
    helpText:
      'Replace long links with short ones that report clicks. Mobivate may bill shortened links.',
  },
  {
    key: 'spread_hours',
    label: 'Spread Over Hours',
    type: 'integer',
    required: false,
    group: ADVANCED.key,
    helpText: 'Spread delivery evenly over this many hours. Leave empty to send at once.',
  },
]);

interface Entry {
  position: number;
  raw: string;
  text: string | undefined;
  reference?: string;
}

/** Numbers mapped from a text field arrive as one comma- or line-separated string. */
const splitNumbers = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
    .flatMap((item) => String(item).split(/[,;\n]/))
    .map((item) => item.trim())
    .filter(Boolean);

const readScheduleAt = (z: ZObject, value: unknown): string | undefined => {
  const text = optionalText(value);
  if (!text) return undefined;
  const millis = Date.parse(text);
  if (Number.isNaN(millis)) {
    throw recordProblem(z)(
      `Send At "${text}" is not a date and time. Pick one, or leave it empty to send now.`,
    );
  }
  if (millis <= Date.now()) {
    throw recordProblem(z)(
      `Send At "${text}" is in the past. Pick a future time, or leave it empty to send now.`,
    );
  }
  return formatMobivateDate(millis);
};

const readSpreadHours = (z: ZObject, value: unknown): number | undefined => {
  if (value === undefined || value === null || value === '') return undefined;
  const hours = Number(value);
  if (!Number.isInteger(hours) || hours < 0) {
    throw settingProblem(
      z,
      'InvalidSpreadHours',
    )(
      `Spread Over Hours "${String(value)}" cannot be used: enter a whole number of hours, or leave it empty.`,
    );
  }
  return hours;
};

const MAX_LISTED_PROBLEMS = 10;
const listProblems = (problems: string[]) =>
  problems.slice(0, MAX_LISTED_PROBLEMS).join('; ') +
  (problems.length > MAX_LISTED_PROBLEMS
    ? `; and ${problems.length - MAX_LISTED_PROBLEMS} more`
    : '');

export const perform = (async (z, bundle) => {
  const { inputData } = bundle;
  const originator = readSender(z, inputData.from);
  const message = optionalText(inputData.message) ? String(inputData.message) : undefined;
  const scheduleDateTime = readScheduleAt(z, inputData.schedule_at);
  const spreadHours = readSpreadHours(z, inputData.spread_hours);

  const entries: Entry[] = [
    ...splitNumbers(inputData.recipients).map((raw) => ({ raw, text: message })),
    ...(inputData.line_items ?? [])
      .filter((item) => optionalText(item.line_recipient) || optionalText(item.line_message))
      .map((item) => ({
        raw: String(item.line_recipient ?? ''),
        text: optionalText(item.line_message) ? String(item.line_message) : message,
        reference: optionalText(item.line_reference),
      })),
  ].map((entry, index) => ({ ...entry, position: index + 1 }));
  if (entries.length === 0) {
    throw recordProblem(z)(
      'There are no recipients: map numbers into Recipients or Personalized Recipients.',
    );
  }

  const skipped: string[] = [];
  const invalid: string[] = [];
  const firstPosition = new Map<string, number>();
  const recipients: BatchRecipient[] = [];
  const excludeDuplicates = readBoolean(inputData.exclude_duplicates, true);
  for (const entry of entries) {
    // Short entries keep the familiar 'quote'; a pasted novel is cut (quoteInput).
    const shown = [...entry.raw].length > 60 ? quoteInput(entry.raw) : `'${entry.raw}'`;
    const label = `Recipient ${entry.position} (${shown})`;
    const number = normaliseMobile(entry.raw, inputData.default_country);
    if ('problem' in number) {
      invalid.push(`${label}: ${number.problem}`);
    } else if (entry.text === undefined || !entry.text.trim()) {
      invalid.push(`${label}: it has no message. Fill in Message, or the recipient’s own message`);
    } else if (excludeDuplicates && firstPosition.has(number.mobile)) {
      skipped.push(`${label}: a duplicate of recipient ${firstPosition.get(number.mobile)}`);
    } else {
      firstPosition.set(number.mobile, entry.position);
      recipients.push({ recipient: number.mobile, text: entry.text, reference: entry.reference });
    }
  }
  const ifInvalid = readChoice(
    z,
    'If a Number Is Invalid',
    inputData.invalid_recipients,
    ['skip', 'fail'],
    'skip',
  );
  if (invalid.length > 0 && ifInvalid === 'fail') {
    // The user chose to be alerted: an error, not a halt.
    throw settingProblem(
      z,
      'InvalidRecipients',
    )(
      `Nothing was sent: ${invalid.length} of ${entries.length} recipients cannot be used. ${listProblems(invalid)}.`,
    );
  }
  skipped.unshift(...invalid);
  if (recipients.length === 0) {
    throw recordProblem(z)(`Nothing was sent: no recipient can be used. ${listProblems(skipped)}.`);
  }

  const options = {
    originator,
    name: optionalText(inputData.name),
    scheduleDateTime,
    excludeDuplicates,
    shortenUrls: readBoolean(inputData.shorten_urls, false),
    spreadHours,
  };
  const batches = await sendInChunks(z, bundle, recipients, options);
  return {
    batch_id: batches[0]!.id,
    batch_ids: batches.map((batch) => batch.id),
    name: batches[0]!.name ?? options.name ?? null,
    recipients_sent: recipients.length,
    recipients_accepted: batches.reduce((sum, batch) => sum + batch.accepted, 0),
    recipients_skipped_count: skipped.length,
    recipients_skipped: skipped,
    scheduled_at: scheduleDateTime
      ? new Date(Date.parse(String(inputData.schedule_at))).toISOString()
      : null,
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
      { key: 'batch_id', label: 'Batch ID', type: 'string' },
      {
        key: 'batch_ids',
        label: 'Batch IDs (One per 1,000 Recipients)',
        type: 'string',
        list: true,
      },
      { key: 'name', label: 'Campaign Name', type: 'string' },
      { key: 'recipients_sent', label: 'Recipients Sent to Mobivate', type: 'integer' },
      { key: 'recipients_accepted', label: 'Recipients Accepted by Mobivate', type: 'integer' },
      { key: 'recipients_skipped_count', label: 'Recipients Skipped', type: 'integer' },
      {
        key: 'recipients_skipped',
        label: 'Skipped Recipients and Why',
        type: 'string',
        list: true,
      },
      { key: 'scheduled_at', label: 'Scheduled For', type: 'datetime' },
    ],
  },
});
