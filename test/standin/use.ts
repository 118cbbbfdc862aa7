import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import { authData } from '../helpers';
import { runMethod, type Outcome } from '../runner';
import { startStandIn, type StandIn } from './server';

/** Starts the stand-in for a test file (loopback only) and resets it between tests. */
export const useStandIn = (): (() => StandIn) => {
  let standIn: StandIn | undefined;
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    standIn = await startStandIn();
  });
  afterEach(() => standIn?.reset());
  afterAll(async () => {
    await standIn?.close();
    nock.disableNetConnect();
  });
  return () => standIn!;
};

/** Runs an app method through core's handler with the connection pointed at the stand-in. */
export const runAgainst = (
  standIn: StandIn,
  method: string,
  inputData: Record<string, unknown>,
  extra: Partial<Bundle> & { authData?: Record<string, string> } = {},
): Promise<Outcome> =>
  runMethod(method, {
    meta: {},
    ...extra,
    authData: { ...authData({ api_url: standIn.url }), ...extra.authData },
    inputData,
  } as Partial<Bundle>);
