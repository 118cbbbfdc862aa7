/** Mobivate's times, read as given: never a zone or a unit they did not have. */
import { instantRange, mayBeIn, readTime, timeOrder } from '../../../src/mobivate/shared/times';

describe('readTime', () => {
  it.each([
    [1_700_000_000_000, '2023-11-14T22:13:20.000Z'],
    ['1700000000000', '2023-11-14T22:13:20.000Z'],
    // Epoch seconds are seconds, not a moment in January 1970.
    [1_700_000_000, '2023-11-14T22:13:20.000Z'],
    ['1700000000.5', '2023-11-14T22:13:20.500Z'],
    ['2023-11-14T22:13:20+0000', '2023-11-14T22:13:20.000Z'],
    ['2023-11-15T09:13:20.000+11:00', '2023-11-14T22:13:20.000Z'],
    ['2023-11-14T22:13:20Z', '2023-11-14T22:13:20.000Z'],
    // Without a zone: kept without one.
    ['2026-12-05 23:35:47', '2026-12-05T23:35:47'],
    ['2026-12-05T23:35', '2026-12-05T23:35:00'],
    ['2026-12-05T23:35:47.123', '2026-12-05T23:35:47.123'],
  ])('reads %j as %j', (value, time) => expect(readTime(value)).toBe(time));

  it.each([1, 999_999_999, -5, 9e99, 'last Tuesday', '2026-13-45T99:00:00Z', null, {}])(
    'does not read %j',
    (value) => expect(readTime(value)).toBeUndefined(),
  );
});

describe('instantRange and mayBeIn', () => {
  const HOUR = 3_600_000;
  it('is one instant for a time with a zone', () => {
    const at = Date.parse('2026-12-05T23:35:47Z');
    expect(instantRange('2026-12-05T23:35:47.000Z')).toEqual({ earliest: at, latest: at });
  });

  it('is UTC-12 to UTC+14 for a time without one', () => {
    const utc = Date.parse('2026-12-05T23:35:47Z');
    expect(instantRange('2026-12-05T23:35:47')).toEqual({
      earliest: utc - 14 * HOUR,
      latest: utc + 12 * HOUR,
    });
  });

  it('keeps a time without a zone in a window it may fall in', () => {
    const utc = Date.parse('2026-12-05T23:35:47Z');
    expect(mayBeIn('2026-12-05T23:35:47', { start: utc + 11 * HOUR, end: utc + 20 * HOUR })).toBe(
      true,
    );
    expect(mayBeIn('2026-12-05T23:35:47', { start: utc + 13 * HOUR, end: utc + 20 * HOUR })).toBe(
      false,
    );
    expect(mayBeIn('2026-12-05T23:35:47.000Z', { start: utc + 1, end: utc + HOUR })).toBe(false);
  });

  it('orders times with and without a zone', () => {
    expect(timeOrder('2026-12-05T23:35:47')).toBe(Date.parse('2026-12-05T23:35:47Z'));
    expect(timeOrder('2026-12-05T23:35:47.000+01:00')).toBe(Date.parse('2026-12-05T22:35:47Z'));
  });
});
