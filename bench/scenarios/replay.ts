/**
 * Replay-safe sends (issue 24, docs/replays.md): what a Send SMS with a Reference costs, at the
 * 300 ms preset (sandbox/latency.ts), side by side with the same send without one, and how many
 * log rows of the window one step can check before it must refuse to send. Each run in-process
 * through core's handler against its own sandbox; the latency model makes the time real.
 */
import { loadHandler, PROJECT_ROOT } from '../invoke';
import { startSandbox, type SandboxMessageSeed } from '../../sandbox/server';
import type { Row, Section } from '../report';
import { round } from '../stats';

const SEND = 'creates.send_sms.operation.perform';
const sms = { from: 'Acme', to: '+44 7700 900123', message: 'Welcome!' };

/** `count` texts sent in the last hours, none with the Reference the step sends. */
const log = (count: number): SandboxMessageSeed[] =>
  Array.from({ length: count }, (_, i) => ({
    originator: 'Acme',
    recipient: `4477009${String(i % 100_000).padStart(5, '0')}`,
    body: 'Hi',
    senderReference: `other-${i}`,
    created: Date.now() - 3_600_000 - i,
  }));

const runOnce = async (logRows: number, inputData: Record<string, unknown>) => {
  const sandbox = await startSandbox({ messages: log(logRows), latency: { preset: 'bulksms' } });
  try {
    const handler = loadHandler(PROJECT_ROOT);
    const started = Date.now();
    let outcome = 'ok';
    try {
      await handler(SEND, {
        authData: { api_key: sandbox.apiKey, api_url: sandbox.url },
        inputData,
        meta: {} as never,
      });
    } catch (error) {
      outcome = (error instanceof Error ? error.message : String(error)).slice(0, 90);
    }
    return { ms: Date.now() - started, requests: sandbox.requests.length, outcome };
  } finally {
    await sandbox.close();
  }
};

export const replay = async (): Promise<Section> => {
  // 37: a page that is not a round length, which a server's cap could explain (page-reader.ts).
  const without = await runOnce(37, sms);
  const withReference = await runOnce(37, { ...sms, reference: 'form-881' });
  const fullLog = await runOnce(60_000, { ...sms, reference: 'form-882' });
  const results = {
    preset: 'bulksms (300 ms a request)',
    withoutReference: without,
    withReference,
    addedMs: withReference.ms - without.ms,
    addedRequests: withReference.requests - without.requests,
    rowsOneStepChecks: 50_000,
    windowOf60000Rows: fullLog,
  };
  const rows: Row[] = [
    [
      'Send SMS, no Reference (300 ms preset)',
      `${without.requests} requests`,
      `${round(without.ms)} ms`,
      without.outcome,
    ],
    [
      'Send SMS, with a Reference (log fits a page)',
      `${withReference.requests} requests`,
      `${round(withReference.ms)} ms`,
      `+${results.addedRequests} request, +${results.addedMs} ms`,
    ],
    [
      'Send SMS, with a Reference, 60,000 texts in the window',
      `${fullLog.requests} requests`,
      `${round(fullLog.ms)} ms`,
      fullLog.outcome,
    ],
  ];
  return { results, rows };
};
