/**
 * The quiet-hours rule (docs/quiet-hours.md): a text goes now when it is inside the allowed hours
 * in every zone the number may be in; otherwise at the earliest whole minute inside them in all of
 * those zones; and when no time in the next 48 hours is, not at all, saying how to widen them.
 * A number whose zones are not known is timed by a fallback zone (the Zap's, else UTC), and the
 * decision says so.
 */
import { describeZones, refusalMessage } from './messages';
import {
  HORIZON_HOURS,
  MINUTE,
  allowedIntervals,
  intersect,
  knownZone,
  offsetSegments,
  type Interval,
  type Segment,
} from './offsets';
import type { AllowedHours } from './window';
import { zoneSetOf, type ZoneSet } from './zones';

export { HORIZON_HOURS };
const HORIZON = HORIZON_HOURS * 60 * MINUTE;
const DAY_MINUTES = 24 * 60;

export interface QuietHoursOptions {
  /** The current time, epoch milliseconds. */
  now: number;
  hours: AllowedHours;
  /** The Zap's time zone (bundle.meta.timezone), used for numbers whose zones are not known. */
  fallbackZone?: string | null;
}

/** The zone a number of unknown zones is timed by, and what to tell the user about it. */
export interface Fallback {
  zone: string;
  notice: string;
}

interface DecisionBase {
  /** The zones the decision was made for (the fallback zone when the number's are not known). */
  zones: readonly string[];
  /** Set when the number's zones are not known and the fallback zone decided. */
  fallback?: Fallback;
}

export type Decision = DecisionBase &
  (
    | { outcome: 'now'; sendAt: null }
    /** sendAt: epoch milliseconds, a whole minute, after now. */
    | { outcome: 'later'; sendAt: number }
    | { outcome: 'refused'; sendAt: null; message: string }
  );

/** The zone numbers of unknown zones are timed by: the Zap's when this Node knows it, else UTC. */
export const fallbackFor = (zapZone: string | null | undefined): Fallback => {
  const zone = zapZone ? knownZone(zapZone) : undefined;
  if (zone) {
    return {
      zone,
      notice: `The number's time zone is not known, so quiet hours used the Zap's time zone, ${zone}.`,
    };
  }
  const why = zapZone
    ? `the Zap's time zone (${zapZone}) is not one this app knows`
    : 'the Zap has no time zone';
  return {
    zone: 'UTC',
    notice: `The number's time zone is not known and ${why}, so quiet hours used UTC.`,
  };
};

/** The first whole minute, from now on, inside one of the intervals; null when it is now. */
const earliest = (intervals: readonly Interval[], now: number): number | null | undefined => {
  for (const { start, end } of intervals) {
    if (end <= now) continue;
    if (start <= now) return null;
    const minute = Math.ceil(start / MINUTE) * MINUTE;
    if (minute < end) return minute;
  }
  return undefined;
};

/** A cache: the value kept for a key, or the one build() makes the first time. */
const memo = <T>() => {
  const made = new Map<string, T>();
  return (key: string, build: () => T): T => {
    let found = made.get(key);
    if (found === undefined) {
      found = build();
      made.set(key, found);
    }
    return found;
  };
};

/** The narrowest wider window in which `finds` finds a time: a later end first, then an earlier start. */
const widerWindow = (hours: AllowedHours, finds: (window: AllowedHours) => boolean) => {
  for (let extra = 60; extra <= DAY_MINUTES; extra += 60) {
    for (let later = extra; later >= 0; later -= 60) {
      const wider = { start: hours.start - (extra - later), end: hours.end + later };
      if (wider.start >= 0 && wider.end <= DAY_MINUTES && finds(wider)) return wider;
    }
  }
  return { start: 0, end: DAY_MINUTES };
};

/**
 * Decides for one set of zones after another, at one `now` with one window: each zone's offsets
 * are read once, each set of zones decided once (a batch of 100,000 numbers has a few hundred).
 */
export const createQuietHours = ({ now, hours, fallbackZone }: QuietHoursOptions) => {
  const fallback = fallbackFor(fallbackZone);
  const segments = memo<Segment[]>();
  const segmentsOf = (zone: string) =>
    segments(zone, () => offsetSegments(zone, now, now + HORIZON));
  const decisions = memo<Decision>();
  const within = (zones: readonly string[], window: AllowedHours) =>
    intersect(zones.map((zone) => allowedIntervals(segmentsOf(zone), window)));

  const decide = (zones: readonly string[], extra: Partial<DecisionBase> = {}): Decision => {
    const sendAt = earliest(within(zones, hours), now);
    if (sendAt === null) return { outcome: 'now', sendAt, zones, ...extra };
    if (sendAt !== undefined) return { outcome: 'later', sendAt, zones, ...extra };
    const wider = widerWindow(
      hours,
      (window) => earliest(within(zones, window), now) !== undefined,
    );
    const message = refusalMessage(hours, describeZones(zones, now), wider);
    return { outcome: 'refused', sendAt: null, message, zones, ...extra };
  };

  /**
   * For a set of zones from zoneSetOf, or undefined (the number's zones are not known). A set's key
   * is base-36 indexes and commas, so it never equals the other keys, which hold a colon.
   */
  const forZoneSet = (set: ZoneSet | undefined): Decision =>
    set
      ? decisions(set.key, () => decide(set.zones))
      : decisions('fallback:', () => decide([fallback.zone], { fallback }));

  return {
    fallback,
    forZoneSet,
    /** For an international number (digits, with or without "+"). */
    forNumber: (number: string) => forZoneSet(zoneSetOf(number)),
    /** For zones named by the caller; unknown ones are left out, and none at all is the fallback. */
    forZones: (zones: readonly string[]): Decision => {
      const known = [...new Set(zones.map(knownZone).filter((z) => z !== undefined))].sort();
      return known.length > 0
        ? decisions(`zones:${known.join(' ')}`, () => decide(known))
        : forZoneSet(undefined);
    },
  };
};

export type QuietHours = ReturnType<typeof createQuietHours>;

/** When to send one text to a number: now, later (a whole minute), or refused, saying why. */
export const whenToSend = (number: string, options: QuietHoursOptions): Decision =>
  createQuietHours(options).forNumber(number);

/** The same for zones already known (IANA names). */
export const whenToSendInZones = (zones: readonly string[], options: QuietHoursOptions): Decision =>
  createQuietHours(options).forZones(zones);
