/** Loads a built Zapier app from its folder and calls its methods through core's handler. */
import path from 'node:path';
import type { Bundle } from 'zapier-platform-core';

type Handler = (event: Record<string, unknown>) => Promise<{ results: unknown }>;

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const MINIMAL_APP = path.join(PROJECT_ROOT, 'bench', 'minimal-app');

/** A built app as Zapier's CommonJS wrapper loads it: its folder's index.js. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadApp = (appDir: string) => require(path.join(appDir, 'index.js')) as AppModule;

/** Calls an app's methods through the handler of the core the app in `appDir` uses. */
export const loadHandler = (appDir: string, app: AppModule = loadApp(appDir)) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const core = require(require.resolve('zapier-platform-core', { paths: [appDir] })) as {
    createAppHandler: (app: unknown) => Handler;
  };
  const handler = core.createAppHandler(app);
  return async (method: string, bundle: Partial<Bundle>) =>
    (await handler({ command: 'execute', method, bundle, calledFromCli: true })).results;
};

interface AppModule {
  beforeRequest?: unknown[];
  afterResponse?: unknown[];
  flags?: unknown;
  creates: Record<string, { operation: Record<string, unknown> }>;
}

/**
 * The minimal app's code inside this app's definition: its perform and middleware, with every
 * label, field, sample and operation of ours. Against the minimal app, it shows what core's
 * per-invocation work on a larger definition costs; against this app, what our code costs.
 */
export const minimalCodeInOurDefinition = (): AppModule => {
  const ours = loadApp(PROJECT_ROOT);
  const minimal = loadApp(MINIMAL_APP);
  const deleteOptOut = ours.creates.delete_optout!;
  return {
    ...ours,
    beforeRequest: minimal.beforeRequest,
    afterResponse: [],
    flags: undefined,
    creates: {
      ...ours.creates,
      delete_optout: {
        ...deleteOptOut,
        operation: {
          ...deleteOptOut.operation,
          perform: minimal.creates.delete_optout!.operation.perform,
        },
      },
    },
  };
};
