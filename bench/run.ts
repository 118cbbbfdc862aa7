/**
 * `npm run bench`: what the app costs beyond the HTTP call it exists to make, measured against the
 * local sandbox on loopback only. Every comparison is measured side by side in one run (A, B, A,
 * B, …) and reported as min / median / max; ratios are of medians. Writes bench/results.json.
 * The measurements are in bench/scenarios/.
 *
 * `node .tools/bench/run.js [section …] [--all-presets] [--jobs=N]` runs only the sections named
 * (invocation, coldStart, package, scale, latency, triggers, quietHours, replay) and updates their keys in an existing
 * bench/results.json; `--all-presets` and `--jobs` are the trigger section's (scenarios/triggers.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './invoke';
import { formatTable, type Section } from './report';
import { coldStart } from './scenarios/cold-start';
import { invocationOverhead } from './scenarios/invocation';
import { latency } from './scenarios/latency';
import { packageSize } from './scenarios/package-size';
import { quietHours } from './scenarios/quiet-hours';
import { replay } from './scenarios/replay';
import { scale } from './scenarios/scale';
import { triggers } from './scenarios/triggers';

const args = process.argv.slice(2);
const flag = (name: string) => args.find((arg) => arg.startsWith(`--${name}`));
const jobs = flag('jobs=') && Number(flag('jobs=')!.split('=')[1]);

/** Every section, in the order they run: one after the other, never in parallel. */
const SECTIONS: Record<string, () => Promise<Section> | Section> = {
  invocation: invocationOverhead,
  coldStart,
  package: packageSize,
  scale,
  latency,
  triggers: () => triggers({ allPresets: Boolean(flag('all-presets')), ...(jobs ? { jobs } : {}) }),
  quietHours,
  replay,
};

const chosen = () => {
  const named = args.filter((arg) => !arg.startsWith('--'));
  const unknown = named.filter((name) => !(name in SECTIONS));
  if (unknown.length) {
    throw new Error(`No section ${unknown.join(', ')}: ${Object.keys(SECTIONS).join(', ')}`);
  }
  return named.length ? named : Object.keys(SECTIONS);
};

const main = async () => {
  const names = chosen();
  const file = path.join(PROJECT_ROOT, 'bench', 'results.json');
  const whole = names.length === Object.keys(SECTIONS).length;
  // A partial run updates its sections in the last results and leaves the rest as they were.
  const results: Record<string, unknown> =
    !whole && existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
      : {};
  if (whole) Object.assign(results, { machine: { node: process.version, cpus: 2 } });
  if (whole) results.date = new Date().toISOString();
  console.log('Measuring against the local sandbox on loopback…');
  const rows = [];
  for (const name of names) {
    const section = await SECTIONS[name]!();
    results[name] = section.results;
    rows.push(...section.rows);
  }
  console.log(`\n${formatTable(rows)}`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(PROJECT_ROOT, file)}`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
