import { vortexOnly } from '../campaigns';
import { appError } from '../error-codes';
import {
  defineCreate,
  defineInputFields,
  type Bundle,
  type CreatePerform,
  type ZObject,
} from 'zapier-platform-core';
import { defaultCountryField, phoneNumberField } from '../fields';
import { readMobile, recordProblem } from '../inputs';
import type { Contact, MobivateApi, NewContact } from '../mobivate';
import { epochMillisToIso } from '../mobivate/records';
import contactSample from '../samples/contact.json';
import { describeValue, formatCount, quoteInput } from '../text';

/** Contacts exist on Mobivate's Vortex API only (§V5). */
export const contactsOf = (z: ZObject, bundle: Bundle) =>
  vortexOnly(z, bundle, 'contacts', 'This step');

export type ContactAction = 'created' | 'updated' | 'found';

/** What Add or Update Contact and Find Contact output: the same keys, for Find or Add Contact. */
export const contactOutput = (contact: Contact, action: ContactAction) => ({
  id: contact.id || null,
  alias: contact.alias,
  mobile: contact.mobile,
  fields: contact.fields ?? {},
  created_at: contact.created === null ? null : epochMillisToIso(contact.created),
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

export const ALIAS_HELP =
  "Mobivate's unique name for the contact, used by alias sends (sending to a contact by its alias instead of its number). Letters, digits, dashes and underscores work everywhere.";

/** The alias: one text, trimmed; empty or not text halts the run (a value of this record). */
export const readAlias = (z: ZObject, value: unknown, required: boolean): string | undefined => {
  const text =
    typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  if (value !== undefined && value !== null && typeof value === 'object') {
    throw recordProblem(z)(
      `Alias cannot be used: it received ${describeValue(value)}, not one name. Map a field that holds one name.`,
    );
  }
  if (!text && required) throw recordProblem(z)('Alias is empty. Map or type the contact’s alias.');
  return text || undefined;
};

/**
 * Contact Fields (a key/value input): text values by key, keys trimmed, empty keys dropped. A
 * value that is not one text (a list, an object) halts, naming its key.
 */
export const readFields = (z: ZObject, value: unknown): Record<string, string> => {
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

const inputFields = defineInputFields([
  phoneNumberField('mobile', 'Mobile Number'),
  { key: 'alias', label: 'Alias', type: 'string', required: true, helpText: ALIAS_HELP },
  defaultCountryField,
  {
    key: 'fields',
    label: 'Contact Fields',
    dict: true,
    required: false,
    helpText:
      'Values your texts can use as placeholders: a field named `FIRSTNAME` fills `{{FIRSTNAME}}`. When the contact exists, these are added to its fields, and fields not named here keep their values.',
  },
]);

const matches = (contact: Contact, { mobile, alias }: NewContact) =>
  contact.mobile === mobile || contact.alias === alias;

/**
 * Finds the contact that holds the number or the alias Mobivate said is taken. Reads until a
 * contact holds both, or the whole list, so that a number on one contact and the alias on another
 * is told, not overwritten.
 */
const findExisting = async (
  z: ZObject,
  bundle: Bundle,
  contacts: NonNullable<MobivateApi['contacts']>,
  wanted: NewContact,
  said: string,
): Promise<Contact> => {
  const scan = await contacts.scan(
    z,
    bundle,
    (contact) => contact.mobile === wanted.mobile && contact.alias === wanted.alias,
  );
  const found = scan.match ? [scan.match] : scan.items.filter((c) => matches(c, wanted));
  const byMobile = found.find((contact) => contact.mobile === wanted.mobile);
  const byAlias = found.find((contact) => contact.alias === wanted.alias);
  if (byMobile && byAlias && byMobile.id !== byAlias.id) {
    throw appError(
      z,
      'ContactConflict',
      `${wanted.mobile} belongs to the contact with alias ${quoteInput(byMobile.alias ?? '')}, and the alias ${quoteInput(wanted.alias)} to another contact (${byAlias.mobile ?? 'no number'}). Nothing was changed. Give this number its own alias, or delete one of the two contacts in the Mobivate hub.`,
    );
  }
  const existing = byMobile ?? byAlias;
  // Found in a list read only in part: should an unread contact hold the other value, Mobivate
  // refuses the update in its own words (it keeps aliases and numbers unique), which is quoted.
  if (existing) return existing;
  if (!scan.complete) {
    throw appError(
      z,
      'ContactSearchIncomplete',
      `Mobivate said the contact already exists (${said}), but it was not found among the first ${formatCount(scan.items.length)} contacts of the address book before this step had to stop to stay within Zapier's limits. Nothing was changed.`,
    );
  }
  if (scan.skipped.length > 0) {
    throw appError(
      z,
      'ContactSearchIncomplete',
      `Mobivate said the contact already exists (${said}), but ${formatCount(scan.skipped.length)} contacts of the address book could not be read (the log says why) and none of the others holds ${wanted.mobile} or ${quoteInput(wanted.alias)}. Nothing was changed. Send this message to Mobivate support.`,
    );
  }
  throw appError(
    z,
    'ContactNotFound',
    `Mobivate said the contact already exists (${said}), but no contact in its address book holds ${wanted.mobile} or the alias ${quoteInput(wanted.alias)}. Nothing was changed. Send this message to Mobivate support.`,
  );
};

/**
 * Creates the contact; when Mobivate says its number or alias is taken, finds that contact and
 * updates it, sending its fields merged with the new ones in full (§V5 does not say whether an
 * update merges or replaces them, so the outcome is the same either way).
 */
export const perform = (async (z, bundle) => {
  const contacts = contactsOf(z, bundle);
  const mobile = readMobile(
    z,
    'Mobile Number',
    bundle.inputData.mobile,
    bundle.inputData.default_country,
  );
  const alias = readAlias(z, bundle.inputData.alias, true)!;
  const fields = readFields(z, bundle.inputData.fields);
  const wanted: NewContact = { alias, mobile, fields };
  const added = await contacts.add(z, bundle, wanted);
  if (added.created) {
    const record = added.record ?? { id: '', alias, mobile, fields, created: null };
    return contactOutput({ ...record, fields: record.fields ?? fields }, 'created');
  }
  const existing = await findExisting(z, bundle, contacts, wanted, added.said);
  const merged = { ...existing.fields, ...fields };
  const updated = await contacts.update(z, bundle, existing.id, { ...wanted, fields: merged });
  return contactOutput(
    {
      ...updated,
      fields: updated.fields ?? merged,
      created: updated.created ?? existing.created,
    },
    'updated',
  );
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'add_contact',
  noun: 'Contact',
  display: {
    label: 'Add or Update Contact',
    description:
      'Adds a contact to the address book, or updates the contact that already has its number or alias. Needs a Vortex API connection.',
  },
  operation: {
    inputFields,
    perform,
    sample: contactSample,
    outputFields: [...contactOutputFields],
  },
});
