import { defineInputField } from 'zapier-platform-core';
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/min';

/** The input fields several operations share; their readers are in inputs.ts. */

/**
 * The Default Country dropdown: ISO 3166-1 alpha-2 countries that phone metadata knows, labelled
 * "United Kingdom (+44)". Served by a function rather than listed in the definition: core copies
 * the whole app definition on every invocation, and 245 countries in five operations made the
 * definition four times larger (see docs/performance.md).
 */
export const countryChoices = async () => {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const results = getCountries()
    .map((code) => ({
      id: code,
      label: `${names.of(code) ?? code} (+${getCountryCallingCode(code)})`,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return { results, paging_token: null };
};

const PHONE_HELP =
  'Include the country code, like `+44 7700 900123` or `447700900123`. Spaces, dashes and brackets are fine. ' +
  'National numbers such as `07700 900123` need a **Default Country**. Digits that could be national or international are refused, never guessed: start international numbers with `+`.';

/** A phone number input: the one definition behind every number the app sends to Mobivate. */
export const phoneNumberField = <const Key extends string>(
  key: Key,
  label: string,
  helpText = PHONE_HELP,
) => defineInputField({ key, label, type: 'string', required: true, helpText });

export const defaultCountryField = defineInputField({
  key: 'default_country',
  label: 'Default Country',
  type: 'string',
  required: false,
  choices: { perform: countryChoices },
  helpText:
    'Country for numbers written without a country code (for example `07700 900123` in the United Kingdom). Numbers that start with `+` or `00` are never changed by this, and digits that could also be an international number are refused rather than guessed.',
});

export const senderField = defineInputField({
  key: 'from',
  label: 'From (Sender ID)',
  type: 'string',
  required: true,
  // The sender IDs the account sent from recently; the user can still type any other.
  dynamic: 'recent_sender_id.id.name',
  helpText:
    'The sender recipients see. Choose one your account sent from recently, or type any sender ID: a name of up to 11 letters and digits (like `Acme`), or a number of up to 15 digits. Some countries only allow registered sender IDs.',
});

export const messageField = defineInputField({
  key: 'message',
  label: 'Message',
  type: 'text',
  required: true,
  helpText:
    'The text to send. Up to 160 standard characters fit in one SMS (153 per part beyond that); one emoji, curly quote or other special character makes the whole text Unicode: 70 per SMS, 67 per part. Each part is billed.',
});

/** Rarely used inputs go in this group, after the fields every Zap fills in. */
export const ADVANCED = { key: 'advanced', label: 'Advanced' } as const;

/** How a text is sent, in words a marketer knows (handsets call them GSM-7 and UCS-2). */
export const characterSet = (encoding: 'GSM-7' | 'UCS-2') =>
  encoding === 'GSM-7' ? 'standard' : 'unicode';

export const characterSetField = {
  key: 'character_set',
  label: 'Characters (Standard, or Unicode for Emoji and Accents)',
  type: 'string',
} as const;

export const maxPartsField = defineInputField({
  key: 'max_parts',
  label: 'Maximum Parts',
  type: 'integer',
  required: false,
  group: ADVANCED.key,
  helpText:
    'Refuse to send a message that needs more SMS parts than this (each part is billed). Leave empty for no limit.',
});

/** The options a batch-like send shares (Send Batch SMS, Send SMS to Contacts). */
export const campaignNameField = defineInputField({
  key: 'name',
  label: 'Campaign Name',
  type: 'string',
  required: false,
  helpText: 'Shown in Mobivate reports.',
});

export const sendAtField = defineInputField({
  key: 'schedule_at',
  label: 'Send At',
  type: 'datetime',
  required: false,
  helpText: 'A future date and time to send at. Leave empty to send now.',
});

export const shortenLinksField = defineInputField({
  key: 'shorten_urls',
  label: 'Shorten Links',
  type: 'boolean',
  required: false,
  group: ADVANCED.key,
  default: 'false',
  helpText:
    'Replace long links with short ones that report clicks. Mobivate may bill shortened links.',
});

/** What a batch-like send does with a number it cannot use (read by refuseUnusable). */
export const invalidRecipientsField = defineInputField({
  key: 'invalid_recipients',
  label: 'If a Number Is Invalid',
  type: 'string',
  required: false,
  default: 'skip',
  choices: [
    { value: 'skip', sample: 'skip', label: 'Skip it and send to the others' },
    { value: 'fail', sample: 'fail', label: 'Send nothing and stop with an error' },
  ],
});

/** The ids of a batch-like send's accepted batches (see acceptedBatches in src/batches.ts). */
export const batchIdOutputFields = (per: 'Recipients' | 'Contacts') =>
  [
    { key: 'batch_id', label: 'Batch ID', type: 'string' },
    { key: 'batch_ids', label: `Batch IDs (One per 1,000 ${per})`, type: 'string', list: true },
  ] as const;

/** The entries of Send Batch SMS and Send Template Campaign that were left out, and why. */
export const skippedRecipientsOutputFields = [
  { key: 'recipients_skipped_count', label: 'Recipients Skipped', type: 'integer' },
  { key: 'recipients_skipped', label: 'Skipped Recipients and Why', type: 'string', list: true },
] as const;

export const spreadHoursField = defineInputField({
  key: 'spread_hours',
  label: 'Spread Over Hours',
  type: 'integer',
  required: false,
  group: ADVANCED.key,
  helpText: 'Spread delivery evenly over this many hours. Leave empty to send at once.',
});
