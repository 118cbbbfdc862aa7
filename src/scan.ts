import type { Bundle, ZObject } from 'zapier-platform-core';
import { unexpectedAnswer } from './errors';
import { MAX_PAGE_SIZE, formatMobivateDate, resolveApiUrl, type Readout } from './mobivate';
import { formatCount } from './text';
import { SCAN_BUDGET_MS, callMobivate, hasTimeForRequest } from './request';

/**
 * Bounds of one scan of a Mobivate list. Zapier stops a step after 30 seconds, so a scan asks for
 * no new page after 20 seconds (each page's request gets only what is left of that) or after 25
 * pages of 1,000, whichever comes first, and says it stopped early.
 */
export const SCAN_LIMITS = { maxRequests: 25, budgetMs: SCAN_BUDGET_MS } as const;

export const DAY_MS = 86_400_000;

export interface ScanResult<Item> {
  /** The items read, in the order the API gave them, each key once. */
  items: Item[];
  /** The item `until` matched, if any. */
  match?: Item;
  /** False when the scan stopped at its bound before reading the whole window. */
  complete: boolean;
  requests: number;
  /** What could be read of each element that was skipped as unreadable (and logged). */
  skipped: Partial<Item>[];
}

export interface ScanRequest<Item> {
  path: string;
  /** The window, in epoch milliseconds, sent as startDate/endDate. */
  window: { start: number; end: number };
  /** Other query parameters (e.g. the message log's direction). */
  params?: Record<string, string>;
  /** Reads one list element tolerantly, or says why it cannot. */
  read: (element: unknown) => Readout<Item>;
  /** What one element is called in log lines and messages ("opt-out"). */
  noun: string;
  /** Identifies an item, so an item that a page shift shows twice is kept once. */
  key: (item: Item) => string;
  /** What the list should hold, for the message when it does not. */
  expected: string;
  /** Stops the scan at the first item for which this is true. */
  until?: (item: Item) => boolean;
}

/** Skipped elements logged one by one per page; the rest of the page's are counted. */
const SKIPS_LOGGED_PER_PAGE = 10;

/**
 * Reads one page's elements. An element that cannot be read is skipped with a log line that says
 * why but never quotes it (it holds phone numbers and message texts), and kept in `skipped`.
 */
const readPage = <Item>(
  z: ZObject,
  elements: unknown[],
  page: number,
  { read, noun }: Pick<ScanRequest<Item>, 'read' | 'noun'>,
  skipped: Partial<Item>[],
): Item[] => {
  const items: Item[] = [];
  let skippedHere = 0;
  elements.forEach((element, index) => {
    const readout = read(element);
    if ('record' in readout) return void items.push(readout.record);
    skipped.push(readout.partial ?? {});
    if (++skippedHere <= SKIPS_LOGGED_PER_PAGE) {
      z.console.log(
        `Skipped ${noun} ${formatCount(index + 1)} of ${formatCount(elements.length)} on page ${page}: ${readout.problem}.`,
      );
    }
  });
  const unlogged = skippedHere - SKIPS_LOGGED_PER_PAGE;
  if (unlogged > 0) {
    z.console.log(
      `Skipped ${formatCount(unlogged)} more ${noun}s on page ${page}, also unreadable.`,
    );
  }
  return items;
};

/**
 * A full page of items that were all on earlier pages: the server answers every page with the
 * same records. Reading on would repeat it until the scan's bound, and then wrongly blame the
 * list's size; stopping at once says what happened.
 */
const pagingIgnored = (z: ZObject, bundle: Bundle, path: string, page: number, noun: string) => {
  // The address was checked before the request; it holds no credential.
  const resolved = resolveApiUrl(bundle.authData?.api_url);
  const server = 'origin' in resolved ? `the server at ${resolved.origin}` : 'the server';
  return new z.errors.Error(
    `Mobivate answered the request for page ${page} of the ${noun}s with the same ${formatCount(MAX_PAGE_SIZE)} ${noun}s as an earlier page: ${server} ignores paging, so the list cannot be read in full. The step stopped rather than report a result it cannot confirm. Check the API Address of your Mobivate connection; if it is right, send this message to Mobivate support.`,
    'MobivatePagingIgnored',
  );
};

/**
 * Reads a date-filtered Mobivate list (opt-outs §2.1, message log §4.1) with the largest pages the
 * API allows. Neither list has a lookup by value or a documented order, so finding one item or the
 * newest means reading the window page by page, until a short page ends it.
 */
export const scanList = async <Item>(
  z: ZObject,
  bundle: Bundle,
  { path, window, params, read, noun, key, expected, until }: ScanRequest<Item>,
  limits: { maxRequests: number; budgetMs: number } = SCAN_LIMITS,
): Promise<ScanResult<Item>> => {
  const deadline = Date.now() + limits.budgetMs;
  const seen = new Map<string, Item>();
  const skipped: Partial<Item>[] = [];
  const result = (complete: boolean, match?: Item): ScanResult<Item> => ({
    items: [...seen.values()],
    match,
    complete,
    requests,
    skipped,
  });
  let requests = 0;
  for (let page = 1; ; page++) {
    const outOfTime = Date.now() >= deadline || !hasTimeForRequest(bundle);
    if (requests >= limits.maxRequests || outOfTime) return result(false);
    const response = await callMobivate(z, bundle, {
      method: 'GET',
      path,
      params: {
        startDate: formatMobivateDate(window.start),
        endDate: formatMobivateDate(window.end),
        ...params,
        page,
        pageSize: MAX_PAGE_SIZE,
      },
    });
    requests++;
    const body: unknown = response.data;
    if (!Array.isArray(body)) throw unexpectedAnswer(z, response, bundle, expected);
    const items = readPage(z, body, page, { read, noun }, skipped);
    // One odd record is skipped; a page of nothing but odd records means this is not the list.
    if (items.length === 0 && body.length > 0) {
      throw unexpectedAnswer(z, response, bundle, expected);
    }
    const full = body.length >= MAX_PAGE_SIZE;
    if (full && page > 1 && items.every((item) => seen.has(key(item)))) {
      throw pagingIgnored(z, bundle, path, page, noun);
    }
    for (const item of items) {
      if (!seen.has(key(item))) seen.set(key(item), item);
      if (until?.(item)) return result(true, item);
    }
    if (!full) return result(true);
  }
};
