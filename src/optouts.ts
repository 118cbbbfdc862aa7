import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  OPT_OUT_SOURCES,
  PATHS,
  epochMillisToIso,
  isListedOptOut,
  type ListedOptOut,
  type OptOutRecord,
} from './mobivate';
import { scanList, type ScanResult } from './scan';

/** What every opt-out operation outputs for a record Mobivate returned. */
export const optOutOutput = (record: OptOutRecord) => ({
  mobile: record.mobile,
  note: record.note ?? null,
  source: record.note ? (OPT_OUT_SOURCES[record.note] ?? record.note) : null,
  created: record.created,
  created_at: epochMillisToIso(record.created),
});

/** Find Opt-Out and New Opt-Out also output the list's id of the opt-out. */
export const listedOptOutOutput = (record: ListedOptOut) => ({
  id: String(record.id),
  ...optOutOutput(record),
});

export const optOutOutputFields = [
  { key: 'mobile', label: 'Mobile Number', type: 'string' },
  { key: 'note', label: 'Opt-Out Source Code', type: 'string' },
  { key: 'source', label: 'Opt-Out Source', type: 'string' },
  { key: 'created', label: 'Opted Out At (Epoch Milliseconds)', type: 'number' },
  { key: 'created_at', label: 'Opted Out At', type: 'datetime' },
] as const;

export const listedOptOutOutputFields = [
  { key: 'id', label: 'Opt-Out ID', type: 'string' },
  ...optOutOutputFields,
] as const;

/** Reads the opt-outs created in [start, end], stopping at the first for which `until` is true. */
export const scanOptOuts = (
  z: ZObject,
  bundle: Bundle,
  window: { start: number; end: number },
  until?: (record: ListedOptOut) => boolean,
): Promise<ScanResult<ListedOptOut>> =>
  scanList(z, bundle, {
    path: PATHS.optOut,
    window,
    read: (element) => (isListedOptOut(element) ? element : undefined),
    key: (record) => String(record.id),
    expected: 'a list of opt-outs ([{"id", "mobile", "note", "created"}])',
    until,
  });
