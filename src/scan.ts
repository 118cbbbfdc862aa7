import type { Bundle, ZObject } from 'zapier-platform-core';
import { unexpectedAnswer } from './errors';
import { MAX_PAGE_SIZE, formatMobivateDate } from './mobivate';
import { STEP_BUDGET_MS, callMobivate, timeoutWithin } from './request';

/**
 * Bounds of one scan of a Mobivate list. Zapier stops a step after 30 seconds, so a scan asks for
 * no new page after 20 seconds (each page's request gets only what is left of that) or after 25
 * pages of 1,000, whichever comes first, and says it stopped early.
 */
export const SCAN_LIMITS = { maxRequests: 25, budgetMs: STEP_BUDGET_MS } as const;

export const DAY_MS = 86_400_000;

export interface ScanResult<Item> {
  /** The items read, in the order the API gave them, each key once. */
  items: Item[];
  /** The item `until` matched, if any. */
  match?: Item;
  /** False when the scan stopped at its bound before reading the whole window. */
  complete: boolean;
  requests: number;
}

export interface ScanRequest<Item> {
  path: string;
  /** The window, in epoch milliseconds, sent as startDate/endDate. */
  window: { start: number; end: number };
  /** Other query parameters (e.g. the message log's direction). */
  params?: Record<string, string>;
  /** Reads one list element, or undefined when it is not the documented shape. */
  read: (element: unknown) => Item | undefined;
  /** Identifies an item, so an item that a page shift shows twice is kept once. */
  key: (item: Item) => string;
  /** What the list should hold, for the message when it does not. */
  expected: string;
  /** Stops the scan at the first item for which this is true. */
  until?: (item: Item) => boolean;
}

/**
 * Reads a date-filtered Mobivate list (opt-outs §2.1, message log §4.1) with the largest pages the
 * API allows. Neither list has a lookup by value or a documented order, so finding one item or the
 * newest means reading the window page by page, until a short page ends it.
 */
export const scanList = async <Item>(
  z: ZObject,
  bundle: Bundle,
  { path, window, params, read, key, expected, until }: ScanRequest<Item>,
  limits: { maxRequests: number; budgetMs: number } = SCAN_LIMITS,
): Promise<ScanResult<Item>> => {
  const deadline = Date.now() + limits.budgetMs;
  const seen = new Map<string, Item>();
  const result = (complete: boolean, match?: Item): ScanResult<Item> => ({
    items: [...seen.values()],
    match,
    complete,
    requests,
  });
  let requests = 0;
  for (let page = 1; ; page++) {
    const timeoutMs = timeoutWithin(deadline);
    if (requests >= limits.maxRequests || timeoutMs === undefined) return result(false);
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
      timeoutMs,
    });
    requests++;
    const body: unknown = response.data;
    const items = Array.isArray(body) ? body.map(read) : [undefined];
    if (items.some((item) => item === undefined)) {
      throw unexpectedAnswer(z, response, bundle, expected);
    }
    for (const item of items as Item[]) {
      if (!seen.has(key(item))) seen.set(key(item), item);
      if (until?.(item)) return result(true, item);
    }
    if (items.length < MAX_PAGE_SIZE) return result(true);
  }
};
