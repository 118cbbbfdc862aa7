/**
 * Lists read the way real servers page them: a server that caps its pages below the size asked
 * for, and one that ignores the order asked for. A short page ends a list only when nothing says
 * more rows exist, and a scan stops early only on an order the rows show. Through core's handler
 * against the stand-in, on both APIs.
 */
import { computed, type ReceivedRequest } from '../standin/server';
import { runAgainst, useStandIn } from '../standin/use';

const standIn = useStandIn();
const NOW = Date.now();
const vortex = { authData: { api_platform: 'vortex' } };
const mobileOf = (i: number) => `614${String(10_000_000 + i)}`;

/** A BulkSMS opt-out list of `size` rows that answers at most `cap` rows a page, by page number. */
const bulkList = (size: number, cap: number) =>
  computed((request: ReceivedRequest) => {
    const page = Number(request.query.get('page'));
    const first = (page - 1) * cap;
    const body = Array.from({ length: Math.max(0, Math.min(cap, size - first)) }, (_, i) => ({
      id: first + i + 1,
      mobile: mobileOf(first + i),
      note: 'MO',
      created: NOW - (first + i) * 1000,
    }));
    return { status: 200, body };
  });

/** A Vortex opt-out list in the given order that answers at most `cap` rows from the offset. */
const vortexList = (rows: { msisdn: string; created_at: string }[], cap: number, said = true) =>
  computed((request: ReceivedRequest) => {
    const offset = Number(request.query.get('offset'));
    const results = rows
      .slice(offset, offset + cap)
      .map((row, i) => ({ id: `o${offset + i}`, ...row }));
    return {
      status: 200,
      body: { type: 'Optouts', results, ...(said ? { matches: rows.length } : {}) },
    };
  });

const newestFirst = (size: number) =>
  Array.from({ length: size }, (_, i) => ({
    msisdn: mobileOf(i),
    created_at: new Date(NOW - i * 60_000).toISOString(),
  }));

const find = (mobile: string, extra = {}) =>
  runAgainst(standIn(), 'searches.find_optout.operation.perform', { mobile: `+${mobile}` }, extra);
const poll = (extra = {}) =>
  runAgainst(standIn(), 'triggers.new_optout.operation.perform', {}, extra);

describe('a server that caps its pages', () => {
  it.each([
    [500, 700],
    [250, 600],
    [100, 150],
  ])('BulkSMS capping at %i: Find Opt-Out still finds row %i', async (cap, row) => {
    standIn().on('GET /addressbook/optout', bulkList(1_200, cap));
    const outcome = await find(mobileOf(row));
    expect(outcome.result).toEqual([expect.objectContaining({ mobile: mobileOf(row) })]);
  });

  it('BulkSMS capping at 100: New Opt-Out returns every row, none skipped', async () => {
    standIn().on('GET /addressbook/optout', bulkList(230, 100));
    const outcome = await poll();
    expect((outcome.result as unknown[]).length).toBe(230);
  });

  it('a short BulkSMS list costs one more request only when its length could be a cap', async () => {
    standIn().on('GET /addressbook/optout', bulkList(20, 1000));
    expect(((await poll()).result as unknown[]).length).toBe(20);
    expect(standIn().received.map((r) => r.query.get('page'))).toEqual(['1', '2']);
    standIn().reset();
    standIn().on('GET /addressbook/optout', bulkList(23, 1000));
    expect(((await poll()).result as unknown[]).length).toBe(23);
    expect(standIn().received).toHaveLength(1);
  });

  it.each([
    [100, 2_500],
    [250, 2_999],
  ])(
    'Vortex capping at %i while matches says 3,000: Find Opt-Out finds row %i',
    async (cap, row) => {
      standIn().on('GET /addressbook/optouts', vortexList(newestFirst(3_000), cap));
      const outcome = await find(mobileOf(row), vortex);
      expect(outcome.result).toEqual([expect.objectContaining({ mobile: mobileOf(row) })]);
    },
  );

  it('Vortex capping at 100 without a stated length: New Opt-Out returns all 300', async () => {
    standIn().on('GET /addressbook/optouts', vortexList(newestFirst(300), 100, false));
    expect(((await poll(vortex)).result as unknown[]).length).toBe(300);
  });
});

describe('a server that ignores the order asked for', () => {
  /** Oldest first: 1,200 rows of one bulk upload a month ago, then the newer ones. */
  const ascending = (newer: number) => [
    ...Array.from({ length: 1_200 }, (_, i) => ({
      msisdn: mobileOf(i),
      created_at: new Date(NOW - 30 * 86_400_000).toISOString(),
    })),
    ...Array.from({ length: newer }, (_, i) => ({
      msisdn: mobileOf(5_000 + i),
      created_at: new Date(NOW - (newer - i) * 60_000).toISOString(),
    })),
  ];

  it('Find Opt-Out finds a recent number after an old bulk upload', async () => {
    standIn().on('GET /addressbook/optouts', vortexList(ascending(50), 1000));
    const outcome = await find(mobileOf(5_040), { ...vortex });
    expect(outcome.result).toEqual([expect.objectContaining({ mobile: mobileOf(5_040) })]);
  });

  it('New Opt-Out returns the recent opt-outs after an old bulk upload', async () => {
    standIn().on('GET /addressbook/optouts', vortexList(ascending(50), 1000, false));
    expect(((await poll(vortex)).result as unknown[]).length).toBe(50);
  });

  it('a list that is newest first is still left unread past the window', async () => {
    const rows = [
      ...newestFirst(10),
      ...Array.from({ length: 3_000 }, (_, i) => ({
        msisdn: mobileOf(100 + i),
        created_at: new Date(NOW - 10 * 86_400_000 - i * 1000).toISOString(),
      })),
    ];
    standIn().on('GET /addressbook/optouts', vortexList(rows, 1000));
    expect(((await poll(vortex)).result as unknown[]).length).toBe(10);
    expect(standIn().received).toHaveLength(1);
  });

  it('Find Opt-Out says "not found" only after reading the whole unordered list', async () => {
    standIn().on('GET /addressbook/optouts', vortexList(ascending(5), 1000));
    const outcome = await find(mobileOf(9_999), vortex);
    expect(outcome.result).toEqual([]);
    expect(standIn().received).toHaveLength(2);
  });
});
