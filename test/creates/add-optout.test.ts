import { perform } from '../../src/creates/add-optout';
import { appTester, failure, makeBundle, mobivateScope } from '../helpers';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const run = (inputData: Record<string, unknown>) => appTester(perform, makeBundle(inputData));

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

describe('Add Opt-Out', () => {
  it('sends POST /addressbook/optout with the normalised number and outputs the new record', async () => {
    mobivateScope()
      .post('/addressbook/optout', { mobile: '447700900123' })
      .reply(200, { mobile: '447700900123', note: 'API', created: NOW + 350 });

    const output = await run({ mobile: '07700 900123', default_country: 'GB' });

    expect(output).toEqual({
      mobile: '447700900123',
      mobile_e164: '+447700900123',
      note: 'API',
      source: 'Added through the API',
      created: '2026-11-26T12:00:00.350Z',
      already_opted_out: false,
    });
  });

  it('reports a number that was already on the list (Mobivate returns the older record)', async () => {
    const earlier = Date.UTC(2025, 0, 3);
    mobivateScope()
      .post('/addressbook/optout', { mobile: '447700900123' })
      .reply(200, { mobile: '447700900123', note: 'MO', created: earlier });

    const output = await run({ mobile: '+447700900123' });

    expect(output).toMatchObject({
      note: 'MO',
      source: 'Replied with an opt-out keyword',
      created: '2025-01-03T00:00:00.000Z',
      already_opted_out: true,
    });
  });

  it('tolerates a Mobivate clock a little behind ours', async () => {
    mobivateScope()
      .post('/addressbook/optout')
      .reply(200, { mobile: '447700900123', note: 'API', created: NOW - 90_000 });
    expect(await run({ mobile: '+447700900123' })).toMatchObject({ already_opted_out: false });
  });

  it.each([
    [409, { code: 409, message: 'Mobile number is already opted out' }],
    [400, { code: 400, message: 'Mobile number already exists in optout list' }],
    [400, { success: false, error: { message: 'Duplicate entry for msisdn 447700900123' } }],
  ])(
    'treats a %i refusal of a duplicate as "already opted out", not an error',
    async (status, body) => {
      mobivateScope().post('/addressbook/optout', { mobile: '447700900123' }).reply(status, body);

      const output = await run({ mobile: '+447700900123' });

      expect(output).toEqual({
        mobile: '447700900123',
        mobile_e164: '+447700900123',
        note: null,
        source: null,
        created: null,
        already_opted_out: true,
      });
    },
  );

  // Only words that say the number is listed count: a "does not exist" or a bare "Conflict" is
  // an error, or the STOP would never be recorded.
  it.each([
    [400, { code: 400, message: 'Route does not exist for this account' }, /HTTP 400|rejected/],
    [400, { success: false, error: 'Campaign already exists' }, /"Campaign already exists"/],
    [409, { code: 409, message: 'Conflict' }, /with HTTP 409: "Conflict"/],
    [409, '<html><body>409 Conflict</body></html>', /with HTTP 409: "409 Conflict"/],
    [400, { code: 400, message: "Number doesn't exist on the list" }, /doesn't exist/],
  ])('does not read a %i %j as "already opted out"', async (status, body, message) => {
    mobivateScope().post('/addressbook/optout').reply(status, body);
    const result = await failure(run({ mobile: '+447700900123' }));
    expect(result.name).toBe('AppError');
    expect(result.message).toMatch(message);
  });

  it('passes on other 400s with Mobivate’s message', async () => {
    mobivateScope()
      .post('/addressbook/optout')
      .reply(400, { code: 400, message: 'Invalid mobile number' });
    const result = await failure(run({ mobile: '+447700900123' }));
    expect(result.message).toMatch(/rejected the request: "Invalid mobile number"/);
  });

  it('fails on a 200 that is not an opt-out record', async () => {
    mobivateScope().post('/addressbook/optout').reply(200, { message: 'OK' });
    expect((await failure(run({ mobile: '+447700900123' }))).code).toBe('MobivateUnexpectedAnswer');
  });

  it('refuses a number without a country code before sending anything', async () => {
    const result = await failure(run({ mobile: '07700 900123' }));
    expect(result.message).toMatch(
      /^Mobile Number "07700 900123" cannot be used: it has no country code/,
    );
  });
});
