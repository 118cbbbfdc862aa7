import { performance } from 'node:perf_hooks';
import { groupBySendTime } from '../../src/quiet-hours/group';
import { parseAllowedHours, type AllowedHours } from '../../src/quiet-hours/window';
import { localMinutes } from './clock';
import { mixedNumbers } from './numbers';

const hours = (text: string): AllowedHours => {
  const result = parseAllowedHours(text);
  if ('problem' in result) throw new Error(result.problem);
  return result.hours;
};
// 12:00 UTC: 08:00 in New York, 05:00 in Los Angeles, 22:00 in Sydney, 13:00 in London.
const NOON_UTC = Date.parse('2026-06-10T12:00:00Z');

describe('grouping recipients by send time', () => {
  it('puts those who may receive a text now first, then each later time in order', () => {
    const recipients = ['+12127363100', '+12136241234', '+447700900123', '+61412345678'];
    const { groups, refused, fallback } = groupBySendTime(recipients, {
      now: NOON_UTC,
      hours: hours('08:00-21:00'),
    });
    expect(groups).toEqual([
      { sendAt: null, recipients: ['+12127363100', '+447700900123'] },
      { sendAt: Date.parse('2026-06-10T15:00:00Z'), recipients: ['+12136241234'] },
      { sendAt: Date.parse('2026-06-11T01:30:00Z'), recipients: ['+61412345678'] },
    ]);
    expect(refused).toEqual([]);
    expect(fallback).toBeUndefined();
  });

  it('keeps refused recipients apart, one message per set of zones', () => {
    const recipients = ['+79141234567', '+12127363100', '+79161234567', '+447700900123'];
    const { groups, refused } = groupBySendTime(recipients, {
      now: NOON_UTC,
      hours: hours('09:00-10:00'),
    });
    expect(groups).toEqual([
      { sendAt: Date.parse('2026-06-10T13:00:00Z'), recipients: ['+12127363100'] },
      { sendAt: Date.parse('2026-06-11T08:00:00Z'), recipients: ['+447700900123'] },
    ]);
    expect(refused).toEqual([
      {
        message: expect.stringMatching(/^No time in the next 48 hours is between 09:00 and 10:00/),
        recipients: ['+79141234567', '+79161234567'],
      },
    ]);
  });

  it('reads numbers from records and names those timed by the fallback zone', () => {
    const records = [
      { id: 'a', mobile: '999 000' },
      { id: 'b', mobile: '+12136241234' },
      { id: 'c', mobile: 'not a number' },
    ];
    const { groups, fallback } = groupBySendTime(
      records,
      { now: NOON_UTC, hours: hours('08:00-21:00'), fallbackZone: 'Europe/London' },
      (record) => record.mobile,
    );
    expect(groups.map((group) => group.recipients.map((record) => record.id))).toEqual([
      ['a', 'c'],
      ['b'],
    ]);
    expect(fallback).toEqual({
      zone: 'Europe/London',
      notice: expect.stringContaining("quiet hours used the Zap's time zone, Europe/London"),
      recipients: [records[0], records[2]],
    });
  });

  it('groups 100,000 mixed numbers in one pass, every group inside the window on its clocks', () => {
    const numbers = mixedNumbers(100_000);
    const allowed = hours('08:00-21:00');
    const started = performance.now();
    const { groups, refused, fallback } = groupBySendTime(numbers, {
      now: NOON_UTC,
      hours: allowed,
    });
    const elapsed = performance.now() - started;
    console.log(
      `quiet hours: 100,000 numbers in ${elapsed.toFixed(0)} ms, ${groups.length} send times, ` +
        `${refused.length} refusals, ${fallback?.recipients.length ?? 0} by the fallback zone`,
    );
    const grouped = groups.reduce((sum, group) => sum + group.recipients.length, 0);
    expect(grouped).toBe(100_000);
    expect(fallback?.recipients).toHaveLength(500);
    const sydney = groups.find((group) => group.recipients.includes('61400000002'));
    expect(localMinutes(sydney!.sendAt!, 'Australia/Perth')).toBeGreaterThanOrEqual(allowed.start);
    expect(localMinutes(sydney!.sendAt!, 'Australia/Lord_Howe')).toBeLessThan(allowed.end);
  });
});
