/**
 * One fresh process for the benchmark: loads a built app, runs one method, prints what it took.
 * Usage: node child.js <appDir> <method> <bundle.json> [concurrency]
 * With a concurrency, the app's batch sends and list scans use it in place of their built-in
 * limit (1 measures the app as it was, one request at a time); the app itself has no such switch.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadHandler } from './invoke';

/** Sets the limits the built app's modules read at each call (their exported constants). */
const setConcurrency = (appDir: string, concurrency: number) => {
  const modules = {
    'lib/src/mobivate/shared/batch-send.js': 'BATCH_CONCURRENCY',
    'lib/src/mobivate/shared/page-reader.js': 'SCAN_CONCURRENCY',
  };
  for (const [file, name] of Object.entries(modules)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(path.join(appDir, file)) as Record<string, unknown>;
    if (typeof exported[name] !== 'number') throw new Error(`${file} exports no ${name}`);
    exported[name] = concurrency;
  }
};

const main = async () => {
  const [appDir, method, bundleFile, concurrency] = process.argv.slice(2) as [
    string,
    string,
    string,
    string | undefined,
  ];
  const bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as Record<string, unknown>;
  const loadStarted = process.hrtime.bigint();
  const run = loadHandler(appDir);
  if (concurrency !== undefined) setConcurrency(appDir, Number(concurrency));
  const loaded = process.hrtime.bigint();
  let outcome = 'ok';
  let output: unknown;
  try {
    output = await run(method, bundle);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    try {
      outcome = (JSON.parse(message) as { message: string }).message;
    } catch {
      outcome = message.split('\n')[0]!;
    }
  }
  const done = process.hrtime.bigint();
  process.stdout.write(
    `${JSON.stringify({
      loadMs: Number(loaded - loadStarted) / 1e6,
      runMs: Number(done - loaded) / 1e6,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      outcome,
      output,
    })}\n`,
  );
};

void main();
