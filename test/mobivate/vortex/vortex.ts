/** Running operations on a Vortex connection, through core's handler, with nock standing in. */
import type { Bundle } from 'zapier-platform-core';
import { authData, mobivate } from '../../helpers';
import { runMethod, userMessage, type Outcome } from '../../reliability/runner';

export const VORTEX_URL = 'https://vortex.mobivatebulksms.com';

export const vortexAuth = () => authData({ api_platform: 'vortex', api_url: VORTEX_URL });

/** A nock scope for the Vortex host that only matches requests with Mobivate's headers. */
export const vortex = () => mobivate(VORTEX_URL);

export const runOnVortex = (
  method: string,
  inputData: Record<string, unknown>,
  extra: Partial<Bundle> = {},
): Promise<Outcome> =>
  runMethod(method, { meta: {}, authData: vortexAuth(), inputData, ...extra } as Partial<Bundle>);

/** How a step failed: the error's class and the first line of its message. */
export const failed = (outcome: Outcome) => {
  expect(outcome.error).toBeDefined();
  return {
    name: outcome.error!.name,
    message: userMessage(outcome.error!).message,
  };
};
