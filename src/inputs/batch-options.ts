import { defineInputField, type ZObject } from 'zapier-platform-core';
import { ADVANCED, choiceInput, optionalText, readOptionalInteger, recordProblem } from './read';

/** The options the batch-like sends share (Send Batch SMS, Send SMS to Contacts, templates). */

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

/** Send At: a future time in milliseconds, or undefined to send now. */
export const readScheduleAt = (z: ZObject, value: unknown): number | undefined => {
  const text = optionalText(value);
  if (!text) return undefined;
  const { label } = sendAtField;
  const millis = Date.parse(text);
  if (Number.isNaN(millis)) {
    throw recordProblem(z)(
      `${label} "${text}" is not a date and time. Pick one, or leave it empty to send now.`,
    );
  }
  if (millis <= Date.now()) {
    throw recordProblem(z)(
      `${label} "${text}" is in the past. Pick a future time, or leave it empty to send now.`,
    );
  }
  return millis;
};

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

export const spreadHoursField = defineInputField({
  key: 'spread_hours',
  label: 'Spread Over Hours',
  type: 'integer',
  required: false,
  group: ADVANCED.key,
  helpText: 'Spread delivery evenly over this many hours. Leave empty to send at once.',
});

/** Spread Over Hours: hours, or undefined to send at once. */
export const readSpreadHours = (z: ZObject, value: unknown): number | undefined =>
  readOptionalInteger(z, {
    label: spreadHoursField.label,
    value,
    min: 0,
    allowed: 'enter a whole number of hours, or leave it empty',
    code: 'InvalidSpreadHours',
  });

/** What a batch-like send does with a number it cannot use (read by refuseUnusable). */
export const invalidRecipientsInput = choiceInput({
  key: 'invalid_recipients',
  label: 'If a Number Is Invalid',
  choices: {
    skip: 'Skip it and send to the others',
    fail: 'Send nothing and stop with an error',
  },
  fallback: 'skip',
  helpText:
    'What to do with a number that cannot be used (mistyped, or national without a Default Country). **Skip** sends to the others and lists it in Skipped Recipients and Why, with a count per reason in the summary.',
});

/**
 * Where many recipients come from in a Zap, said on every recipients field: a Google Sheets step
 * that gives line items sends one batch to the whole sheet, while a New Spreadsheet Row trigger
 * runs the Zap once per row (one batch per row).
 */
export const SPREADSHEET_HELP =
  'From Google Sheets, get the rows with **Get Many Spreadsheet Rows (With Line Item Support)** or **Lookup Spreadsheet Rows** and map their columns here: one batch for all of them. A **New Spreadsheet Row** trigger runs the Zap once per row, so each run sends a batch of one; to send one batch to a whole sheet, start the Zap on a schedule and get the rows with one of those steps.';

const NUMBER_EXAMPLES =
  'with the country code, like `+44 7700 900123` or `+1 415 555 0132`, or choose a **Default Country** (below) for national numbers';

/** Recipients: numbers that all get one text (Send Batch SMS) or one template. */
export const recipientsField = (what: string) =>
  defineInputField({
    key: 'recipients',
    label: 'Recipients',
    type: 'string',
    list: true,
    required: false,
    helpText: `Mobile numbers that all get ${what}, one per entry (comma-separated lists are split too), ${NUMBER_EXAMPLES}. ${SPREADSHEET_HELP}`,
  });

/**
 * What Personalized Recipients takes, as a note right above it: a field with `children` may have
 * no help text of its own (Zapier's schema), so its help is this copy field.
 */
export const lineItemsNote = (what: string) =>
  ({
    key: 'line_items_note',
    label: 'Personalized Recipients From a Spreadsheet',
    type: 'copy',
    helpText: `**Personalized Recipients** (below) takes line items: one recipient each, with its own number and ${what}. Map each column into its field. ${SPREADSHEET_HELP}`,
  }) as const;

export const lineRecipientField = {
  key: 'line_recipient',
  label: 'Recipient',
  type: 'string',
  required: false,
  helpText: `This line item’s mobile number, ${NUMBER_EXAMPLES}. Map the column that holds the numbers.`,
} as const;

export const lineReferenceField = {
  key: 'line_reference',
  label: 'Recipient’s Reference',
  type: 'string',
  required: false,
  helpText:
    'Your own reference for this recipient’s text (a row number, a contact id). It comes back with the text’s delivery status, and Find Message can look it up. Optional.',
} as const;

export const lineFieldsHelp = (where: string) =>
  `Values for \`{{KEY}}\` placeholders in ${where}, as \`NAME=John; CITY=London\` (Vortex connections only). Map the columns into one text, like \`NAME=\` then the name column. Optional.`;

/** Contact groups as recipients (Vortex, §V5): `gets` says what their members get. */
export const groupsField = (gets: string) =>
  ({
    key: 'groups',
    label: 'Groups',
    type: 'string',
    list: true,
    required: false,
    helpText: `Contact group ids whose members get ${gets}, one per entry. Find a group’s id in the Mobivate hub, or use the ID output of Create Group.`,
  }) as const;
