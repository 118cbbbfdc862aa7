/** Cold start: a new Node process that loads an app and runs one Delete Opt-Out, app vs minimal. */
import type { Sandbox } from '../../sandbox/server';
import { inFreshProcess, writeBundle } from '../fresh-process';
import { MINIMAL_APP, PROJECT_ROOT } from '../invoke';
import { ms, ratio, type Section } from '../report';
import { summarise } from '../stats';
import { DELETE, MAPPED_MOBILE, MOBILE, withDeleteSandbox } from './delete-optout';

const ROUNDS = 15;
type Contender = 'app' | 'minimal';

/** Wall and load times of each app, in alternating order: app first in even rounds. */
const measure = async (sandbox: Sandbox) => {
  const authData = { api_key: sandbox.apiKey, api_url: sandbox.url };
  const bundles = {
    app: writeBundle({ authData, inputData: { mobile: MAPPED_MOBILE } }),
    minimal: writeBundle({ authData, inputData: { mobile: MOBILE } }),
  };
  const dirs = { app: PROJECT_ROOT, minimal: MINIMAL_APP };
  const wall: Record<Contender, number[]> = { app: [], minimal: [] };
  const before = sandbox.requests.length;
  const load: Record<Contender, number[]> = { app: [], minimal: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order: Contender[] = round % 2 ? ['minimal', 'app'] : ['app', 'minimal'];
    for (const name of order) {
      const run = await inFreshProcess(dirs[name], DELETE, bundles[name]);
      if (run.outcome !== 'ok') throw new Error(`cold start of the ${name} app: ${run.outcome}`);
      wall[name].push(run.wallMs);
      load[name].push(run.loadMs);
    }
  }
  // Requests per step: every run, of either app, sends one request.
  const requestsPerStep = (sandbox.requests.length - before) / (2 * ROUNDS);
  return { wall, load, requestsPerStep };
};

export const coldStart = async (): Promise<Section> => {
  const { wall, load, requestsPerStep } = await withDeleteSandbox(measure);
  const [app, min] = [summarise(wall.app), summarise(wall.minimal)];
  const [appLoad, minLoad] = [summarise(load.app), summarise(load.minimal)];
  const results = {
    requestsPerStep,
    app,
    minimal: min,
    appToMinimal: ratio(app, min),
    appLoad,
    minimalLoad: minLoad,
    target: 1.25,
  };
  const minimalNote = `app / minimal = ${ratio(app, min)} (target ≤ 1.25); loading: ${ms(minLoad)}`;
  return {
    results,
    rows: [
      [
        `Cold start: new process, load, one delete (${ROUNDS} each)`,
        'this app',
        ms(app),
        `of which loading the app: ${ms(appLoad)}; ${requestsPerStep} request(s) per step`,
      ],
      ['', 'minimal app', ms(min), minimalNote],
    ],
  };
};
