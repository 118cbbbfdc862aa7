import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { scanList, type Paging, type ScanRequest } from '../../../src/mobivate/shared/paged-scan';
import { vortexTotal } from '../../../src/mobivate/vortex/paging';
import { appTester, failure, makeBundle, mobivateScope } from '../../helpers';

const PAGE = 10;
interface Row {
  id: string;
}

/** A list of `size` rows, ids r1, r2, …; `total` is what its first page says it holds. */
const rows = (from: number, count: number): Row[] =>
  Array.from({ length: Math.max(0, count) }, (_, i) => ({ id: `r${from + i + 1}` }));

const paging = (withTotal: boolean): Paging => ({
  pageSize: PAGE,
  params: (page, offset) => ({ page, offset }),
  list: (body) => {
    const list = withTotal ? (body as { results?: unknown }).results : body;
    return Array.isArray(list) ? list : undefined;
  },
  total: withTotal ? vortexTotal : undefined,
});

const request = (withTotal: boolean, extra: Partial<ScanRequest<Row>> = {}): ScanRequest<Row> => ({
  path: '/list',
  paging: paging(withTotal),
  read: (element) => ({ record: element as Row }),
  noun: 'row',
  key: (row) => row.id,
  expected: 'a list of rows',
  ...extra,
});

const scan = (scanRequest: ScanRequest<Row>, limits = { maxRequests: 25, budgetMs: 20_000 }) =>
  appTester(
    (z: ZObject, bundle: Bundle) => scanList(z, bundle, scanRequest, limits),
    makeBundle({}),
  );

/**
 * A list server: `count` requests exactly (nock fails the test on any other), each answered by
 * `answer` for its page after `delayMs`; counts requests in flight and the pages asked for.
 */
const listServer = (
  count: number,
  answer: (page: number) => [number, nock.Body],
  delayMs: (page: number) => number = () => 10,
) => {
  const traffic = { inFlight: 0, maxInFlight: 0, pages: [] as number[], beforeFirst: 0 };
  let firstAnswered = false;
  mobivateScope()
    .get('/list')
    .query(true)
    .times(count)
    .reply(function (uri, _body, callback) {
      const page = Number(new URL(uri, 'http://x').searchParams.get('page'));
      if (page !== 1 && !firstAnswered) traffic.beforeFirst++;
      traffic.pages.push(page);
      traffic.inFlight++;
      traffic.maxInFlight = Math.max(traffic.maxInFlight, traffic.inFlight);
      setTimeout(() => {
        traffic.inFlight--;
        if (page === 1) firstAnswered = true;
        callback(null, answer(page));
      }, delayMs(page));
    });
  return traffic;
};

/** BulkSMS-like: bare arrays, `size` rows in all. */
const bareList = (size: number) => (page: number) =>
  [200, rows((page - 1) * PAGE, Math.min(PAGE, size - (page - 1) * PAGE))] as [number, nock.Body];

/** Vortex-like: `{results, matches}`, `size` rows in all. */
const vortexList = (size: number, said?: unknown) => (page: number) =>
  [
    200,
    {
      results: rows((page - 1) * PAGE, Math.min(PAGE, size - (page - 1) * PAGE)),
      ...(said === undefined ? {} : { matches: said }),
    },
  ] as [number, nock.Body];

/** Answers `count` requests, each offset with `answer(offset)`; records the offsets asked for. */
const byOffset = (count: number, answer: (offset: number) => nock.Body) => {
  const offsets: number[] = [];
  mobivateScope()
    .get('/list')
    .query(true)
    .times(count)
    .reply((uri) => {
      const offset = Number(new URL(uri, 'http://x').searchParams.get('offset'));
      offsets.push(offset);
      return [200, answer(offset)];
    });
  return offsets;
};

const ids = (list: Row[]) => list.map((row) => row.id);

describe('scanList with pages in flight', () => {
  it('reads a long list without a length 3 pages one by one, then at most 4 at once, in order', async () => {
    // 105 rows: pages 1 to 10 full, 11 short; pages 12 to 14 were read ahead past the end.
    const traffic = listServer(14, bareList(105), (page) => (page % 3) * 10);

    const result = await scan(request(false));

    expect(ids(result.items)).toEqual(ids(rows(0, 105)));
    expect(result).toMatchObject({ complete: true, requests: 14 });
    expect(traffic.pages.slice(0, 3)).toEqual([1, 2, 3]);
    expect(traffic.maxInFlight).toBeLessThanOrEqual(4);
    expect(traffic.maxInFlight).toBeGreaterThan(1);
  });

  it('costs no extra request for a list that ends within its first 3 pages', async () => {
    const traffic = listServer(3, bareList(25));
    const result = await scan(request(false));
    expect(result).toMatchObject({ complete: true, requests: 3 });
    expect(traffic.maxInFlight).toBe(1);
  });

  it('reads the pages a first page announces all at once (at most 4), and none past them', async () => {
    const traffic = listServer(5, vortexList(45, 45));

    const result = await scan(request(true));

    expect(ids(result.items)).toEqual(ids(rows(0, 45)));
    expect(result).toMatchObject({ complete: true, requests: 5 });
    expect(traffic.beforeFirst).toBe(0);
    expect(traffic.maxInFlight).toBe(4);
  });

  it.each([
    ['absent', undefined],
    ['not a number', 'many'],
  ])('reads one page at a time when the length is %s', async (_case, said) => {
    const traffic = listServer(3, vortexList(25, said));
    const result = await scan(request(true));
    expect(result).toMatchObject({ complete: true, requests: 3 });
    expect(traffic.maxInFlight).toBe(1);
  });

  // Changed on purpose (issue 21): a list ends where the length its first page states is
  // reached, whatever the page bound; it used to read on past it.
  it('ends where the length the first page states is reached', async () => {
    // The first page says 30; 35 are there by the time the pages are read.
    const traffic = listServer(3, vortexList(35, 30));
    const result = await scan(request(true));
    expect(ids(result.items)).toEqual(ids(rows(0, 30)));
    expect(result).toMatchObject({ complete: true, requests: 3 });
    expect(traffic.maxInFlight).toBeLessThanOrEqual(3);
  });

  it('ends at its stated length even when that is the last page its bound allows', async () => {
    listServer(3, vortexList(30, 30));
    const result = await scan(request(true), { maxRequests: 3, budgetMs: 20_000 });
    expect(result).toMatchObject({ complete: true, requests: 3 });
  });

  it('stops at the first match in page order, though later pages answered first', async () => {
    // r25 is on page 3; pages 2 to 5 are in flight together, the later ones answering first.
    listServer(5, vortexList(45, 45), (page) => (page === 1 ? 0 : 60 - page * 10));

    const result = await scan(request(true, { until: (row) => row.id === 'r25' }));

    expect(result.match).toEqual({ id: 'r25' });
    expect(ids(result.items)).toEqual(ids(rows(0, 25)));
    expect(result).toMatchObject({ complete: true, requests: 5 });
  });

  it('says the scan is incomplete when it stops at its request bound, with every page in order', async () => {
    listServer(6, vortexList(200, 200));
    const result = await scan(request(true), { maxRequests: 6, budgetMs: 20_000 });
    expect(result).toMatchObject({ complete: false, requests: 6 });
    expect(ids(result.items)).toEqual(ids(rows(0, 60)));
  });

  it('catches a server that ignores paging, though several pages were in flight', async () => {
    listServer(5, () => [200, { results: rows(0, PAGE), matches: 45 }]);
    const result = await failure(scan(request(true)));
    expect(result).toMatchObject({ name: 'AppError', code: 'MobivatePagingIgnored' });
    expect(result.message).toMatch(/^Mobivate answered the request for page 2 of the rows/);
  });

  // Changed on purpose (issue 20): with a stated length, a short page ends the list only when
  // nothing says more rows exist; this one used a length that made it read past the end.
  it('fails with the first failing page in order, not with one after the end', async () => {
    listServer(5, (page) => (page === 5 ? [500, { message: 'Oops' }] : bareList(35)(page)));
    const result = await scan(request(false));
    expect(result).toMatchObject({ complete: true, requests: 5 });
    expect(ids(result.items)).toEqual(ids(rows(0, 35)));
  });

  it.each([
    ['an empty page', [200, { results: [], matches: 45 }], 'complete'],
    ['a failing page', [500, { message: 'Oops' }], 'error'],
  ] as const)(
    'reads on past a short page while the stated length says more rows exist: then %s',
    async (_name, after, outcome) => {
      // 35 rows where the first page said 45 (opt-outs deleted meanwhile).
      const offsets: number[] = [];
      mobivateScope()
        .get('/list')
        .query(true)
        .times(6)
        .reply((uri) => {
          const offset = Number(new URL(uri, 'http://x').searchParams.get('offset'));
          offsets.push(offset);
          if (offset === 35) return after as unknown as [number, nock.Body];
          return [
            200,
            { results: rows(offset, Math.max(0, Math.min(PAGE, 35 - offset))), matches: 45 },
          ];
        });
      if (outcome === 'complete') {
        const result = await scan(request(true));
        expect(result).toMatchObject({ complete: true, requests: 6 });
        expect(ids(result.items)).toEqual(ids(rows(0, 35)));
      } else {
        expect((await failure(scan(request(true)))).message).toMatch(/HTTP 500/);
      }
      // Pages 1 to 5 went ahead by the stated length; page 5 again from where page 4 stopped.
      expect([...offsets].sort((a, b) => a - b)).toEqual([0, 10, 20, 30, 35, 40]);
    },
  );

  it('says the scan could not finish, with the pages read, when a later page gets no answer', async () => {
    mobivateScope().get('/list').query({ page: 1, offset: 0 }).reply(200, rows(0, PAGE));
    mobivateScope()
      .get('/list')
      .query({ page: 2, offset: PAGE })
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));

    const result = await scan(request(false));

    expect(result).toMatchObject({ complete: false, requests: 2, match: undefined });
    expect(ids(result.items)).toEqual(ids(rows(0, PAGE)));
  });

  it('fails when the first page gets no answer: nothing was read', async () => {
    mobivateScope()
      .get('/list')
      .query(true)
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const result = await failure(scan(request(false)));
    expect(result.message).toMatch(/connection was reset/);
  });

  it('fails with a page’s error when the pages before it were full', async () => {
    listServer(5, (page) =>
      page === 3 ? [500, { code: 500, message: 'Oops' }] : vortexList(45, 45)(page),
    );
    const result = await failure(scan(request(true)));
    expect(result.message).toMatch(/HTTP 500/);
  });
});

describe('scanList when the server ignores the page size', () => {
  it('reads on from the rows it got, one page at a time', async () => {
    // 23 rows; the server answers up to 15 from the offset asked for, whatever the limit.
    const offsets = byOffset(2, (offset) => ({
      results: rows(offset, Math.min(15, 23 - offset)),
      matches: 23,
    }));

    const result = await scan(request(true));

    expect(ids(result.items)).toEqual(ids(rows(0, 23)));
    expect(result).toMatchObject({ complete: true, requests: 2 });
    expect(offsets).toEqual([0, 15]);
  });

  it('reads on from the rows it got when the list does not say its length', async () => {
    // 23 rows, bare; the server answers up to 15 from the offset asked for.
    const offsets = byOffset(2, (offset) => rows(offset, Math.min(15, 23 - offset)));

    const result = await scan(request(false));

    expect(ids(result.items)).toEqual(ids(rows(0, 23)));
    expect(result).toMatchObject({ complete: true, requests: 2 });
    expect(offsets).toEqual([0, 15]);
  });
});

describe('scanList when a page repeats rows read before', () => {
  it('ends at a short repeat when nothing says more rows exist: the list grew at its front', async () => {
    // 10 rows read; 4 were added at the front, so the next page holds the last 4 read again.
    byOffset(2, (offset) => (offset === 0 ? rows(0, 10) : rows(6, 4)));
    const result = await scan(request(false));
    expect(result).toMatchObject({ complete: true, requests: 2 });
    expect(ids(result.items)).toEqual(ids(rows(0, 10)));
  });

  it('stops with an error at a full repeat of a list that does not say its length', async () => {
    byOffset(2, () => rows(0, PAGE));
    const error = await failure(scan(request(false)));
    expect(error).toMatchObject({ name: 'AppError', code: 'MobivatePagingIgnored' });
    expect(error.message).toMatch(/page 2 of the rows with the same 10 rows/);
  });

  it('stops with an error at a short repeat while the stated length says more rows exist', async () => {
    // Pages 2 to 5 go ahead at once, as the stated length allows.
    byOffset(5, (offset) => ({ results: offset === 0 ? rows(0, 10) : rows(0, 5), matches: 45 }));
    const error = await failure(scan(request(true)));
    expect(error).toMatchObject({ name: 'AppError', code: 'MobivatePagingIgnored' });
    expect(error.message).toMatch(
      /^Mobivate answered the request for page 2 of the rows with the same 5 rows/,
    );
  });
});

describe('scanList when a first page is short and a round number', () => {
  // Pages of 100 asked for: a first page of 30 may be the server's cap, and the next one tells.
  const large: Paging = { ...paging(false), pageSize: 100 };
  const scanLarge = (answer: (offset: number) => Row[], count: number) => {
    const offsets = byOffset(count, answer);
    return { offsets, result: scan(request(false, { paging: large })) };
  };
  /** A list of `size` rows from a server that gives at most `cap` rows a page. */
  const capped = (size: number, cap: number) => (offset: number) =>
    rows(offset, Math.min(cap, size - offset));

  it('reads on in pages of the cap it showed', async () => {
    const { offsets, result } = scanLarge(capped(75, 30), 3);
    expect(ids((await result).items)).toEqual(ids(rows(0, 75)));
    expect(await result).toMatchObject({ complete: true, requests: 3 });
    expect(offsets).toEqual([0, 30, 60]);
  });

  it('ends at the next page when it is shorter than the first', async () => {
    const { offsets, result } = scanLarge(capped(50, 30), 2);
    expect(await result).toMatchObject({ complete: true, requests: 2 });
    expect(ids((await result).items)).toEqual(ids(rows(0, 50)));
    expect(offsets).toEqual([0, 30]);
  });

  it('ends at an empty next page: the first page was the whole list', async () => {
    const { result } = scanLarge(capped(40, 100), 2);
    expect(await result).toMatchObject({ complete: true, requests: 2 });
    expect(ids((await result).items)).toEqual(ids(rows(0, 40)));
  });

  it('stops with an error when the next page repeats the first: the cap cannot be read past', async () => {
    const { result } = scanLarge(() => rows(0, 30), 2);
    const error = await failure(result);
    expect(error).toMatchObject({ name: 'AppError', code: 'MobivatePagingIgnored' });
  });
});

describe('scanList when a request throws', () => {
  it('fails with that error, once the pages in flight are done', async () => {
    mobivateScope().get('/list').query(true).reply(200, rows(0, PAGE));
    let calls = 0;
    const error = await failure(
      appTester((z: ZObject, bundle: Bundle) => {
        // A fault inside the request itself (not a transport failure) on the second page.
        const faulty = Object.create(z) as ZObject;
        faulty.request = ((options: never) =>
          ++calls === 2 ? Promise.reject(new TypeError('boom')) : z.request(options)) as never;
        return scanList(faulty, bundle, request(false), { maxRequests: 25, budgetMs: 20_000 });
      }, makeBundle({})),
    );
    expect(error).toMatchObject({ name: 'TypeError', message: 'boom' });
  });
});

describe('vortexTotal', () => {
  it.each([
    [{ matches: 5000 }, 5000],
    [{ total: '1200' }, 1200],
    [{ matches: 0, total: 7 }, 0],
    [{ matches: -1 }, undefined],
    [{ matches: 1.5 }, undefined],
    [{ matches: 'lots' }, undefined],
    [{}, undefined],
    [[], undefined],
    [null, undefined],
  ])('%j → %s', (body, total) => {
    expect(vortexTotal(body)).toBe(total);
  });
});

afterEach(() => nock.cleanAll());
