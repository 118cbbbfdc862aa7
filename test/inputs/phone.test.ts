import { countryChoices } from '../../src/inputs/mobile';
import { normaliseMobile } from '../../src/inputs/phone';
import { appTester, makeBundle } from '../helpers';

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
    // Full international digits with another Default Country are sent as typed, never prefixed.
    // German mobile; read in DE it would be +49 4915123456789, a 13-digit number, not a mobile's 11.
    ['4915123456789', 'DE', '4915123456789'],
    ['4915123456789', 'AT', '4915123456789'],
    ['33 6 12 34 56 78', 'GB', '33612345678'], // French mobile: +44 33612345678 is impossible
    ['61412345678', 'US', '61412345678'], // Australian mobile: 11 digits are too long for the US
    ['61 412 345 678', 'IN', '61412345678'], // +91 61412345678 is possible but not valid
    ['5511961234567', 'AU', '5511961234567'], // Brazilian mobile
    ['919876543210', 'GB', '919876543210'], // Indian mobile
    ['447911123456', 'IN', '447911123456'], // UK mobile; +91 447911123456 is not valid
    // National numbers without a trunk prefix still read as national where that is the only sense.
    ['2015550123', 'US', '12015550123'], // +20 15550123 (Egypt) is valid, but not a mobile's length
    ['612 34 56 78', 'ES', '34612345678'],
    ['312 345 6789', 'IT', '393123456789'],
    ['9876543210', 'IN', '919876543210'],
    // "UK" is the United Kingdom's everyday code; ISO calls it GB.
    ['07700 900123', 'UK', '447700900123'],
    ['07700 900123', ' uk ', '447700900123'],
    // A country's own international prefix: 0011 in Australia.
    ['0011 44 7700 900123', 'AU', '447700900123'],
    ['011 33 6 12 34 56 78', 'US', '33612345678'],
    ['810 44 7911 123456', 'RU', '447911123456'], // Russia's 810; +81 0447911123456 is impossible
    // In Brazil 0014 would pick a carrier, leaving +1 55550132, which is impossible.
    ['0014155550132', 'BR', '14155550132'],
    // North Korea's 99 and Chad's 16 are international prefixes too, but they also start
    // international digits (+994 Azerbaijan, +1 684 American Samoa): never stripped.
    ['994401234567', 'KP', '994401234567'],
    ['16847331234', 'TD', '16847331234'],
    // Both valid; only the US reading has a mobile's length (+36 1 391 9937 is a Budapest line).
    ['3613919937', 'US', '13613919937'],
  ])('reads %j with default country %j as %s', (input, country, expected) => {
    expect(normaliseMobile(input, country)).toEqual({ mobile: expected });
  });

  it.each([
    // Any whitespace or dash separates digit groups.
    ['+44\t7700\t900123', '447700900123'],
    ['+33\u00a06\u00a012\u00a034\u00a056\u00a078', '33612345678'], // non-breaking spaces
    ['+61\u202f412\u202f345\u202f678', '61412345678'], // narrow non-breaking spaces
    ['+1\u2013415\u2013555\u20130132', '14155550132'], // en dashes
    ['+49\u2014151\u201412345678', '4915112345678'], // em dashes
    ['+44\u22127700\u2212900123', '447700900123'], // minus signs
    ['+91\u201198765\u201143210', '919876543210'], // non-breaking hyphens
    ['+44 7700\n900123', '447700900123'],
    // Invisible formatting characters that copy and paste brings are removed.
    ['+44\u200b7700\u200b900123', '447700900123'], // zero-width spaces
    ['\ufeff+33612345678', '33612345678'], // byte order mark
    ['\u200e+61 412 345 678\u200e', '61412345678'], // left-to-right marks
    ['\u202a+1 415 555 0132\u202c', '14155550132'], // left-to-right embedding
    ['+49 151\u00ad12345678', '4915112345678'], // soft hyphen
    ['+91 98765\u206043210', '919876543210'], // word joiner
    // A spreadsheet's text marker.
    ["'447700900123", '447700900123'],
    ["'+33 6 12 34 56 78", '33612345678'],
    // Digits of other scripts are the same digits.
    ['+４４ ７７００ ９００１２３', '447700900123'], // full-width, from an East Asian keyboard
    ['+٩٧١ ٥٠ ١٢٣ ٤٥٦٧', '971501234567'], // Arabic-Indic
    // tel: links (RFC 3966), with their visual separators.
    ['tel:+44-7700-900123', '447700900123'],
    ['TEL:+61.412.345.678', '61412345678'],
    ['tel:+1-(415)-555-0132', '14155550132'],
  ])('reads %j as %s', (input, expected) => {
    expect(normaliseMobile(input)).toEqual({ mobile: expected });
  });

  it.each([
    // Both readings make sense: refused, naming both.
    [
      '447700900456',
      'IN',
      'dialled in IN, +91 447700900456, or as international digits, +44 7700 900456',
    ],
    ['33612345678', 'DE', 'dialled in DE, +49 3361 2345678, or as international digits, +33 6'],
    ['14155550132', 'DE', 'dialled in DE, +49 14155550132, or as international digits, +1 415'],
    // +44 7700 900123 is a UK drama number, invalid by range; Germany's broad ranges make
    // +49 447700900123 valid. Neither is sure, so neither is guessed.
    ['447700900123', 'DE', 'dialled in DE, +49 4477 00900123, or as international digits, +44'],
    ['447700900123', 'PK', 'dialled in PK, +92 447 700 900 123, or as international digits, +44'],
    // In Hong Kong 002 is an international prefix too: Chile (+56) or Uganda (+256).
    ['00256712345678', 'HK', 'dialled from HK, +56 71 234 5678, or after 00, +256 712 345678'],
  ])('refuses %j with default country %j as ambiguous', (input, country, readings) => {
    const result = normaliseMobile(input, country);
    expect(result).toEqual({
      problem: expect.stringContaining(`could be read two ways: ${readings}`),
    });
    expect(result).toEqual({
      problem: expect.stringMatching(
        /Write it with \+ and the country code, so that it is clear which$/,
      ),
    });
  });

  it.each([
    ['', undefined, /it is empty/],
    ['   ', undefined, /it is empty/],
    ['\u200b\ufeff', undefined, /it is empty/],
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
    ['jane@example.com', undefined, /characters that are not part of a phone number/],
    [
      '+44 7700',
      undefined,
      /too short for a phone number with country code \+44\. Check the number/,
    ],
    ['+44 7700 900123 4567', undefined, /too long for a phone number with country code \+44/],
    ['123', 'GB', /too short for a phone number in GB, and not a possible international number/],
    ['+999 123456789', undefined, /does not start with a known country code/],
    ['44+7700900123', undefined, /\+ that is not at the start/],
    ['+--', undefined, /no digits/],
    [
      '07700 900123',
      'XX',
      /Default Country "XX" is not a two-letter country code.*Choose a country/,
    ],
    ['07700 900123', 'United Kingdom', /Default Country "United Kingdom" is not/],
  ])('refuses %j (default country %j)', (input, country, problem) => {
    const result = normaliseMobile(input, country);
    expect(result).toEqual({ problem: expect.stringMatching(problem) });
  });

  it.each([
    // Without a Default Country, a national-looking number is not blamed on the country code
    // its first digits happen to form: the message says what was read and how to fix it.
    ['7700 900123', '+7 700900123', '+7'],
    ['7911 123456', '+7 911123456', '+7'],
    ['9 1234 5678', '+91 2345678', '+91'],
    ['81 234 5678', '+81 2345678', '+81'],
  ])('explains %j without a Default Country', (input, read, code) => {
    const result = normaliseMobile(input);
    expect(result).toEqual({
      problem: `it has no +, and read as international digits (${read}), it is too short for a phone number with country code ${code}. If it is a national number, choose a Default Country; if not, write it with + and the country code, like +44 7700 900123`,
    });
  });

  it.each([
    // Characters that may not show, or look like a digit or a space, are named by code point.
    ['+44 7700 900123 •', '"•" (U+2022)'],
    ['+44 77\u041e0 900123', '"\u041e" (U+041E)'], // Cyrillic O, looks like a zero
    ['+33 6 12 34 56 78\u0007', 'U+0007 (an invisible character)'],
    ['+61 412\u00b7345\u00b7678', '"·" (U+00B7)'],
    ['+1 415 555 0132\u0000', 'U+0000 (an invisible character)'],
    ['+44 7700 9001\ufffd3', '"\ufffd" (U+FFFD)'], // what a wrong text encoding leaves
  ])('names the character in %j', (input, named) => {
    expect(normaliseMobile(input)).toEqual({
      problem: `it contains ${named}, which is not part of a phone number. Remove it (use only digits, spaces, +, -, . and brackets)`,
    });
  });

  it.each([
    ['+44 7700 900123 ext 12', '12'],
    ['+1 415 555 0132 ext. 7', '7'],
    ['+61 412 345 678 x 99', '99'],
    ['+33 6 12 34 56 78 #4', '4'],
    ['tel:+1-415-555-0132;ext=7', '7'],
  ])('refuses the extension in %j rather than drop its digits', (input, extension) => {
    expect(normaliseMobile(input)).toEqual({
      problem: `it has an extension (${extension}), which a text message cannot reach. Map the number without its extension`,
    });
  });

  it('refuses other tel: link parameters, naming them', () => {
    expect(normaliseMobile('tel:7700900123;phone-context=+44')).toEqual({
      problem: expect.stringMatching(/^it has ";phone-context=\+44" after the number, a tel: link/),
    });
  });

  it.each([
    ['+44 7700 900123, +44 7700 900456', 2],
    ['+33612345678\n+61412345678\n+14155550132', 3],
  ])('refuses several numbers in one field: %j', (input, count) => {
    expect(normaliseMobile(input)).toEqual({
      problem: `it looks like ${count} phone numbers, not one. Map a single phone number`,
    });
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

describe('normaliseMobile: a decimal part (issue 20, #1)', () => {
  const DECIMAL = (part: string) =>
    `it ends in a decimal part ("${part}"), the way spreadsheets and code steps write numbers, and reading it as more digits would change the number. Map the number without it: in a spreadsheet, format the column as plain text or as a number with no decimal places; in a code step, output the number as text`;

  it.each([
    // Refused, never read as one or two more digits (77009001230 would go to Kazakhstan).
    ['7700900123.0', 'GB', '.0'],
    ['+61412345678.0', undefined, '.0'],
    ['447700900123.00', undefined, '.00'],
    ['447700900123.5', 'GB', '.5'],
    ['14155550132.75', 'US', '.75'],
    [String(447700900123.5), undefined, '.5'], // a number from a code step
    ["'447700900123.0", undefined, '.0'], // a spreadsheet's text marker before it
    [' 447700900123.0\u200b ', undefined, '.0'],
    [
      '\uff0b\uff16\uff11\uff14\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18.\uff10',
      undefined,
      '.\uff10',
    ],
    ['0.5', 'GB', '.5'],
  ])('refuses %j (Default Country %j)', (input, country, part) => {
    expect(normaliseMobile(input, country)).toEqual({ problem: DECIMAL(part) });
  });

  it.each([
    // Dotted phone numbers: more than one dot, or more than two digits after it.
    ['+44.7700.900123', undefined, '447700900123'],
    ['0044 7700.900.123', undefined, '447700900123'],
    ['+44.7700900123', undefined, '447700900123'],
    ['06.12.34.56.78', 'FR', '33612345678'],
    ['+33.6.12.34.56.78', undefined, '33612345678'],
    ['07700.900.123', 'GB', '447700900123'],
    ['44.7700900123', undefined, '447700900123'],
    ['44 7700 900.12 3', undefined, '447700900123'],
  ])('still reads the dotted number %j (Default Country %j) as %s', (input, country, mobile) => {
    expect(normaliseMobile(input, country)).toEqual({ mobile });
  });

  it.each([
    // Not "digits and a decimal part": other rules answer.
    [
      '+44 7700 900123.0',
      'it is too long for a phone number with country code +44. Check the number, and write it with + and the country code',
    ],
    [
      '447700900123.000',
      'it has no +, and read as international digits (+44 7700900123000), it is too long for a phone number with country code +44. If it is a national number, choose a Default Country; if not, write it with + and the country code, like +44 7700 900123',
    ],
    [
      '447700900123.0.0',
      'it has no +, and read as international digits (+44 770090012300), it is too long for a phone number with country code +44. If it is a national number, choose a Default Country; if not, write it with + and the country code, like +44 7700 900123',
    ],
  ])('leaves %j to the other rules', (input, problem) => {
    expect(normaliseMobile(input)).toEqual({ problem });
  });
});

describe('normaliseMobile: each rule at its edge, with the exact message', () => {
  it.each([
    // Two numbers need 7 digits each; shorter groups are parts of one number.
    ['2345678\n3456789', 'it looks like 2 phone numbers, not one. Map a single phone number'],
    [
      '+44 7700 900123; 7700 900456',
      'it looks like 2 phone numbers, not one. Map a single phone number',
    ],
    [
      '1234567,1234567,1234567',
      'it looks like 3 phone numbers, not one. Map a single phone number',
    ],
  ])('refuses %j', (input, problem) => {
    expect(normaliseMobile(input)).toEqual({ problem });
  });

  it('reads a number with groups of fewer than 7 digits on several lines as one', () => {
    expect(normaliseMobile('+44 7700\n900123')).toEqual({ mobile: '447700900123' });
    expect(normaliseMobile('+44 770090\n0123')).toEqual({ mobile: '447700900123' });
  });

  it.each([
    // A possible number of fewer than 7 digits with its country code cannot receive an SMS.
    ['+43 1234', 6, undefined],
    ['12 34', 6, 'DE'],
  ])('refuses %j as too short for a mobile number', (input, digits, country) => {
    expect(normaliseMobile(input, country)).toEqual({
      problem: `it is too short for a mobile number (${digits} digits with the country code). Check the number, and write it with + and the country code`,
    });
  });

  it('accepts 7 digits with the country code (Niue)', () => {
    expect(normaliseMobile('+683 1234')).toEqual({ mobile: '6831234' });
  });

  it.each([
    // [input, Default Country, problem]: each length problem in its own words.
    ['+44 123', undefined, 'it is too short for a phone number with country code +44'],
    ['+44 7700 900123 4567', undefined, 'it is too long for a phone number with country code +44'],
    ['+44 1234 5678', undefined, 'it is not a possible phone number with country code +44'],
    ['+999 123456789', undefined, 'it does not start with a known country code'],
    ['00', 'GB', 'it is not a possible phone number anywhere'],
    ['0044', 'GB', 'it is too short for a phone number anywhere'],
    ['0', 'GB', 'it is too short for a phone number in GB'],
    ['(0)', 'GB', 'it is not a possible phone number in GB'],
    ['(0) 1234 5678 9012 3456', 'GB', 'it is too long for a phone number in GB'],
    [
      '123',
      'GB',
      'it is too short for a phone number in GB, and not a possible international number either',
    ],
    [
      '12345678901234567',
      'GB',
      'it is too long for a phone number in GB, and not a possible international number either',
    ],
  ])('refuses %j (Default Country %j): %s', (input, country, problem) => {
    expect(normaliseMobile(input, country)).toEqual({
      problem: `${problem}. Check the number, and write it with + and the country code`,
    });
  });

  it.each([
    // Brackets make a number national: only the Default Country's reading is left.
    ['(4477) 00900123', 'DE', { mobile: '49447700900123' }],
    ['(0) 7700 900123', 'GB', { mobile: '447700900123' }],
    [
      '(415) 555-0132',
      undefined,
      {
        problem:
          'it has no country code. Write it with + and the country code, like +44 7700 900123, or choose a Default Country for national numbers',
      },
    ],
    [
      '07700 900123',
      '',
      {
        problem:
          'it has no country code. Write it with + and the country code, like +44 7700 900123, or choose a Default Country for national numbers',
      },
    ],
  ])('reads %j (Default Country %j) as national only', (input, country, result) => {
    expect(normaliseMobile(input, country)).toEqual(result);
  });

  it('without brackets, the same digits are read both ways', () => {
    expect(normaliseMobile('4477 00900123', 'DE')).toEqual({
      problem:
        'it could be read two ways: dialled in DE, +49 4477 00900123, or as international digits, +44 7700 900123. Write it with + and the country code, so that it is clear which',
    });
  });

  it.each([
    // Of two possible readings, the valid one of a mobile's length wins: +1 297 560 1234 has a
    // mobile's length in the US but no such area code; +297 560 1234 is an Aruba mobile.
    ['2975601234', 'US', '2975601234'],
    ['2975601234', 'GB', '2975601234'],
  ])('reads %j in %s as the valid mobile %s', (input, country, mobile) => {
    expect(normaliseMobile(input, country)).toEqual({ mobile });
  });

  it.each([
    // What copy and paste brings around a number.
    ['\uff0b44 7700 900123', '447700900123'], // full-width plus
    [
      '\uff0b\uff14\uff14 \uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff11\uff12\uff13',
      '447700900123',
    ],
    [" '447700900123", '447700900123'], // a space before the text marker
    ["' +44 7700 900123", '447700900123'], // and after it
    ["\u200b'447700900123", '447700900123'],
  ])('reads %j as %s', (input, mobile) => {
    expect(normaliseMobile(input)).toEqual({ mobile });
  });

  it.each([
    ['999123456', 'it has no + and does not start with a known country code'],
    [
      '7700 900123',
      'it has no +, and read as international digits (+7 700900123), it is too short for a phone number with country code +7',
    ],
  ])('explains %j without a Default Country, exactly', (input, why) => {
    expect(normaliseMobile(input)).toEqual({
      problem: `${why}. If it is a national number, choose a Default Country; if not, write it with + and the country code, like +44 7700 900123`,
    });
  });

  it.each([
    ['07700 900123', 'XX', '"XX"'],
    ['07700 900123', 'United Kingdom', '"United Kingdom"'],
    ['+44 7700 900123', 'GBR', '"GBR"'],
  ])('refuses %j with the Default Country %j', (input, country, quoted) => {
    expect(normaliseMobile(input, country)).toEqual({
      problem: `the Default Country ${quoted} is not a two-letter country code such as GB or US. Choose a country from the list, or leave Default Country empty`,
    });
  });

  it.each([
    ['4.47700900123E+11'],
    ['4.47700900123e11'],
    ['+4.47700900123E+11'],
    ['4.4770090012E-3'],
    ['44770090012E1'],
    [" '4.47700900123E+11 "],
  ])('explains the scientific notation of %j', (input) => {
    expect(normaliseMobile(input)).toEqual({
      problem:
        'it looks like a spreadsheet turned the number into scientific notation, which loses digits. Format that spreadsheet column as plain text and map the number again',
    });
  });

  it.each([
    ['+44 7700 900123 extension 12', '12'],
    ['+44 7700 900123 extn 3', '3'],
    ['+44 7700 900123 ext.45', '45'],
    ['+44 7700 900123x6', '6'],
    ['+44 (7700) 900123)#7', '7'],
    ['+1 (415) 555-0132, ext. 12', '12'], // as a list splits it, still one number (#21)
    ['+1 415 555 0132;x8', '8'],
    ['TEL:+1-415-555-0132;EXT=99', '99'],
  ])('explains the extension in %j', (input, digits) => {
    expect(normaliseMobile(input)).toEqual({
      problem: `it has an extension (${digits}), which a text message cannot reach. Map the number without its extension`,
    });
  });
});
