import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { mobivateError, unexpectedAnswer } from '../errors';
import { defaultCountryField, phoneNumberField, readMobile } from '../fields';
import { PATHS, readOptOut } from '../mobivate';
import {
  alreadyOptedOutField,
  optOutOutput,
  optOutOutputFields,
  optOutWithoutRecord,
} from '../optouts';
import { callMobivate } from '../request';
import optOutSample from '../samples/optout.json';

const inputFields = defineInputFields([
  phoneNumberField('mobile', 'Mobile Number'),
  defaultCountryField,
]);

/**
 * Mobivate documents no answer for adding a number that is already opted out (§2.1). What the app
 * can know: the answer is the opt-out record, and a record created before our request was already
 * there (with this much tolerance for the two clocks). Should Mobivate refuse a duplicate instead,
 * only a refusal whose words say the number is already listed counts; "Route does not exist" or a
 * bare "Conflict" is an error like any other (docs/truthful-outcomes.md).
 */
const CLOCK_TOLERANCE_MS = 2 * 60_000;

export const saysAlreadyListed = (message: string | undefined): boolean =>
  !!message &&
  /\b(already|duplicate|exists)\b/i.test(message) &&
  !/\b(not|never|no such)\b|n['’]t\b/i.test(message) &&
  !/\b(route|campaign|sender|originator|api key|user|group|contact|template)\b/i.test(message);

export const perform = (async (z, bundle) => {
  const mobile = readMobile(
    z,
    'Mobile Number',
    bundle.inputData.mobile,
    bundle.inputData.default_country,
  );
  const sentAt = Date.now();
  const answer = await callMobivate(z, bundle, {
    method: 'POST',
    path: PATHS.optOut,
    body: { mobile },
    handles: [400, 409],
  });
  if (answer.status === 409 || answer.status === 400) {
    if (!saysAlreadyListed(answer.error?.message)) throw mobivateError(z, answer, bundle);
    return { ...optOutWithoutRecord(mobile), already_opted_out: true };
  }
  const read = readOptOut(answer.data);
  if (!('record' in read)) {
    throw unexpectedAnswer(z, answer, bundle, 'the opt-out ({"mobile", "note", "created"})');
  }
  return {
    ...optOutOutput(read.record),
    already_opted_out: read.record.created < sentAt - CLOCK_TOLERANCE_MS,
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
    outputFields: [...optOutOutputFields, alreadyOptedOutField],
  },
});
