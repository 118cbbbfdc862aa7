/**
 * Connecting with the key alone (docs/connection.md): which API a key belongs to, asked of
 * Mobivate when the connection does not say, and a plain sentence when the choice and the key
 * disagree. Through core's handler.
 */
import { API_KEY, API_URL, VORTEX_URL, mobivateScope } from './helpers';
import { resultOf, runOn, userMessage } from './runner';

const TEST = 'authentication.test';
const keyOnly = { api_key: API_KEY };
const refuse = { code: 401, message: 'Unauthorized' };

describe('a connection made with the key alone', () => {
  it('is a Vortex connection when the Vortex API accepts the key and BulkSMS refuses it', async () => {
    mobivateScope(VORTEX_URL).get('/auth/test').reply(200, '');
    mobivateScope(API_URL).get('/auth/test').reply(401, refuse);

    const result = resultOf(await runOn(keyOnly, TEST));

    expect(result).toEqual({
      api: 'Vortex API',
      host: 'vortex.mobivatebulksms.com',
      message: 'API Key is valid',
    });
  });

  it('is a BulkSMS connection when the BulkSMS API accepts the key', async () => {
    mobivateScope(VORTEX_URL).get('/auth/test').reply(401, { error: 'Invalid API Key' });
    mobivateScope(API_URL).get('/auth/test').reply(200, { message: 'API Key is valid' });

    const result = resultOf(await runOn({ ...keyOnly, api_platform: 'auto' }, TEST));

    expect(result).toMatchObject({ api: 'BulkSMS API', host: 'api.mobivatebulksms.com' });
  });

  it('says the key was refused by both APIs, naming both hosts, when neither accepts it', async () => {
    mobivateScope(VORTEX_URL).get('/auth/test').reply(401, { error: 'Invalid API Key' });
    mobivateScope(API_URL).get('/auth/test').reply(401, refuse);

    const { error } = await runOn(keyOnly, TEST);

    expect(userMessage(error!).message).toMatch(
      /^Mobivate did not accept this API key at either of its APIs \(the Vortex API at vortex\.mobivatebulksms\.com and the BulkSMS API at api\.mobivatebulksms\.com\)\./,
    );
    expect(error!.message).not.toContain(API_KEY);
  });

  it('says what happened when one API could not be asked, rather than "refused"', async () => {
    mobivateScope(VORTEX_URL).get('/auth/test').reply(503, 'down for maintenance');
    mobivateScope(API_URL).get('/auth/test').reply(401, refuse);

    const { error } = await runOn(keyOnly, TEST);

    expect(userMessage(error!).message).toMatch(
      /HTTP 503 Service Unavailable\): "down for maintenance"/,
    );
  });

  it('asks once per key in a process: a second step sends only its own request', async () => {
    mobivateScope(VORTEX_URL).get('/auth/test').reply(200, '');
    mobivateScope(API_URL).get('/auth/test').reply(401, refuse);
    resultOf(await runOn(keyOnly, TEST));
    mobivateScope(VORTEX_URL).get('/auth/test').reply(200, '');

    expect(resultOf(await runOn(keyOnly, TEST))).toMatchObject({ api: 'Vortex API' });
  });
});

describe('a connection whose API choice and key disagree', () => {
  it('names the fix when the key is the other API’s', async () => {
    mobivateScope(API_URL).get('/auth/test').reply(401, refuse);
    mobivateScope(VORTEX_URL).get('/auth/test').reply(200, '');

    const { error } = await runOn({ ...keyOnly, api_platform: 'bulksms' }, TEST);

    expect(userMessage(error!).message).toBe(
      'This key is a Vortex API key, but Mobivate API is set to BulkSMS API. Set Mobivate API to “Detect from the key” (or to Vortex API) and test again.',
    );
  });

  it('keeps the refusal when the other API refuses the key too', async () => {
    mobivateScope(VORTEX_URL).get('/auth/test').reply(401, { error: 'Invalid API Key' });
    mobivateScope(API_URL).get('/auth/test').reply(401, refuse);

    const { error } = await runOn({ ...keyOnly, api_platform: 'vortex' }, TEST);

    expect(userMessage(error!).message).toMatch(/^Mobivate did not accept this API key \(/);
  });

  it('refuses a BulkSMS choice with the Vortex host as its address, before any request', async () => {
    const auth = { ...keyOnly, api_platform: 'bulksms', api_url: VORTEX_URL };

    const { error } = await runOn(auth, TEST);

    expect(userMessage(error!).message).toBe(
      "The API Address vortex.mobivatebulksms.com is the Vortex API's, but Mobivate API is set to BulkSMS API. Set Mobivate API to “Detect from the key” (or to Vortex API) and test again.",
    );
  });

  it('fills in the Vortex host when Vortex is chosen and no address is given', async () => {
    mobivateScope(VORTEX_URL).get('/auth/test').reply(200, '');

    const result = resultOf(await runOn({ ...keyOnly, api_platform: 'vortex' }, TEST));

    expect(result).toMatchObject({ api: 'Vortex API', host: 'vortex.mobivatebulksms.com' });
  });
});
