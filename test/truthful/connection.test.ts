/**
 * The connection test calls a key good only when the answer says so, and never quotes the key
 * back. Through core's handler against the stand-in.
 */
import { API_KEY, failure } from '../helpers';
import { json } from '../standin/server';
import { runAgainst, useStandIn } from '../standin/use';

const standIn = useStandIn();
const test = () => runAgainst(standIn(), 'authentication.test', {});

describe('a 200 that refuses the key is a refusal', () => {
  it.each([
    { error: 'Invalid API key' },
    { status: 401, error: 'Unauthorized' },
    { errors: [{ message: 'Authentication failed' }] },
    { status: 'fail', data: null },
    { message: 'API Key is invalid' },
    // Beyond the review's examples:
    { message: 'Access denied' },
    { status: 'error', message: 'Key expired' },
    { errors: { api_key: ['is not valid'] } },
    { detail: 'Invalid token.' },
    { message: 'API key not recognised' },
  ])('%j', async (body) => {
    standIn().on('GET /auth/test', json(200, body));
    const outcome = await test();
    expect(outcome.result).toBeUndefined();
    expect(failure(outcome)).toMatchObject({
      code: 'AuthenticationError',
      message: expect.stringMatching(
        /^Mobivate did not accept this API key \(".+"(, in an HTTP 200 answer)?\)/,
      ),
    });
  });
});

describe('a good key', () => {
  it.each([
    [{ message: 'API Key is valid' }, 'API Key is valid'],
    [{}, 'API Key is valid'],
    ['', 'API Key is valid'],
    [{ message: 'OK' }, 'OK'],
  ])('%j is accepted', async (body, message) => {
    standIn().on('GET /auth/test', json(200, body));
    expect((await test()).result).toEqual({
      api: 'BulkSMS API',
      host: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
      message,
    });
  });

  it.each([
    `API Key ${API_KEY} is valid`,
    `Key ${API_KEY.toUpperCase()} accepted`,
    `Welcome, ${Buffer.from(API_KEY).toString('base64')}`,
  ])('%j is quoted without the key', async (message) => {
    standIn().on('GET /auth/test', json(200, { message }));
    const outcome = await test();
    const seen = JSON.stringify(outcome);
    expect(seen).not.toContain(API_KEY);
    expect(seen.toLowerCase()).not.toContain(API_KEY.toLowerCase());
    expect(outcome.result).toMatchObject({ message: expect.stringContaining(':censored:') });
  });
});
