import { connectionLabel, testConnection } from '../src/authentication';
import { API_KEY, appTester, authData, failure, makeBundle, mobivateScope } from './helpers';

const test = (auth = authData()) => appTester(testConnection, makeBundle({}, auth));

describe('connection test', () => {
  it('sends GET /auth/test with nothing in the body and accepts the G1 answer', async () => {
    mobivateScope()
      .get('/auth/test', (body) => body === '' || body === undefined)
      .reply(200, { message: 'API Key is valid' });

    await expect(test()).resolves.toEqual({
      api: 'BulkSMS API',
      host: 'api.mobivatebulksms.com',
      message: 'API Key is valid',
    });
  });

  it('accepts the G2 answer, a 200 without a body', async () => {
    mobivateScope().get('/auth/test').reply(200, '');
    await expect(test()).resolves.toMatchObject({ message: 'API Key is valid' });
  });

  it('turns a 401 into a friendly message, not a reconnect request', async () => {
    mobivateScope().get('/auth/test').reply(401, { code: 401, message: 'Unauthorized' });

    const result = await failure(test());

    expect(result).toMatchObject({ name: 'AppError', code: 'AuthenticationError', status: 401 });
    expect(result.message).toMatch(
      /^Mobivate did not accept this API key \("Unauthorized"\)\. Check that you copied the whole key/,
    );
    expect(result.message).not.toContain(API_KEY);
  });

  it('refuses an address that answers 200 with a web page', async () => {
    mobivateScope().get('/auth/test').reply(200, '<!doctype html><title>Welcome to nginx!</title>');

    const result = await failure(test());

    expect(result.code).toBe('MobivateUnexpectedAnswer');
    expect(result.message).toMatch(/"Welcome to nginx!"/);
  });

  it('refuses a bad API Address before sending anything', async () => {
    const result = await failure(test(authData({ api_url: 'http://mobivate.example.com' })));
    expect(result.message).toMatch(/must start with https:\/\//);
  });

  it('maps other errors like every operation', async () => {
    mobivateScope().get('/auth/test').reply(503, 'down for maintenance');
    expect((await failure(test())).message).toMatch(
      /HTTP 503 Service Unavailable\): "down for maintenance"/,
    );
  });
});

describe('connection label', () => {
  // The label gets the connection test's result as inputData. Changed on purpose by issue 22: no
  // hard-coded "BulkSMS API" (publishing rule 5.6); the account, else a host of the account's own.
  const label = (result: Record<string, unknown>) =>
    appTester(connectionLabel, makeBundle(result, authData()));

  it('is the account name when Mobivate’s key check gives one', async () => {
    await expect(label({ host: 'api.mobivatebulksms.com', account: 'Acme Ltd' })).resolves.toBe(
      'Acme Ltd',
    );
  });

  it('is the host when Mobivate gave the account its own address, with its port', async () => {
    await expect(label({ host: 'sms.example.com:8443' })).resolves.toBe('sms.example.com:8443');
  });

  it('is empty on Mobivate’s own hosts, rather than a name every connection shares', async () => {
    await expect(label({ host: 'api.mobivatebulksms.com' })).resolves.toBe('');
    await expect(label({ host: 'vortex.mobivatebulksms.com' })).resolves.toBe('');
  });

  it('never shows the key: the key check’s account name is scrubbed', async () => {
    mobivateScope()
      .get('/auth/test')
      .reply(200, { message: 'ok', username: `user ${API_KEY}` });
    const result = await test();
    expect(JSON.stringify(result)).not.toContain(API_KEY);
    expect(await label(result)).not.toContain(API_KEY.slice(-6));
  });

  it('never quotes an API Address that holds the key', async () => {
    const result = await failure(
      test(authData({ api_url: `https://api.mobivatebulksms.com/?api_key=${API_KEY}` })),
    );
    expect(result.message).toMatch(/must not contain the API key/);
    expect(result.message).not.toContain(API_KEY);
    expect(result.message).not.toContain('api.mobivatebulksms.com/?');
  });
});
