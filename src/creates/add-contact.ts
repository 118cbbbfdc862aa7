import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type ZObject,
} from 'zapier-platform-core';
import { appError } from '../common/error-codes';
import { permissionSentence } from '../common/permissions';
import { formatCount, quoteInput } from '../common/text';
import { aliasField, contactFieldsField, readAlias, readContactFields } from '../inputs/contact';
import { connectionsOnly, stepNeeds } from '../inputs/connection-fields';
import { defaultCountryField, mobileInput } from '../inputs/mobile';
import { mobivate, type Contact, type Mobivate, type NewContact } from '../mobivate';
import { contactOutput, contactOutputFields, contactSample } from '../outputs/contact';

const mobile = mobileInput('mobile', 'Mobile Number');

// Default Country right under the number it is for.
const inputFields = defineInputFields([
  // On a connection of the other API, one line that says so instead (connection-fields.ts).
  stepNeeds('addressBook', [mobile.field, defaultCountryField, aliasField, contactFieldsField]),
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
  contacts: Mobivate['contacts'],
  wanted: NewContact,
  said: string,
): Promise<Contact> => {
  const scan = await contacts.scan({
    until: (contact) => contact.mobile === wanted.mobile && contact.alias === wanted.alias,
  });
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
  const { contacts } = mobivate(z, bundle);
  const number = mobile.read(z, bundle.inputData);
  const given = readAlias(z, bundle.inputData.alias, false);
  // No alias given: the number's digits, which only this contact has (aliases are unique).
  const alias = given ?? number;
  const fields = readContactFields(z, bundle.inputData.fields);
  const wanted: NewContact = { alias, mobile: number, fields };
  const added = await contacts.add(wanted);
  if (added.created) {
    const record = added.record ?? { id: '', alias, mobile: number, fields, created: null };
    return contactOutput({ ...record, fields: record.fields ?? fields }, 'created');
  }
  const existing = await findExisting(z, contacts, wanted, added.said);
  const merged = { ...existing.fields, ...fields };
  // A derived alias never replaces the one the contact has.
  const keptAlias = given ?? existing.alias ?? alias;
  const updated = await contacts.update(existing.id, {
    ...wanted,
    alias: keptAlias,
    fields: merged,
  });
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
    description: `Adds a contact to the address book, or updates the contact that already has its number or alias. ${connectionsOnly('addressBook')} ${permissionSentence('add_contact')}`,
  },
  operation: {
    inputFields,
    perform,
    sample: contactSample,
    outputFields: [...contactOutputFields],
  },
});
