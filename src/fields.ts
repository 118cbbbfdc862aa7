import { defineInputField, type ZObject } from 'zapier-platform-core';
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/min';
import { normaliseMobile } from './phone';

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** ISO 3166-1 alpha-2 countries that phone metadata knows, labelled "United Kingdom (+44)". */
const COUNTRY_CHOICES = getCountries()
  .map((code) => ({
    value: code,
    sample: code,
    label: `${countryNames.of(code) ?? code} (+${getCountryCallingCode(code)})`,
  }))
  .sort((a, b) => a.label.localeCompare(b.label));

const PHONE_HELP =
  'Include the country code, like `+44 7700 900123` or `447700900123`. Spaces, dashes and brackets are fine. ' +
  'National numbers such as `07700 900123` need a **Default Country**.';

/** A phone number input: the one definition behind every number the app sends to Mobivate. */
export const phoneNumberField = <const Key extends string>(
  key: Key,
  label: string,
  helpText = PHONE_HELP,
) => defineInputField({ key, label, type: 'string', required: true, helpText });

export const defaultCountryField = defineInputField({
  key: 'default_country',
  label: 'Default Country',
  type: 'string',
  required: false,
  choices: COUNTRY_CHOICES,
  helpText:
    'Country for numbers written without a country code (for example `07700 900123` in the United Kingdom). Numbers that start with `+` or `00` are never changed by this.',
});

/**
 * Reads a phone number input in Mobivate's form, or stops the step with a message that quotes the
 * input and says how to fix it, before any request is sent.
 */
export const readMobile = (
  z: ZObject,
  label: string,
  value: unknown,
  defaultCountry: unknown,
): string => {
  const raw = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  const result = normaliseMobile(
    raw,
    typeof defaultCountry === 'string' ? defaultCountry : undefined,
  );
  if ('problem' in result) {
    throw new z.errors.Error(
      `${label} "${raw}" cannot be used: ${result.problem}.`,
      'InvalidPhoneNumber',
    );
  }
  return result.mobile;
};
