import {
  parsePhoneNumberFromString,
  isSupportedCountry,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/min';

/**
 * Turns what a marketer maps into a "phone number" field into Mobivate's form: international
 * digits without "+" (e.g. 447700900123).
 *
 * Decisions (also in the README):
 * - A number is accepted when its length is possible for its country. We do not reject numbers
 *   whose range looks unassigned: phone metadata ages, and rejecting a real new number breaks a
 *   Zap for good, while Mobivate itself rejects numbers that do not exist.
 * - "+" or "00" starts an international number. Without them, a Default Country reads the number
 *   as national first (so a spreadsheet that dropped the leading 0 still works), then as
 *   international digits, Mobivate's own form.
 * - Without a Default Country, bare digits are read as international, except when they are
 *   unmistakably national (a leading 0 or brackets) or also form a valid US/Canada number: there
 *   the Zap would otherwise text another country (4155550132 would go to Switzerland, +41).
 */

export type MobileResult = { mobile: string } | { problem: string };

const HOW_TO_WRITE = 'Write it with + and the country code, like +44 7700 900123';

/** 4.47700900123E+11: what a spreadsheet makes of a long number in a "General" column. */
const SCIENTIFIC_NOTATION = /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i;
const PHONE_CHARACTERS = /^[\d\s+().\-/]+$/;

const lengthProblem = (reason: string | undefined, where: string): string => {
  switch (reason) {
    case 'TOO_SHORT':
      return `it is too short for a phone number ${where}`;
    case 'TOO_LONG':
      return `it is too long for a phone number ${where}`;
    case 'INVALID_COUNTRY':
      return `it does not start with a known country code. ${HOW_TO_WRITE}`;
    default:
      return `it is not a possible phone number ${where}`;
  }
};

const describeCountry = (country: CountryCode | undefined, number?: PhoneNumber): string =>
  country
    ? `in ${country}`
    : number
      ? `with country code +${number.countryCallingCode}`
      : 'anywhere';

/**
 * Some countries' metadata allows numbers of a few digits (service numbers); no number that can
 * receive an SMS has fewer than 7 digits in all (Niue's +683 1234 is the shortest plan).
 */
const MIN_INTERNATIONAL_DIGITS = 7;

const accept = (number: PhoneNumber): MobileResult => {
  const mobile = number.number.slice(1);
  return mobile.length >= MIN_INTERNATIONAL_DIGITS
    ? { mobile }
    : {
        problem: `it is too short for a mobile number (${mobile.length} digits with the country code)`,
      };
};

const parseInternational = (text: string): MobileResult => {
  const number = parsePhoneNumberFromString(text);
  if (number?.isPossible()) return accept(number);
  return {
    problem: lengthProblem(validatePhoneNumberLength(text), describeCountry(undefined, number)),
  };
};

export const isCountryCode = (value: string): value is CountryCode => isSupportedCountry(value);

export const normaliseMobile = (raw: string, defaultCountry?: string): MobileResult => {
  const text = raw.trim();
  if (!text) return { problem: `it is empty. ${HOW_TO_WRITE}` };
  if (SCIENTIFIC_NOTATION.test(text)) {
    return {
      problem:
        'it looks like a spreadsheet turned the number into scientific notation, which loses digits. Format that spreadsheet column as plain text and map the number again',
    };
  }
  if (!PHONE_CHARACTERS.test(text)) {
    return {
      problem: `it contains characters that are not part of a phone number (use only digits, spaces, +, -, . and brackets). ${HOW_TO_WRITE}`,
    };
  }
  const compact = text.replace(/[\s().\-/]/g, '');
  if (!/\d/.test(compact)) return { problem: `it has no digits. ${HOW_TO_WRITE}` };
  if (compact.lastIndexOf('+') > 0) {
    return { problem: `it has a + that is not at the start. ${HOW_TO_WRITE}` };
  }

  const country = defaultCountry?.trim().toUpperCase() || undefined;
  if (country !== undefined && !isCountryCode(country)) {
    return {
      problem: `the Default Country "${defaultCountry}" is not a two-letter country code such as GB or US`,
    };
  }

  if (compact.startsWith('+')) return parseInternational(text);
  if (compact.startsWith('00')) return parseInternational(text.replace(/^00/, '+'));

  if (country) {
    const national = parsePhoneNumberFromString(text, country);
    if (national?.isPossible()) return accept(national);
    const international = parsePhoneNumberFromString(`+${compact}`);
    if (!/^0|\(/.test(text) && international?.isPossible()) return accept(international);
    return { problem: lengthProblem(validatePhoneNumberLength(text, country), `in ${country}`) };
  }

  if (compact.startsWith('0') || text.includes('(')) {
    return {
      problem: `it has no country code. ${HOW_TO_WRITE}, or choose a Default Country for national numbers`,
    };
  }
  if (compact.length === 10 && parsePhoneNumberFromString(compact, 'US')?.isValid()) {
    return {
      problem: `it has no country code, and it could be a US or Canadian number (+1 ${compact}) as well as an international one (+${compact}). ${HOW_TO_WRITE}, or choose a Default Country`,
    };
  }
  return parseInternational(`+${compact}`);
};
