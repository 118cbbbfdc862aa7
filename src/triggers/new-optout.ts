import { permissionSentence } from '../common/permissions';
import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { OPT_OUT_SOURCES, mobivate, type ListedOptOut } from '../mobivate';
import { listedOptOutOutput, listedOptOutOutputFields, optOutSample } from '../outputs/opt-out';
import { pollItems, pollRead } from '../steps/polls';

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Newest first (ISO-8601 times compare as text, with or without a zone); equal times by id,
 * numerically for the documented numeric ids.
 */
const newestFirst = (a: ListedOptOut, b: ListedOptOut): number =>
  byCode(b.created, a.created) || b.id.length - a.id.length || byCode(b.id, a.id);

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
  const read = pollRead(bundle);
  const scan = await mobivate(z, bundle).optOuts.scan(read.window, { limits: read.limits });
  const source = bundle.inputData.note?.trim().toUpperCase();
  const items = scan.items
    .filter((record) => !source || record.note?.toUpperCase() === source)
    .sort(newestFirst)
    .map(listedOptOutOutput);
  const { complete, requests } = scan;
  return pollItems(z, read, items, {
    complete,
    requests,
    read: scan.items.length,
    noun: 'opt-out',
  });
}) satisfies PollingTriggerPerform<typeof inputFields>;

export default defineTrigger({
  key: 'new_optout',
  noun: 'Opt-Out',
  display: {
    label: 'New Opt-Out',
    description: `Triggers when a mobile number is added to the opt-out list, whether by a STOP reply, by hand in the hub or through the API. ${permissionSentence('new_optout')}`,
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: { id: '1354505990', ...optOutSample },
    outputFields: [...listedOptOutOutputFields],
  },
});
