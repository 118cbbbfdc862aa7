/**
 * Large accounts: a batch send to 10,000 and 100,000 numbers, and Find Opt-Out and the New Opt-Out
 * poll over 100,000 opt-outs. Each runs once, in a fresh process, against its own sandbox.
 */
import { startSandbox, type SandboxOptOutSeed } from '../../sandbox/server';
import { optOutList, recipientNumbers } from '../data';
import { inFreshProcess, writeBundle } from '../fresh-process';
import { PROJECT_ROOT } from '../invoke';
import type { Row, Section } from '../report';
import { round } from '../stats';

const LIST_SIZE = 100_000;
const OUTCOME_WIDTH = 110;

interface Scenario {
  name: string;
  optOuts: SandboxOptOutSeed[];
  method: string;
  inputData: Record<string, unknown>;
}

const batch = (count: number): Scenario => ({
  name: `Send Batch SMS, ${count.toLocaleString('en-US')} recipients`,
  optOuts: [],
  method: 'creates.send_batch_sms.operation.perform',
  inputData: { from: 'Acme', recipients: recipientNumbers(count), message: 'Spring sale' },
});

const scenarios = (now: number): Scenario[] => {
  const yearly = optOutList(now, 365, LIST_SIZE);
  const recent = optOutList(now, 2, LIST_SIZE);
  const findOptOut = 'searches.find_optout.operation.perform';
  const newOptOut = 'triggers.new_optout.operation.perform';
  return [
    batch(10_000),
    batch(100_000),
    {
      name: 'Find Opt-Out, 100,000 over a year, absent number, 365 days',
      optOuts: yearly,
      method: findOptOut,
      inputData: { mobile: '+447999999999' },
    },
    {
      name: 'Find Opt-Out, 100,000 over a year, newest number, 30 days',
      optOuts: yearly,
      method: findOptOut,
      inputData: { mobile: '+447800000000', lookback_days: 30 },
    },
    {
      name: 'New Opt-Out poll, 100,000 over a year',
      optOuts: yearly,
      method: newOptOut,
      inputData: {},
    },
    {
      name: 'New Opt-Out poll, 100,000 in the last 2 days',
      optOuts: recent,
      method: newOptOut,
      inputData: {},
    },
  ];
};

/** How the run ended, with what it returned: a list's length or that it gave one result. */
const describeOutcome = ({ outcome, output }: { outcome: string; output: unknown }) => {
  if (outcome !== 'ok') return outcome;
  const items = Array.isArray(output) ? `${output.length} items` : output ? 'a result' : '';
  return `ok, ${items}`;
};

/** Runs a scenario in a fresh process against its own sandbox: its results entry and table row. */
const runScenario = async (scenario: Scenario) => {
  const sandbox = await startSandbox({ optOuts: scenario.optOuts });
  try {
    const bundleFile = writeBundle({
      authData: { api_key: sandbox.apiKey, api_url: sandbox.url },
      inputData: scenario.inputData,
    });
    const run = await inFreshProcess(PROJECT_ROOT, scenario.method, bundleFile);
    const requests = sandbox.requests.length;
    const outcome = describeOutcome(run);
    const result = {
      scenario: scenario.name,
      requests,
      runMs: round(run.runMs),
      maxRssMb: round(run.maxRssMb, 0),
      outcome,
    };
    const row: Row = [
      scenario.name,
      `${requests} requests`,
      `${round(run.runMs / 1000)} s, peak ${result.maxRssMb} MB`,
      outcome.length > OUTCOME_WIDTH ? `${outcome.slice(0, OUTCOME_WIDTH)}…` : outcome,
    ];
    return { result, row };
  } finally {
    await sandbox.close();
  }
};

export const scale = async (): Promise<Section> => {
  const table: Record<string, unknown>[] = [];
  const rows: Row[] = [];
  for (const scenario of scenarios(Date.now())) {
    const { result, row } = await runScenario(scenario);
    table.push(result);
    rows.push(row);
  }
  return { results: table, rows };
};
