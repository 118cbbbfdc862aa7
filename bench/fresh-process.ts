/** Runs one app method in a new Node process (child.ts), as a cold Zapier worker would. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** What child.ts prints: its own timings, its peak memory, and how the method ended. */
interface ChildResult {
  loadMs: number;
  runMs: number;
  maxRssMb: number;
  outcome: string;
  output: unknown;
}

const lastLine = (text: string) => text.trim().split('\n').at(-1) ?? '';

/** Writes a bundle to a temporary file, for a child process to read. */
export const writeBundle = (bundle: unknown) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'mobivate-bench-')), 'bundle.json');
  writeFileSync(file, JSON.stringify(bundle));
  return file;
};

/** Runs one method in a fresh Node process; returns its own figures and the wall time around it. */
export const inFreshProcess = async (
  appDir: string,
  method: string,
  bundleFile: string,
  concurrency?: number,
) => {
  const started = process.hrtime.bigint();
  const result = await new Promise<ChildResult>((resolve, reject) => {
    execFile(
      process.execPath,
      [
        path.join(__dirname, 'child.js'),
        appDir,
        method,
        bundleFile,
        ...(concurrency === undefined ? [] : [String(concurrency)]),
      ],
      { maxBuffer: 256 * 1024 * 1024 },
      // The app logs a line per request (z.console) before the child's figures, the last line.
      (error, stdout) =>
        error ? reject(error) : resolve(JSON.parse(lastLine(stdout)) as ChildResult),
    );
  });
  return { wallMs: Number(process.hrtime.bigint() - started) / 1e6, ...result };
};
