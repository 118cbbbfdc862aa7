import { labelled } from '../../src/inputs/recipient-labels';
import type { BatchRecipient } from '../../src/mobivate';
import { parseAllowedHours } from '../../src/quiet-hours';
import { timeBatch } from '../../src/steps/batch-timing';

// 2026-06-10 14:00 UTC: 10:00 in New York, 07:00 in Los Angeles.
const NOW = Date.UTC(2026, 5, 10, 14);
const hours = (text: string) => {
  const parsed = parseAllowedHours(text);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed.hours;
};
const hold = (extra: { fallbackZone?: string | null; groupZone?: string } = {}) => ({
  now: NOW,
  hours: hours('08:00-21:00'),
  fallbackZone: null,
  ...extra,
});
const number = (recipient: string, label: string): BatchRecipient =>
  labelled({ recipient, text: 'Hi' }, label);
const group = (id: string): BatchRecipient =>
  labelled({ recipient: id, text: 'Hi', group: true }, `Group 1 ('${id}')`);

describe('timeBatch', () => {
  const ny = number('12127363100', "Recipient 1 ('+1 212 736 3100')");
  const la = number('12136241234', "Recipient 2 ('+1 213 624 1234')");

  it('without quiet hours, is one group at Send At (or now), and none for no one', () => {
    expect(timeBatch([ny, la], undefined, { scheduleAt: NOW + 60_000 })).toEqual({
      groups: [{ sendAt: NOW + 60_000, recipients: [ny, la] }],
      skipped: [],
      note: null,
    });
    expect(timeBatch([], undefined).groups).toEqual([]);
  });

  it('times groups by UTC when neither a zone is chosen nor the Zap has one, and says so', () => {
    const g = group('g-1');
    // 14:00 UTC is inside 08:00-21:00: the group goes now, with New York.
    expect(timeBatch([ny, g], hold())).toEqual({
      groups: [{ sendAt: null, recipients: [ny, g] }],
      skipped: [],
      note: '1 group was timed by UTC: Quiet Hours Time Zone is empty and the Zap has no time zone.',
    });
  });

  it('names a Zap time zone the app does not know', () => {
    const { note } = timeBatch([group('g-1')], hold({ fallbackZone: 'Mars/Base' }));
    expect(note).toBe(
      "1 group was timed by UTC: Quiet Hours Time Zone is empty and the Zap's time zone (Mars/Base) is not one this app knows.",
    );
  });

  it('where a send cannot be scheduled, keeps only the group due now and skips the held, in order', () => {
    const g = group('g-1');
    const timing = timeBatch([la, ny, g], hold({ groupZone: 'Asia/Tokyo' }), {
      canSchedule: false,
    });
    expect(timing.groups).toEqual([{ sendAt: null, recipients: [ny] }]);
    expect(timing.skipped).toEqual([
      {
        line: expect.stringMatching(
          /^Recipient 2 \('\+1 213 624 1234'\): it is outside Allowed Hours now; its earliest allowed time is 2026-06-10T15:00:00\.000Z/,
        ),
        reason: 'outside Allowed Hours now',
      },
      {
        line: expect.stringMatching(
          /^Group 1 \('g-1'\): it is outside Allowed Hours now; its earliest allowed time is 2026-06-10T23:00:00\.000Z/,
        ),
        reason: 'outside Allowed Hours now',
      },
    ]);
  });
});
