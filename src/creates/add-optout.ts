import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { throwForMobivateError, unexpectedAnswer } from '../errors';
import { defaultCountryField, phoneNumberField, readMobile } from '../fields';
import { PATHS, isOptOutRecord, mobivateMessage } from '../mobivate';
import { optOutOutput, optOutOutputFields } from '../optouts';
import { callMobivate } from '../request';
import optOutSample from '../samples/optout.json';

const inputFields = defineInputFields([
  phoneNumberField('mobile', 'Mobile Number'),
  defaultCountryField,
]);

/**
 * Mobivate documents no answer for adding a number that is already opted out (§2.1). What the app
 * can know: the answer is the opt-out record, and a record created before our request was already
 * there (with this much tolerance for the two clocks). Should Mobivate refuse a duplicate instead
 * (409, or a 400 that says so), that is not an error for the user either.
 */
const CLOCK_TOLERANCE_MS = 2 * 60_000;
const SAYS_DUPLICATE = /already|exist|duplicate/i;

export const perform = (async (z, bundle) => {
  const mobile = readMobile(
    z,
    'Mobile Number',
    bundle.inputData.mobile,
    bundle.inputData.default_country,
  );
  const sentAt = Date.now();
  const response = await callMobivate(z, bundle, {
    method: 'POST',
    path: PATHS.optOut,
    body: { mobile },
    handles: [400, 409],
  });
  if (response.status === 409 || response.status === 400) {
    if (response.status === 400 && !SAYS_DUPLICATE.test(mobivateMessage(response.data) ?? '')) {
      throwForMobivateError(z, response, bundle);
    }
    return {
      mobile,
      note: null,
      source: null,
      created: null,
      created_at: null,
      already_opted_out: true,
    };
  }
  if (!isOptOutRecord(response.data)) {
    throw unexpectedAnswer(z, response, bundle, 'the opt-out ({"mobile", "note", "created"})');
  }
  return {
    ...optOutOutput(response.data),
    already_opted_out: response.data.created < sentAt - CLOCK_TOLERANCE_MS,
  };
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
    outputFields: [
      ...optOutOutputFields,
      { key: 'already_opted_out', label: 'Was Already Opted Out', type: 'boolean' },
    ],
  },
});
