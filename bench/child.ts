/**
 * One fresh process for the benchmark: loads a built app, runs one method, prints what it took.
 * Usage: node child.js <appDir> <method> <bundle.json>
 */
import { readFileSync } from 'node:fs';
import { loadHandler } from './invoke';

const main = async () => {
  const [appDir, method, bundleFile] = process.argv.slice(2) as [string, string, string];
  const bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as Record<string, unknown>;
  const loadStarted = process.hrtime.bigint();
  const run = loadHandler(appDir);
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
