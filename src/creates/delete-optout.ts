import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { appError } from '../common/error-codes';
import { permissionSentence } from '../common/permissions';
import { defaultCountryField, mobileInput } from '../inputs/mobile';
import { ifNotDoneInput } from '../inputs/read';
import { mobivate } from '../mobivate';
import {
  optOutOutput,
  optOutOutputFields,
  optOutSample,
  optOutWithoutRecord,
} from '../outputs/opt-out';

const mobile = mobileInput('mobile', 'Mobile Number');

const ifNotOptedOut = ifNotDoneInput({
  key: 'when_not_opted_out',
  label: 'If the Number Is Not Opted Out',
  output: 'Removed',
  values: ['continue', 'fail'],
  fallback: 'continue',
  helpText:
    'What to do when the number is not on the opt-out list. **Continue** suits resubscribe Zaps, where most numbers were never opted out.',
});

const inputFields = defineInputFields([
  {
    // Zapier's build guidelines ask delete actions to warn; this one undoes someone's STOP.
    key: 'consent_notice',
    label: 'Only With the Owner’s Consent',
    type: 'copy',
    helpText:
      'Remove a number from the opt-out list only when its owner asked to receive your messages again (for example, they resubscribed in your CRM or replied START). Texting people who opted out breaks their choice and, in many countries, the law.',
  },
  mobile.field,
  defaultCountryField,
  ifNotOptedOut.field,
]);

export const perform = (async (z, bundle) => {
  const number = mobile.read(z, bundle.inputData);
  const whenNotOptedOut = ifNotOptedOut.read(z, bundle.inputData);
  const removed = await mobivate(z, bundle).optOuts.remove(number);
  if (removed.removed) {
    const record = removed.record ? optOutOutput(removed.record) : optOutWithoutRecord(number);
    return { ...record, removed: true };
  }
  if (whenNotOptedOut === 'fail') {
    throw appError(
      z,
      'NotOptedOut',
      `${number} is not on the Mobivate opt-out list, so there was nothing to delete (Mobivate said ${removed.said}). To let this step succeed for such numbers, set "${ifNotOptedOut.field.label}" to Continue.`,
      404,
    );
  }
  return { ...optOutWithoutRecord(number), removed: false };
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'delete_optout',
  noun: 'Opt-Out',
  display: {
    label: 'Delete Opt-Out',
    description: `Removes a mobile number from the opt-out list so it can receive messages again, when its owner resubscribes (in your CRM, or by replying START). ${permissionSentence('delete_optout')}`,
  },
  operation: {
    inputFields,
    perform,
    sample: { ...optOutSample, removed: true },
    outputFields: [
      ...optOutOutputFields,
      { key: 'removed', label: 'Removed From Opt-Out List', type: 'boolean' },
    ],
  },
});
