import {
  createQuietHours,
  fallbackFor,
  whenToSend,
  whenToSendInZones,
  type Decision,
} from '../../src/quiet-hours/schedule';
import { parseAllowedHours, type AllowedHours } from '../../src/quiet-hours/window';
import { timeZonesOf } from '../../src/quiet-hours/zones';
import { HOUR, MINUTE, firstMinuteInside, localMinutes, localTime } from './clock';

const window = (text: string): AllowedHours => {
  const result = parseAllowedHours(text);
  if ('problem' in result) throw new Error(result.problem);
  return result.hours;
};
const DAYTIME = window('08:00-21:00');
const LOS_ANGELES = '+1 213 624 1234';
const NEW_YORK = '+1 212 736 3100';
const AUSTRALIAN_MOBILE = '+61 412 345 678';
const RUSSIAN_MOBILE = '+7 914 123 4567';

const decide = (number: string, now: string, hours = DAYTIME) =>
  whenToSend(number, { now: Date.parse(now), hours });

/** When the decision sends, on a zone's clock. */
const sentAt = (decision: Decision, zone: string) => {
  if (decision.outcome !== 'later') throw new Error(`expected later, got ${decision.outcome}`);
  return localTime(decision.sendAt, zone);
};

/** Every zone's clock reads inside the window at `at`, and, a minute earlier, one did not. */
const expectEarliestInside = (zones: readonly string[], at: number, hours: AllowedHours) => {
  for (const zone of zones) {
    const minutes = localMinutes(at, zone);
    expect({ zone, inside: minutes >= hours.start && minutes < hours.end }).toEqual({
      zone,
      inside: true,
    });
  }
  expect(firstMinuteInside(zones, hours, at - MINUTE, at)).toBeUndefined();
};

describe("quiet hours in the North American number's zone", () => {
  it('holds a Los Angeles number at 23:00 local to 08:00 local the next morning', () => {
    const decision = decide(LOS_ANGELES, '2026-06-10T23:00:00-07:00');
    expect(sentAt(decision, 'America/Los_Angeles')).toBe('2026-06-11 08:00');
    expect(decision).toMatchObject({ zones: ['America/Los_Angeles'] });
    expect(decision.fallback).toBeUndefined();
  });

  it('sends to a New York number at 10:00 local now', () => {
    expect(decide(NEW_YORK, '2026-06-10T10:00:00-04:00')).toEqual({
      outcome: 'now',
      sendAt: null,
      zones: ['America/New_York'],
    });
  });

  it('holds until the window opens and sends from the minute it does, until it closes', () => {
    expect(decide(NEW_YORK, '2026-06-10T07:59:30-04:00')).toMatchObject({
      outcome: 'later',
      sendAt: Date.parse('2026-06-10T08:00:00-04:00'),
    });
    expect(decide(NEW_YORK, '2026-06-10T08:00:00-04:00').outcome).toBe('now');
    expect(decide(NEW_YORK, '2026-06-10T20:59:59-04:00').outcome).toBe('now');
    expect(sentAt(decide(NEW_YORK, '2026-06-10T21:00:00-04:00'), 'America/New_York')).toBe(
      '2026-06-11 08:00',
    );
  });

  describe('on the day US daylight saving starts (2026-03-08)', () => {
    it('holds Los Angeles at 23:00 PST the night before to 08:00 PDT', () => {
      const decision = decide(LOS_ANGELES, '2026-03-07T23:00:00-08:00');
      expect(sentAt(decision, 'America/Los_Angeles')).toBe('2026-03-08 08:00');
      expect(decision.sendAt).toBe(Date.parse('2026-03-08T15:00:00Z'));
    });

    it('holds Los Angeles at 23:00 PDT that evening to 08:00 the next morning', () => {
      const decision = decide(LOS_ANGELES, '2026-03-08T23:00:00-07:00');
      expect(sentAt(decision, 'America/Los_Angeles')).toBe('2026-03-09 08:00');
    });

    it('holds New York at 01:30 EST, before the change, to 08:00 EDT', () => {
      const decision = decide(NEW_YORK, '2026-03-08T01:30:00-05:00');
      expect(decision.sendAt).toBe(Date.parse('2026-03-08T12:00:00Z'));
    });

    it('sends to New York at 10:00 EDT now', () => {
      expect(decide(NEW_YORK, '2026-03-08T10:00:00-04:00').outcome).toBe('now');
    });
  });

  describe('on the day US daylight saving ends (2026-11-01)', () => {
    it('holds Los Angeles at 23:00 PDT the night before to 08:00 PST', () => {
      const decision = decide(LOS_ANGELES, '2026-10-31T23:00:00-07:00');
      expect(sentAt(decision, 'America/Los_Angeles')).toBe('2026-11-01 08:00');
      expect(decision.sendAt).toBe(Date.parse('2026-11-01T16:00:00Z'));
    });

    it('holds Los Angeles at 23:00 PST that evening to 08:00 the next morning', () => {
      const decision = decide(LOS_ANGELES, '2026-11-01T23:00:00-08:00');
      expect(decision.sendAt).toBe(Date.parse('2026-11-02T16:00:00Z'));
    });

    it('sends to New York at 10:00 EST now', () => {
      expect(decide(NEW_YORK, '2026-11-01T10:00:00-05:00').outcome).toBe('now');
    });
  });
});

describe('quiet hours for a mobile that may be anywhere in its country', () => {
  it.each(['2026-06-10T12:00:00Z', '2026-01-15T11:00:00Z', '2026-10-04T13:00:00Z'])(
    'holds an Australian mobile to a time inside the window in every Australian zone (%s)',
    (now) => {
      const decision = decide(AUSTRALIAN_MOBILE, now);
      expect(decision.outcome).toBe('later');
      expect(decision.zones).toEqual(timeZonesOf(AUSTRALIAN_MOBILE));
      expectEarliestInside(decision.zones, decision.sendAt!, DAYTIME);
    },
  );

  it('holds a Russian mobile to a time inside the window from Kaliningrad to Kamchatka', () => {
    const decision = decide(RUSSIAN_MOBILE, '2026-06-10T12:00:00Z');
    expect(decision.zones).toEqual(
      expect.arrayContaining(['Europe/Kaliningrad', 'Asia/Kamchatka']),
    );
    expectEarliestInside(decision.zones, decision.sendAt!, DAYTIME);
    expect(sentAt(decision, 'Europe/Kaliningrad')).toBe('2026-06-11 08:00');
    expect(sentAt(decision, 'Asia/Kamchatka')).toBe('2026-06-11 18:00');
  });

  it('refuses a Russian mobile when the window is too narrow, saying how to widen it', () => {
    const decision = decide(RUSSIAN_MOBILE, '2026-06-10T12:00:00Z', window('09:00-10:00'));
    expect(decision).toMatchObject({ outcome: 'refused', sendAt: null });
    expect(decision.outcome === 'refused' && decision.message).toBe(
      "No time in the next 48 hours is between 09:00 and 10:00 in all of the number's possible " +
        'time zones (Europe/Kaliningrad … Asia/Kamchatka, 33 zones): widen Allowed Hours, for ' +
        'example to 09:00-20:00, or send to this number without quiet hours.',
    );
    // The window it suggests does find a time.
    expect(decide(RUSSIAN_MOBILE, '2026-06-10T12:00:00Z', window('09:00-20:00')).outcome).toBe(
      'later',
    );
  });

  it('agrees with a minute-by-minute search of the next 48 hours', () => {
    const numbers = [AUSTRALIAN_MOBILE, RUSSIAN_MOBILE, LOS_ANGELES, '+1 208 555 1234'];
    const windows = ['08:00-21:00', '9:30-20:00', '12:00-13:00', '07:05-07:20'].map(window);
    const nows = ['2026-03-08T09:58:30Z', '2026-04-05T15:59:00Z', '2026-10-25T00:31:00Z'];
    for (const number of numbers) {
      for (const hours of windows) {
        for (const now of nows.map(Date.parse)) {
          const zones = timeZonesOf(number);
          const expected = firstMinuteInside(zones, hours, now, now + 48 * HOUR);
          const decision = whenToSend(number, { now, hours });
          const found = decision.outcome === 'refused' ? undefined : (decision.sendAt ?? now);
          expect({ number, hours, now, found }).toEqual({ number, hours, now, found: expected });
        }
      }
    }
  });
});

describe('clocks that skip or repeat the window', () => {
  const inNewYork = (hours: string, now: string) =>
    whenToSendInZones(['America/New_York'], { now: Date.parse(now), hours: window(hours) });

  it('opens a window whose start the clocks skip (02:30 on 2026-03-08) when they reach 03:00', () => {
    expect(inNewYork('02:30-03:30', '2026-03-08T01:00:00-05:00').sendAt).toBe(
      Date.parse('2026-03-08T03:00:00-04:00'),
    );
  });

  it('sends at the first of two 01:15s when the clocks go back (2026-11-01)', () => {
    expect(inNewYork('01:15-01:45', '2026-11-01T00:00:00-04:00').sendAt).toBe(
      Date.parse('2026-11-01T01:15:00-04:00'),
    );
    // After the first 01:45, the repeated hour opens the window again.
    expect(inNewYork('01:15-01:45', '2026-11-01T01:50:00-04:00').sendAt).toBe(
      Date.parse('2026-11-01T01:15:00-05:00'),
    );
  });
});

describe('a number whose time zone is not known', () => {
  const now = Date.parse('2026-06-10T04:00:00Z');

  it("is timed by the Zap's time zone, and says so", () => {
    const decision = whenToSend('+999 123 4567', {
      now,
      hours: DAYTIME,
      fallbackZone: 'America/Chicago',
    });
    expect(decision.zones).toEqual(['America/Chicago']);
    expect(sentAt(decision, 'America/Chicago')).toBe('2026-06-10 08:00');
    expect(decision.fallback).toEqual({
      zone: 'America/Chicago',
      notice:
        "The number's time zone is not known, so quiet hours used the Zap's time zone, America/Chicago.",
    });
  });

  it('is timed by UTC when the Zap has no time zone, or one this Node does not know', () => {
    expect(whenToSend('999 12', { now, hours: DAYTIME })).toMatchObject({
      outcome: 'later',
      sendAt: Date.parse('2026-06-10T08:00:00Z'),
      zones: ['UTC'],
    });
    expect(fallbackFor(undefined).notice).toBe(
      "The number's time zone is not known and the Zap has no time zone, so quiet hours used UTC.",
    );
    expect(fallbackFor('Mars/Olympus_Mons')).toEqual({
      zone: 'UTC',
      notice:
        "The number's time zone is not known and the Zap's time zone (Mars/Olympus_Mons) is not one this app knows, so quiet hours used UTC.",
    });
  });
});

describe('zones the caller already knows', () => {
  it('decides for them, leaving out names this Node does not know', () => {
    const options = { now: Date.parse('2026-06-10T12:00:00Z'), hours: DAYTIME };
    expect(whenToSendInZones(['Europe/London', 'Nowhere/Land'], options)).toEqual({
      outcome: 'now',
      sendAt: null,
      zones: ['Europe/London'],
    });
    expect(whenToSendInZones(['Nowhere/Land'], options).fallback?.zone).toBe('UTC');
  });

  it('decides each set of zones once per batch', () => {
    const quietHours = createQuietHours({
      now: Date.parse('2026-06-10T12:00:00Z'),
      hours: DAYTIME,
    });
    expect(quietHours.forNumber('+61412345678')).toBe(quietHours.forNumber('+61 499 999 999'));
    expect(quietHours.forZones(['Asia/Tokyo', 'Asia/Seoul'])).toBe(
      quietHours.forZones(['Asia/Seoul', 'Asia/Tokyo']),
    );
  });
});
