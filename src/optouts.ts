import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  OPT_OUT_SOURCES,
  PATHS,
  epochMillisToIso,
  mobileDigits,
  readListedOptOut,
  type ListedOptOut,
  type OptOutRecord,
} from './mobivate';
import { scanList, type ScanResult } from './scan';

/**
 * What every opt-out operation outputs for a record Mobivate returned. The mobile number is given
 * as digits (international, no "+"), however Mobivate formatted it, so it maps straight into
 * other steps and compares as text.
 */
export const optOutOutput = (record: OptOutRecord) => ({
  mobile: mobileDigits(record.mobile) ?? record.mobile,
  note: record.note ?? null,
  source: record.note ? (OPT_OUT_SOURCES[record.note] ?? record.note) : null,
  // The record's own key, with a readable value: Mobivate sends epoch milliseconds (§2.1).
  created: epochMillisToIso(record.created),
});

/** The same keys when Mobivate returned no record (a refused duplicate, a number not listed). */
export const optOutWithoutRecord = (mobile: string) => ({
  mobile,
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

/**
 * Reads the opt-outs created in [start, end], stopping at the first for which `until` is true.
 * Records are read tolerantly and their mobile numbers normalised (see readOptOut).
 */
export const scanOptOuts = (
  z: ZObject,
  bundle: Bundle,
  window: { start: number; end: number },
  until?: (record: ListedOptOut) => boolean,
): Promise<ScanResult<ListedOptOut>> =>
  scanList(z, bundle, {
    path: PATHS.optOut,
    window,
    read: readListedOptOut,
    noun: 'opt-out',
    key: (record) => record.id,
    expected: 'a list of opt-outs ([{"id", "mobile", "note", "created"}])',
    until,
  });
