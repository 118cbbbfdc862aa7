import nock from 'nock';
import { connectionLabel, testConnection } from '../../src/authentication';
import { perform as deleteOptOut } from '../../src/creates/delete-optout';
import { AUTH_TEST_ANSWER, startSandbox, type Sandbox } from '../../sandbox/server';
import { appTester, failure, makeBundle } from '../helpers';

// Real HTTP to the local sandbox, no nock interception: loopback only.
beforeAll(() => nock.enableNetConnect('127.0.0.1'));
afterAll(() => nock.disableNetConnect());

const created = Date.UTC(2026, 10, 20, 9, 30);
let sandbox: Sandbox;
const auth = () => ({ api_key: sandbox.apiKey, api_url: sandbox.url });

afterEach(() => sandbox.close());

describe('against the sandbox, over HTTP', () => {
  beforeEach(async () => {
    sandbox = await startSandbox({ optOuts: [{ mobile: '447700900123', note: 'MO', created }] });
  });

  it('tests the connection and labels it', async () => {
    const result = await appTester(testConnection, makeBundle({}, auth()));
    expect(result).toEqual({
      api: 'BulkSMS API',
      host: new URL(sandbox.url).host,
      ...AUTH_TEST_ANSWER,
    });
    const label = await appTester(connectionLabel, makeBundle(result, auth()));
    // No part of the key, no hard-coded name (issue 22): the address, not one of Mobivate's.
    expect(label).toBe(new URL(sandbox.url).host);
  });

  it('rejects a wrong key with the friendly message', async () => {
    const result = await failure(
      appTester(testConnection, makeBundle({}, { ...auth(), api_key: 'wrong-key' })),
    );
    expect(result.message).toMatch(/^Mobivate did not accept this API key \("Unauthorized"\)/);
  });

  it('deletes a number twice: removed, then not on the list', async () => {
    const bundle = makeBundle({ mobile: '07700 900123', default_country: 'GB' }, auth());

    const first = await appTester(deleteOptOut, bundle);
    const second = await appTester(deleteOptOut, bundle);

    expect(first).toEqual({
      mobile: '447700900123',
      mobile_e164: '+447700900123',
      note: 'MO',
      source: 'Replied with an opt-out keyword',
      created: new Date(created).toISOString(),
      removed: true,
    });
    expect(second).toMatchObject({ mobile: '447700900123', removed: false });
    expect(sandbox.optOuts.has('447700900123')).toBe(false);
    expect(
      sandbox.requests.map((r) => [r.method, r.path, r.body, r.headers['content-type']]),
    ).toEqual([
      ['DELETE', '/addressbook/optout', { mobile: '447700900123' }, 'application/json'],
      ['DELETE', '/addressbook/optout', { mobile: '447700900123' }, 'application/json'],
    ]);
  });

  it('fails the second delete when asked to', async () => {
    const bundle = makeBundle({ mobile: '+447700900123', when_not_opted_out: 'fail' }, auth());
    await appTester(deleteOptOut, bundle);
    expect((await failure(appTester(deleteOptOut, bundle))).code).toBe('NotOptedOut');
  });
});

describe('against a sandbox with the delete route of the docs’ examples (/optout)', () => {
  beforeEach(async () => {
    sandbox = await startSandbox({
      optOuts: [{ mobile: '447700900123', note: 'API', created }],
      deleteRoute: 'examples',
    });
  });

  it('falls back to /optout after the HTML 405 and deletes there', async () => {
    const output = await appTester(deleteOptOut, makeBundle({ mobile: '+447700900123' }, auth()));

    expect(output).toMatchObject({ removed: true, note: 'API' });
    expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'DELETE /addressbook/optout',
      'DELETE /optout',
    ]);
  });
});
