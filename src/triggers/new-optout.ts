import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { appError } from '../common/error-codes';
import { formatCount } from '../common/text';
import { OPT_OUT_SOURCES, mobivate, type ListedOptOut } from '../mobivate';
import { listedOptOutOutput, listedOptOutOutputFields, optOutSample } from '../outputs/opt-out';
import { POLL_WINDOW_DAYS, SAMPLE_SIZE, pollRead } from '../steps/polls';

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first; equal times by id, numerically for the documented numeric ids. */
const newestFirst = (a: ListedOptOut, b: ListedOptOut): number =>
  Date.parse(b.created) - Date.parse(a.created) || b.id.length - a.id.length || byCode(b.id, a.id);

const inputFields = defineInputFields([
  {
    key: 'note',
    label: 'Source',
    type: 'string',
    required: false,
    choices: Object.entries(OPT_OUT_SOURCES).map(([code, label]) => ({
      value: code,
      sample: code,
      label,
    })),
    helpText:
      'Only trigger for opt-outs from this source, for example people who replied STOP. Leave empty for every new opt-out, whatever its source (STOP replies, the Mobivate hub, the API).',
  },
]);

export const perform = (async (z, bundle) => {
  const { sample, window, limits } = pollRead(bundle);
  const scan = await mobivate(z, bundle).optOuts.scan(window, { limits });
  if (!scan.complete && !sample) {
    // Returning part of the window could announce old opt-outs and miss the newest ones, since the
    // list's order is undocumented: say so instead.
    throw appError(
      z,
      'OptOutPollIncomplete',
      `More opt-outs were added in the last ${POLL_WINDOW_DAYS} days than one check can read within Zapier's limits (${formatCount(scan.items.length)} read in ${scan.requests} requests). New opt-outs will trigger again once fewer arrive; meanwhile use Find Opt-Out or the Mobivate hub.`,
    );
  }
  const source = bundle.inputData.note?.trim().toUpperCase();
  const items = scan.items
    .filter((record) => !source || record.note?.toUpperCase() === source)
    .sort(newestFirst)
    .map(listedOptOutOutput);
  return sample ? items.slice(0, SAMPLE_SIZE) : items;
}) satisfies PollingTriggerPerform<typeof inputFields>;

export default defineTrigger({
  key: 'new_optout',
  noun: 'Opt-Out',
  display: {
    label: 'New Opt-Out',
    description:
      'Triggers when a mobile number is added to the opt-out list, whether by a STOP reply, by hand in the hub or through the API.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: { id: '1354505990', ...optOutSample },
    outputFields: [...listedOptOutOutputFields],
  },
});
