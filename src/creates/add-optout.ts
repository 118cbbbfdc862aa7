import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { defaultCountryField, phoneNumberField } from '../fields';
import { readMobile } from '../inputs';
import { mobivate } from '../mobivate';
import {
  alreadyOptedOutField,
  optOutOutput,
  optOutOutputFields,
  optOutWithoutRecord,
} from '../optouts';
import optOutSample from '../samples/optout.json';

const inputFields = defineInputFields([
  phoneNumberField('mobile', 'Mobile Number'),
  defaultCountryField,
]);

/** "Already opted out" only when Mobivate's answer says so (see optOuts.add). */
export const perform = (async (z, bundle) => {
  const mobile = readMobile(
    z,
    'Mobile Number',
    bundle.inputData.mobile,
    bundle.inputData.default_country,
  );
  const added = await mobivate(bundle).optOuts.add(z, bundle, mobile);
  const record = added.record ? optOutOutput(added.record) : optOutWithoutRecord(mobile);
  return { ...record, already_opted_out: added.alreadyListed };
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'add_optout',
  noun: 'Opt-Out',
  display: {
    label: 'Add Opt-Out',
    description:
      'Adds a mobile number to the opt-out list so it receives no more messages. Numbers already on the list are not an error.',
  },
  operation: {
    inputFields,
    perform,
    sample: {
      ...optOutSample,
      note: 'API',
      source: 'Added through the API',
      already_opted_out: false,
    },
    outputFields: [...optOutOutputFields, alreadyOptedOutField],
  },
});
