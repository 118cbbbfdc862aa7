import type { Contact } from '../mobivate';

export type ContactAction = 'created' | 'updated' | 'found';

/** What Add or Update Contact and Find Contact output: the same keys, for Find or Add Contact. */
export const contactOutput = (contact: Contact, action: ContactAction) => ({
  id: contact.id || null,
  alias: contact.alias,
  mobile: contact.mobile,
  fields: contact.fields ?? {},
  created_at: contact.created,
  action,
});

export const contactOutputFields = [
  { key: 'id', label: 'Contact ID', type: 'string' },
  { key: 'alias', label: 'Alias', type: 'string' },
  { key: 'mobile', label: 'Mobile Number (Digits, With Country Code)', type: 'string' },
  { key: 'fields', label: 'Contact Fields', dict: true },
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'action', label: 'What Happened (Created, Updated or Found)', type: 'string' },
] as const;

export { default as contactSample } from './contact.json';
