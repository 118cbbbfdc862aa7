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
});
