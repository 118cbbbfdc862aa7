import { perform } from '../../src/searches/find-optout';
import { SCAN_LIMITS } from '../../src/mobivate';
import { appTester, failure, makeBundle, mobivateScope } from '../helpers';
import { expectListPage, listedOptOuts } from '../optout-list';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
// Default lookback of 365 days, and a day ahead for clock skew, in Mobivate's date format.
const START = '2025-11-26T12:00:00+0000';
const END = '2026-11-27T12:00:00+0000';
const run = (inputData: Record<string, unknown>) => appTester(perform, makeBundle(inputData));

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

describe('Find Opt-Out', () => {
  it('finds a number on the first page and outputs it with a readable source', async () => {
    expectListPage(START, END, 1, [
      { id: 7, mobile: '447700900999', note: 'API', created: NOW - 5000 },
      { id: 8, mobile: '447700900123', note: 'MO', created: Date.UTC(2026, 0, 3) },
    ]);

    const results = await run({ mobile: '+44 7700 900123' });

    expect(results).toEqual([
      {
        mobile: '447700900123',
        mobile_e164: '+447700900123',
        note: 'MO',
        source: 'Replied with an opt-out keyword',
        created: '2026-01-03T00:00:00.000Z',
        already_opted_out: true,
      },
    ]);
  });

  it('passes unknown source codes through', async () => {
    expectListPage(START, END, 1, [{ id: 9, mobile: '447700900123', note: 'HUB', created: NOW }]);
    expect(await run({ mobile: '+447700900123' })).toEqual([
      expect.objectContaining({ note: 'HUB', source: 'HUB' }),
    ]);
  });

  it('matches however Mobivate formats the stored number', async () => {
    expectListPage(START, END, 1, [{ id: 9, mobile: '+44 7700 900123', note: 'MO', created: NOW }]);
    const results = await run({ mobile: '447700900123' });
    expect(results).toHaveLength(1);
    // Output as digits, not as Mobivate formatted it.
    expect(results[0]).toMatchObject({ mobile: '447700900123', already_opted_out: true });
  });

  it('pages with the largest page size and stops as soon as the number is found', async () => {
    const pages = [0, 1, 2].map((p) =>
      listedOptOuts(1000, NOW - 100 * 86_400_000, 10_000 * (p + 1)),
    );
    pages[2]![500] = { id: 1, mobile: '447700900123', note: 'MO', created: NOW - 1000 };
    pages.forEach((records, i) => expectListPage(START, END, i + 1, records));
    // A fourth page exists but must not be asked for.

    const results = await run({ mobile: '+447700900123' });

    // The record on page 3 (its time tells it apart from the others).
    expect(results).toEqual([
      expect.objectContaining({
        mobile: '447700900123',
        created: new Date(NOW - 1000).toISOString(),
      }),
    ]);
  });

  it('returns an empty result when the whole window was read without finding the number', async () => {
    expectListPage(START, END, 1, listedOptOuts(1000, NOW - 1e9));
    expectListPage(START, END, 2, listedOptOuts(3, NOW - 1e6, 5000));

    await expect(run({ mobile: '+447700900123' })).resolves.toEqual([]);
  });

  it('returns an empty result for an empty list', async () => {
    expectListPage(START, END, 1, []);
    await expect(run({ mobile: '+447700900123' })).resolves.toEqual([]);
  });

  it('uses Lookback Days for the window', async () => {
    expectListPage('2026-10-27T12:00:00+0000', END, 1, []);
    await expect(run({ mobile: '+447700900123', lookback_days: 30 })).resolves.toEqual([]);
  });

  it(`says it could not finish, instead of "not found", after ${SCAN_LIMITS.maxRequests} full pages`, async () => {
    for (let page = 1; page <= SCAN_LIMITS.maxRequests; page++) {
      expectListPage(START, END, page, listedOptOuts(1000, NOW - 1e9, page * 100_000));
    }

    const result = await failure(run({ mobile: '+447700900123' }));

    expect(result).toMatchObject({ name: 'AppError', code: 'OptOutSearchIncomplete' });
    expect(result.message).toBe(
      `Could not finish searching the opt-out list for 447700900123: it read 150,000 opt-outs from the last 365 days in 150 requests without finding it, then stopped to stay within Zapier's limits. Whether 447700900123 is opted out is unknown. Set Lookback Days lower to search a shorter period.`,
    );
    // 150 pages of 1,000: seconds of work on a busy machine.
  }, 30_000);

  it('stops asking for pages when its time budget is spent', async () => {
    let clock = NOW;
    jest.spyOn(Date, 'now').mockImplementation(() => clock);
    for (let page = 1; page <= 3; page++) {
      mobivateScope()
        .get('/addressbook/optout')
        .query(true)
        .reply(() => {
          clock += 8_000; // each page takes 8 seconds
          return [200, listedOptOuts(1000, NOW - 1e9, page * 100_000)];
        });
    }

    const result = await failure(run({ mobile: '+447700900123' }));

    expect(result.message).toMatch(/read 3,000 opt-outs from the last 365 days in 3 requests/);
  });

  it.each(['0', '-3', '1.5', 'a year', '3651'])(
    'refuses Lookback Days %j before sending anything',
    async (days) => {
      const result = await failure(run({ mobile: '+447700900123', lookback_days: days }));
      expect(result.message).toMatch(
        new RegExp(
          `^Lookback Days "${days}" cannot be used: enter a whole number of days from 1 to 3650`,
        ),
      );
    },
  );

  it('fails on a list answer that is not a list of opt-outs', async () => {
    expectListPage(START, END, 1, [{ mobile: '447700900123', created: NOW }] as never);
    expect((await failure(run({ mobile: '+447700900123' }))).message).toMatch(
      /not with a list of opt-outs/,
    );
  });

  it('maps the list’s 400 for a bad date with Mobivate’s message', async () => {
    mobivateScope()
      .get('/addressbook/optout')
      .query(true)
      .reply(400, { code: 400, message: 'startDate: Invalid format: "2023"' });
    expect((await failure(run({ mobile: '+447700900123' }))).message).toContain(
      'startDate: Invalid format',
    );
  });
});
