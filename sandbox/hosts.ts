/**
 * Mobivate's two hosts, played by sandboxes: for the demo and the tests of a connection made with
 * the key alone, which asks both hosts which one accepts the key (docs/connection.md). Requests to
 * a host are passed on to its sandbox over real HTTP; a host with no sandbox refuses every key, as
 * a real API refuses a key it does not know. nock intercepts Node's http module only, so the
 * requests passed on (with fetch) reach the sandbox.
 */
import nock from 'nock';

export const MOBIVATE_HOSTS = {
  bulksms: 'https://api.mobivatebulksms.com',
  vortex: 'https://vortex.mobivatebulksms.com',
} as const;

const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;

const forward = (host: string, target: string) => {
  const scope = nock(host).persist();
  for (const method of METHODS) {
    scope.intercept(/.*/, method).reply(async function (path, body) {
      const answer = await fetch(`${target}${path}`, {
        method,
        headers: {
          authorization: String(this.req.headers.authorization),
          'content-type': 'application/json',
        },
        body: method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(body),
      });
      return [answer.status, await answer.text(), { 'content-type': 'application/json' }];
    });
  }
};

/** Plays Mobivate's hosts: each given host by its sandbox, the others refusing every key. */
export const playMobivateHosts = (
  sandboxes: Partial<Record<keyof typeof MOBIVATE_HOSTS, string>>,
) => {
  for (const [api, host] of Object.entries(MOBIVATE_HOSTS)) {
    const target = sandboxes[api as keyof typeof MOBIVATE_HOSTS];
    if (target) forward(host, target);
    else nock(host).persist().get('/auth/test').reply(401, { code: 401, message: 'Unauthorized' });
  }
  return () => void nock.cleanAll();
};
