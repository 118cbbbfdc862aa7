import { tolerantNumber } from './records';

/**
 * Mobivate's times (docs/mobivate-api.md §9 #17): `2023-07-28T03:23:22.000+00:00` (receipts),
 * `2023-09-01T00:30:36+0000` (incoming, logs), `…Z` (Vortex), epoch milliseconds (opt-outs), and,
 * from servers that answer otherwise, epoch seconds and times without a zone. A time is read as
 * it was given and never silently given a zone or a unit it did not have (truthful-outcomes.md).
 */

/** The range of instants a JavaScript Date can hold. */
const MAX_MILLIS = 8.64e15;
/** Epoch numbers below this are seconds (this many seconds is the year 5138); above, milliseconds. */
const MILLIS_FROM = 1e11;
/** Epoch seconds before 2001 (and milliseconds before 1973) are no time Mobivate recorded. */
const SECONDS_FROM = 1e9;
/** Where on Earth a time without a zone may have been taken: UTC-12 to UTC+14. */
const EARLIEST_OFFSET_MS = 14 * 3_600_000;
const LATEST_OFFSET_MS = 12 * 3_600_000;

const TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const fromEpoch = (number: number): string | undefined => {
  if (!Number.isFinite(number) || Math.abs(number) < SECONDS_FROM) return undefined;
  const millis = Math.abs(number) < MILLIS_FROM ? Math.round(number * 1000) : number;
  return Math.abs(millis) <= MAX_MILLIS ? new Date(millis).toISOString() : undefined;
};

/** A value given as a time (text or a number), whether or not it can be read as one. */
export const isTime = (value: unknown): boolean =>
  (typeof value === 'string' && value.trim() !== '') ||
  (typeof value === 'number' && Number.isFinite(value));

/**
 * A time as ISO-8601: in UTC (`…Z`) when Mobivate gave a zone or an epoch number, and without a
 * zone (`2026-12-05T23:35:47`) when it gave none; undefined when it is no time.
 */
export const readTime = (value: unknown): string | undefined => {
  const number = tolerantNumber(value);
  if (number !== undefined) return fromEpoch(number);
  if (typeof value !== 'string') return undefined;
  const match = TIMESTAMP.exec(value.trim());
  if (!match) return undefined;
  const [, date, time, zone] = match;
  const clock = time!.length === 5 ? `${time}:00` : time!;
  if (Number.isNaN(Date.parse(`${date}T${clock}Z`))) return undefined;
  if (zone === undefined) return `${date}T${clock}`;
  const offset = /^[+-]\d{4}$/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  return new Date(Date.parse(`${date}T${clock}${offset.toUpperCase()}`)).toISOString();
};

/**
 * The instants a time read by readTime may stand for: one for a time with a zone, and the day
 * and more a time without one may be anywhere on Earth.
 */
export const instantRange = (time: string): { earliest: number; latest: number } => {
  const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(time);
  const millis = Date.parse(zoned ? time : `${time}Z`);
  return zoned
    ? { earliest: millis, latest: millis }
    : { earliest: millis - EARLIEST_OFFSET_MS, latest: millis + LATEST_OFFSET_MS };
};

/**
 * A number that orders times read by readTime (epoch milliseconds; a time without a zone is
 * placed as if in UTC, which orders such times among themselves).
 */
export const timeOrder = (time: string): number =>
  Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(time) ? time : `${time}Z`);

/** Whether a time may fall in a window of epoch milliseconds. */
export const mayBeIn = (time: string, window: { start: number; end: number }): boolean => {
  const { earliest, latest } = instantRange(time);
  return latest >= window.start && earliest <= window.end;
};

/**
 * Dates for the list endpoints' startDate/endDate (§2.1): `YYYY-MM-DDTHH:MM:SS+0000`, the offset
 * without a colon. Always UTC. (z.request encodes the "+" as %2B, as the docs require.)
 */
export const formatMobivateDate = (millis: number): string =>
  new Date(millis).toISOString().replace(/\.\d{3}Z$/, '+0000');
