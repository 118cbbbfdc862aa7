/**
 * One run of the trigger section (bench/scenarios/triggers.ts) in its own process, whose clock is
 * virtual: the built app and the sandbox, with the sandbox's latency model in virtual time, and
 * Zapier's polling simulated over hours of that time (bench/polling.ts). Prints its figures as
 * one line of JSON. Usage: node trigger-child.js '<TriggerRun as JSON>' [appDir]
 */
import { LATENCY_PRESETS, type LatencyPreset } from '../sandbox/latency';
import { startSandbox } from '../sandbox/server';
import { PROJECT_ROOT, loadHandler } from './invoke';
import { POLL_INTERVAL_MS, simulatePolling } from './polling';
import {
  mostArrivalsBetweenPolls,
  planWorld,
  seeded,
  type Generation,
  type WorldName,
} from './trigger-worlds';
import { installVirtualClock } from './virtual-clock';

export interface TriggerRun {
  world: WorldName;
  generation: Generation;
  preset: LatencyPreset;
  /** New Delivery Status's Statuses field. */
  statuses?: string;
}

/** A fixed virtual start (a Monday morning, UTC), so that runs are repeatable. */
const START = Date.parse('2025-03-03T09:00:00Z');

/**
 * Core's handler ends a process that has run 250 invocations above 450 MB (its
 * memory-checker.js), as a Zapier worker would be replaced; this process also holds the sandbox
 * and its 100,000 records, and runs hundreds of polls.
 */
const allowLongRun = (appDir: string) => {
  const file = require.resolve('zapier-platform-core/src/constants', { paths: [appDir] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const constants = require(file) as { KILL_MAX_LIMIT: number };
  constants.KILL_MAX_LIMIT = Number.POSITIVE_INFINITY;
};

/** The app logs a line per request (core prints z.console to the console): only floods count. */
const countFloods = () => {
  const counter = { floods: 0 };
  console.log = (...parts: unknown[]) => {
    if (String(parts[0]).startsWith('Flood:')) counter.floods++;
  };
  return counter;
};

const main = async () => {
  const run = JSON.parse(process.argv[2]!) as TriggerRun;
  const appDir = process.argv[3] ?? PROJECT_ROOT;
  const firstPoll = START - POLL_INTERVAL_MS;
  const clock = installVirtualClock(firstPoll);
  allowLongRun(appDir);
  const floods = countFloods();
  const sandbox = await startSandbox({
    generation: run.generation,
    now: clock.now,
    latency: { preset: run.preset, random: seeded(15), virtual: clock },
  });
  try {
    const world = planWorld(run.world, sandbox, START, run.generation, run.statuses);
    const authData = {
      api_key: sandbox.apiKey,
      api_url: sandbox.url,
      api_platform: run.generation,
    };
    const announced = new Set<string>();
    const realStart = performance.now();
    const figures = await simulatePolling(
      {
        method: world.method,
        bundle: { authData, inputData: world.inputData },
        start: firstPoll,
        until: world.lastArrival + world.tailMs,
      },
      { clock, sandbox, invoke: loadHandler(appDir) },
      announced,
    );
    let announcedExpected = 0;
    for (const id of world.expected.keys()) if (announced.has(id)) announcedExpected++;
    const result = {
      ...run,
      model: LATENCY_PRESETS[run.preset],
      ...figures,
      expected: world.expected.size,
      announcedExpected,
      announcedUnexpected: figures.announced - announcedExpected,
      mostArrivalsBetweenPolls: mostArrivalsBetweenPolls(
        world.expected,
        firstPoll,
        POLL_INTERVAL_MS,
      ),
      floodPolls: floods.floods,
      realSeconds: (performance.now() - realStart) / 1000,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await sandbox.close();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
