import type { Bundle, ZObject } from 'zapier-platform-core';
import type { MobivateAnswer } from '../transport/answer';
import { hasTimeForRequest } from '../transport/deadline';
import { callMobivate } from '../transport/request';
import type { ScanLimits } from '../types';

/**
 * Pages in flight at once, at most, in a long scan (the same small fixed limit as batch sends,
 * BATCH_CONCURRENCY in batch-send.ts; docs/performance.md says why 4).
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

/** A page's answer, or the error its request ended with, kept until the page's turn comes. */
export type PageOutcome = { answer: MobivateAnswer } | { error: unknown };

const settle = (request: Promise<MobivateAnswer>): Promise<PageOutcome> =>
  request.then(
    (answer) => ({ answer }),
    (error: unknown) => ({ error }),
  );

/**
 * Requests a list's pages in order, up to `concurrency` of them ahead of the one being read, within
 * the scan's bounds (pages, time, the step's deadline). When the first page says how long the
 * list is, the pages up to its end are requested at once; when it does not, the first
 * SEQUENTIAL_PAGES pages go one at a time (most lists end there, at no extra request) and then
 * one more page at a time is read ahead, so a long list costs at most `concurrency - 1` requests
 * past its end.
 */
export class PageReader {
  requests = 0;
  private launched = 0;
  private readonly inFlight = new Map<number, Promise<PageOutcome>>();
  /** Pages in flight from the one being read, and the last page the list's length implies. */
  private ahead = 1;
  private lastPage = Infinity;
  /** Where the next page starts: after the rows read, or by page size while pages are regular. */
  private offset = 0;
  private regular = true;
  private readonly deadline: number;

  constructor(
    private readonly z: ZObject,
    private readonly bundle: Bundle,
    private readonly path: string,
    private readonly paging: Paging,
    private readonly limits: ScanLimits,
    private readonly concurrency: number,
  ) {
    this.deadline = Date.now() + limits.budgetMs;
  }

  /** The page's outcome, or undefined when the scan's bounds leave no request for it. */
  async read(page: number): Promise<PageOutcome | undefined> {
    while (this.wants(page) && this.canLaunch()) this.launch();
    const outcome = this.inFlight.get(page);
    if (!outcome) return undefined;
    this.inFlight.delete(page);
    return outcome;
  }

  /** After a page of `rows` elements was read: where the next starts, and how far to read ahead. */
  advance(page: number, rows: number, body: unknown): Promise<void> | void {
    this.offset += rows;
    if (rows > this.paging.pageSize && this.regular) return this.readOneByOne(page);
    const total = page === 1 ? this.paging.total?.(body) : undefined;
    if (total !== undefined && this.regular) {
      // The page after the last full one, which ends the list (short or empty), is the last read
      // ahead; a list that grew meanwhile is read on one page at a time.
      this.lastPage = Math.floor(total / this.paging.pageSize) + 1;
      this.ahead = this.concurrency;
    } else if (this.regular && this.lastPage === Infinity && page >= SEQUENTIAL_PAGES) {
      this.ahead = Math.min(this.concurrency, this.ahead + 1);
    }
  }

  /** Waits for the pages still in flight, so that no request outlives the scan. */
  async settled(): Promise<void> {
    await Promise.all(this.inFlight.values());
    this.inFlight.clear();
  }

  private wants(page: number): boolean {
    return (
      this.launched < page ||
      (this.launched < page + this.ahead - 1 && this.launched < this.lastPage)
    );
  }

  private canLaunch(): boolean {
    return (
      this.requests < this.limits.maxRequests &&
      Date.now() < this.deadline &&
      hasTimeForRequest(this.bundle)
    );
  }

  private launch(): void {
    const page = ++this.launched;
    this.requests++;
    const offset = this.regular ? (page - 1) * this.paging.pageSize : this.offset;
    const params = this.paging.params(page, offset);
    const request = callMobivate(this.z, this.bundle, { method: 'GET', path: this.path, params });
    this.inFlight.set(page, settle(request));
  }

  /**
   * More rows than asked for: the server ignores the page size, so pages asked for ahead start at
   * the wrong offsets. They are dropped, and the rest is read one page at a time.
   */
  private async readOneByOne(page: number): Promise<void> {
    this.regular = false;
    await this.settled();
    this.launched = page;
    this.ahead = 1;
    this.lastPage = Infinity;
  }
}
