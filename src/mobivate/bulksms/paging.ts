import type { Paging } from '../shared/paged-scan';
import { formatMobivateDate } from '../shared/times';
import type { Window } from '../types';

/** The list endpoints' page size limit (§2.1, §4.1). */
const PAGE_SIZE = 1000;

/**
 * BulkSMS lists take a date window (startDate/endDate) and page numbers, and answer with a bare
 * array (§2.1, §4.1). The array says nothing of the list's length (no `total`), so a scan reads
 * the first pages one at a time and only then reads ahead (scanList, SEQUENTIAL_PAGES).
 */
export const bulkSmsPaging = (window: Window, filters: Record<string, string> = {}): Paging => ({
  pageSize: PAGE_SIZE,
  params: (page) => ({
    startDate: formatMobivateDate(window.start),
    endDate: formatMobivateDate(window.end),
    ...filters,
    page,
    pageSize: PAGE_SIZE,
  }),
  list: (body) => (Array.isArray(body) ? body : undefined),
});
