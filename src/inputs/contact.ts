import type { ZObject } from 'zapier-platform-core';
import { describeValue, quoteInput } from '../common/text';
import { recordProblem } from './read';

/** The inputs of an address-book contact (Vortex, §V5): its alias and its fields. */

export const ALIAS_HELP =
  "Mobivate's unique name for the contact, used by alias sends (sending to a contact by its alias instead of its number). Letters, digits, dashes and underscores work everywhere; commas, semicolons and line breaks are refused, because lists of aliases are separated by them.";

/** Add or Update Contact's alias: optional, the number's digits when empty (add-contact.ts). */
export const aliasField = {
  key: 'alias',
  label: 'Alias',
  type: 'string',
  required: false,
  helpText: `${ALIAS_HELP} Leave empty to use the mobile number's digits with the country code (like \`447700900123\`); a contact that exists keeps its alias.`,
} as const;

/** What separates aliases in a list: Send SMS to Contacts could not tell "Smith, John" from two. */
const SEPARATORS: [RegExp, string][] = [
  [/,/, 'a comma'],
  [/;/, 'a semicolon'],
  [/[\r\n]/, 'a line break'],
];

/**
 * The alias: one text, trimmed; empty, not text, or holding what separates aliases in a list
 * halts the run (a value of this record).
 */
export const readAlias = (z: ZObject, value: unknown, required: boolean): string | undefined => {
  const text =
    typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  if (value !== undefined && value !== null && typeof value === 'object') {
    throw recordProblem(z)(
      `Alias cannot be used: it received ${describeValue(value)}, not one name. Map a field that holds one name.`,
    );
  }
  if (!text && required) throw recordProblem(z)('Alias is empty. Map or type the contact’s alias.');
  const separator = SEPARATORS.find(([pattern]) => pattern.test(text));
  if (separator) {
    throw recordProblem(z)(
      `Alias ${quoteInput(text)} cannot be used: it holds ${separator[1]}, which separates aliases in a list, so Send SMS to Contacts could not send to it. Use an alias without commas, semicolons and line breaks, like smith-john.`,
    );
  }
  return text || undefined;
};

export const contactFieldsField = {
  key: 'fields',
  label: 'Contact Fields',
  dict: true,
  required: false,
  helpText:
    'Values your texts can use as placeholders: a field named `FIRSTNAME` fills `{{FIRSTNAME}}`. When the contact exists, these are added to its fields, and fields not named here keep their values.',
} as const;

/**
 * Contact Fields (a key/value input): text values by key, keys trimmed, empty keys dropped. A
 * value that is not one text (a list, an object) halts, naming its key.
 */
export const readContactFields = (z: ZObject, value: unknown): Record<string, string> => {
  if (value === undefined || value === null || value === '') return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw recordProblem(z)(
      `Contact Fields cannot be used: it received ${describeValue(value)}, not names with values. Enter each field's name on the left and its value on the right.`,
    );
  }
  const fields: Record<string, string> = {};
  for (const [rawKey, item] of Object.entries(value)) {
    const key = rawKey.trim();
    if (!key) continue;
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
      fields[key] = String(item);
    } else if (item !== undefined && item !== null) {
      throw recordProblem(z)(
        `Contact Fields ${quoteInput(key)} cannot be used: it received ${describeValue(item)}, not one value. Map a field that holds one value.`,
      );
    }
  }
  return fields;
};
