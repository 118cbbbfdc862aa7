import { appError } from '../error-codes';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { defaultCountryField, phoneNumberField } from '../fields';
import { readChoice, readMobile } from '../inputs';
import { contactsOf } from './add-contact';

const inputFields = defineInputFields([
  {
    // Zapier's build guidelines ask delete actions to warn.
    key: 'alias_notice',
    label: 'Alias Sends to This Contact Will Stop',
    type: 'copy',
    helpText:
      'Deleting a contact removes it and its fields from the address book. Texts sent to its alias will no longer reach this number, and placeholders such as `{{FIRSTNAME}}` have nothing to fill in for it. Opt-outs are kept: this does not let a number that opted out receive messages again.',
  },
  phoneNumberField('mobile', 'Mobile Number'),
  defaultCountryField,
  {
    key: 'when_not_found',
    label: 'If There Is No Such Contact',
    type: 'string',
    required: false,
    default: 'continue',
    choices: [
      { value: 'continue', sample: 'continue', label: 'Continue, with Deleted set to false' },
      { value: 'fail', sample: 'fail', label: 'Stop the step with an error' },
    ],
    helpText:
      'What to do when no contact has this number. **Continue** suits clean-up Zaps, where some numbers were never added.',
  },
]);

export const perform = (async (z, bundle) => {
  const contacts = contactsOf(z, bundle);
  const mobile = readMobile(
    z,
    'Mobile Number',
    bundle.inputData.mobile,
    bundle.inputData.default_country,
  );
  const ifNotFound = readChoice(
    z,
    'If There Is No Such Contact',
    bundle.inputData.when_not_found,
    ['continue', 'fail'],
    'continue',
  );
  const removed = await contacts.remove(z, bundle, mobile);
  if (removed.removed) return { mobile, deleted: true };
  if (ifNotFound === 'fail') {
    throw appError(
      z,
      'ContactNotFound',
      `No contact in the Mobivate address book has the number ${mobile}, so there was nothing to delete (Mobivate said ${removed.said}). To let this step succeed for such numbers, set "If There Is No Such Contact" to Continue.`,
      404,
    );
  }
  return { mobile, deleted: false };
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'delete_contact',
  noun: 'Contact',
  display: {
    label: 'Delete Contact',
    description:
      'Deletes the contact with a mobile number from the address book. Needs a Vortex API connection.',
  },
  operation: {
    inputFields,
    perform,
    sample: { mobile: '447700900123', deleted: true },
    outputFields: [
      { key: 'mobile', label: 'Mobile Number (Digits, With Country Code)', type: 'string' },
      { key: 'deleted', label: 'Deleted', type: 'boolean' },
    ],
  },
});
