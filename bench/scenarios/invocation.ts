/**
 * Warm invocation overhead: Delete Opt-Out through this app, the minimal app, the minimal app's
 * code in our definition, and a bare HTTP request, alternating in one process.
 */
import { request } from 'node:http';
import type { Sandbox } from '../../sandbox/server';
import { MINIMAL_APP, PROJECT_ROOT, loadHandler, minimalCodeInOurDefinition } from '../invoke';
import { ms, ratio, type Section } from '../report';
import { alternate, summarise } from '../stats';
import { DELETE, MAPPED_MOBILE, MOBILE, withDeleteSandbox } from './delete-optout';

const WARM_UP_ROUNDS = 50;
const ROUNDS = 400;

/** A DELETE straight from Node's http module: no Zapier at all. */
const bareDelete = (sandbox: Sandbox) => () =>
  new Promise<void>((resolve, reject) => {
    const body = JSON.stringify({ mobile: MOBILE });
    const req = request(`${sandbox.url}/addressbook/optout`, {
      method: 'DELETE',
      headers: {
        Authorization: `Bearer ${sandbox.apiKey}`,
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
      },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(body);
  });

const contenders = (sandbox: Sandbox) => {
  const authData = { api_key: sandbox.apiKey, api_url: sandbox.url };
  const ours = loadHandler(PROJECT_ROOT);
  const minimal = loadHandler(MINIMAL_APP);
  const hybrid = loadHandler(PROJECT_ROOT, minimalCodeInOurDefinition());
  return {
    app: () => ours(DELETE, { authData, inputData: { mobile: MAPPED_MOBILE } }),
    minimal: () => minimal(DELETE, { authData, inputData: { mobile: MOBILE } }),
    hybrid: () => hybrid(DELETE, { authData, inputData: { mobile: MOBILE } }),
    bare: bareDelete(sandbox),
  };
};

const measure = async (sandbox: Sandbox) => {
  const timed = contenders(sandbox);
  // Requests per step: what one Delete Opt-Out of ours sends to the API.
  const before = sandbox.requests.length;
  await timed.app();
  const requestsPerStep = sandbox.requests.length - before;
  await alternate(timed, WARM_UP_ROUNDS);
  const times = await alternate(timed, ROUNDS);
  return {
    app: summarise(times.app!),
    min: summarise(times.minimal!),
    hyb: summarise(times.hybrid!),
    bare: summarise(times.bare!),
    requestsPerStep,
  };
};

export const invocationOverhead = async (): Promise<Section> => {
  const { app, min, hyb, bare, requestsPerStep } = await withDeleteSandbox(measure);
  const results = {
    requestsPerStep,
    app,
    minimal: min,
    minimalCodeInOurDefinition: hyb,
    bare,
    appToMinimal: ratio(app, min),
    appToMinimalCodeInOurDefinition: ratio(app, hyb),
    ourDefinitionToMinimal: ratio(hyb, min),
    appToBare: ratio(app, bare),
    target: 1.1,
  };
  const ourCode = `app / this = ${ratio(app, hyb)} (our code)`;
  const core = `this / minimal = ${ratio(hyb, min)} (core, our definition)`;
  return {
    results,
    rows: [
      [
        `Invocation, warm (${ROUNDS} each)`,
        'this app',
        ms(app),
        `${requestsPerStep} request${requestsPerStep === 1 ? '' : 's'} per step`,
      ],
      ['', 'minimal app', ms(min), `app / minimal = ${ratio(app, min)} (target ≤ 1.10)`],
      ['', 'minimal code, our definition', ms(hyb), `${ourCode}; ${core}`],
      ['', 'bare HTTP', ms(bare), `app / bare = ${ratio(app, bare)}`],
    ],
  };
};
