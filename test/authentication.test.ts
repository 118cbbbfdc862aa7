import { connectionLabel, testConnection } from '../src/authentication';
import { API_KEY, appTester, authData, failure, makeBundle, mobivateScope } from './helpers';

const test = (auth = authData()) => appTester(testConnection, makeBundle({}, auth));

describe('connection test', () => {
  it('sends GET /auth/test with nothing in the body and accepts the G1 answer', async () => {
    mobivateScope()
      .get('/auth/test', (body) => body === '' || body === undefined)
      .reply(200, { message: 'API Key is valid' });

    await expect(test()).resolves.toEqual({
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
  const label = (auth: Record<string, string | undefined>) =>
    appTester(connectionLabel, makeBundle({ host: 'ignored' }, authData(auth)));

  // No part of the key, ever (publishing rules). Changed on purpose again by the Vortex issue:
  // the label says which API the connection speaks.
  it('names the API for the default address', async () => {
    await expect(label({})).resolves.toBe('BulkSMS API');
    await expect(label({ api_url: '' })).resolves.toBe('BulkSMS API');
  });

  it('shows a custom address, with its port', async () => {
    await expect(label({ api_url: 'https://sms.example.com:8443' })).resolves.toBe(
      'BulkSMS API · sms.example.com:8443',
    );
    await expect(
      label({ api_platform: 'vortex', api_url: 'https://vortex.mobivatebulksms.com' }),
    ).resolves.toBe('Vortex API · vortex.mobivatebulksms.com');
  });

  it.each(['short-key-1', API_KEY, 'abcd'])('shows no part of the key %j', async (key) => {
    const shown = await label({ api_key: key, api_url: 'https://sms.example.com' });
    expect(shown).toBe('BulkSMS API · sms.example.com');
    expect(shown).not.toContain(key.slice(-4));
  });

  it('never quotes an API Address that holds the key', async () => {
    const result = await failure(
      label({ api_url: `https://api.mobivatebulksms.com/?api_key=${API_KEY}` }),
    );
    expect(result.message).toMatch(/must not contain the API key/);
    expect(result.message).not.toContain(API_KEY);
    expect(result.message).not.toContain('api.mobivatebulksms.com/?');
  });

  it('never contains the whole key', async () => {
    expect(await label({})).not.toContain(API_KEY);
  });
});
