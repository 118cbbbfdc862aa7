import {
  Metadata,
  parsePhoneNumberFromString,
  isSupportedCountry,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/min';
import examples from 'libphonenumber-js/mobile/examples';
import { quoteInput } from '../common/text';
import { CHECK, HOW_TO_WRITE, refuse, unwrap, type Problem } from './phone-text';

export type MobileResult = { mobile: string } | Problem;

/**
 * Turns what a marketer maps into a "phone number" field into Mobivate's form: international
 * digits without "+" (447700900123). Nothing typed is turned into a different number: digits that
 * make sense two ways are refused, naming both. Possible lengths are accepted even in ranges that
 * look unassigned (metadata ages; Mobivate rejects numbers that do not exist), and validity only
 * chooses between two readings. The rule, with examples: docs/phone-numbers.md.
 */

/** No number that can receive an SMS has fewer than 7 digits (Niue's +683 1234 is the shortest). */
const MIN_INTERNATIONAL_DIGITS = 7;
const COUNTRY_ALIASES: Record<string, string> = { UK: 'GB' };

const lengthProblem = (reason: string | undefined, where: string): string => {
  if (reason === 'INVALID_COUNTRY') return 'it does not start with a known country code';
  if (reason === 'TOO_SHORT') return `it is too short for a phone number ${where}`;
  if (reason === 'TOO_LONG') return `it is too long for a phone number ${where}`;
  return `it is not a possible phone number ${where}`;
};

const accept = (number: PhoneNumber): MobileResult => {
  const mobile = number.number.slice(1);
  return mobile.length >= MIN_INTERNATIONAL_DIGITS
    ? { mobile }
    : refuse(
        `it is too short for a mobile number (${mobile.length} digits with the country code). ${CHECK}`,
      );
};

const parse = (text: string, country?: CountryCode) => parsePhoneNumberFromString(text, country);

const parseInternational = (text: string): MobileResult => {
  const number = parse(text);
  if (number?.isPossible()) return accept(number);
  const where = number ? `with country code +${number.countryCallingCode}` : 'anywhere';
  return refuse(`${lengthProblem(validatePhoneNumberLength(text), where)}. ${CHECK}`);
};

/** Valid (in an assigned range) and as long as libphonenumber's example mobile of its country. */
const likelyMobile = (number: PhoneNumber): boolean =>
  number.isValid() &&
  number.country !== undefined &&
  (examples as Record<string, string | undefined>)[number.country]?.length ===
    number.nationalNumber.length;

/** One way to read the input, and how to name it when it competes with another. */
type Reading = { number: PhoneNumber | undefined; as: string };

/**
 * The one reading that makes sense: the only possible one, or of two possible ones the only one
 * likely to be a mobile number. Validity alone does not decide, because metadata can be wrong
 * both ways: +44 7700 900123 (a UK drama number) is invalid, and Germany's broad ranges make
 * +49 447700900123 valid. Anything else is refused, naming both readings.
 */
const choose = (readings: Reading[]): MobileResult | undefined => {
  const possible = readings.flatMap(({ number, as }) =>
    number?.isPossible() ? [{ number, as }] : [],
  );
  const [first, second] = possible;
  if (!first) return undefined;
  if (!second || first.number.number === second.number.number) return accept(first.number);
  const likely = possible.filter(({ number }) => likelyMobile(number));
  if (likely.length === 1 && likely[0]) return accept(likely[0].number);
  const both = possible.map(({ number, as }) => `${as}, ${number.formatInternational()}`);
  return refuse(
    `it could be read two ways: ${both.join(', or ')}. Write it with + and the country code, so that it is clear which`,
  );
};

export const isCountryCode = (value: string): value is CountryCode => isSupportedCountry(value);

const readCountry = (value: string | undefined): { country?: CountryCode } | Problem => {
  const code = value?.trim().toUpperCase() ?? '';
  const country = COUNTRY_ALIASES[code] ?? code;
  if (!country) return {};
  if (isCountryCode(country)) return { country };
  return refuse(
    `the Default Country ${quoteInput(value ?? '')} is not a two-letter country code such as GB or US. Choose a country from the list, or leave Default Country empty`,
  );
};

/** The digits after the country's own international prefix (011 in the US, 0011 in Australia). */
const afterIdd = (digits: string, country: CountryCode): string | undefined => {
  const metadata = new Metadata();
  metadata.selectNumberingPlan(country);
  const idd = metadata.numberingPlan?.IDDPrefix();
  const match = idd ? new RegExp(`^(?:${idd})`).exec(digits) : null;
  // Only a prefix starting with 0, which no country code does: North Korea's 99 and Chad's 16
  // are international prefixes too, and would misread +99x and +1 6xx numbers.
  return match?.[0].startsWith('0') ? digits.slice(match[0].length) : undefined;
};

/**
 * 00 starts an international number, and so does the Default Country's own prefix (011 in the
 * US). Where the two differ (in Brazil, 0014 picks a carrier), both readings compete.
 */
const withPrefix = (digits: string, country: CountryCode | undefined) => {
  const readings = [
    { rest: country && afterIdd(digits, country), as: `dialled from ${country}` },
    { rest: /^00/.test(digits) ? digits.slice(2) : undefined, as: 'after 00' },
  ].flatMap(({ rest, as }) =>
    rest === undefined ? [] : [{ number: parse(`+${rest}`), as, rest }],
  );
  if (!readings[0]) return undefined;
  return choose(readings) ?? parseInternational(`+${readings[0].rest}`);
};

/**
 * With a Default Country, bare digits are a national number of that country or international
 * digits; a leading 0 or brackets make them national only (no country code starts with 0).
 */
const withCountry = (text: string, digits: string, country: CountryCode): MobileResult => {
  const nationalOnly = digits.startsWith('0') || text.includes('(');
  const chosen = choose([
    { number: parse(text, country), as: `dialled in ${country}` },
    { number: nationalOnly ? undefined : parse(`+${digits}`), as: 'as international digits' },
  ]);
  if (chosen) return chosen;
  const problem = lengthProblem(validatePhoneNumberLength(text, country), `in ${country}`);
  const either = nationalOnly ? '' : ', and not a possible international number either';
  return refuse(`${problem}${either}. ${CHECK}`);
};

/** Without a Default Country, bare digits are international, unless they look national. */
const withoutCountry = (text: string, digits: string): MobileResult => {
  if (digits.startsWith('0') || text.includes('(')) {
    return refuse(
      `it has no country code. ${HOW_TO_WRITE}, or choose a Default Country for national numbers`,
    );
  }
  // 4155550132 would otherwise go to Switzerland (+41).
  if (digits.length === 10 && parse(digits, 'US')?.isValid()) {
    return refuse(
      `it has no country code, and it could be a US or Canadian number (+1 ${digits}) as well as an international one (+${digits}). ${HOW_TO_WRITE}, or choose a Default Country`,
    );
  }
  const number = parse(`+${digits}`);
  if (number?.isPossible()) return accept(number);
  // Not "too short for +7": the user most likely typed a national number.
  const code = number && `+${number.countryCallingCode}`;
  const why = number
    ? `it has no +, and read as international digits (${code} ${number.nationalNumber}), ${lengthProblem(validatePhoneNumberLength(`+${digits}`), `with country code ${code}`)}`
    : 'it has no + and does not start with a known country code';
  return refuse(
    `${why}. If it is a national number, choose a Default Country; if not, write it with + and the country code, like +44 7700 900123`,
  );
};

export const normaliseMobile = (raw: string, defaultCountry?: string): MobileResult => {
  const cleaned = unwrap(raw);
  if ('problem' in cleaned) return cleaned;
  const { text } = cleaned;
  const compact = text.replace(/[^\d+]/g, '');
  if (!/\d/.test(compact)) return refuse(`it has no digits. ${HOW_TO_WRITE}`);
  if (compact.lastIndexOf('+') > 0) {
    return refuse(`it has a + that is not at the start. ${HOW_TO_WRITE}`);
  }
  const read = readCountry(defaultCountry);
  if ('problem' in read) return read;
  const { country } = read;

  if (compact.startsWith('+')) return parseInternational(text);
  return (
    withPrefix(compact, country) ??
    (country ? withCountry(text, compact, country) : withoutCountry(text, compact))
  );
};
