/**
 * `npm run bench`: what the app costs beyond the HTTP call it exists to make, measured against the
 * local sandbox on loopback only. Every comparison is measured side by side in one run (A, B, A,
 * B, …) and reported as min / median / max; ratios are of medians. Writes bench/results.json.
 * The measurements are in bench/scenarios/.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './invoke';
import { formatTable } from './report';
import { coldStart } from './scenarios/cold-start';
import { invocationOverhead } from './scenarios/invocation';
import { latency } from './scenarios/latency';
import { packageSize } from './scenarios/package-size';
import { scale } from './scenarios/scale';

const main = async () => {
  const date = new Date().toISOString();
  console.log('Measuring against the local sandbox on loopback…');
  // One after the other, never in parallel: each would slow the others down.
  const invocation = await invocationOverhead();
  const cold = await coldStart();
  const pkg = packageSize();
  const large = await scale();
  const real = await latency();
  const results = {
    machine: { node: process.version, cpus: 2 },
    date,
    invocation: invocation.results,
    coldStart: cold.results,
    package: pkg.results,
    scale: large.results,
    latency: real.results,
  };
  console.log(
    `\n${formatTable([...invocation.rows, ...cold.rows, ...pkg.rows, ...large.rows, ...real.rows])}`,
  );
  const file = path.join(PROJECT_ROOT, 'bench', 'results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(PROJECT_ROOT, file)}`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
