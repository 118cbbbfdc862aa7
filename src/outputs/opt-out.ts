import type { ListedOptOut, OptOutRecord } from '../mobivate';
import optOutSample from './opt-out.json';
import { e164Field, e164Of } from './phone';

/**
 * What every opt-out operation outputs for a record Mobivate returned: the number as digits
 * (international, no "+"), however Mobivate formatted it, so it maps straight into other steps
 * and compares as text; `mobile_e164` is the same with "+", for tools that want E.164.
 */
export const optOutOutput = ({ mobile, note, source, created }: OptOutRecord) => ({
  mobile,
  mobile_e164: e164Of(mobile),
  note,
  source,
  created,
});

/** The same keys when Mobivate returned no record (a refused duplicate, a number not listed). */
export const optOutWithoutRecord = (mobile: string) => ({
  mobile,
  mobile_e164: e164Of(mobile),
  note: null,
  source: null,
  created: null,
});

/** New Opt-Out also outputs the list's id of the opt-out, by which Zapier tells new ones apart. */
export const listedOptOutOutput = (record: ListedOptOut) => ({
  id: record.id,
  ...optOutOutput(record),
});

export const optOutOutputFields = [
  { key: 'mobile', label: 'Mobile Number (Digits, With Country Code)', type: 'string' },
  e164Field('mobile', 'Mobile Number'),
  { key: 'note', label: 'Opt-Out Source Code (for Filters)', type: 'string' },
  { key: 'source', label: 'Opt-Out Source', type: 'string' },
  { key: 'created', label: 'Opted Out At', type: 'datetime' },
] as const;

/** Find Opt-Out and Add Opt-Out (the two halves of Find or Add) output the same keys. */
export const alreadyOptedOutField = {
  key: 'already_opted_out',
  label: 'Was Already Opted Out',
  type: 'boolean',
} as const;

export const listedOptOutOutputFields = [
  { key: 'id', label: 'Opt-Out ID', type: 'string' },
  ...optOutOutputFields,
] as const;

export { optOutSample };
