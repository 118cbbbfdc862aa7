/** The one line that sums up why a batch-like send skipped recipients (issue 22). */
import { REASON, numberReason, skippedSummary } from '../../src/inputs/skip-reasons';

describe('skippedSummary', () => {
  it('counts each reason, the most frequent first, Mobivate’s refusals included', () => {
    const refused = [
      ...Array.from({ length: 8 }, () => ({
        recipient: null,
        reason: 'opted out',
        optedOut: true,
      })),
      { recipient: '447700900001', reason: 'Blocked by carrier', optedOut: false },
    ];
    expect(
      skippedSummary(
        { 'not a valid number for the Default Country (GB)': 160, duplicate: 2 },
        refused,
      ),
    ).toBe(
      '171 skipped: 160 not a valid number for the Default Country (GB), 8 opted out, 2 duplicates, 1 refused by Mobivate',
    );
  });

  it('writes thousands with commas and a lone duplicate in the singular', () => {
    expect(skippedSummary({ [REASON.noNumber]: 1200, [REASON.duplicate]: 1 })).toBe(
      '1,201 skipped: 1,200 no number, 1 duplicate',
    );
  });

  it('says "0 skipped" when nothing was', () => {
    expect(skippedSummary({}, [])).toBe('0 skipped');
  });
});

describe('numberReason', () => {
  it.each([
    ['07700 90', 'GB', 'not a valid number for the Default Country (GB)'],
    ['7700 90', ' gb ', 'not a valid number for the Default Country (GB)'],
    ['+44 12', 'GB', 'not a valid number'],
    ['0044 12', 'GB', 'not a valid number'],
    ['07700 90', undefined, 'not a valid number'],
    ['  ', 'GB', 'no number'],
  ])('%j with Default Country %j: %s', (raw, country, reason) => {
    expect(numberReason(raw, country)).toBe(reason);
  });
});
