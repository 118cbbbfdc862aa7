import { countryChoices } from '../src/fields';
import { normaliseMobile } from '../src/phone';
import { appTester, makeBundle } from './helpers';

describe('normaliseMobile', () => {
  it.each([
    // [input, default country, Mobivate's form]
    ['+44 7700 900123', undefined, '447700900123'],
    ['0044 7700 900123', undefined, '447700900123'],
    ['+44 (0) 7700-900123', undefined, '447700900123'],
    ['447700900123', undefined, '447700900123'],
    ['  +447700900123  ', undefined, '447700900123'],
    ['+44.7700.900.123', undefined, '447700900123'],
    ['07700 900123', 'GB', '447700900123'],
    ['07700 900123', 'gb', '447700900123'],
    ['7700900123', 'GB', '447700900123'], // a spreadsheet dropped the leading 0
    ['447700900123', 'GB', '447700900123'],
    ['447700900123', 'US', '447700900123'], // not a US number, but valid international digits
    ['(415) 555-0132', 'US', '14155550132'],
    ['415.555.0132', 'US', '14155550132'],
    ['1 415 555 0132', 'US', '14155550132'],
    ['011 44 7700 900123', 'US', '447700900123'],
    ['00 44 7700 900123', 'US', '447700900123'],
    ['+1 (415) 555-0132', 'GB', '14155550132'], // "+" always wins over the Default Country
    ['+61 412 345 678', undefined, '61412345678'],
    ['0412 345 678', 'AU', '61412345678'],
    ['+49 151 12345678', undefined, '4915112345678'],
    ['4512345678', undefined, '4512345678'], // Danish, and not a valid US number
  ])('%j with default country %j → %s', (input, country, expected) => {
    expect(normaliseMobile(input, country)).toEqual({ mobile: expected });
  });

  it.each([
    ['', undefined, /it is empty/],
    ['   ', undefined, /it is empty/],
    ['07700 900123', undefined, /no country code.*choose a Default Country/],
    ['(415) 555-0132', undefined, /no country code/],
    [
      '4155550132',
      undefined,
      /could be a US or Canadian number \(\+1 4155550132\) as well as an international one \(\+4155550132\)/,
    ],
    ['4.47700900123E+11', undefined, /spreadsheet turned the number into scientific notation/],
    ['4.47700900123e11', 'GB', /scientific notation/],
    ['abc', undefined, /characters that are not part of a phone number/],
    ['+44 7700 900123 ext 12', undefined, /characters that are not part of a phone number/],
    ['jane@example.com', undefined, /characters that are not part of a phone number/],
    ['+44 7700', undefined, /too short for a phone number with country code \+44/],
    ['+44 7700 900123 4567', undefined, /too long for a phone number with country code \+44/],
    ['123', 'GB', /too short for a phone number in GB/],
    ['+999 123456789', undefined, /does not start with a known country code/],
    ['44+7700900123', undefined, /\+ that is not at the start/],
    ['+--', undefined, /no digits/],
    ['07700 900123', 'XX', /Default Country "XX" is not a two-letter country code/],
    ['07700 900123', 'United Kingdom', /Default Country "United Kingdom" is not/],
  ])('refuses %j (default country %j)', (input, country, problem) => {
    const result = normaliseMobile(input, country);
    expect(result).toEqual({ problem: expect.stringMatching(problem) });
  });
});

describe('the Default Country dropdown', () => {
  it('offers every country phone metadata knows, labelled with its name and calling code', async () => {
    // Through the runtime, as the Zap editor asks for it.
    const { results, paging_token } = await appTester(countryChoices, makeBundle({}));
    expect(paging_token).toBeNull();
    expect(results.length).toBeGreaterThan(200);
    expect(results).toEqual(
      expect.arrayContaining([
        { id: 'GB', label: 'United Kingdom (+44)' },
        { id: 'US', label: 'United States (+1)' },
      ]),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
  });
});
