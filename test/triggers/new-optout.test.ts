import { perform } from '../../src/triggers/new-optout';
import { appTester, makeBundle } from '../helpers';
import { expectListPage, listedOptOuts } from '../optout-list';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
// The last three days, and a day ahead for clock skew.
const START = '2026-11-23T12:00:00+0000';
const END = '2026-11-27T12:00:00+0000';
const poll = (inputData: Record<string, unknown> = {}) => appTester(perform, makeBundle(inputData));

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

describe('New Opt-Out', () => {
  it('returns the window’s opt-outs newest first, with Mobivate’s id', async () => {
    expectListPage(START, END, 1, [
      { id: 11, mobile: '447700900111', note: 'MO', created: NOW - 3000 },
      { id: 13, mobile: '447700900333', note: 'API', created: NOW - 1000 },
      { id: 12, mobile: '447700900222', note: 'MO', created: NOW - 2000 },
    ]);

    const items = await poll();

    expect(items.map((item: { id: string }) => item.id)).toEqual(['13', '12', '11']);
    expect(items[0]).toEqual({
      id: '13',
      mobile: '447700900333',
      mobile_e164: '+447700900333',
      note: 'API',
      source: 'Added through the API',
      created: '2026-11-26T11:59:59.000Z',
    });
  });

  it('reads every page of a busy window', async () => {
    expectListPage(START, END, 1, listedOptOuts(1000, NOW - 200_000_000, 1));
    expectListPage(START, END, 2, listedOptOuts(1000, NOW - 100_000_000, 1001));
    expectListPage(START, END, 3, listedOptOuts(10, NOW - 50_000, 2001));

    const items: { id: string; created: string }[] = await poll();

    expect(items).toHaveLength(2010);
    expect(items[0]!.id).toBe('2010');
    // ISO-8601 UTC times sort as text.
    expect(items.every((item, i) => i === 0 || items[i - 1]!.created >= item.created)).toBe(true);
  });

  it('never returns the same opt-out twice when it shifts onto the next page', async () => {
    const first = listedOptOuts(1000, NOW - 200_000_000, 1);
    expectListPage(START, END, 1, first);
    expectListPage(START, END, 2, [first[999], ...listedOptOuts(5, NOW - 60_000, 5000)]);

    const items: { id: string }[] = await poll();

    expect(items).toHaveLength(1005);
    expect(new Set(items.map((item) => item.id)).size).toBe(1005);
  });

  it('filters by source', async () => {
    expectListPage(START, END, 1, [
      { id: 1, mobile: '447700900111', note: 'MO', created: NOW - 3000 },
      { id: 2, mobile: '447700900222', note: 'API', created: NOW - 2000 },
    ]);

    expect(await poll({ note: 'MO' })).toEqual([expect.objectContaining({ id: '1', note: 'MO' })]);
  });

  it('returns nothing when nobody opted out', async () => {
    expectListPage(START, END, 1, []);
    await expect(poll()).resolves.toEqual([]);
  });

  it('gives the Zap editor one page of the last 30 days, its newest three, even on a busy account', async () => {
    // A full page: a poll would read on; a sample does not.
    expectListPage('2026-10-27T12:00:00+0000', END, 1, listedOptOuts(1000, NOW - 900_000, 1));

    const items = await appTester(perform, {
      ...makeBundle({}),
      meta: { isLoadingSample: true },
    });

    expect(items.map((item: { id: string }) => item.id)).toEqual(['1000', '999', '998']);
  });
});
