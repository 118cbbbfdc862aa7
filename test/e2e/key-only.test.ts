/**
 * A connection made with the key alone (issue 22): the app asks Mobivate's two hosts which one
 * accepts the key, then works. Mobivate's hosts are stood in for by nock, which passes requests
 * for the sandbox's API on to the sandbox over real HTTP and refuses the key at the other host as
 * a real API refuses a key it does not know (sandbox/hosts.ts).
 */
import nock from 'nock';
import { playMobivateHosts } from '../../sandbox/hosts';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { API_URL, VORTEX_URL } from '../helpers';
import { resultOf, runOn } from '../runner';
import { allowLoopback } from './loopback';

allowLoopback();

let sandbox: Sandbox;
afterEach(() => sandbox.close());

describe.each([
  ['Vortex', 'vortex', VORTEX_URL],
  ['BulkSMS', 'bulksms', API_URL],
] as const)('with only the key of a %s account', (name, generation, home) => {
  beforeEach(async () => {
    sandbox = await startSandbox({ generation });
    playMobivateHosts({ [generation]: sandbox.url });
  });
  afterEach(() => nock.cleanAll());

  it('connects, and an operation works', async () => {
    const auth = { api_key: sandbox.apiKey };

    expect(resultOf(await runOn(auth, 'authentication.test'))).toMatchObject({
      api: `${name} API`,
      host: new URL(home).host,
    });
    const added = resultOf(
      await runOn(auth, 'creates.add_optout.operation.perform', { mobile: '+447700900999' }),
    );
    expect(added).toMatchObject({ mobile: '447700900999', already_opted_out: false });
    expect(sandbox.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /auth/test',
      'POST ' + (generation === 'vortex' ? '/addressbook/optouts' : '/addressbook/optout'),
    ]);
  });
});
