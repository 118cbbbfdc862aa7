/**
 * What the Vortex end-to-end tests share: loopback allowed, and one way to run an operation as
 * Zapier does (through core's handler) on a Vortex connection to a sandbox, failing with the
 * message the user would see.
 */
import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import type { Sandbox } from '../../sandbox/server';
import { runMethod, userMessage } from '../reliability/runner';

export const allowLoopback = () => {
  beforeAll(() => nock.enableNetConnect('127.0.0.1'));
  afterAll(() => nock.disableNetConnect());
};

export const runOnVortexSandbox = async (
  sandbox: Sandbox,
  method: string,
  inputData: Record<string, unknown> = {},
) => {
  const authData = { api_key: sandbox.apiKey, api_url: sandbox.url, api_platform: 'vortex' };
  const outcome = await runMethod(method, {
    authData,
    inputData,
    meta: {},
  } as unknown as Partial<Bundle>);
  if (outcome.error) throw new Error(userMessage(outcome.error).message);
  return outcome.result as Record<string, unknown> & Record<string, unknown>[];
};
