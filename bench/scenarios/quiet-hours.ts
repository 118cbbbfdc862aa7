/**
 * Quiet hours: grouping 100,000 mixed numbers by send time (src/quiet-hours/group.ts), in the
 * built app (lib/), the way a batch send would. The first run reads the zone data and makes each
 * zone's clock; the next runs, at other times of day, reuse the clocks. Target: ≤ 500 ms.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as QuietHoursModule from '../../src/quiet-hours';
import { mixedNumbers } from '../../test/quiet-hours/numbers';
import { PROJECT_ROOT } from '../invoke';
import { ms, type Section } from '../report';
import { round, summarise } from '../stats';

const COUNT = 100_000;
const TARGET_MS = 500;
const RUNS = 6;

export const quietHours = (): Section => {
  // The compiled module, with the zone data beside it as the zip has it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built app, at run time
  const built = require(
    path.join(PROJECT_ROOT, 'lib', 'src', 'quiet-hours'),
  ) as typeof QuietHoursModule;
  const numbers = mixedNumbers(COUNT);
  const hours = { start: 8 * 60, end: 21 * 60 };
  const start = Date.parse('2026-06-10T00:00:00Z');
  const times: number[] = [];
  let groups = 0;
  for (let run = 0; run < RUNS; run++) {
    const now = start + run * 4 * 3_600_000;
    const started = performance.now();
    groups = built.groupBySendTime(numbers, { now, hours }).groups.length;
    times.push(performance.now() - started);
  }
  const [first = 0, ...rest] = times;
  const later = summarise(rest);
  return {
    results: {
      numbers: COUNT,
      firstMs: round(first),
      laterMs: {
        ...later,
        min: round(later.min),
        median: round(later.median),
        max: round(later.max),
      },
      groups,
      targetMs: TARGET_MS,
    },
    rows: [
      [
        'Quiet hours: group 100,000 mixed numbers',
        'this app',
        `first ${round(first)} ms, then ${ms(later)}`,
        `${groups} send times (target ≤ ${TARGET_MS} ms)`,
      ],
    ],
  };
};
