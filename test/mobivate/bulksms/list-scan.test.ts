/**
 * The opt-out list as a real server may answer it, through core's handler: numbers as text and
 * text as numbers, one unreadable record among good ones, and a server that ignores `page`.
 */
import { API_KEY, authData, failure } from '../../helpers';
import { expectListPage, listedOptOuts } from '../../optout-list';
import { appLogs, runMethod } from '../../runner';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
// New Opt-Out's window: the last three days and a day ahead.
const START = '2026-11-23T12:00:00+0000';
const END = '2026-11-27T12:00:00+0000';
// Find Opt-Out's default window: 365 days and a day ahead.
const FIND_START = '2025-11-26T12:00:00+0000';

const poll = () =>
  runMethod('triggers.new_optout.operation.perform', {
    authData: authData(),
    inputData: {},
  });
const find = (mobile: string) =>
  runMethod('searches.find_optout.operation.perform', {
    authData: authData(),
    inputData: { mobile },
  });

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

describe('New Opt-Out, with records as a real server may send them', () => {
  it('reads ids, times and numbers of the other type, outputs digits, and skips only the unreadable record', async () => {
    expectListPage(START, END, 1, [
      { id: '2001', mobile: 4915112345678, note: 'MO', created: String(NOW - 1000) },
      { id: 2002, mobile: '+33 6 12 34 56 78', note: 'API', created: '2026-11-26T11:59:58+0000' },
      { id: 2003, mobile: 'ask Kim', note: 'MO', created: NOW - 3000 },
      { id: '2004', mobile: '61-412-345-678', note: 7, created: NOW - 4000 },
    ]);

    const outcome = await poll();

    expect(outcome.error).toBeUndefined();
    expect(outcome.result).toEqual([
      {
        id: '2001',
        mobile: '4915112345678',
        mobile_e164: '+4915112345678',
        note: 'MO',
        source: 'Replied with an opt-out keyword',
        created: '2026-11-26T11:59:59.000Z',
      },
      {
        id: '2002',
        mobile: '33612345678',
        mobile_e164: '+33612345678',
        note: 'API',
        source: 'Added through the API',
        created: '2026-11-26T11:59:58.000Z',
      },
      {
        id: '2004',
        mobile: '61412345678',
        mobile_e164: '+61412345678',
        note: '7',
        source: '7',
        created: '2026-11-26T11:59:56.000Z',
      },
    ]);
    expect(appLogs(outcome)).toContain(
      'Skipped opt-out 3 of 4 on page 1: it has no readable mobile number.',
    );
    expect(appLogs(outcome)).not.toContain('Kim');
  });

  it('skips a record whose time cannot be read, without logging its number', async () => {
    expectListPage(START, END, 1, [
      { id: 31, mobile: '447911123456', note: 'MO', created: 'gestern' },
      { id: 32, mobile: '4915112345678', note: 'MO', created: NOW - 5000 },
    ]);

    const outcome = await poll();

    expect(outcome.result).toEqual([
      expect.objectContaining({ id: '32', mobile: '4915112345678' }),
    ]);
    expect(appLogs(outcome)).toContain(
      'Skipped opt-out 1 of 2 on page 1: it has no readable creation time.',
    );
    expect(appLogs(outcome)).not.toMatch(/447911123456|gestern/);
  });

  it('logs ten skipped records of a page one by one and counts the rest', async () => {
    const page = listedOptOuts(1000, NOW - 2_000_000, 1) as unknown[];
    for (let i = 985; i < 1000; i++) page[i] = { id: i + 1, mobile: null, created: NOW };
    expectListPage(START, END, 1, page);
    expectListPage(START, END, 2, []);

    const outcome = await poll();

    expect(outcome.result).toHaveLength(985);
    const skips = appLogs(outcome).match(/Skipped opt-out \d+ of 1,000 on page 1: .*\./g);
    expect(new Set(skips)).toEqual(
      new Set(
        Array.from(
          { length: 10 },
          (_, i) =>
            `Skipped opt-out ${986 + i} of 1,000 on page 1: it has no readable mobile number.`,
        ),
      ),
    );
    expect(appLogs(outcome)).toContain('Skipped 5 more opt-outs on page 1, also unreadable.');
  });

  it.each([
    ['G2-shaped records', [{ msisdn: '4915112345678', created_on: '2025-11-10T21:45:12.000Z' }]],
    [
      'records without numbers',
      [
        { id: 1, note: 'MO', created: NOW },
        { id: 2, created: NOW },
      ],
    ],
  ])('still fails when no element of a page can be read: %s', async (_what, records) => {
    expectListPage(START, END, 1, records);

    const outcome = await poll();

    expect(outcome.result).toBeUndefined();
    expect(failure(outcome)).toMatchObject({
      code: 'MobivateUnexpectedAnswer',
      message: expect.stringMatching(
        /^Mobivate answered with HTTP 200 but not with a list of opt-outs/,
      ),
    });
  });
});

describe('a server that ignores the page parameter', () => {
  it('stops New Opt-Out at the repeated page, saying so rather than "more opt-outs were added"', async () => {
    const same = listedOptOuts(1000, NOW - 2_000_000, 500);
    expectListPage(START, END, 1, same);
    expectListPage(START, END, 2, same);
    // No third page is asked for: the test setup fails on any other request.

    const outcome = await poll();

    const { message, code } = failure(outcome);
    expect(code).toBe('MobivatePagingIgnored');
    expect(message).toBe(
      'Mobivate answered the request for page 2 of the opt-outs with the same 1,000 opt-outs as an earlier page: the server at https://api.mobivatebulksms.com ignores paging, so the list cannot be read in full. The step stopped rather than report a result it cannot confirm. Check the API Address of your Mobivate connection; if it is right, send this message to Mobivate support.',
    );
    expect(message).not.toMatch(/More opt-outs were added/);
    expect(JSON.stringify(outcome)).not.toContain(API_KEY);
  });

  it('stops Find Opt-Out when page 3 repeats page 1 in another order, instead of "not found"', async () => {
    const first = listedOptOuts(1000, NOW - 9e9, 1);
    expectListPage(FIND_START, END, 1, first);
    expectListPage(FIND_START, END, 2, listedOptOuts(1000, NOW - 8e9, 5001));
    expectListPage(FIND_START, END, 3, [...first].reverse());

    const outcome = await find('+61 412 345 678');

    expect(outcome.result).toBeUndefined();
    expect(failure(outcome)).toMatchObject({
      code: 'MobivatePagingIgnored',
      message: expect.stringMatching(
        /^Mobivate answered the request for page 3 of the opt-outs with the same 1,000 opt-outs as an earlier page/,
      ),
    });
  });

  it('reads on when a full page repeats all but one earlier opt-out (a page shift)', async () => {
    const first = listedOptOuts(1000, NOW - 2_000_000, 1);
    expectListPage(START, END, 1, first);
    expectListPage(START, END, 2, [
      ...first.slice(1),
      { id: 9001, mobile: '33612345678', note: 'MO', created: NOW },
    ]);
    expectListPage(START, END, 3, []);

    const outcome = await poll();

    expect(outcome.result).toHaveLength(1001);
    expect((outcome.result as { id: string }[])[0]).toMatchObject({ id: '9001' });
  });
});
