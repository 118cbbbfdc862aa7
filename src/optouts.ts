import type { Bundle, ZObject } from 'zapier-platform-core';
import { unexpectedAnswer } from './errors';
import {
  MAX_PAGE_SIZE,
  OPT_OUT_SOURCES,
  PATHS,
  epochMillisToIso,
  formatMobivateDate,
  isListedOptOut,
  type ListedOptOut,
  type OptOutRecord,
} from './mobivate';
import { REQUEST_TIMEOUT_MS, callMobivate } from './request';

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

/**
 * Bounds of one scan of the opt-out list. Zapier stops a step after 30 seconds, so a scan stops
 * asking for pages after 20 seconds (each page's request gets only what is left of that) or after
 * 25 pages of 1,000 opt-outs, whichever comes first, and says it stopped early.
 */
export const SCAN_LIMITS = { maxRequests: 25, budgetMs: 20_000 } as const;

export interface ScanResult {
  /** The records read, in the order the API gave them, each id once. */
  records: ListedOptOut[];
  /** The record `until` matched, if any. */
  match?: ListedOptOut;
  /** False when the scan stopped at its bound before reading the whole window. */
  complete: boolean;
  requests: number;
}

/**
 * Reads the opt-outs created in [start, end] with the largest pages the API allows. The list has
 * no lookup by number and no documented order (§2.1), so finding one or the newest means reading
 * the window page by page.
 */
export const scanOptOuts = async (
  z: ZObject,
  bundle: Bundle,
  window: { start: number; end: number },
  until?: (record: ListedOptOut) => boolean,
  limits: { maxRequests: number; budgetMs: number } = SCAN_LIMITS,
): Promise<ScanResult> => {
  const deadline = Date.now() + limits.budgetMs;
  const seen = new Map<number, ListedOptOut>();
  let requests = 0;
  for (let page = 1; ; page++) {
    const remaining = deadline - Date.now();
    if (requests >= limits.maxRequests || remaining < 1_000) {
      return { records: [...seen.values()], complete: false, requests };
    }
    const response = await callMobivate(z, bundle, {
      method: 'GET',
      path: PATHS.optOut,
      params: {
        startDate: formatMobivateDate(window.start),
        endDate: formatMobivateDate(window.end),
        page,
        pageSize: MAX_PAGE_SIZE,
      },
      timeoutMs: Math.min(REQUEST_TIMEOUT_MS, remaining),
    });
    requests++;
    const body: unknown = response.data;
    if (!Array.isArray(body) || !body.every(isListedOptOut)) {
      throw unexpectedAnswer(
        z,
        response,
        bundle,
        'a list of opt-outs ([{"id", "mobile", "note", "created"}])',
      );
    }
    for (const record of body) {
      // Records added while we page can shift an item onto the next page too: keep one per id.
      if (!seen.has(record.id)) seen.set(record.id, record);
      if (until?.(record))
        return { records: [...seen.values()], match: record, complete: true, requests };
    }
    if (body.length < MAX_PAGE_SIZE)
      return { records: [...seen.values()], complete: true, requests };
  }
};

export const DAY_MS = 86_400_000;
