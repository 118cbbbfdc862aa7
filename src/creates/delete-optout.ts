import { appError } from '../error-codes';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { defaultCountryField, phoneNumberField } from '../fields';
import { readChoice, readMobile } from '../inputs';
import { mobivate } from '../mobivate';
import { optOutOutput, optOutOutputFields, optOutWithoutRecord } from '../optouts';
import optOutSample from '../samples/optout.json';

const inputFields = defineInputFields([
  {
    // Zapier's build guidelines ask delete actions to warn; this one undoes someone's STOP.
    key: 'consent_notice',
    label: 'Only With the Owner’s Consent',
    type: 'copy',
    helpText:
      'Remove a number from the opt-out list only when its owner asked to receive your messages again (for example, they resubscribed in your CRM or replied START). Texting people who opted out breaks their choice and, in many countries, the law.',
  },
  phoneNumberField('mobile', 'Mobile Number'),
  defaultCountryField,
  {
    key: 'when_not_opted_out',
    label: 'If the Number Is Not Opted Out',
    type: 'string',
    required: false,
    default: 'continue',
    choices: [
      { value: 'continue', sample: 'continue', label: 'Continue, with Removed set to false' },
      { value: 'fail', sample: 'fail', label: 'Stop the step with an error' },
    ],
    helpText:
      'What to do when the number is not on the opt-out list. **Continue** suits resubscribe Zaps, where most numbers were never opted out.',
  },
]);

export const perform = (async (z, bundle) => {
  const mobile = readMobile(
    z,
    'Mobile Number',
    bundle.inputData.mobile,
    bundle.inputData.default_country,
  );
  const ifNotOptedOut = readChoice(
    z,
    'If the Number Is Not Opted Out',
    bundle.inputData.when_not_opted_out,
    ['continue', 'fail'],
    'continue',
  );
  const removed = await mobivate(bundle).optOuts.remove(z, bundle, mobile);
  if (removed.removed) {
    const record = removed.record ? optOutOutput(removed.record) : optOutWithoutRecord(mobile);
    return { ...record, removed: true };
  }
  if (ifNotOptedOut === 'fail') {
    throw appError(
      z,
      'NotOptedOut',
      `${mobile} is not on the Mobivate opt-out list, so there was nothing to delete (Mobivate said ${removed.said}). To let this step succeed for such numbers, set "If the Number Is Not Opted Out" to Continue.`,
      404,
    );
  }
  return { ...optOutWithoutRecord(mobile), removed: false };
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'delete_optout',
  noun: 'Opt-Out',
  display: {
    label: 'Delete Opt-Out',
    description: 'Removes a mobile number from the opt-out list so it can receive messages again.',
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
