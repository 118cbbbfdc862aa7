/**
 * Opt-outs on a Vortex connection, through core's handler, against the documented answer shapes,
 * the shapes seen live (docs/mobivate-api.md §9 #24), and mixes nobody has seen yet.
 */
import { API_KEY, failure, VORTEX_URL, vortexAuth, vortexScope } from '../../helpers';
import { runOn, userMessage } from '../../runner';

const NOW = Date.UTC(2026, 10, 27, 12);
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

describe('Add Opt-Out on Vortex', () => {
  const add = () =>
    runOn(vortexAuth(), 'creates.add_optout.operation.perform', { mobile: '+61 412 345 678' });

  it.each([
    [
      'documented',
      { success: true, record: { msisdn: '61412345678', created_on: '2026-11-27T12:00:00.000Z' } },
    ],
    ['a bare record', { msisdn: 61412345678, note: 'API', created_at: '2026-11-27T12:00:00Z' }],
  ])('sends {"msisdn"} and reads %s', async (_shape, body) => {
    vortexScope().post('/addressbook/optouts', { msisdn: '61412345678' }).reply(200, body);
    const { result } = await add();
    expect(result).toMatchObject({
      mobile: '61412345678',
      created: '2026-11-27T12:00:00.000Z',
      already_opted_out: false,
    });
  });

  // Changed on purpose (issue 20): without a record nothing shows whether the number was listed
  // before, so "already" is unknown (null), no longer false.
  it('reads {"success": true} without a record as added, with empty record fields', async () => {
    vortexScope().post('/addressbook/optouts').reply(200, { success: true });
    expect((await add()).result).toEqual({
      mobile: '61412345678',
      mobile_e164: '+61412345678',
      note: null,
      source: null,
      created: null,
      already_opted_out: null,
    });
  });

  it('counts "already" only when Mobivate says so', async () => {
    vortexScope()
      .post('/addressbook/optouts')
      .reply(400, { success: false, error: 'msisdn already exists' });
    expect((await add()).result).toMatchObject({ already_opted_out: true });
    vortexScope()
      .post('/addressbook/optouts')
      .reply(400, { success: false, error: 'Invalid msisdn' });
    expect(failure(await add()).message).toMatch(/rejected the request: "Invalid msisdn"/);
  });

  it('names the missing permission of a 403', async () => {
    vortexScope()
      .post('/addressbook/optouts')
      .reply(403, { error: 'API Key is not permitted to perform this action. (create:Optouts)' });
    expect(failure(await add()).message).toMatch(/lacks the permission create:Optouts: tick it/);
  });
});

describe('Delete Opt-Out on Vortex', () => {
  const remove = (inputs = {}) =>
    runOn(vortexAuth(), 'creates.delete_optout.operation.perform', {
      mobile: '+61412345678',
      ...inputs,
    });

  it('sends DELETE with the number in the path and no body; Vortex returns no record', async () => {
    vortexScope()
      .delete('/addressbook/optouts/61412345678', (body) => body === '' || body === undefined)
      .reply(200, { success: true });
    expect((await remove()).result).toEqual({
      mobile: '61412345678',
      mobile_e164: '+61412345678',
      note: null,
      source: null,
      created: null,
      removed: true,
    });
  });

  // Changed on purpose (issue 19): a JSON 404 counts only in Mobivate's own words; a bare
  // {"error": "Not Found"} is a framework's, below.
  it('reads a 404 in Mobivate\'s words as "not on the list", with no second route', async () => {
    vortexScope()
      .delete('/addressbook/optouts/61412345678')
      .reply(404, { error: 'Optout not found for this number' });
    expect((await remove()).result).toMatchObject({ removed: false });
    vortexScope()
      .delete('/addressbook/optouts/61412345678')
      .reply(404, { success: false, error: 'No such opt-out' });
    expect(failure(await remove({ when_not_opted_out: 'fail' })).message).toMatch(
      /is not on the Mobivate opt-out list.*"No such opt-out"/,
    );
  });

  it.each([
    ['a web page', '<html><h1>404 Not Found</h1></html>'],
    ['a router', { error: 'Cannot DELETE /addressbook/optouts/61412345678' }],
    ['a bare "Not Found"', { error: 'Not Found' }],
    ['Spring', { timestamp: 't', status: 404, error: 'Not Found', path: '/addressbook/optouts' }],
    ['a message of "Not Found"', { message: 'Not Found' }],
  ])('does not read %s as "not on the list"', async (_what, body) => {
    vortexScope().delete('/addressbook/optouts/61412345678').reply(404, body);
    const outcome = await remove();
    expect(outcome.result).toBeUndefined();
    expect(failure(outcome).message).toMatch(/HTTP 404/);
  });
});

describe('Find Opt-Out and New Opt-Out on Vortex', () => {
  const page = (offset: number) =>
    vortexScope()
      .get('/addressbook/optouts')
      .query({
        sortField: 'created_at',
        sortDir: 'DESC',
        offset: String(offset),
        limit: '1000',
      });
  const day = 86_400_000;
  /** The length of the list the next test pages through: what `matches`/`total` says. */
  const LIST_LENGTH = 1002;

  it.each([
    [
      'documented',
      (i: number) => ({
        msisdn: `614000${String(i).padStart(5, '0')}`,
        created_on: new Date(NOW - i * 1000).toISOString(),
      }),
      (rows: unknown[]) => ({
        success: true,
        records: rows,
        offset: 0,
        limit: 1000,
        total: LIST_LENGTH,
      }),
    ],
    [
      'seen live',
      (i: number) => ({
        id: `u${i}`,
        msisdn: `614000${String(i).padStart(5, '0')}`,
        note: 'Opted out via qwt5.me',
        created_at: new Date(NOW - i * 1000).toISOString(),
        group: null,
      }),
      (rows: unknown[]) => ({
        type: 'Optouts',
        results: rows,
        scanned: LIST_LENGTH,
        matches: LIST_LENGTH,
      }),
    ],
    [
      'mixed, numbers as strings',
      (i: number) => ({
        id: i,
        msisdn: 61400000000 + i,
        created_at: String(NOW - i * 1000),
        extra: { a: 1 },
      }),
      (rows: unknown[]) => ({ results: rows, matches: String(LIST_LENGTH), success: true }),
    ],
  ])('pages on offset and reads the %s envelope', async (_shape, row, envelope) => {
    page(0).reply(200, envelope(Array.from({ length: 1000 }, (_, i) => row(i))));
    page(1000).reply(200, envelope([row(1500), row(1501)]));

    const { result } = await runOn(vortexAuth(), 'searches.find_optout.operation.perform', {
      mobile: '+61400001501',
    });
    expect(result).toEqual([
      expect.objectContaining({ mobile: '61400001501', already_opted_out: true }),
    ]);
  });

  it('New Opt-Out stops reading once a sorted list passes the window, and turns notes into words', async () => {
    page(0).reply(200, {
      results: [
        {
          id: 'a',
          msisdn: '61400000001',
          note: 'Rule Based Action: 3x UNDELIVERABLE',
          created_at: new Date(NOW - day).toISOString(),
        },
        ...Array.from({ length: 999 }, (_, i) => ({
          id: `old${i}`,
          msisdn: '61400000002',
          created_at: new Date(NOW - 10 * day - i).toISOString(),
        })),
      ],
    });
    const { result } = await runOn(vortexAuth(), 'triggers.new_optout.operation.perform', {});
    expect(result).toEqual([
      {
        id: 'a',
        mobile: '61400000001',
        mobile_e164: '+61400000001',
        note: 'Rule Based Action: 3x UNDELIVERABLE',
        source: 'Opted out by Mobivate after 3 undeliverable messages',
        created: new Date(NOW - day).toISOString(),
      },
    ]);
  });

  describe('a list longer than one step can read, every opt-out of the last 2 days', () => {
    const TOTAL = 200_000;
    const pages = (count: number) => {
      for (let p = 0; p < count; p++) {
        const rows = Array.from({ length: 1000 }, (_, i) => ({
          id: `u${p * 1000 + i}`,
          msisdn: `6140${String(p * 1000 + i).padStart(7, '0')}`,
          created_at: new Date(NOW - (p * 1000 + i) * 500).toISOString(),
        }));
        page(p * 1000).reply(200, { type: 'Optouts', results: rows, matches: TOTAL });
      }
    };

    it('Find Opt-Out reads 150 pages, then says it could not finish', async () => {
      pages(150);
      const outcome = await runOn(vortexAuth(), 'searches.find_optout.operation.perform', {
        mobile: '+61499999999',
      });
      expect(failure(outcome).message).toMatch(
        /^Could not finish searching the opt-out list for 61499999999: it read 150,000 opt-outs from the last 365 days in 150 requests without finding it/,
      );
      // 150 pages of 1,000 rows: seconds of work on a busy machine.
    }, 30_000);
  });

  it('does not read a list it cannot find in the answer as empty', async () => {
    page(0).reply(200, { success: true, data: [] });
    const outcome = await runOn(vortexAuth(), 'searches.find_optout.operation.perform', {
      mobile: '+61400000001',
    });
    expect(failure(outcome).message).toMatch(/but not with a list of opt-outs/);
  });
});

it('keeps the key out of every message on Vortex', async () => {
  vortexScope().post('/addressbook/optouts').reply(500, `boom ${API_KEY}`);
  const outcome = await runOn(vortexAuth(), 'creates.add_optout.operation.perform', {
    mobile: '+61412345678',
  });
  expect(userMessage(outcome.error!).message).not.toContain(API_KEY);
  expect(userMessage(outcome.error!).message).toContain(':censored:');
  expect(VORTEX_URL).toMatch(/^https:/);
});
