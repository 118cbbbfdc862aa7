/** Property-based tests: generated inputs and payloads instead of hand-picked ones. */
import fc from 'fast-check';
import {
  getCountries,
  getExampleNumber,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/min';
import examples from 'libphonenumber-js/mobile/examples';
import nock from 'nock';
import { perform as addOptOut } from '../../src/creates/add-optout';
import { normaliseMobile } from '../../src/inputs/phone';
import { smsParts } from '../../src/inputs/sms-parts';
import { quoteInput } from '../../src/common/text';
import { API_URL, appTester, failure, makeBundle } from '../helpers';

const RUNS = 300;
const COUNTRIES = [
  ...[undefined, '', 'GB', 'US', 'AU', 'DE', 'IN', 'BR', 'KP', 'TD', 'gb', 'UK', ' uk '],
  ...['XX', 'United Kingdom'],
];

/** Every country libphonenumber knows, with its example mobile number. */
const EXAMPLES = getCountries().flatMap((country) => {
  const number = getExampleNumber(country, examples);
  return number ? [{ country, number }] : [];
});
/** How a user may name a Default Country: its code in any case, with spaces; UK for GB. */
const countryInput = fc
  .tuple(
    fc.constantFrom(...getCountries(), 'GB', 'GB'),
    fc.constantFrom('upper', 'lower', 'padded'),
  )
  .map(([code, style]) => {
    const named = code === 'GB' && style !== 'upper' ? 'uk' : code;
    return style === 'upper' ? named : style === 'lower' ? named.toLowerCase() : ` ${named} `;
  });
const typed = (country: string): CountryCode =>
  (country.trim().toUpperCase() === 'UK' ? 'GB' : country.trim().toUpperCase()) as CountryCode;

/** What spreadsheets, phones and copy and paste put between digits. */
const SEPARATORS = ['', '', ' ', '-', '.', '\t', '\u00a0', '\u202f', '\u2013', '\u2014', '\u2212'];
const INVISIBLE = ['', '', '', '\u200b', '\u200e', '\u200f', '\ufeff', '\u2060', '\u00ad'];
/** A writing of digits: separators and invisible characters after any digit, maybe a ' before. */
const writing = fc.record({
  between: fc.array(fc.tuple(fc.constantFrom(...SEPARATORS), fc.constantFrom(...INVISIBLE)), {
    minLength: 20,
    maxLength: 20,
  }),
  apostrophe: fc.boolean(),
});
const write = (
  digits: string,
  { between, apostrophe }: { between: string[][]; apostrophe: boolean },
  prefix = '',
) =>
  (apostrophe ? "'" : '') +
  prefix +
  [...digits].map((digit, i) => digit + (between[i]?.join('') ?? '')).join('');

/** Strings that look like phone numbers, strings that nearly do, and anything at all. */
const phoneLike = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.stringMatching(/^[+0]?[\d ().\-]{0,20}$/),
  fc
    .tuple(
      fc.constantFrom('+44 7', '+1 415 ', '0044 ', '07', '+61 4', '', 'tel:+', "'"),
      fc.stringMatching(/^[\d -]{0,14}$/),
    )
    .map(([a, b]) => a + b),
  fc
    .tuple(fc.constantFrom(...EXAMPLES), fc.constantFrom('', '+', '00', '0'), writing)
    .map(([{ number }, prefix, how]) => write(number.number.slice(1), how, prefix)),
);

describe('normaliseMobile, on generated input', () => {
  it('never throws, and returns digits of a possible length or a problem that says what to do', () => {
    fc.assert(
      fc.property(phoneLike, fc.constantFrom(...COUNTRIES), (input, country) => {
        const result = normaliseMobile(input, country);
        if ('mobile' in result) {
          expect(result.mobile).toMatch(/^[1-9]\d{6,14}$/);
        } else {
          expect(result.problem.length).toBeGreaterThan(10);
          expect(result.problem).toMatch(/\b(Write|Map|Check|Remove|Format|Choose)\b/i);
        }
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('is idempotent: its output, written internationally, normalises to itself', () => {
    fc.assert(
      fc.property(phoneLike, fc.constantFrom(...COUNTRIES), (input, country) => {
        const result = normaliseMobile(input, country);
        if ('mobile' in result) {
          expect(normaliseMobile(`+${result.mobile}`)).toEqual(result);
          expect(normaliseMobile(`+${result.mobile}`, 'US')).toEqual(result);
        }
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('keeps the digits of a formatted international number', () => {
    const ukMobile = fc.stringMatching(/^7[1-9]\d{8}$/);
    const separator = fc.constantFrom('', ' ', '-', '.', ' - ');
    fc.assert(
      fc.property(
        ukMobile,
        separator,
        fc.constantFrom('+44', '0044', '+44 (0)'),
        (digits, sep, prefix) => {
          const formatted = `${prefix}${sep}${digits.slice(0, 4)}${sep}${digits.slice(4)}`;
          expect(normaliseMobile(formatted)).toEqual({ mobile: `44${digits}` });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never prefixes a number in full international digits again, whatever the Default Country', () => {
    // Every country's example mobile, in digits without + or after 00, under every Default
    // Country: that same number, or a refusal naming it; never another number.
    const wrong: unknown[] = [];
    let checked = 0;
    for (const { number } of EXAMPLES) {
      const digits = number.number.slice(1);
      const named = number.formatInternational();
      for (const country of getCountries()) {
        for (const input of [digits, `00${digits}`]) {
          const result = normaliseMobile(input, country);
          const right =
            'mobile' in result ? result.mobile === digits : result.problem.includes(named);
          if (!right) wrong.push({ input, country, result });
          checked++;
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(EXAMPLES.length * getCountries().length * 2);
  });

  it('never changes a valid number of a mobile length in international digits, with any Default Country', () => {
    // Beyond the examples: the example's first three digits, then random ones, where valid.
    const mobileLike = fc
      .tuple(fc.constantFrom(...EXAMPLES), fc.stringMatching(/^\d{12}$/))
      .map(([{ number }, tail]) => {
        const national = number.nationalNumber.slice(0, 3) + tail;
        return parsePhoneNumberFromString(
          `+${number.countryCallingCode}${national.slice(0, number.nationalNumber.length)}`,
        );
      })
      .filter((number): number is PhoneNumber => number?.isValid() === true);
    fc.assert(
      fc.property(mobileLike, fc.constantFrom(...getCountries()), (number, country) => {
        const digits = number.number.slice(1);
        const result = normaliseMobile(digits, country);
        expect(result).toEqual(
          'mobile' in result
            ? { mobile: digits }
            : { problem: expect.stringContaining(number.formatInternational()) },
        );
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('reads international digits the same however they are written, with any Default Country', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EXAMPLES),
        countryInput,
        writing,
        fc.constantFrom('', '+', '00', 'tel:+'),
        ({ number }, country, how, prefix) => {
          const digits = number.number.slice(1);
          const result = normaliseMobile(write(digits, how, prefix), country);
          const plain = prefix.replace('tel:', '') + digits;
          expect(result).toEqual(normaliseMobile(plain, typed(country)));
          if ('problem' in result) {
            expect(result.problem).toContain('could be read two ways');
            expect(result.problem).toContain(number.formatInternational());
          }
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it('reads a national number with its trunk prefix 0 as a number of the Default Country', () => {
    // The countries whose mobiles are written with a leading 0 at home (07700 900123 in GB).
    const national = EXAMPLES.filter(({ number }) => number.formatNational().startsWith('0'));
    expect(national.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(
        fc.constantFrom(...national),
        writing,
        fc.boolean(),
        ({ country, number }, how, asFormatted) => {
          const input = asFormatted
            ? number.formatNational()
            : write(number.formatNational().replace(/\D/g, ''), how);
          const named = how.apostrophe ? country.toLowerCase() : country === 'GB' ? 'UK' : country;
          expect(normaliseMobile(input, named)).toEqual({ mobile: number.number.slice(1) });
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it('through an operation: a Zapier error quoting the input and no request, or one request with the number', async () => {
    const scope = nock(API_URL)
      .persist()
      .post('/addressbook/optout')
      .reply(200, (_uri, body) => ({
        mobile: (body as { mobile: string }).mobile,
        note: 'API',
        created: Date.now(),
      }));
    let requests = 0;
    scope.on('request', () => requests++);
    await fc.assert(
      fc.asyncProperty(phoneLike, fc.constantFrom(...COUNTRIES), async (input, country) => {
        const before = requests;
        const expected = normaliseMobile(input, country);
        const run = appTester(addOptOut, makeBundle({ mobile: input, default_country: country }));
        if ('mobile' in expected) {
          await expect(run).resolves.toMatchObject({ mobile: expected.mobile });
          expect(requests).toBe(before + 1);
        } else {
          const result = await failure(run);
          // A bad number of the record halts; a bad Default Country (the Zap's setting) is an error.
          const setting = /^the Default Country/.test(expected.problem);
          expect(result.name).toBe(setting ? 'AppError' : 'HaltedError');
          expect(result.message).toContain(`Mobile Number ${quoteInput(input)} cannot be used`);
          expect(requests).toBe(before);
        }
      }),
      { numRuns: 100 },
    );
    nock.cleanAll();
  });
});

describe('smsParts, against a simple reference model', () => {
  const GSM = [
    ...'@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
  ];
  const NOT_GSM = [...'ЖжЯя中文’“”•ąęłśćÆ'].filter((c) => !GSM.includes(c));

  it('GSM-7 text: one part up to 160 characters, then 153 per part', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...GSM), { maxLength: 800 }), (characters) => {
        const n = characters.length;
        expect(smsParts(characters.join(''))).toEqual({
          encoding: 'GSM-7',
          units: n,
          parts: n <= 160 ? 1 : Math.ceil(n / 153),
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('text with one non-GSM character: UCS-2, one part up to 70, then 67 per part', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...GSM), { maxLength: 400 }),
        fc.constantFrom(...NOT_GSM),
        fc.nat(),
        (characters, odd, at) => {
          characters.splice(at % (characters.length + 1), 0, odd);
          const n = characters.length;
          expect(smsParts(characters.join(''))).toMatchObject({
            encoding: 'UCS-2',
            units: n,
            parts: n <= 70 ? 1 : Math.ceil(n / 67),
          });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
