import {
  defineInputFields,
  defineSearch,
  type SearchPerform,
  type ZObject,
} from 'zapier-platform-core';
import { appError } from '../common/error-codes';
import { permissionSentence } from '../common/permissions';
import { formatCount } from '../common/text';
import { defaultCountryField, mobileInput } from '../inputs/mobile';
import { readOptionalInteger } from '../inputs/read';
import { DAY_MS, mobivate, type ListedOptOut, type ScanResult } from '../mobivate';
import {
  alreadyOptedOutField,
  optOutOutput,
  optOutOutputFields,
  optOutSample,
} from '../outputs/opt-out';

const mobileNumber = mobileInput('mobile', 'Mobile Number');

export const DEFAULT_LOOKBACK_DAYS = 365;
const MAX_LOOKBACK_DAYS = 3650;

const inputFields = defineInputFields([
  mobileNumber.field,
  defaultCountryField,
  {
    key: 'lookback_days',
    label: 'Lookback Days',
    type: 'integer',
    required: false,
    default: String(DEFAULT_LOOKBACK_DAYS),
    helpText: `How many days back to look for the number (1 to ${formatCount(MAX_LOOKBACK_DAYS)}; default ${DEFAULT_LOOKBACK_DAYS}). A number that opted out longer ago than this is not found. If the step says it could not finish searching, enter fewer days.`,
  },
]);

/**
 * "Not found" only when every opt-out of the window was read, or at least its number. A skipped
 * record whose number is unreadable might be this one, and a skipped record with this number says
 * it is on the list: either way "not found" would not follow from what Mobivate said.
 */
const throwUnlessSurelyAbsent = (z: ZObject, scan: ScanResult<ListedOptOut>, mobile: string) => {
  if (scan.skipped.some((record) => record.mobile === mobile)) {
    throw appError(
      z,
      'OptOutRecordUnreadable',
      `Mobivate lists ${mobile} on the opt-out list, but its record could not be read in full (the log says why), so the step stopped rather than output an incomplete opt-out. Send this message to Mobivate support.`,
    );
  }
  const unknown = scan.skipped.filter((record) => record.mobile === undefined).length;
  if (unknown > 0) {
    throw appError(
      z,
      'OptOutSearchInconclusive',
      `Could not tell whether ${mobile} is opted out: ${formatCount(unknown)} of the opt-outs Mobivate listed had no readable mobile number (the log says which), and ${mobile} was not among the others. Send this message to Mobivate support.`,
    );
  }
};

export const perform = (async (z, bundle) => {
  const mobile = mobileNumber.read(z, bundle.inputData);
  const days =
    readOptionalInteger(z, {
      label: 'Lookback Days',
      value: bundle.inputData.lookback_days,
      min: 1,
      max: MAX_LOOKBACK_DAYS,
      allowed: `enter a whole number of days from 1 to ${MAX_LOOKBACK_DAYS}, or leave it empty for ${DEFAULT_LOOKBACK_DAYS}`,
      code: 'InvalidLookbackDays',
    }) ?? DEFAULT_LOOKBACK_DAYS;
  const now = Date.now();
  // The end lies a day ahead so that an opt-out stamped by a clock ahead of ours is not missed.
  const scan = await mobivate(z, bundle).optOuts.scan(
    { start: now - days * DAY_MS, end: now + DAY_MS },
    // Both are international digits: the Mobivate layer normalised Mobivate's formatting.
    { until: (record) => record.mobile === mobile },
  );
  // The keys of Add Opt-Out, so that Find or Add Opt-Out maps the same fields either way.
  if (scan.match) return [{ ...optOutOutput(scan.match), already_opted_out: true }];
  if (scan.complete) {
    throwUnlessSurelyAbsent(z, scan, mobile);
    return [];
  }
  // Not "not found": the scan stopped at its bound, so we do not know.
  throw appError(
    z,
    'OptOutSearchIncomplete',
    `Could not finish searching the opt-out list for ${mobile}: it read ${formatCount(scan.items.length)} opt-outs from the last ${days} days in ${scan.requests} requests without finding it, then stopped to stay within Zapier's limits. Whether ${mobile} is opted out is unknown. Set Lookback Days lower to search a shorter period.`,
  );
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_optout',
  noun: 'Opt-Out',
  display: {
    label: 'Find Opt-Out',
    description: `Finds a mobile number on the opt-out list. ${permissionSentence('find_optout')}`,
  },
  operation: {
    inputFields,
    perform,
    sample: { ...optOutSample, already_opted_out: true },
    outputFields: [...optOutOutputFields, alreadyOptedOutField],
  },
});
