import nock from 'nock';
import { perform as addOptOut } from '../../src/creates/add-optout';
import { perform as deleteOptOut } from '../../src/creates/delete-optout';
import { perform as findOptOut } from '../../src/searches/find-optout';
import { perform as newOptOut } from '../../src/triggers/new-optout';
import { parseMobivateDate, startSandbox, type Sandbox } from '../../sandbox/server';
import { appTester, makeBundle } from '../helpers';

beforeAll(() => nock.enableNetConnect('127.0.0.1'));
afterAll(() => nock.disableNetConnect());

const DAY = 86_400_000;
let sandbox: Sandbox;
const bundle = (inputData: Record<string, unknown> = {}) =>
  makeBundle(inputData, { api_key: sandbox.apiKey, api_url: sandbox.url });

beforeEach(async () => {
  const now = Date.now();
  sandbox = await startSandbox({
    optOuts: [
      { mobile: '447700900456', note: 'MO', created: now - 2 * DAY },
      { mobile: '447700900789', note: 'API', created: now - 400 * DAY },
    ],
  });
});
afterEach(() => sandbox.close());

describe('the opt-out lifecycle against the sandbox, over HTTP', () => {
  it('add → find → new opt-out poll → delete → find again', async () => {
    const added = await appTester(addOptOut, bundle({ mobile: '+44 7700 900123' }));
    expect(added).toMatchObject({ mobile: '447700900123', note: 'API', already_opted_out: false });

    const found = await appTester(
      findOptOut,
      bundle({ mobile: '07700 900123', default_country: 'GB' }),
    );
    expect(found).toEqual([
      expect.objectContaining({
        mobile: '447700900123',
        source: 'Added through the API',
        already_opted_out: true,
      }),
    ]);

    const polled: { id: string; mobile: string; created: string }[] = await appTester(
      newOptOut,
      bundle(),
    );
    expect(polled.map((item) => item.mobile)).toEqual(['447700900123', '447700900456']);
    // The same opt-out: Find Opt-Out no longer outputs the list's id, so compare its time.
    expect(polled[0]!.created).toBe((found as { created: string }[])[0]!.created);

    const deleted = await appTester(deleteOptOut, bundle({ mobile: '+447700900123' }));
    expect(deleted).toMatchObject({ removed: true });

    await expect(appTester(findOptOut, bundle({ mobile: '+447700900123' }))).resolves.toEqual([]);
  });

  it('adds a number twice: the second time it says it was already opted out', async () => {
    await appTester(addOptOut, bundle({ mobile: '+447700900456' })).then((output) =>
      expect(output).toMatchObject({ note: 'MO', already_opted_out: true }),
    );
    expect(sandbox.optOuts.size).toBe(2);
  });

  it('finds old opt-outs only within Lookback Days', async () => {
    await expect(appTester(findOptOut, bundle({ mobile: '+447700900789' }))).resolves.toEqual([]);
    const found = await appTester(
      findOptOut,
      bundle({ mobile: '+447700900789', lookback_days: 500 }),
    );
    expect(found).toEqual([expect.objectContaining({ note: 'API' })]);
  });

  it('sends the list’s dates in the documented form, + encoded', async () => {
    await appTester(newOptOut, bundle());
    const { query } = sandbox.requests[0]!;
    expect(query.startDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
    expect(query.pageSize).toBe('1000');
  });
});

// These test the sandbox itself against the docs (§2.1), so its error bodies are written out.
describe('the sandbox’s list endpoint', () => {
  const list = (query: string) =>
    fetch(`${sandbox.url}/addressbook/optout?${query}`, {
      headers: { Authorization: `Bearer ${sandbox.apiKey}` },
    });

  it('reads both documented date forms', () => {
    expect(parseMobivateDate('2023-01-01')).toBe(Date.UTC(2023, 0, 1));
    expect(parseMobivateDate('2023-01-01T00:09:00+0900')).toBe(Date.UTC(2022, 11, 31, 15, 9));
    expect(parseMobivateDate('2023-01-01T00:00:00-0130')).toBe(Date.UTC(2023, 0, 1, 1, 30));
    expect(parseMobivateDate('01/01/2023')).toBeUndefined();
  });

  it('requires both dates, in a documented form', async () => {
    const missing = await list('startDate=2023-01-01');
    expect([missing.status, await missing.json()]).toEqual([
      400,
      { code: 400, message: 'endDate: may not be null' },
    ]);
    const wrong = await list('startDate=2023&endDate=2024-01-01');
    expect(await wrong.json()).toEqual({ code: 400, message: 'startDate: Invalid format: "2023"' });
  });

  it('pages, with at most 1000 per page', async () => {
    const window = 'startDate=2000-01-01&endDate=2100-01-01';
    expect(await (await list(`${window}&page=1&pageSize=1`)).json()).toEqual([
      expect.objectContaining({ mobile: '447700900789' }),
    ]);
    expect(await (await list(`${window}&page=2&pageSize=1`)).json()).toEqual([
      expect.objectContaining({ mobile: '447700900456' }),
    ]);
    expect((await list(`${window}&pageSize=1001`)).status).toBe(400);
  });
});
