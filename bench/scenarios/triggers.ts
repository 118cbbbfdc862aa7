/**
 * Trigger completeness under load (issue 21): Zapier's polling of New Delivery Status, New Opt-Out
 * and New Incoming SMS, simulated over hours of virtual time against the sandbox at its latency
 * presets, and what reached the Zap: polls that failed, the share of items announced, items
 * announced twice, the most items and bytes one poll returned, the longest poll (modelled time).
 * Each run is a process of its own (bench/trigger-child.ts); runs go `jobs` at a time, since their
 * figures are in virtual time and do not depend on the machine's speed.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../invoke';
import type { Row, Section } from '../report';
import { round } from '../stats';
import type { TriggerRun } from '../trigger-child';
import type { PollingFigures } from '../polling';

/** The app's bounds for one poll (src/steps/polls.ts) and Zapier's step limit (deadline.ts). */
const POLL_MAX_ITEMS = 25_000;
const POLL_MAX_BYTES = 10 * 1024 * 1024;
const STEP_DEADLINE_MS = 25_000;

const STATUSES = ['all', 'final', 'failures'] as const;

/**
 * Each generation at its own preset, and the BulkSMS API at Vortex's (a poll bound by time, not
 * pages, so cheap to run); `allPresets` adds the rest: Vortex at BulkSMS's, and the opt-out
 * scenario at the other preset (each a poll of up to 100 pages, for hundreds of polls).
 */
export const triggerRuns = (allPresets = false): TriggerRun[] => {
  const delivery = (generation: TriggerRun['generation'], preset: TriggerRun['preset']) =>
    STATUSES.map((statuses): TriggerRun => ({ world: 'delivery', generation, preset, statuses }));
  const runs: TriggerRun[] = [
    { world: 'optouts', generation: 'bulksms', preset: 'bulksms' },
    { world: 'optouts', generation: 'vortex', preset: 'vortex' },
    ...delivery('bulksms', 'bulksms'),
    ...delivery('vortex', 'vortex'),
    ...delivery('bulksms', 'vortex'),
    { world: 'incoming', generation: 'bulksms', preset: 'bulksms' },
    { world: 'incoming', generation: 'bulksms', preset: 'vortex' },
  ];
  if (!allPresets) return runs;
  return [
    { world: 'optouts', generation: 'bulksms', preset: 'vortex' },
    { world: 'optouts', generation: 'vortex', preset: 'bulksms' },
    ...runs,
    ...delivery('vortex', 'bulksms'),
  ];
};

/** What a run's process prints (bench/trigger-child.ts). */
/** A run's figures: what every poll measured (PollingFigures), and what this scenario expected. */
export interface RunResult extends TriggerRun, Omit<PollingFigures, 'announced'> {
  expected: number;
  announcedExpected: number;
  announcedUnexpected: number;
  mostArrivalsBetweenPolls: number;
  floodPolls: number;
  realSeconds: number;
}

/**
 * A copy of the built app (index.js, package.json, lib/, its node_modules linked) and of the built
 * bench and sandbox (.tools/) for the runs: the section takes minutes, and a build in the meantime
 * (`npm run build` empties lib/ and .tools/) would otherwise change or break them halfway.
 */
const snapshotApp = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mobivate-triggers-'));
  for (const name of ['index.js', 'package.json', 'lib', '.tools/bench', '.tools/sandbox']) {
    cpSync(path.join(PROJECT_ROOT, name), path.join(dir, name), { recursive: true });
  }
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
};

/** The line of a failed process's output that says what went wrong. */
const firstError = (output: string) => {
  const lines = output.split('\n');
  return (lines.find((line) => /Error\b/.test(line)) ?? lines[0]!).trim();
};

/** A run in its own process; a run that breaks is reported as such, the others go on. */
const runInProcess = (run: TriggerRun, appDir: string) =>
  new Promise<RunResult | BrokenRun>((resolve) => {
    execFile(
      process.execPath,
      // A larger young generation: the polls allocate much and keep little.
      [
        '--max-semi-space-size=64',
        path.join(appDir, '.tools', 'bench', 'trigger-child.js'),
        JSON.stringify(run),
        appDir,
      ],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve(
          error
            ? { ...run, broken: firstError(stderr || error.message) }
            : (JSON.parse(stdout.trim().split('\n').at(-1)!) as RunResult),
        ),
    );
  });

/** Runs them `jobs` at a time; the results in the runs' order. */
const runAll = async (runs: TriggerRun[], jobs: number, appDir: string) => {
  const results = new Array<RunResult | BrokenRun>(runs.length);
  let next = 0;
  const worker = async () => {
    while (next < runs.length) {
      const index = next++;
      results[index] = await runInProcess(runs[index]!, appDir);
      const [result, figures] = [results[index]!, row(results[index]!)];
      const real = 'broken' in result ? '' : `, ${round(result.realSeconds, 0)} s real`;
      console.log(`${figures[0]} (${figures[1]}${real}): ${figures[2]}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, runs.length) }, worker));
  return results;
};

/** Whether each of the issue's targets holds for a run. */
const targets = (result: RunResult) => ({
  noPollFails: result.failed === 0,
  everyPollWithin25s: result.longestPollMs <= STEP_DEADLINE_MS,
  withinReturnBounds: result.mostItems <= POLL_MAX_ITEMS && result.mostBytes <= POLL_MAX_BYTES,
  // Only a target when no more than a poll may return arrive between two polls.
  everyItemAnnounced:
    result.mostArrivalsBetweenPolls > POLL_MAX_ITEMS
      ? null
      : result.announcedExpected === result.expected,
  nothingAnnouncedTwice: result.announcedTwice === 0,
});

const TARGET_NAMES: Record<keyof ReturnType<typeof targets>, string> = {
  noPollFails: 'a poll failed',
  everyPollWithin25s: 'a poll over 25 s',
  withinReturnBounds: 'a poll over 25,000 items or 10 MB',
  everyItemAnnounced: 'items not announced',
  nothingAnnouncedTwice: 'items announced twice',
};

const label = (run: TriggerRun) =>
  run.world === 'delivery'
    ? `New Delivery Status (${run.statuses})`
    : run.world === 'optouts'
      ? 'New Opt-Out'
      : 'New Incoming SMS';

/** A run whose process failed (not a poll: the simulation itself). */
interface BrokenRun extends TriggerRun {
  broken: string;
}

const count = (value: number) => value.toLocaleString('en-US');
const percent = (part: number, whole: number) => `${round((100 * part) / Math.max(1, whole), 1)}%`;

const row = (result: RunResult | BrokenRun): Row => {
  const scenario = `  ${label(result)}, ${result.generation === 'vortex' ? 'Vortex' : 'BulkSMS'}`;
  if ('broken' in result)
    return [scenario, `${result.preset} preset`, `run broke: ${result.broken}`, ''];
  const missed = Object.entries(targets(result))
    .filter(([, held]) => held === false)
    .map(([name]) => TARGET_NAMES[name as keyof typeof TARGET_NAMES]);
  const flood = result.mostArrivalsBetweenPolls > POLL_MAX_ITEMS ? ' (flood)' : '';
  return [
    scenario,
    `${result.preset} preset`,
    `${result.failed}/${result.polls} polls failed; ${percent(result.announcedExpected, result.expected)} announced (${count(result.announcedExpected)} of ${count(result.expected)}; ≤ ${count(result.mostArrivalsBetweenPolls)} arrive between polls${flood}); ${count(result.announcedTwice)} twice`,
    `a poll ≤ ${count(result.mostItems)} items, ${round(result.mostBytes / 1024 / 1024, 1)} MB, ${round(result.longestPollMs / 1000, 1)} s; ${missed.length ? `missed: ${missed.join(', ')}` : 'targets met'}`,
  ];
};

export const triggers = async ({
  allPresets = false,
  jobs = availableParallelism(),
} = {}): Promise<Section> => {
  const started = performance.now();
  const runs = triggerRuns(allPresets);
  console.log(`Trigger completeness: ${runs.length} runs, ${jobs} at a time…`);
  const appDir = snapshotApp();
  const results = await runAll(runs, jobs, appDir).finally(() =>
    rmSync(appDir, { recursive: true, force: true }),
  );
  const realSeconds = round((performance.now() - started) / 1000, 0);
  const rows: Row[] = [
    [`Trigger completeness under load (${realSeconds} s real, ${jobs} at a time)`, '', '', ''],
    ...results.map(row),
    [
      '  New Incoming SMS, Vortex',
      'n/a',
      'Vortex has no incoming messages API: the trigger works on BulkSMS connections only',
      '',
    ],
  ];
  return {
    results: {
      date: new Date().toISOString(),
      realSeconds,
      jobs,
      runs: results.map((result) =>
        'broken' in result ? result : { ...result, targets: targets(result) },
      ),
    },
    rows,
  };
};
