import { perform } from '../../src/creates/add-optout';
import { appTester, failure, makeBundle, mobivate } from '../helpers';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const run = (inputData: Record<string, unknown>) => appTester(perform, makeBundle(inputData));

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

describe('Add Opt-Out', () => {
  it('sends POST /addressbook/optout with the normalised number and outputs the new record', async () => {
    mobivate()
      .post('/addressbook/optout', { mobile: '447700900123' })
      .reply(200, { mobile: '447700900123', note: 'API', created: NOW + 350 });

    const output = await run({ mobile: '07700 900123', default_country: 'GB' });

    expect(output).toEqual({
      mobile: '447700900123',
      note: 'API',
      source: 'Added through the API',
      created: NOW + 350,
      created_at: '2026-11-26T12:00:00.350Z',
      already_opted_out: false,
    });
  });

  it('reports a number that was already on the list (Mobivate returns the older record)', async () => {
    const earlier = Date.UTC(2025, 0, 3);
    mobivate()
      .post('/addressbook/optout', { mobile: '447700900123' })
      .reply(200, { mobile: '447700900123', note: 'MO', created: earlier });

    const output = await run({ mobile: '+447700900123' });

    expect(output).toMatchObject({
      note: 'MO',
      source: 'Replied with an opt-out keyword',
      created_at: '2025-01-03T00:00:00.000Z',
      already_opted_out: true,
    });
  });

  it('tolerates a Mobivate clock a little behind ours', async () => {
    mobivate()
      .post('/addressbook/optout')
      .reply(200, { mobile: '447700900123', note: 'API', created: NOW - 90_000 });
    expect(await run({ mobile: '+447700900123' })).toMatchObject({ already_opted_out: false });
  });

  it.each([
    [409, { code: 409, message: 'Conflict' }],
    [400, { code: 400, message: 'Mobile number already exists in optout list' }],
  ])(
    'treats a %i refusal of a duplicate as "already opted out", not an error',
    async (status, body) => {
      mobivate().post('/addressbook/optout', { mobile: '447700900123' }).reply(status, body);

      const output = await run({ mobile: '+447700900123' });

      expect(output).toEqual({
        mobile: '447700900123',
        note: null,
        source: null,
        created: null,
        created_at: null,
        already_opted_out: true,
      });
    },
  );

  it('passes on other 400s with Mobivate’s message', async () => {
    mobivate()
      .post('/addressbook/optout')
      .reply(400, { code: 400, message: 'Invalid mobile number' });
    const result = await failure(run({ mobile: '+447700900123' }));
    expect(result.message).toMatch(
      /rejected the request \(POST \/addressbook\/optout\): "Invalid mobile number"/,
    );
  });

  it('fails on a 200 that is not an opt-out record', async () => {
    mobivate().post('/addressbook/optout').reply(200, { message: 'OK' });
    expect((await failure(run({ mobile: '+447700900123' }))).code).toBe('MobivateUnexpectedAnswer');
  });

  it('refuses a number without a country code before sending anything', async () => {
    const result = await failure(run({ mobile: '07700 900123' }));
    expect(result.message).toMatch(
      /^Mobile Number "07700 900123" cannot be used: it has no country code/,
    );
  });
});
