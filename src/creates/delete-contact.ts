import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { appError } from '../common/error-codes';
import { permissionSentence } from '../common/permissions';
import { defaultCountryField, mobileInput } from '../inputs/mobile';
import { connectionsOnly, stepNeeds } from '../inputs/connection-fields';
import { ifNotDoneInput } from '../inputs/read';
import { mobivate } from '../mobivate';
import { e164Field, e164Of } from '../outputs/phone';

const mobile = mobileInput('mobile', 'Mobile Number');

const ifNotFound = ifNotDoneInput({
  key: 'when_not_found',
  label: 'If There Is No Such Contact',
  output: 'Deleted',
  values: ['continue', 'fail'],
  fallback: 'continue',
  helpText:
    'What to do when no contact has this number. **Continue** suits clean-up Zaps, where some numbers were never added.',
});

const inputFields = defineInputFields([
  // On a connection of the other API, one line that says so instead (connection-fields.ts).
  stepNeeds('addressBook', [
    {
      // Zapier's build guidelines ask delete actions to warn.
      key: 'alias_notice',
      label: 'Alias Sends to This Contact Will Stop',
      type: 'copy',
      helpText:
        'Deleting a contact removes it and its fields from the address book. Texts sent to its alias will no longer reach this number, and placeholders such as `{{FIRSTNAME}}` have nothing to fill in for it. Opt-outs are kept: this does not let a number that opted out receive messages again.',
    },
    mobile.field,
    defaultCountryField,
    ifNotFound.field,
  ]),
]);

export const perform = (async (z, bundle) => {
  const { contacts } = mobivate(z, bundle);
  const number = mobile.read(z, bundle.inputData);
  const whenNotFound = ifNotFound.read(z, bundle.inputData);
  const removed = await contacts.remove(number);
  const mobileOutput = { mobile: number, mobile_e164: e164Of(number) };
  if (removed.removed) return { ...mobileOutput, deleted: true };
  if (whenNotFound === 'fail') {
    throw appError(
      z,
      'ContactNotFound',
      `No contact in the Mobivate address book has the number ${number}, so there was nothing to delete (Mobivate said ${removed.said}). To let this step succeed for such numbers, set "${ifNotFound.field.label}" to Continue.`,
      404,
    );
  }
  return { ...mobileOutput, deleted: false };
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'delete_contact',
  noun: 'Contact',
  display: {
    label: 'Delete Contact',
    description: `Deletes the contact with a mobile number from the address book. ${connectionsOnly('addressBook')} ${permissionSentence('delete_contact')}`,
  },
  operation: {
    inputFields,
    perform,
    sample: { mobile: '447700900123', mobile_e164: '+447700900123', deleted: true },
    outputFields: [
      { key: 'mobile', label: 'Mobile Number (Digits, With Country Code)', type: 'string' },
      e164Field('mobile', 'Mobile Number'),
      { key: 'deleted', label: 'Deleted', type: 'boolean' },
    ],
  },
});
