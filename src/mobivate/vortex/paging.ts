import type { Paging } from '../shared/paged-scan';
import { isObject } from '../shared/records';

/**
 * Vortex pages on offset/limit (§V2). `limit` above 5,000 has answered 502 live, and a 5,000-row
 * page took about 10 seconds; 1,000 rows keep one page well inside a request's 12 seconds
 * (docs/performance.md measures it).
 */
export const VORTEX_PAGE_SIZE = 1000;

/**
 * The rows of a Vortex list answer: documented `{"success", "records", "total"}`, seen live
 * `{"type", "results", "matches", "scanned"}` (§9 #24, #25); a bare array is read too.
 */
export const vortexRows = (body: unknown): unknown[] | undefined => {
  if (Array.isArray(body)) return body;
  if (!isObject(body)) return undefined;
  const rows = body.results ?? body.records;
  return Array.isArray(rows) ? rows : undefined;
};

/**
 * How many rows the whole list holds, from the first page: `matches` as seen live, `total` as
 * documented (§V2), a whole number or its digits; undefined when neither is there or readable, and
 * the list is then read without knowing its end. Opt-outs that arrive while paging can make the
 * list longer than it said, so it only tells how far to read ahead, never where to stop.
 */
export const vortexTotal = (body: unknown): number | undefined => {
  if (!isObject(body)) return undefined;
  for (const value of [body.matches, body.total]) {
    const count =
      typeof value === 'string' && /^\d{1,12}$/.test(value.trim()) ? Number(value) : value;
    if (typeof count === 'number' && Number.isSafeInteger(count) && count >= 0) return count;
  }
  return undefined;
};

export const vortexPaging = (filters: Record<string, string> = {}): Paging => ({
  pageSize: VORTEX_PAGE_SIZE,
  params: (_page, offset) => ({ ...filters, offset, limit: VORTEX_PAGE_SIZE }),
  list: vortexRows,
  total: vortexTotal,
});
