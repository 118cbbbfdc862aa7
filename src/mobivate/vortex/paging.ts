import type { Paging } from '../http/paged-scan';
import { isObject } from '../records';

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

export const vortexPaging = (filters: Record<string, string> = {}): Paging => ({
  pageSize: VORTEX_PAGE_SIZE,
  params: (_page, offset) => ({ ...filters, offset, limit: VORTEX_PAGE_SIZE }),
  list: vortexRows,
});
