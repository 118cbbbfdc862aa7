/**
 * Find Opt-Out with the list as a real server may answer it, through core's handler: numbers in
 * any format and fields of the other type are read, and "not found" is said only when it follows
 * from what Mobivate listed.
 */
import { authData, failure } from '../helpers';
import { expectListPage, listedOptOuts } from '../optout-list';
import { appLogs, runMethod } from '../runner';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const START = '2025-11-26T12:00:00+0000';
const END = '2026-11-27T12:00:00+0000';

const find = (inputData: Record<string, unknown>) =>
  runMethod('searches.find_optout.operation.perform', {
    authData: authData(),
    inputData,
  });

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

describe('Find Opt-Out, with records as a real server may send them', () => {
  it.each([
    ['+33 6 12 34 56 78', { mobile: '06 12 34 56 78', default_country: 'FR' }],
    ['33-6-12-34-56-78', { mobile: '+33612345678' }],
    ['0033 612 345 678', { mobile: '+33 6 12 34 56 78' }],
    [33612345678, { mobile: '0033612345678' }],
  ])('outputs the stored number %j as digits', async (stored, inputData) => {
    expectListPage(START, END, 1, [
      { id: 40, mobile: '4915112345678', note: 'MO', created: NOW - 9000 },
      { id: 41, mobile: stored, note: 'MO', created: Date.UTC(2026, 5, 1) },
    ]);

    const outcome = await find(inputData);

    expect(outcome.result).toEqual([
      {
        mobile: '33612345678',
        mobile_e164: '+33612345678',
        note: 'MO',
        source: 'Replied with an opt-out keyword',
        created: '2026-06-01T00:00:00.000Z',
        already_opted_out: true,
      },
    ]);
  });

  it.each([
    ['epoch milliseconds as text', '1780272000000'],
    ['a Mobivate timestamp', '2026-06-01T00:00:00+0000'],
    ['an ISO timestamp with an offset', '2026-06-01T10:00:00.000+10:00'],
  ])('reads an id as text and created as %s', async (_what, created) => {
    expectListPage(START, END, 1, [{ id: '77001', mobile: '61412345678', note: 'API', created }]);

    const outcome = await find({ mobile: '+61 412 345 678' });

    expect(outcome.result).toEqual([
      {
        mobile: '61412345678',
        mobile_e164: '+61412345678',
        note: 'API',
        source: 'Added through the API',
        created: '2026-06-01T00:00:00.000Z',
        already_opted_out: true,
      },
    ]);
  });

  it('finds the number past a record it cannot read, and logs only why', async () => {
    const records = listedOptOuts(3, NOW - 60_000, 10) as unknown[];
    records[1] = { id: 11, mobile: ['4915112345678'], note: 'MO', created: NOW };
    records.push({ id: 13, mobile: '61412345678', note: 'MO', created: NOW - 1000 });
    expectListPage(START, END, 1, records);

    const outcome = await find({ mobile: '+61412345678' });

    expect(outcome.result).toEqual([
      expect.objectContaining({
        mobile: '61412345678',
        created: new Date(NOW - 1000).toISOString(),
      }),
    ]);
    expect(appLogs(outcome)).toContain(
      'Skipped opt-out 2 of 4 on page 1: it has no readable mobile number.',
    );
    expect(appLogs(outcome)).not.toMatch(/4915112345678|61412345678/);
  });

  it('does not say "not found" when a record it could not read may be the number', async () => {
    expectListPage(START, END, 1, [
      { id: 1, mobile: '4915112345678', note: 'MO', created: NOW },
      { id: 2, mobile: { e164: '+61412345678' }, note: 'MO', created: NOW },
    ]);

    const outcome = await find({ mobile: '+61412345678' });

    expect(outcome.result).toBeUndefined();
    expect(failure(outcome)).toEqual({
      name: 'AppError',
      code: 'OptOutSearchInconclusive',
      message:
        'Could not tell whether 61412345678 is opted out: 1 of the opt-outs Mobivate listed had no readable mobile number (the log says which), and 61412345678 was not among the others. Send this message to Mobivate support.',
    });
    expect(appLogs(outcome)).toContain(
      'Skipped opt-out 2 of 2 on page 1: it has no readable mobile number.',
    );
  });

  it('says the number is listed when its own record cannot be read in full', async () => {
    expectListPage(START, END, 1, [
      { id: 1, mobile: '4915112345678', note: 'MO', created: NOW },
      { id: 2, mobile: '+61 412 345 678', note: 'MO', created: 'vorgestern' },
    ]);

    const outcome = await find({ mobile: '+61412345678' });

    expect(failure(outcome)).toMatchObject({
      code: 'OptOutRecordUnreadable',
      message: expect.stringMatching(
        /^Mobivate lists 61412345678 on the opt-out list, but its record could not be read in full/,
      ),
    });
    expect(appLogs(outcome)).not.toContain('vorgestern');
  });

  it('says "not found" when the only unreadable record has another number', async () => {
    expectListPage(START, END, 1, [
      { id: 1, mobile: '4915112345678', note: 'MO', created: NOW },
      { id: 2, mobile: '33612345678', note: 'MO', created: null },
    ]);

    const outcome = await find({ mobile: '+61412345678' });

    expect(outcome.error).toBeUndefined();
    expect(outcome.result).toEqual([]);
    expect(appLogs(outcome)).toContain(
      'Skipped opt-out 2 of 2 on page 1: it has no readable creation time.',
    );
  });
});
