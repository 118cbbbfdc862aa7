import { getCountries, getCountryCallingCode } from 'libphonenumber-js/min';
import { defineInputField, type ZObject } from 'zapier-platform-core';
import { quoteInput } from '../common/text';
import { normaliseMobile } from './phone';
import { recordProblem, settingProblem, singleText } from './read';

/**
 * The Default Country dropdown: ISO 3166-1 alpha-2 countries that phone metadata knows, labelled
 * "United Kingdom (+44)". Served by a function rather than listed in the definition: core copies
 * the whole app definition on every invocation, and 245 countries in five operations made the
 * definition four times larger (see docs/performance.md).
 */
export const countryChoices = async () => {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const results = getCountries()
    .map((code) => ({
      id: code,
      label: `${names.of(code) ?? code} (+${getCountryCallingCode(code)})`,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return { results, paging_token: null };
};

const PHONE_HELP =
  'Include the country code, like `+44 7700 900123` (United Kingdom) or `+1 415 555 0132` (United States); `447700900123` works too. Spaces, dashes and brackets are fine. ' +
  'National numbers such as `07700 900123` or `(415) 555-0132` need a **Default Country** (the field below). Digits that could be national or international are refused, never guessed: start international numbers with `+`.';

export const defaultCountryField = defineInputField({
  key: 'default_country',
  label: 'Default Country',
  type: 'string',
  required: false,
  choices: { perform: countryChoices },
  helpText:
    'Country for numbers written without a country code (for example `07700 900123` in the United Kingdom, or `(415) 555-0132` in the United States). Numbers that start with `+` or `00` are never changed by this, and digits that could also be an international number are refused rather than guessed.',
});

/** The record's value as one text, or why it is not one (a list, a yes/no value, an object). */
const textOf = (
  z: ZObject,
  label: string,
  value: unknown,
): { raw: string } | { problem: string } => {
  try {
    return {
      raw: singleText(z, label, value, 'one phone number', (message) => new Error(message)),
    };
  } catch (error) {
    return { problem: (error as Error).message };
  }
};

/**
 * A phone number in Mobivate's form, or the message that says why the record's value cannot be
 * used (quoting it, saying how to fix it), for a step that decides itself what that means (Send
 * SMS). A Default Country that is not a country is the Zap's setting: an error, thrown.
 */
export const checkMobile = (
  z: ZObject,
  label: string,
  value: unknown,
  defaultCountry: unknown,
): { mobile: string } | { problem: string } => {
  const text = textOf(z, label, value);
  if ('problem' in text) return text;
  const country = singleText(
    z,
    'Default Country',
    defaultCountry,
    'one country code',
    settingProblem(z, 'InvalidDefaultCountry'),
  );
  const result = normaliseMobile(text.raw, country);
  if (!('problem' in result)) return result;
  const problem = `${label} ${quoteInput(text.raw)} cannot be used: ${result.problem}.`;
  if (/^the Default Country/.test(result.problem)) {
    throw settingProblem(z, 'InvalidDefaultCountry')(problem);
  }
  return { problem };
};

/**
 * Reads a phone number in Mobivate's form, or stops the step with a message that quotes the input
 * and says how to fix it, before any request is sent: a bad number halts (a value of the record).
 */
export const readMobile = (
  z: ZObject,
  label: string,
  value: unknown,
  defaultCountry: unknown,
): string => {
  const checked = checkMobile(z, label, value, defaultCountry);
  if ('problem' in checked) throw recordProblem(z)(checked.problem);
  return checked.mobile;
};

/**
 * A phone number input, the one definition behind every number the app sends to Mobivate, with
 * its reader (which takes Default Country, `defaultCountryField`, from the same inputData).
 */
export const mobileInput = <const Key extends string>(key: Key, label: string) => ({
  field: defineInputField({ key, label, type: 'string', required: true, helpText: PHONE_HELP }),
  read: (z: ZObject, inputData: Record<string, unknown>): string =>
    readMobile(z, label, inputData[key], inputData.default_country),
  /** The number, or why it cannot be used, without halting (checkMobile). */
  check: (z: ZObject, inputData: Record<string, unknown>) =>
    checkMobile(z, label, inputData[key], inputData.default_country),
});
