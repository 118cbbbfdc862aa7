/**
 * Scale at real latency: against the sandbox's latency model (sandbox/latency.ts), at each preset,
 * how far one step gets, one request at a time (sequential: the app as it was) and with the app's
 * bounded concurrency: the largest batch Send Batch SMS completes, how many opt-outs Find Opt-Out
 * searches and the New Opt-Out poll reads. Each is one run of a step given more than it can do:
 * the step's own report of where it stopped is the figure (a binary search would take many 25 s
 * steps). Each runs in a fresh process against its own sandbox, one after the other.
 */
import { LATENCY_PRESETS, type LatencyModel, type LatencyPreset } from '../../sandbox/latency';
import { startSandbox } from '../../sandbox/server';
import type { SandboxOptOutSeed } from '../../sandbox/server';
import { optOutList, recipientNumbers } from '../data';
import { inFreshProcess, writeBundle } from '../fresh-process';
import { PROJECT_ROOT } from '../invoke';
import type { Row, Section } from '../report';
import { round } from '../stats';

/**
 * More than any step can finish at the presets (a scan's bound is 150 pages of 1,000), so that
 * each run's figure is its limit; at a flat 300 ms a request the batch finishes, and says so.
 */
const BATCH_SIZE = 120_000;
const LIST_SIZE = 160_000;
const MODES = { sequential: 1, concurrent: undefined } as const;
type Mode = keyof typeof MODES;

interface Operation {
  name: string;
  method: string;
  inputData: Record<string, unknown>;
  optOuts: (now: number) => SandboxOptOutSeed[];
  /** What the step reached: from its output when it finished, from its report when it stopped. */
  reached: (outcome: string, output: unknown) => { count: number; complete: boolean };
}

const count = (text: string | undefined) => (text ? Number(text.replace(/,/g, '')) : 0);

const OPERATIONS: Operation[] = [
  {
    name: 'Send Batch SMS: largest batch in one step',
    method: 'creates.send_batch_sms.operation.perform',
    inputData: {
      from: 'Acme',
      recipients: recipientNumbers(BATCH_SIZE),
      message: 'Spring sale',
    },
    optOuts: () => [],
    reached: (outcome, output) => {
      if (outcome === 'ok') {
        return { count: (output as { recipients_sent: number }).recipients_sent, complete: true };
      }
      const split = /Split the recipients over several steps of at most ([\d,]+)/.exec(outcome);
      const accepted = /were accepted \(([\d,]+) recipients/.exec(outcome);
      return { count: count(split?.[1] ?? accepted?.[1]), complete: false };
    },
  },
  {
    name: 'Find Opt-Out: opt-outs searched in one step',
    method: 'searches.find_optout.operation.perform',
    inputData: { mobile: '+447999999999' },
    optOuts: (now) => optOutList(now, 300, LIST_SIZE),
    reached: (outcome) =>
      outcome === 'ok'
        ? { count: LIST_SIZE, complete: true }
        : { count: count(/it read ([\d,]+) opt-outs/.exec(outcome)?.[1]), complete: false },
  },
  {
    name: 'New Opt-Out: opt-outs read in one poll',
    method: 'triggers.new_optout.operation.perform',
    inputData: {},
    optOuts: (now) => optOutList(now, 2, LIST_SIZE),
    reached: (outcome, output) =>
      outcome === 'ok'
        ? { count: Array.isArray(output) ? output.length : 0, complete: true }
        : { count: count(/\(([\d,]+) read in \d+ requests\)/.exec(outcome)?.[1]), complete: false },
  },
];

/** A preset, or a preset with some of its figures replaced. */
interface Setting {
  name: string;
  preset: LatencyPreset;
  overrides?: Partial<LatencyModel>;
  operations: Operation[];
}

const SETTINGS: Setting[] = [
  { name: 'bulksms', preset: 'bulksms', operations: OPERATIONS },
  { name: 'vortex', preset: 'vortex', operations: OPERATIONS },
  {
    // The batch target's own terms: ~300 ms a request, whatever its size.
    name: 'bulksms, flat 300 ms/request',
    preset: 'bulksms',
    overrides: { perRecipientMs: 0 },
    operations: OPERATIONS.slice(0, 1),
  },
];

const run = async (setting: Setting, operation: Operation, mode: Mode) => {
  const { preset } = setting;
  const sandbox = await startSandbox({
    generation: preset,
    optOuts: operation.optOuts(Date.now()),
    latency: { preset, ...setting.overrides },
  });
  try {
    const bundleFile = writeBundle({
      authData: { api_key: sandbox.apiKey, api_url: sandbox.url, api_platform: preset },
      inputData: operation.inputData,
    });
    const result = await inFreshProcess(PROJECT_ROOT, operation.method, bundleFile, MODES[mode]);
    const { count: reached, complete } = operation.reached(result.outcome, result.output);
    return {
      reached,
      complete,
      requests: sandbox.requests.length,
      maxInFlight: sandbox.traffic.maxInFlight,
      runMs: round(result.runMs),
      outcome: result.outcome.slice(0, 200),
    };
  } finally {
    await sandbox.close();
  }
};

const describe = (figures: Awaited<ReturnType<typeof run>>) =>
  `${figures.reached.toLocaleString('en-US')}${figures.complete ? ' (all)' : ''}, ${figures.requests} requests (≤ ${figures.maxInFlight} at once), ${round(figures.runMs / 1000, 1)} s`;

export const latency = async (): Promise<Section> => {
  const results: Record<string, unknown>[] = [];
  const rows: Row[] = [];
  for (const setting of SETTINGS) {
    const model = { ...LATENCY_PRESETS[setting.preset], ...setting.overrides };
    const label = `Latency, ${setting.name}: ${model.baseMs} ms/request, ${model.perRowMs} ms/row, ${model.perRecipientMs} ms/recipient`;
    rows.push([label, '', '', '']);
    for (const operation of setting.operations) {
      const sequential = await run(setting, operation, 'sequential');
      const concurrent = await run(setting, operation, 'concurrent');
      results.push({
        preset: setting.name,
        model,
        operation: operation.name,
        sequential,
        concurrent,
      });
      rows.push([`  ${operation.name}`, 'sequential', describe(sequential), '']);
      rows.push([
        '',
        'concurrent',
        describe(concurrent),
        `${round(concurrent.reached / Math.max(1, sequential.reached))}× as far`,
      ]);
    }
  }
  return { results, rows };
};
