import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type ZObject,
  type Bundle,
} from 'zapier-platform-core';
import { unexpectedAnswer } from '../errors';
import { defaultCountryField, phoneNumberField, readMobile } from '../fields';
import { PATHS, isMobivateErrorBody, isOptOutRecord, mobivateMessage } from '../mobivate';
import { optOutOutput, optOutOutputFields } from '../optouts';
import { callMobivate } from '../request';
import optOutSample from '../samples/optout.json';

const inputFields = defineInputFields([
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

export const perform = (async (z, bundle) => {
  const mobile = readMobile(
    z,
    'Mobile Number',
    bundle.inputData.mobile,
    bundle.inputData.default_country,
  );

  // The docs disagree on the route (§9 #1): the heading says DELETE /addressbook/optout, the
  // examples DELETE /optout. A 404 that carries Mobivate's JSON error body is Mobivate saying "not
  // on the list"; a 404 or 405 without it means the route itself is missing, so we try the other
  // documented route once. We never treat a missing route as "not opted out", which would report
  // success while the number stays blocked.
  const routeMissing = (status: number, data: unknown) =>
    status === 405 || (status === 404 && !isMobivateErrorBody(data));
  let response = await deleteAt(z, bundle, PATHS.optOut, mobile);
  if (routeMissing(response.status, response.data)) {
    response = await deleteAt(z, bundle, PATHS.optOutLegacyDelete, mobile);
    if (routeMissing(response.status, response.data)) {
      throw new z.errors.Error(
        `The opt-out endpoint was not found at this API Address: both DELETE ${PATHS.optOut} and DELETE ${PATHS.optOutLegacyDelete} answered HTTP ${response.status}. Check the API Address of your Mobivate connection (Mobivate gives some accounts their own address). ${mobile} is still opted out.`,
        'OptOutEndpointNotFound',
        response.status,
      );
    }
  }

  if (response.status === 404) {
    if (bundle.inputData.when_not_opted_out === 'fail') {
      throw new z.errors.Error(
        `${mobile} is not on the Mobivate opt-out list, so there was nothing to delete (Mobivate said "${mobivateMessage(response.data)}"). To let this step succeed for such numbers, set "If the Number Is Not Opted Out" to Continue.`,
        'NotOptedOut',
        404,
      );
    }
    return { mobile, note: null, source: null, created: null, created_at: null, removed: false };
  }
  if (!isOptOutRecord(response.data)) {
    throw unexpectedAnswer(
      z,
      response,
      bundle,
      'the deleted opt-out ({"mobile", "note", "created"})',
    );
  }
  return { ...optOutOutput(response.data), removed: true };
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
