import { existsSync } from 'node:fs';
import path from 'node:path';
import * as core from 'zapier-platform-core';
import type { Bundle } from 'zapier-platform-core';
import { startSandbox } from './server';

/** A few opted-out numbers like a real account has: STOP replies and API additions. */
export const demoOptOuts = (now = Date.now()) => [
  { mobile: '447700900123', note: 'MO', created: now - 3 * 86_400_000 },
  { mobile: '447700900456', note: 'API', created: now - 2 * 86_400_000 },
  { mobile: '14155550132', note: 'MO', created: now - 86_400_000 },
];

type OutputField = { key: string; label?: string };
type Operation = { operation: { outputFields: OutputField[] } };

/** What the demo reads of the compiled app, a plain CommonJS module. */
export interface BuiltApp {
  creates: Record<string, Operation>;
  searches?: Record<string, Operation>;
  triggers?: Record<string, Operation>;
}

/** Core exports the handler Zapier runs (`zapier-platform invoke` uses it) but does not type it. */
type AppHandler = (event: Record<string, unknown>) => Promise<{ results: unknown }>;
const { createAppHandler } = core as unknown as { createAppHandler: (app: unknown) => AppHandler };

/** The folder with package.json: this file runs from sandbox/ (tests) or .tools/sandbox/ (built). */
const projectRoot = (from = __dirname): string =>
  existsSync(path.join(from, 'package.json')) ? from : projectRoot(path.dirname(from));

/** The compiled app through the root index.js, the file Zapier's wrapper requires. */
export const loadBuiltApp = (): BuiltApp =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(projectRoot(), 'index.js')) as BuiltApp;

/**
 * Starts a sandbox and returns a runner that calls the compiled app's methods the way
 * `zapier-platform invoke` does: through zapier-platform-core's handler, by method path.
 */
export const startDemo = async () => {
  const app = loadBuiltApp();
  const handler = createAppHandler(app);
  const sandbox = await startSandbox({ optOuts: demoOptOuts() });
  const authData = { api_key: sandbox.apiKey, api_url: sandbox.url };
  const run = async <T = Record<string, unknown>>(method: string, bundle: Partial<Bundle> = {}) => {
    const response = await handler({
      command: 'execute',
      method,
      bundle: { authData, ...bundle },
      calledFromCli: true,
    });
    return response.results as T;
  };
  return { app, run, sandbox };
};

/** Prints an operation's output the way the Zap editor lists it: label, then value. */
export const printOutput = (
  title: string,
  output: Record<string, unknown>,
  fields: readonly OutputField[],
) => {
  console.log(`\n${title}`);
  const labels = new Map(fields.map((field) => [field.key, field.label ?? field.key]));
  const width = Math.max(...[...labels.values()].map((label) => label.length));
  for (const [key, value] of Object.entries(output)) {
    console.log(`  ${(labels.get(key) ?? key).padEnd(width)}  ${JSON.stringify(value)}`);
  }
};
