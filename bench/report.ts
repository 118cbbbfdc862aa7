/** What each measurement hands back for the printed table and bench/results.json. */
import { round, type Summary } from './stats';

/** One table row: what was measured, the contender, its figures, and the comparison. */
export type Row = [string, string, string, string];

/** A measurement's part of bench/results.json and its rows of the table. */
export interface Section<T = unknown> {
  results: T;
  rows: Row[];
}

export const ms = (summary: Summary) =>
  `${round(summary.min)} / ${round(summary.median)} / ${round(summary.max)} ms`;

/** Ratios are of medians: the min and max of a noisy machine say little about typical cost. */
export const ratio = (a: Summary, b: Summary) => round(a.median / b.median);

/** The rows as aligned columns, two spaces apart. */
export const formatTable = (rows: Row[]) => {
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '))
    .join('\n');
};
