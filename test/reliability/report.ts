/**
 * Counts what the reliability suites tried, for the README's Reliability section. Jest runs suites
 * in separate workers, so each adds its numbers to one file; test/reliability/reporter.js empties
 * it before a run and prints it after.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FILE = path.resolve(__dirname, '../../.reliability.json');

export const recordReliability = (name: string, count: number) => {
  mkdirSync(path.dirname(FILE), { recursive: true });
  let counts: Record<string, number> = {};
  try {
    counts = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, number>;
  } catch {
    // first suite of the run
  }
  counts[name] = (counts[name] ?? 0) + count;
  writeFileSync(FILE, `${JSON.stringify(counts, null, 2)}\n`);
};
