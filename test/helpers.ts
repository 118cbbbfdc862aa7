import nock from 'nock';
import { createAppTester, type Bundle } from 'zapier-platform-core';
import App from '../index';
import type { Outcome } from './runner';

export const API_URL = 'https://api.mobivatebulksms.com';
/** The Vortex host every public client uses (docs/mobivate-api.md §V1). */
export const VORTEX_URL = 'https://vortex.mobivatebulksms.com';
/** Distinctive, so a test can prove it never leaks into messages or output. */
export const API_KEY = 'key-5a8d1c7e-canary-9b2f4e6a0d3c';

export const appTester = createAppTester(App);

/** A BulkSMS connection to the nock host. */
export const authData = (overrides: Record<string, string | undefined> = {}) => ({
  api_key: API_KEY,
  api_url: API_URL,
  ...overrides,
});

/** A Vortex connection to the nock host. */
export const vortexAuth = (overrides: Record<string, string | undefined> = {}) =>
  authData({ api_platform: 'vortex', api_url: VORTEX_URL, ...overrides });

/** A bundle as Zapier passes it to a perform, with the connection filled in. */
export const makeBundle = <InputData extends Record<string, unknown>>(
  inputData: InputData,
  auth = authData(),
): Partial<Bundle<InputData>> & { inputData: InputData } => ({ authData: auth, inputData });

/** A nock scope that only matches requests carrying the headers every Mobivate call needs. */
export const mobivateScope = (origin = API_URL, key = API_KEY) =>
  nock(origin, {
    reqheaders: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
  });

/** The same on the Vortex host. */
export const vortexScope = () => mobivateScope(VORTEX_URL);

/** The error a promise rejects with, for assertions on its class and message together. */
export const rejection = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected the promise to reject, but it resolved');
};

export interface ZapierFailure {
  /** AppError is z.errors.Error; the others keep their class name. */
  name: string;
  message: string;
  code?: string;
  status?: number;
  delay?: number | null;
}

/** How an error reads to the user, with the JSON that z.errors.Error and ThrottledError keep. */
export const failureOf = (error: Error): ZapierFailure => {
  if (error.name === 'AppError' || error.name === 'ThrottledError') {
    return { name: error.name, ...(JSON.parse(error.message) as Omit<ZapierFailure, 'name'>) };
  }
  // Core appends "What happened: …" (the step's input) to a HaltedError; the user reads the first part.
  return { name: error.name, message: error.message.split('\nWhat happened:')[0]! };
};

/**
 * How a step failed: a promise from appTester that must reject, or an outcome of core's handler
 * (runner.ts) that must hold an error.
 */
export function failure(run: Promise<unknown>): Promise<ZapierFailure>;
export function failure(run: Outcome): ZapierFailure;
export function failure(run: Promise<unknown> | Outcome): Promise<ZapierFailure> | ZapierFailure {
  if (run instanceof Promise) return rejection(run).then(failureOf);
  if (!run.error)
    throw new Error(`expected the step to fail, but it returned ${JSON.stringify(run.result)}`);
  return failureOf(run.error);
}
