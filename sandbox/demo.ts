import { existsSync } from 'node:fs';
import path from 'node:path';
import * as core from 'zapier-platform-core';
import type { Bundle } from 'zapier-platform-core';
import { startSandbox, type SandboxMessageSeed } from './server';

/** A few opted-out numbers like a real account has: STOP replies and API additions. */
export const demoOptOuts = (now = Date.now()) => [
  { mobile: '447700900123', note: 'MO', created: now - 3 * 86_400_000 },
  { mobile: '447700900456', note: 'API', created: now - 2 * 86_400_000 },
  { mobile: '14155550132', note: 'MO', created: now - 86_400_000 },
];

const MINUTE = 60_000;

/** Demo ids in the log's form: 32 hexadecimal digits. */
const demoId = (n: number) => `5E1B7C2A0A000A9D2FBD4671${String(n).padStart(8, '0')}`;

/**
 * Two days of a shop's message log: texts sent from two sender IDs with their latest statuses (one
 * still on its way), and the replies they got, one of them STOP.
 */
export const demoMessages = (now = Date.now()): SandboxMessageSeed[] => {
  const sent = (
    n: number,
    minutesAgo: number,
    recipient: string,
    body: string,
    status: string,
  ) => ({
    id: demoId(n),
    originator: minutesAgo > 24 * 60 ? 'AcmeSale' : 'Acme',
    recipient,
    body,
    status,
    created: now - minutesAgo * MINUTE,
    // Statuses arrive seconds to minutes after the send.
    modified: now - minutesAgo * MINUTE + (status === 'ACCEPTED' ? 2_000 : 90_000),
    senderReference: `order-${1000 + n}`,
  });
  const reply = (n: number, minutesAgo: number, to: number, originator: string, body: string) => ({
    id: demoId(n),
    originator,
    recipient: '447700900000',
    body,
    direction: 'MO' as const,
    status: 'RECEIVED',
    inReplyTo: demoId(to),
    routeId: null,
    cost: 0,
    created: now - minutesAgo * MINUTE,
  });
  const booking = 'Your table for 4 is booked for Friday 7pm. Reply YES to confirm.';
  return [
    sent(1, 50 * 60, '447700900123', 'Spring sale: 20% off today.', 'DELIVERED'),
    sent(2, 49 * 60, '447700900555', 'Spring sale: 20% off today.', 'UNDELIVERABLE'),
    reply(3, 48 * 60, 1, '447700900123', 'STOP'),
    sent(4, 3 * 60, '447700900321', 'Your order has shipped.', 'DELIVERED'),
    reply(5, 2 * 60, 4, '447700900321', 'Thanks! Can I change the address?'),
    sent(6, 20, '447700900444', booking, 'ACCEPTED'),
    reply(7, 5, 6, '447700900444', 'Yes, see you then'),
  ];
};

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
export const startDemo = async (generation: 'bulksms' | 'vortex' = 'bulksms') => {
  const app = loadBuiltApp();
  const handler = createAppHandler(app);
  const sandbox = await startSandbox({
    optOuts: demoOptOuts(),
    messages: demoMessages(),
    generation,
    // A key belongs to one API: the app remembers which per key (docs/connection.md).
    ...(generation === 'vortex' ? { apiKey: 'sandbox-vortex-key-2f8c1e7a9b' } : {}),
  });
  const authData = { api_key: sandbox.apiKey, api_url: sandbox.url, api_platform: generation };
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
