import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { permissionSentence } from '../common/permissions';
import { defaultCountryField, mobileInput } from '../inputs/mobile';
import { mobivate } from '../mobivate';
import {
  alreadyOptedOutField,
  optOutOutput,
  optOutOutputFields,
  optOutSample,
  optOutWithoutRecord,
} from '../outputs/opt-out';

const mobile = mobileInput('mobile', 'Mobile Number');

const inputFields = defineInputFields([mobile.field, defaultCountryField]);

/** "Already opted out" only when Mobivate's answer says so (see optOuts.add). */
export const perform = (async (z, bundle) => {
  const number = mobile.read(z, bundle.inputData);
  const added = await mobivate(z, bundle).optOuts.add(number);
  const record = added.record ? optOutOutput(added.record) : optOutWithoutRecord(number);
  return { ...record, already_opted_out: added.alreadyListed };
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'add_optout',
  noun: 'Opt-Out',
  display: {
    label: 'Add Opt-Out',
    description: `Adds a mobile number to the opt-out list so it receives no more messages. Numbers already on the list are not an error. ${permissionSentence('add_optout')}`,
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
