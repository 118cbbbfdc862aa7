import type { Bundle, ZObject } from 'zapier-platform-core';
import type { MobivateAnswer } from '../transport/answer';
import { hasTimeForRequest } from '../transport/deadline';
import { attemptMobivate, isNoAnswer, type NoAnswer } from '../transport/request';
import type { ScanLimits } from '../types';

/**
 * Pages in flight at once, at most, in a long scan (the same small fixed limit as batch sends,
 * BATCH_CONCURRENCY in batch-send.ts; docs/performance.md says why 4).
 */
export const SCAN_CONCURRENCY = 4;

/** Page sizes servers cap at are multiples of this (docs/truthful-outcomes.md, "Lists"). */
const CAP_STEP = 10;

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

/**
 * A page's answer, or why none came (a transport failure, the step's deadline), or the error its
 * request threw, kept until the page's turn comes.
 */
export type PageOutcome = { answer: MobivateAnswer } | { noAnswer: NoAnswer } | { error: unknown };

const settle = (request: Promise<MobivateAnswer | NoAnswer>): Promise<PageOutcome> =>
  request.then(
    (result) => (isNoAnswer(result) ? { noAnswer: result } : { answer: result }),
    (error: unknown) => ({ error }),
  );

/**
 * Requests a list's pages in order, up to `concurrency` of them ahead of the one being read, within
 * the scan's bounds (pages, time, the step's deadline), and says where the list ends.
 *
 * Where it ends: when the rows read reach the length the first page states (Vortex's `matches` or
 * `total`), whatever the page bound; at an empty page; or at a page shorter than the server's
 * page size. That size is the one asked for once a page has been that long; a server may cap it
 * below what was asked (100 rows while `matches` says 3,000). A short first page whose length
 * could be such a cap ends a list without a stated length only when the next page, read from
 * where it stopped, shows nothing more (one request more); a page as long as the first one
 * confirms the cap.
 *
 * How far ahead: when the list's length is known, the pages up to its end are requested at once;
 * when it is not, the first SEQUENTIAL_PAGES pages go one at a time and then one more page at a
 * time is read ahead, so a long list costs at most `concurrency - 1` requests past its end.
 */
export class PageReader {
  requests = 0;
  private launched = 0;
  private readonly inFlight = new Map<number, Promise<PageOutcome>>();
  /** Pages in flight from the one being read, and the last page the list's length implies. */
  private ahead = 1;
  private lastPage = Infinity;
  /** The rows read so far: where the next page starts when pages are not regular. */
  private rows = 0;
  /** Pages start at multiples of `size` (else at the rows read, one page at a time). */
  private regular = true;
  /** The page size the server gives: what was asked for, or a cap it showed. */
  private size: number;
  /** Whether a page of `size` rows has been seen, which makes a shorter one the last. */
  private sizeSeen = false;
  /** The length of a short first page, until the next page shows whether it is the server's cap. */
  private firstShort: number | undefined;
  private total: number | undefined;
  private readonly deadline: number;

  constructor(
    private readonly z: ZObject,
    private readonly bundle: Bundle,
    private readonly path: string,
    private readonly paging: Paging,
    private readonly limits: ScanLimits,
    private readonly concurrency: number,
  ) {
    this.size = paging.pageSize;
    this.deadline = Date.now() + limits.budgetMs;
  }

  /** The page's outcome, or undefined when the scan's bounds leave no request for it. */
  async read(page: number): Promise<PageOutcome | undefined> {
    while (this.wants(page) && this.canLaunch()) this.launch();
    const outcome = this.inFlight.get(page);
    this.inFlight.delete(page);
    return outcome;
  }

  /**
   * Whether a page of `count` elements, all of them on earlier pages, shows that the server
   * ignores where a page starts: it is a full page of the server's size, or as long as the first
   * short page whose next page was asked for to see whether it was a cap, or the list states its
   * length (its distinct rows cannot then reach it). Only a shorter repeat in a list of unstated
   * length ends the list: one that grew at its front while it was read.
   */
  ignoresPaging(count: number): boolean {
    return count >= this.size || count === this.firstShort || this.total !== undefined;
  }

  /**
   * After page `page` gave `count` elements: true when the list ends there, else prepares the
   * next pages.
   */
  async ended(page: number, count: number, body: unknown): Promise<boolean> {
    this.rows += count;
    if (page === 1) this.total = this.paging.total?.(body);
    if (this.total !== undefined && this.rows >= this.total) return true;
    if (count === 0) return true;
    if (count > this.size) {
      // More rows than asked for: the server ignores the page size. Read on one page at a time.
      await this.restart(page, false);
      return false;
    }
    if (count === this.size) return this.readOn(page);
    return this.afterShortPage(page, count);
  }

  /** Waits for the pages still in flight, so that no request outlives the scan. */
  async settled(): Promise<void> {
    await Promise.all(this.inFlight.values());
    this.inFlight.clear();
  }

  /** A page of the server's size: the list goes on; how far to read ahead. */
  private readOn(page: number): boolean {
    this.sizeSeen = true;
    if (this.total !== undefined && this.regular) {
      this.lastPage = Math.ceil(this.total / this.size);
      this.ahead = this.concurrency;
    } else if (this.regular && this.lastPage === Infinity && page >= SEQUENTIAL_PAGES) {
      this.ahead = Math.min(this.concurrency, this.ahead + 1);
    }
    return false;
  }

  /** A page shorter than the server's page size so far. */
  private async afterShortPage(page: number, count: number): Promise<boolean> {
    if (this.total !== undefined) {
      // The list's length says more rows exist: the server caps its pages (the first short page
      // shows the cap), or gave fewer this time; read on from where it stopped.
      if (!this.sizeSeen) return this.resize(page, count);
      await this.restart(page, false);
      return false;
    }
    if (this.sizeSeen) return true;
    if (this.firstShort === undefined) {
      // Nothing says whether more rows exist. Servers cap pages at a round number (100, 500):
      // a first page of such a length may be a cap, and the next page, from where it stopped,
      // tells; any other length is the list's own.
      if (count % CAP_STEP !== 0) return true;
      this.firstShort = count;
      await this.restart(page, false);
      return false;
    }
    if (count < this.firstShort) return true;
    return this.resize(page, this.firstShort, count === this.firstShort);
  }

  /** The server gives pages of `size` rows: read on in pages of that size. */
  private async resize(page: number, size: number, regular = true): Promise<boolean> {
    this.size = size;
    await this.restart(page, regular);
    return this.readOn(page);
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
    const offset = this.regular ? (page - 1) * this.size : this.rows;
    const params = this.paging.params(page, offset);
    const request = attemptMobivate(this.z, this.bundle, {
      method: 'GET',
      path: this.path,
      params,
    });
    this.inFlight.set(page, settle(request));
  }

  /**
   * Pages asked for ahead start at offsets that no longer hold: they are dropped (awaited, so no
   * request outlives the scan) and asked for again after page `page`.
   */
  private async restart(page: number, regular: boolean): Promise<void> {
    await this.settled();
    this.regular = regular;
    this.launched = page;
    this.ahead = 1;
    this.lastPage = Infinity;
  }
}
