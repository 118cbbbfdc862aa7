import type { Contact } from '../mobivate';
import { e164Field, e164Of } from './phone';

export type ContactAction = 'created' | 'updated' | 'found';

/**
 * A contact's fields as the output's key/value field shows them: text, numbers and yes/no as
 * text, lists and objects as JSON, nothing for an empty value (Mobivate keeps them as they are).
 */
const fieldsAsText = (fields: Record<string, unknown> = {}): Record<string, string> =>
  Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      typeof value === 'string'
        ? value
        : value === null || value === undefined
          ? ''
          : typeof value === 'object'
            ? JSON.stringify(value)
            : String(value),
    ]),
  );

/** What Add or Update Contact and Find Contact output: the same keys, for Find or Add Contact. */
export const contactOutput = (contact: Contact, action: ContactAction) => ({
  id: contact.id || null,
  alias: contact.alias,
  mobile: contact.mobile,
  mobile_e164: e164Of(contact.mobile),
  fields: fieldsAsText(contact.fields),
  created_at: contact.created,
  action,
});

export const contactOutputFields = [
  { key: 'id', label: 'Contact ID', type: 'string' },
  { key: 'alias', label: 'Alias', type: 'string' },
  { key: 'mobile', label: 'Mobile Number (Digits, With Country Code)', type: 'string' },
  e164Field('mobile', 'Mobile Number'),
  { key: 'fields', label: 'Contact Fields', dict: true },
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'action', label: 'What Happened (Created, Updated or Found)', type: 'string' },
] as const;

export { default as contactSample } from './contact.json';
