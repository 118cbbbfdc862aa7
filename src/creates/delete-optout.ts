import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type ZObject,
  type Bundle,
} from 'zapier-platform-core';
import type { MobivateAnswer } from '../answer';
import { unexpectedAnswer, whatMobivateSaid } from '../errors';
import { defaultCountryField, phoneNumberField, readChoice, readMobile } from '../fields';
import { PATHS, readOptOut } from '../mobivate';
import { optOutOutput, optOutOutputFields, optOutWithoutRecord } from '../optouts';
import { callMobivate, hasTimeForRequest } from '../request';
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

const deleteAt = (z: ZObject, bundle: Bundle, path: string, mobile: string) =>
  callMobivate(z, bundle, { method: 'DELETE', path, body: { mobile }, handles: [404, 405] });

/**
 * The docs disagree on the route (§9 #1): the heading says DELETE /addressbook/optout, the
 * examples DELETE /optout. Only a 404 whose body is Mobivate's own error (a message that is not a
 * bare HTTP phrase such as "HTTP 404 Not Found", which web frameworks answer for unknown paths)
 * means "not on the list". Any other 404, or a 405, means the route itself is missing, so the
 * other documented route is tried once. A missing route is never "not opted out".
 */
const notOnList = (answer: MobivateAnswer) =>
  answer.status === 404 && answer.error !== undefined && !answer.error.generic;
const routeMissing = (answer: MobivateAnswer) =>
  answer.status === 405 || (answer.status === 404 && !notOnList(answer));

const endpointNotFound = (
  z: ZObject,
  first: MobivateAnswer,
  mobile: string,
  second?: MobivateAnswer,
) =>
  new z.errors.Error(
    `Removing opt-outs is not possible at this API Address: ${second ? 'neither of the two addresses Mobivate documents for it exists there' : 'the first of the two addresses Mobivate documents for it does not exist there, and there was no time left in this step to try the second'}. Nothing was removed, and whether ${mobile} is opted out is unknown. Check the API Address of your Mobivate connection (Mobivate gives some accounts their own address).`,
    'OptOutEndpointNotFound',
    (second ?? first).status,
  );

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
  let answer = await deleteAt(z, bundle, PATHS.optOut, mobile);
  if (routeMissing(answer)) {
    const first = answer;
    if (!hasTimeForRequest(bundle)) throw endpointNotFound(z, first, mobile);
    answer = await deleteAt(z, bundle, PATHS.optOutLegacyDelete, mobile);
    if (routeMissing(answer)) throw endpointNotFound(z, first, mobile, answer);
  }

  if (answer.status === 404) {
    if (ifNotOptedOut === 'fail') {
      throw new z.errors.Error(
        `${mobile} is not on the Mobivate opt-out list, so there was nothing to delete (Mobivate said ${whatMobivateSaid(answer, bundle)}). To let this step succeed for such numbers, set "If the Number Is Not Opted Out" to Continue.`,
        'NotOptedOut',
        404,
      );
    }
    return { ...optOutWithoutRecord(mobile), removed: false };
  }
  const read = readOptOut(answer.data);
  if (!('record' in read)) {
    throw unexpectedAnswer(
      z,
      answer,
      bundle,
      'the deleted opt-out ({"mobile", "note", "created"})',
    );
  }
  return { ...optOutOutput(read.record), removed: true };
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
