/** Property-based tests: generated inputs and payloads instead of hand-picked ones. */
import fc from 'fast-check';
import nock from 'nock';
import { perform as addOptOut } from '../../src/creates/add-optout';
import { normaliseMobile } from '../../src/phone';
import { smsParts } from '../../src/sms-parts';
import { API_URL, appTester, failure, makeBundle } from '../helpers';
import { recordReliability } from './report';

const RUNS = 300;
const COUNTRIES = [undefined, '', 'GB', 'US', 'AU', 'DE', 'IN', 'gb', 'XX', 'United Kingdom'];

/** Strings that look like phone numbers, strings that nearly do, and anything at all. */
const phoneLike = fc.oneof(
  fc.string(),
  fc.stringMatching(/^[+0]?[\d ().\-]{0,20}$/),
  fc
    .tuple(
      fc.constantFrom('+44 7', '+1 415 ', '0044 ', '07', '+61 4', ''),
      fc.stringMatching(/^[\d -]{0,14}$/),
    )
    .map(([a, b]) => a + b),
);

describe('normaliseMobile, on generated input', () => {
  it('never throws, and returns digits of a possible length or a problem', () => {
    fc.assert(
      fc.property(phoneLike, fc.constantFrom(...COUNTRIES), (input, country) => {
        const result = normaliseMobile(input, country);
        if ('mobile' in result) {
          expect(result.mobile).toMatch(/^[1-9]\d{6,14}$/);
        } else {
          expect(result.problem.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: RUNS * 3 },
    );
    recordReliability('generated phone inputs', RUNS * 3);
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
    recordReliability('generated phone inputs', RUNS * 3);
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
    recordReliability('generated phone inputs', RUNS);
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
          expect(result.name).toBe('AppError');
          expect(result.message).toContain(`Mobile Number "${input}" cannot be used`);
          expect(requests).toBe(before);
        }
      }),
      { numRuns: 100 },
    );
    recordReliability('generated phone inputs', 100);
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
    recordReliability('generated SMS texts', RUNS);
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
    recordReliability('generated SMS texts', RUNS);
  });
});
