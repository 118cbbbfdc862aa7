/**
 * A zone's UTC offset over time, from Node's own time-zone data (Intl, ICU), and the stretches of
 * time in which its clocks read inside the allowed hours. Daylight saving is exact: the offset is
 * read at each instant, and a change is found to the minute.
 */
import type { AllowedHours } from './window';

export const MINUTE = 60_000;
/** How far ahead quiet hours look for a time that suits every zone of a number. */
export const HORIZON_HOURS = 48;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Clocks change months apart; sampling every 3 hours cannot step over two changes. */
const SAMPLE_STEP = 3 * HOUR;

/** [start, end): epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** A stretch of time over which a zone's offset (local minus UTC, in ms) does not change. */
export interface Segment extends Interval {
  offset: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatter = (zone: string) => {
  let found = formatters.get(zone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, found);
  }
  return found;
};

/** The zone's offset at an instant: local wall-clock time minus UTC, in milliseconds. */
export const offsetAt = (zone: string, at: number): number => {
  const parts: Record<string, number> = {};
  for (const { type, value } of formatter(zone).formatToParts(at)) {
    if (type !== 'literal') parts[type] = Number(value);
  }
  const local = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return local - Math.floor(at / 1000) * 1000;
};

/** The zone's canonical name when this Node knows it (Asia/Kolkata → Asia/Calcutta), else undefined. */
export const knownZone = (zone: string): string | undefined => {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
};

/** The first whole minute in (before, after] at which the offset is no longer `was`. */
const changeBetween = (zone: string, before: number, after: number, was: number) => {
  let low = Math.floor(before / MINUTE);
  let high = Math.ceil(after / MINUTE);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(zone, middle * MINUTE) === was) low = middle;
    else high = middle;
  }
  return high * MINUTE;
};

/** The zone's offsets over [from, to), one segment per offset. */
export const offsetSegments = (zone: string, from: number, to: number): Segment[] => {
  const segments: Segment[] = [];
  let start = from;
  let offset = offsetAt(zone, from);
  for (let at = from; at < to;) {
    const next = Math.min(at + SAMPLE_STEP, to);
    const then = offsetAt(zone, next);
    if (then !== offset) {
      const change = changeBetween(zone, at, next, offset);
      segments.push({ start, end: change, offset });
      start = change;
      offset = offsetAt(zone, change);
    }
    at = next;
  }
  segments.push({ start, end: to, offset });
  return segments;
};

/** When, within the segments, the zone's clocks read inside the allowed hours. */
export const allowedIntervals = (segments: readonly Segment[], hours: AllowedHours) => {
  const intervals: Interval[] = [];
  for (const { start, end, offset } of segments) {
    // Each local day's window, as UTC instants: local midnight (as if UTC) minus the offset.
    for (let day = Math.floor((start + offset) / DAY) * DAY; day - offset < end; day += DAY) {
      const from = Math.max(start, day + hours.start * MINUTE - offset);
      const to = Math.min(end, day + hours.end * MINUTE - offset);
      if (from >= to) continue;
      const last = intervals[intervals.length - 1];
      if (last && last.end === from) last.end = to;
      else intervals.push({ start: from, end: to });
    }
  }
  return intervals;
};

/** The instants in every list of intervals (each sorted and disjoint). */
export const intersect = (lists: readonly (readonly Interval[])[]): Interval[] => {
  let result: Interval[] = [...(lists[0] ?? [])];
  for (const list of lists.slice(1)) {
    const next: Interval[] = [];
    let i = 0;
    let j = 0;
    while (i < result.length && j < list.length) {
      const a = result[i]!;
      const b = list[j]!;
      const start = Math.max(a.start, b.start);
      const end = Math.min(a.end, b.end);
      if (start < end) next.push({ start, end });
      if (a.end < b.end) i += 1;
      else j += 1;
    }
    result = next;
  }
  return result;
};
