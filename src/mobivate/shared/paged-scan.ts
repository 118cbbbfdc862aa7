import type { Bundle, ZObject } from 'zapier-platform-core';
import { appError } from '../../common/error-codes';
import { formatCount } from '../../common/text';
import { resolveApiUrl } from '../transport/address';
import type { MobivateAnswer } from '../transport/answer';
import { authDataOf } from '../transport/auth-data';
import { SCAN_BUDGET_MS } from '../transport/deadline';
import { mobivateError, unexpectedAnswer } from '../transport/errors';
import { noAnswerError } from '../transport/request';
import type { ScanLimits, ScanResult } from '../types';
import { PageReader, SCAN_CONCURRENCY, type Paging } from './page-reader';
import type { Readout } from './records';

export type { Paging } from './page-reader';

/**
 * Bounds of one scan of a Mobivate list. Zapier stops a step after 30 seconds, so a scan asks for
 * no new page after 20 seconds (each page's request gets only what is left of that) or after 150
 * pages of 1,000, whichever comes first, and says it stopped early. The page bound caps the
 * requests one step spends when Mobivate answers fast; at 300 ms a page, 4 at a time, 150 pages
 * take about 12 seconds (docs/performance.md, "Why 150 pages").
 */
export const SCAN_LIMITS: ScanLimits = { maxRequests: 150, budgetMs: SCAN_BUDGET_MS };

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

/** The elements of one page's answer, or the error that says it is not the list. */
const elementsOf = <Item>(
  z: ZObject,
  bundle: Bundle,
  answer: MobivateAnswer,
  page: number,
  request: ScanRequest<Item>,
  skipped: Partial<Item>[],
): { elements: unknown[]; items: Item[] } => {
  const elements = request.paging.list(answer.data);
  if (!elements) throw unexpectedAnswer(z, answer, bundle, request.expected);
  const items = readPage(z, elements, page, request, skipped);
  // One odd record is skipped; a page of nothing but odd records means this is not the list.
  if (items.length === 0 && elements.length > 0) {
    throw unexpectedAnswer(z, answer, bundle, request.expected);
  }
  return { elements, items };
};

/**
 * Reads a Mobivate list (opt-outs §2.1/§V2, message log §4.1/§V4, contacts §V5) with the largest
 * pages the API allows. No list has a lookup by value, and the order is undocumented, so finding
 * one item or the newest means reading the window page by page, until a short page ends it.
 *
 * Pages are requested ahead by PageReader, and handled strictly in page order: items keep the
 * list's order, `until` and `pastWindow` stop at the same item as a page-by-page read, and a
 * repeated page is caught. A stopped scan waits for the pages still in flight.
 */
export const scanList = async <Item>(
  z: ZObject,
  bundle: Bundle,
  request: ScanRequest<Item>,
  limits: ScanLimits = SCAN_LIMITS,
  concurrency: number = SCAN_CONCURRENCY,
): Promise<ScanResult<Item>> => {
  const { path, paging, key, until, pastWindow } = request;
  const reader = new PageReader(z, bundle, path, paging, limits, concurrency);
  const seen = new Map<string, Item>();
  const skipped: Partial<Item>[] = [];
  const result = async (complete: boolean, match?: Item): Promise<ScanResult<Item>> => {
    await reader.settled();
    return { items: [...seen.values()], match, complete, requests: reader.requests, skipped };
  };
  for (let page = 1; ; page++) {
    const outcome = await reader.read(page);
    if (!outcome) return result(false);
    try {
      if ('error' in outcome) throw outcome.error;
      if ('noAnswer' in outcome) {
        const request = { method: 'GET' as const, path };
        if (page === 1) throw noAnswerError(z, outcome.noAnswer, request);
        // Pages had arrived: the scan could not finish, which the caller says with what it read.
        z.console.log(`Stopped the list at page ${page}: no answer (${outcome.noAnswer.kind}).`);
        return await result(false);
      }
      if (outcome.answer.status >= 300) throw mobivateError(z, outcome.answer, bundle);
      const { elements, items } = elementsOf(z, bundle, outcome.answer, page, request, skipped);
      const repeated = page > 1 && items.length > 0 && items.every((item) => seen.has(key(item)));
      if (repeated && reader.ignoresPaging(elements.length)) {
        throw pagingIgnored(z, bundle, page, elements.length, request.noun);
      }
      for (const item of items) {
        if (!seen.has(key(item))) seen.set(key(item), item);
        if (until?.(item)) return await result(true, item);
      }
      if (pastWindow?.(items)) return await result(true);
      if (await reader.ended(page, elements.length, outcome.answer.data)) {
        return await result(true);
      }
    } catch (error) {
      await reader.settled();
      throw error;
    }
  }
};
