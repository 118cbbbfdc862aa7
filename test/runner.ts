/**
 * Runs an app method through zapier-platform-core's handler, as Zapier does, and keeps every log
 * line: what the app's z.console and core's request logging print (logToStdout, before core's
 * scrubbing) and what core would ship to Zapier's log store (customLogger, after it).
 */
import * as core from 'zapier-platform-core';
import type { Bundle } from 'zapier-platform-core';
import App from '../index';

type Handler = (event: Record<string, unknown>) => Promise<{ results: unknown }>;
// Core exports the handler it runs in production but does not type it.
const { createAppHandler } = core as unknown as { createAppHandler: (app: unknown) => Handler };
const handler = createAppHandler(App);

export interface Outcome {
  result?: unknown;
  error?: Error;
  logs: string[];
}

export const runMethod = async (method: string, bundle: Partial<Bundle>): Promise<Outcome> => {
  const logs: string[] = [];
  const stdout = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    logs.push(args.map(String).join(' '));
  });
  try {
    const response = await handler({
      command: 'execute',
      method,
      bundle,
      logToStdout: true,
      customLogger: (message: string, data: unknown) =>
        logs.push(`${message} ${JSON.stringify(data)}`),
    });
    return { result: response.results, logs };
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)), logs };
  } finally {
    stdout.mockRestore();
  }
};

/**
 * The one way to run an operation on a connection: `authData` from helpers.ts (`authData()`,
 * `vortexAuth()`), or a sandbox's (`sandboxAuth`).
 */
export const runOn = (
  authData: Record<string, string | undefined>,
  method: string,
  inputData: Record<string, unknown> = {},
  extra: Partial<Bundle> = {},
): Promise<Outcome> =>
  runMethod(method, { meta: {}, authData, inputData, ...extra } as Partial<Bundle>);

/** A connection to a running sandbox (sandbox/server.ts) of either API. */
export const sandboxAuth = (
  sandbox: { url: string; apiKey: string },
  api: 'bulksms' | 'vortex' = 'bulksms',
) => ({
  api_key: sandbox.apiKey,
  api_url: sandbox.url,
  ...(api === 'vortex' ? { api_platform: 'vortex' } : {}),
});

/** What a step returned, or an exception with the message the user would see. */
export const resultOf = (outcome: Outcome) => {
  if (outcome.error) throw new Error(userMessage(outcome.error).message);
  return outcome.result as Record<string, unknown> & Record<string, unknown>[];
};

/** The message a user reads: z.errors.Error and ThrottledError put theirs in JSON. */
export const userMessage = (error: Error): { message: string; delay?: number | null } => {
  try {
    const parsed = JSON.parse(error.message) as { message?: string; delay?: number | null };
    if (typeof parsed.message === 'string') return { message: parsed.message, delay: parsed.delay };
  } catch {
    // not JSON: a plain error message
  }
  // Core appends "What happened: …" (the step's input) to a HaltedError.
  return { message: error.message.split('\nWhat happened:')[0]! };
};

/** What the app logged itself: core's HTTP log lines left out. */
export const appLogs = ({ logs }: Outcome): string =>
  logs.filter((line) => !line.includes('"log_type":"http"')).join('\n');
