import { defineInputField, type ZObject } from 'zapier-platform-core';
import { appError } from '../common/error-codes';
import { PERMISSIONS } from '../common/permissions';
import { describeCharacter, quoteInput } from '../common/text';
import { readOriginator } from '../mobivate';
import { ADVANCED, readOptionalInteger, recordProblem, settingProblem, singleText } from './read';
import { smsParts } from './sms-parts';

/** The inputs of a text to send: who it is from, what it says, how many parts it may take. */

export const senderField = defineInputField({
  key: 'from',
  label: 'From (Sender ID)',
  type: 'string',
  required: true,
  // The sender IDs the account sent from recently; the user can still type any other.
  dynamic: 'recent_sender_id.id.name',
  helpText: `The sender recipients see. Choose one your account sent from recently (on Vortex, this list needs the key permission \`${PERMISSIONS.recent_sender_id.join('`, `')}\`), or type any sender ID: a name of up to 11 letters and digits (like \`Acme\`), or a number of up to 15 digits. Some countries only allow registered sender IDs.`,
});

const SENDER_HELP =
  'Enter a sender name of up to 11 letters and digits, or a number of up to 15 digits';

/** Reads the sender ID input, or stops the step before anything is sent. */
export const readSender = (z: ZObject, value: unknown): string => {
  const { label } = senderField;
  const raw = singleText(z, label, value, 'one sender ID', settingProblem(z, 'InvalidSender'));
  const result = readOriginator(raw);
  if ('problem' in result) {
    // readOriginator's problems say what is wrong; an empty one already says what to enter.
    const fix = /\bEnter\b/.test(result.problem) ? '' : `. ${SENDER_HELP}`;
    throw appError(
      z,
      'InvalidSender',
      `${label} ${quoteInput(raw)} cannot be used: ${result.problem}${fix}.`,
    );
  }
  return result.originator;
};

export const messageField = defineInputField({
  key: 'message',
  label: 'Message',
  type: 'text',
  required: true,
  helpText:
    'The text to send. Up to 160 standard characters fit in one SMS (153 per part beyond that); one emoji, curly quote or other special character makes the whole text Unicode: 70 per SMS, 67 per part. Each part is billed.',
});

export const maxPartsField = defineInputField({
  key: 'max_parts',
  label: 'Maximum Parts',
  type: 'integer',
  required: false,
  group: ADVANCED.key,
  helpText:
    'Refuse to send a message that needs more SMS parts than this (each part is billed). Leave empty for no limit.',
});

const readMaxParts = (z: ZObject, value: unknown): number | undefined =>
  readOptionalInteger(z, {
    label: maxPartsField.label,
    value,
    min: 1,
    allowed: 'enter a whole number of 1 or more, or leave it empty',
    code: 'InvalidMaxParts',
  });

/**
 * Reads a message text and its SMS encoding and parts, refusing an empty text or one longer than
 * Maximum Parts before anything is sent.
 */
export const readMessage = (
  z: ZObject,
  value: unknown,
  maxParts: unknown,
  label: string = messageField.label,
) => {
  const text = singleText(z, label, value, 'one text', recordProblem(z));
  if (!text.trim()) {
    throw recordProblem(z)(`${label} is empty. Map or type the text to send.`);
  }
  const measured = smsParts(text);
  const limit = readMaxParts(z, maxParts);
  if (limit !== undefined && measured.parts > limit) {
    const why = measured.unicodeCharacter
      ? ` It is sent as Unicode (70 characters per SMS, 67 per part) because of ${describeCharacter(measured.unicodeCharacter)}.`
      : '';
    throw recordProblem(z)(
      `${label} needs ${measured.parts} SMS parts (${measured.units} ${measured.encoding === 'GSM-7' ? 'standard characters' : 'Unicode characters'}), more than Maximum Parts ${limit}.${why} Shorten the text or raise Maximum Parts.`,
    );
  }
  return { text, encoding: measured.encoding, parts: measured.parts };
};
