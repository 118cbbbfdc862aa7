import { appError } from '../../error-codes';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { formatCount } from '../../text';
import { resolveApiUrl } from '../address';
import { authDataOf } from '../auth-data';
import type { Readout } from '../records';
import type { ScanLimits, ScanResult } from '../types';
import type { MobivateAnswer } from './answer';
import { unexpectedAnswer } from './errors';
import { SCAN_BUDGET_MS, callMobivate, hasTimeForRequest } from './request';

/**
 * Bounds of one scan of a Mobivate list. Zapier stops a step after 30 seconds, so a scan asks for
 * no new page after 20 seconds (each page's request gets only what is left of that) or after 150
 * pages of 1,000, whichever comes first, and says it stopped early. The page bound caps the
 * requests one step spends when Mobivate answers fast; at 300 ms a page, 4 at a time, 150 pages
 * take about 12 seconds (docs/performance.md, "Why 150 pages").
 */
export const SCAN_LIMITS: ScanLimits = { maxRequests: 150, budgetMs: SCAN_BUDGET_MS };

/**
 * Bounds of a trigger's poll: 25 pages of 1,000. A poll returns every item of the window it read
 * (docs/triggers.md), and Zapier keeps at most 105,000 seen ids per Zap and takes at most 20 MB
 * from one poll; 25,000 items of a few hundred bytes stay inside both, 150,000 would not.
 */
export const POLL_LIMITS: ScanLimits = { ...SCAN_LIMITS, maxRequests: 25 };

/**
 * Pages in flight at once, at most, in a long scan (the same small fixed limit as batch sends,
 * BATCH_CONCURRENCY in src/batches.ts; docs/performance.md says why 4).
 */
export const SCAN_CONCURRENCY = 4;

/** Pages read one at a time before reading ahead, when the list does not say its length. */
export const SEQUENTIAL_PAGES = 3;

/** How one API generation pages a list (BulkSMS: page numbers; Vortex: offsets, §V2). */
export interface Paging {
  pageSize: number;
  /** The query of one page: its position, and any filter the list takes. */
  params: (page: number, offset: number) => Record<string, string | number>;
  /** The page's elements from the answer's body, or undefined when it holds no list. */
  list: (body: unknown) => unknown[] | undefined;
  /**
   * How many elements the whole list holds, when the first page's body says so (tolerantly:
   * undefined when it does not, and the list is then read without knowing its end).
   */
  total?: (body: unknown) => number | undefined;
}

export interface ScanRequest<Item> {
  path: string;
  paging: Paging;
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
  /** True when the items read so far show the rest of the list is outside the window. */
  pastWindow?: (page: Item[]) => boolean;
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
const pagingIgnored = (z: ZObject, bundle: Bundle, page: number, size: number, noun: string) => {
  // The address was checked before the request; it holds no credential.
  const resolved = resolveApiUrl(authDataOf(bundle).api_url);
  const server = 'origin' in resolved ? `the server at ${resolved.origin}` : 'the server';
  return appError(
    z,
    'MobivatePagingIgnored',
    `Mobivate answered the request for page ${page} of the ${noun}s with the same ${formatCount(size)} ${noun}s as an earlier page: ${server} ignores paging, so the list cannot be read in full. The step stopped rather than report a result it cannot confirm. Check the API Address of your Mobivate connection; if it is right, send this message to Mobivate support.`,
  );
};

/** A page's answer, or the error its request ended with, kept until the page's turn comes. */
type PageOutcome = { answer: MobivateAnswer } | { error: unknown };

const settle = (request: Promise<MobivateAnswer>): Promise<PageOutcome> =>
  request.then(
    (answer) => ({ answer }),
    (error: unknown) => ({ error }),
  );

/**
 * Reads a Mobivate list (opt-outs §2.1/§V2, message log §4.1/§V4) with the largest pages the API
 * allows. No list has a lookup by value, and the order is undocumented, so finding one item or the
 * newest means reading the window page by page, until a short page ends it.
 *
 * Pages are independent requests, so a long list is read with up to `concurrency` pages in
 * flight, and still handled strictly in page order: items keep the list's order, `until` and
 * `pastWindow` stop at the same item as a page-by-page read, and a repeated page is caught. When
 * the first page says how long the list is (Vortex's `matches`/`total`), the pages up to its end
 * are requested ahead at once; when it does not (BulkSMS), the first SEQUENTIAL_PAGES pages are
 * read one at a time (most lists end there, at no extra request) and then one more page at a
 * time is read ahead, up to the limit, so a long list costs at most `concurrency - 1` requests
 * past its end. A stopped scan waits for the pages still in flight, so no request outlives it.
 */
export const scanList = async <Item>(
  z: ZObject,
  bundle: Bundle,
  { path, paging, read, noun, key, expected, until, pastWindow }: ScanRequest<Item>,
  limits: ScanLimits = SCAN_LIMITS,
  concurrency: number = SCAN_CONCURRENCY,
): Promise<ScanResult<Item>> => {
  const deadline = Date.now() + limits.budgetMs;
  const seen = new Map<string, Item>();
  const skipped: Partial<Item>[] = [];
  const inFlight = new Map<number, Promise<PageOutcome>>();
  let requests = 0;
  let launched = 0;
  /** Pages in flight from the one being read, and the last page the list's length implies. */
  let ahead = 1;
  let lastPage = Infinity;
  const canLaunch = () =>
    requests < limits.maxRequests && Date.now() < deadline && hasTimeForRequest(bundle);
  /** Where the next page starts: after the rows read, or by page size when reading ahead. */
  let offset = 0;
  let regular = true;
  const launch = () => {
    const page = ++launched;
    requests++;
    const params = paging.params(page, regular ? (page - 1) * paging.pageSize : offset);
    inFlight.set(page, settle(callMobivate(z, bundle, { method: 'GET', path, params })));
  };
  const settled = async () => {
    await Promise.all(inFlight.values());
    inFlight.clear();
  };
  const result = async (complete: boolean, match?: Item): Promise<ScanResult<Item>> => {
    await settled();
    return { items: [...seen.values()], match, complete, requests, skipped };
  };
  for (let page = 1; ; page++) {
    while (launched < page || (launched < page + ahead - 1 && launched < lastPage)) {
      if (!canLaunch()) break;
      launch();
    }
    if (launched < page) return result(false);
    const outcome = await inFlight.get(page)!;
    inFlight.delete(page);
    if ('error' in outcome) {
      await settled();
      throw outcome.error;
    }
    const { answer } = outcome;
    const elements = paging.list(answer.data);
    if (!elements) {
      await settled();
      throw unexpectedAnswer(z, answer, bundle, expected);
    }
    const items = readPage(z, elements, page, { read, noun }, skipped);
    // One odd record is skipped; a page of nothing but odd records means this is not the list.
    if (items.length === 0 && elements.length > 0) {
      await settled();
      throw unexpectedAnswer(z, answer, bundle, expected);
    }
    const full = elements.length >= paging.pageSize;
    if (full && page > 1 && items.every((item) => seen.has(key(item)))) {
      await settled();
      throw pagingIgnored(z, bundle, page, paging.pageSize, noun);
    }
    for (const item of items) {
      if (!seen.has(key(item))) seen.set(key(item), item);
      if (until?.(item)) return result(true, item);
    }
    if (!full || pastWindow?.(items)) return result(true);
    offset += elements.length;
    if (elements.length > paging.pageSize && regular) {
      // More rows than asked for: the server ignores the page size, so pages asked for ahead
      // start at the wrong offsets. They are dropped, and the rest is read one page at a time.
      regular = false;
      await settled();
      launched = page;
      ahead = 1;
      lastPage = Infinity;
      continue;
    }
    const total = page === 1 ? paging.total?.(answer.data) : undefined;
    if (total !== undefined && regular) {
      // The page after the last full one, which ends the list (short or empty), is the last
      // read ahead; a list that grew meanwhile is read on one page at a time.
      lastPage = Math.floor(total / paging.pageSize) + 1;
      ahead = concurrency;
    } else if (regular && lastPage === Infinity && page >= SEQUENTIAL_PAGES) {
      ahead = Math.min(concurrency, ahead + 1);
    }
  }
};
