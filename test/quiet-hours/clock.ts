/**
 * Reading clocks for the quiet-hours tests, with Intl directly (not src/quiet-hours/offsets.ts),
 * so that the tests check the rule against an independent reading of local time.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

const parts = (at: number, zone: string) => {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return Object.fromEntries(formatter.formatToParts(at).map(({ type, value }) => [type, value]));
};

/** "2026-03-08 08:00" on the zone's clocks. */
export const localTime = (at: number, zone: string): string => {
  const { year, month, day, hour, minute } = parts(at, zone);
  return `${year}-${month}-${day} ${hour}:${minute}`;
};

/** Minutes after local midnight on the zone's clocks. */
export const localMinutes = (at: number, zone: string): number => {
  const { hour, minute } = parts(at, zone);
  return Number(hour) * 60 + Number(minute);
};

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** The first whole minute from `from` (inclusive) to `to` at which every clock reads in [start, end). */
export const firstMinuteInside = (
  zones: readonly string[],
  window: { start: number; end: number },
  from: number,
  to: number,
): number | undefined => {
  const inside = (at: number) =>
    zones.every((zone) => {
      const minutes = localMinutes(at, zone);
      return minutes >= window.start && minutes < window.end;
    });
  if (inside(from)) return from;
  for (let at = Math.ceil(from / MINUTE) * MINUTE; at < to; at += MINUTE) {
    if (inside(at)) return at;
  }
  return undefined;
};
