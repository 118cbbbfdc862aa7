import type { Bundle, ZObject } from 'zapier-platform-core';
import { REQUEST_TIMEOUT_MS } from '../../../src/mobivate/transport/deadline';
import { callMobivate } from '../../../src/mobivate/transport/request';
import {
  API_KEY,
  API_URL,
  appTester,
  authData,
  failure,
  makeBundle,
  mobivateScope,
} from '../../helpers';

/** Runs one request through the app's runtime (middleware included), as an operation would. */
const call = (auth = authData(), path = '/auth/test') =>
  appTester(
    (z: ZObject, bundle: Bundle) =>
      callMobivate(z, bundle, { method: 'GET', path }).then((r) => r.data),
    makeBundle({}, auth),
  );

const json = { 'Content-Type': 'application/json' };

describe('the one request helper', () => {
  it('sends to the API Address with the Bearer key and JSON headers', async () => {
    mobivateScope('https://eu.mobivate.example:8443').get('/auth/test').reply(200, { ok: true });
    await expect(call(authData({ api_url: 'https://eu.mobivate.example:8443/' }))).resolves.toEqual(
      { ok: true },
    );
  });

  it('uses the default address when the API Address is empty', async () => {
    mobivateScope(API_URL).get('/auth/test').reply(200, { ok: true });
    await expect(call(authData({ api_url: '' }))).resolves.toEqual({ ok: true });
  });

  it.each([
    ['ftp://api.mobivatebulksms.com', /must start with https:\/\//],
    [
      'http://api.mobivatebulksms.com',
      /must start with https:\/\/ \(plain http:\/\/ is accepted only/,
    ],
    ['https://api.mobivatebulksms.com/v1', /remove everything after the host/],
    ['api.mobivatebulksms.com', /is not a web address/],
  ])('refuses the API Address %j before sending anything', async (apiUrl, message) => {
    const result = await failure(call(authData({ api_url: apiUrl })));
    expect(result).toMatchObject({ name: 'AppError', code: 'InvalidApiAddress' });
    expect(result.message).toMatch(message);
    expect(result.message).toContain(`"${apiUrl}"`);
  });

  // A query string or fragment may hold a key (Mobivate's developer page shows "?api_key=…"),
  // so such an address is refused without being quoted.
  it.each([
    ['https://api.mobivatebulksms.com?x=1', /remove everything after the host/],
    ['https://api.mobivatebulksms.com/#top', /remove everything after the host/],
    [`https://api.mobivatebulksms.com/?api_key=${API_KEY}`, /must not contain the API key/],
    [
      'https://api.mobivatebulksms.com:443/send/single?apiKey=0f3b9e',
      /must not contain the API key/,
    ],
    [`https://${API_KEY}.mobivatebulksms.com`, /looks like it contains an API key/],
    [`${API_KEY}`, /is not a web address/],
  ])('refuses the API Address %j without quoting it', async (apiUrl, message) => {
    const result = await failure(call(authData({ api_url: apiUrl })));
    expect(result).toMatchObject({ name: 'AppError', code: 'InvalidApiAddress' });
    expect(result.message).toMatch(message);
    expect(result.message).not.toContain(apiUrl);
    expect(result.message).not.toContain(API_KEY);
    expect(result.message).not.toMatch(/\?x=1|#top|0f3b9e/);
  });

  it('refuses credentials in the API Address without quoting them', async () => {
    const result = await failure(
      call(authData({ api_url: 'https://user:s3cret@api.mobivatebulksms.com' })),
    );
    expect(result.message).toMatch(/must not contain a user name or password/);
    expect(result.message).not.toContain('s3cret');
  });

  it.each(['http://127.0.0.1:8080', 'http://localhost:3000/', 'http://[::1]:9000'])(
    'accepts plain http for the loopback address %s',
    async (apiUrl) => {
      mobivateScope(apiUrl.replace(/\/$/, '')).get('/auth/test').reply(200, { ok: true });
      await expect(call(authData({ api_url: apiUrl }))).resolves.toEqual({ ok: true });
    },
  );

  describe('maps every documented error answer', () => {
    it.each([
      [
        400,
        { code: 400, message: 'Invalid mobile number' },
        {},
        'AppError',
        /rejected the request: "Invalid mobile number"/,
      ],
      [400, 'Bad Request', {}, 'AppError', /rejected the request: "Bad Request"/],
      [
        401,
        { code: 401, message: 'Unauthorized' },
        {},
        'ExpiredAuthError',
        /no longer accepts this connection's API key \("Unauthorized"\)\. Reconnect/,
      ],
      [
        402,
        { code: 402, message: 'Insufficient funds' },
        {},
        'AppError',
        /out of credit \("Insufficient funds"\)/,
      ],
      [
        403,
        { code: 403, message: 'Forbidden' },
        {},
        'AppError',
        /refused this step \("Forbidden"\)\. The API key may lack the permission/,
      ],
      [
        409,
        { code: 409, message: 'Conflict' },
        {},
        'AppError',
        /answered with HTTP 409: "Conflict"/,
      ],
      [
        500,
        { code: 500, message: 'Internal error' },
        {},
        'AppError',
        /HTTP 500 Internal Server Error\): "Internal error"\. This is usually temporary/,
      ],
      [
        502,
        '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>',
        {},
        'AppError',
        /HTTP 502 Bad Gateway\): "502 Bad Gateway nginx"/,
      ],
      [503, '', {}, 'AppError', /HTTP 503 Service Unavailable\): \(an empty body\)/],
      [599, 'odd', {}, 'AppError', /HTTP 599\): "odd"/],
      [
        429,
        { code: 429, message: 'Slow down' },
        { 'Retry-After': '17' },
        'ThrottledError',
        /"Slow down"\); Zapier will try again in 17 seconds/,
      ],
      [429, 'Slow down', {}, 'ThrottledError', /Zapier will try again shortly/],
    ])('%i %j', async (status, body, headers, name, message) => {
      mobivateScope()
        .get('/auth/test')
        .reply(status, typeof body === 'string' ? body : JSON.stringify(body), {
          ...(typeof body === 'string' ? {} : json),
          ...headers,
        });

      const result = await failure(call());

      expect(result.name).toBe(name);
      expect(result.message).toMatch(message);
      expect(result.message).not.toContain(API_KEY);
    });

    it('passes the Retry-After delay on to Zapier, in seconds or as an HTTP date', async () => {
      mobivateScope().get('/auth/test').reply(429, '', { 'Retry-After': '17' });
      expect(await failure(call())).toMatchObject({ name: 'ThrottledError', delay: 17 });

      const inAMinute = new Date(Date.now() + 60_000).toUTCString();
      mobivateScope().get('/auth/test').reply(429, '', { 'Retry-After': inAMinute });
      const result = await failure(call());
      expect(result.delay).toBeGreaterThanOrEqual(58);
      expect(result.delay).toBeLessThanOrEqual(61);
    });
  });

  describe('network failures', () => {
    it.each([
      ['ECONNREFUSED', /the server refused the connection/],
      ['ECONNRESET', /the connection was reset before Mobivate answered/],
      ['ENOTFOUND', /the host name was not found/],
      // Codes are for support, in the log line; the user reads plain words.
      ['EWHATEVER', /the connection failed before a complete answer arrived\. Check/],
      ['Z_DATA_ERROR', /the answer arrived compressed but damaged, so it could not be read/],
      ['ERR_STREAM_PREMATURE_CLOSE', /closed before Mobivate’s answer was complete/],
    ])('%s becomes a clear error', async (code, message) => {
      mobivateScope()
        .get('/auth/test')
        .replyWithError({ code, message: `${code} ${API_KEY}` });

      const result = await failure(call());

      expect(result).toMatchObject({ name: 'AppError', code: 'MobivateUnreachable' });
      expect(result.message).toMatch(
        /^Could not reach Mobivate at https:\/\/api\.mobivatebulksms\.com: /,
      );
      expect(result.message).toMatch(message);
      expect(result.message).not.toContain(API_KEY);
    });

    it(`gives up after ${REQUEST_TIMEOUT_MS / 1000} seconds without an answer`, async () => {
      jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
      try {
        mobivateScope()
          .get('/auth/test')
          .delay(REQUEST_TIMEOUT_MS + 5_000)
          .reply(200, {});
        const pending = failure(call());
        await jest.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS + 1);
        const result = await pending;
        expect(result.message).toMatch(/Mobivate did not answer within 12 seconds/);
      } finally {
        jest.useRealTimers();
      }
    });
  });
});
