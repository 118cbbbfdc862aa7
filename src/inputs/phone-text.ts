import { parseDigits } from 'libphonenumber-js/min';
import { describeCharacter, quoteInput } from '../common/text';

/**
 * What was typed into a phone number field, before it is read as a number: what copy and paste,
 * spreadsheets and links add around a number is removed, and anything that would change which
 * number it is, is refused (docs/phone-numbers.md).
 */

export type Problem = { problem: string };

export const refuse = (problem: string): Problem => ({ problem });

export const HOW_TO_WRITE = 'Write it with + and the country code, like +44 7700 900123';
export const CHECK = 'Check the number, and write it with + and the country code';
const ALLOWED = 'use only digits, spaces, +, -, . and brackets';

/** 4.47700900123E+11: what a spreadsheet makes of a long number in a "General" column. */
const SCIENTIFIC_NOTATION = /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i;
/**
 * 7700900123.0 or +61412345678.5: one run of digits and a decimal part of one or two digits, as
 * spreadsheets, CSV exports and code steps write a number. Dotted phone numbers have more than one
 * dot (+44.7700.900123) or a longer group after it (+44.7700900123); digits of any script count.
 */
const DECIMAL = /^[+\uff0b]?\p{Nd}+(\.\p{Nd}{1,2})$/u;
/** Zero-width spaces, direction marks, byte order marks: copy and paste brings them unseen. */
const INVISIBLE = /\p{Cf}/gu;
/** Whitespace of any kind (tab, non-breaking space) and dashes of any kind separate digit groups. */
const SEPARATOR = /^[\s\p{Pd}\u2212./]$/u;
const EXTENSION = /(?:;ext=|(?<=[\d\s),;])\s*(?:extension|extn?\.?|x|#)\s*:?\s*)(\d+)$/i;
/**
 * `ext. 12`, `x12`, `#12` alone (the same words as EXTENSION): what splitting a list at a comma
 * leaves of a number's extension. recipients.ts keeps it with its number, which is then refused.
 */
export const ONLY_AN_EXTENSION = /^(?:extension|extn?\.?|x|#)\s*:?\s*\d+$/i;

/**
 * Digits of any script become 0-9, whitespace and dashes of any kind become spaces. Any other
 * character is refused, and named when it is not plain ASCII: it may look like a digit or a
 * space, or not show at all.
 */
const readCharacters = (text: string): { text: string } | Problem => {
  let read = '';
  for (const character of text) {
    const digit = parseDigits(character);
    if (digit) read += digit;
    else if (character === '+' || character === '\uff0b') read += '+';
    else if (character === '(' || character === ')') read += character;
    else if (SEPARATOR.test(character)) read += ' ';
    else if (/^[ -~]$/.test(character)) {
      return refuse(
        `it contains characters that are not part of a phone number (${ALLOWED}). ${HOW_TO_WRITE}`,
      );
    } else {
      return refuse(
        `it contains ${describeCharacter(character)}, which is not part of a phone number. Remove it (${ALLOWED})`,
      );
    }
  }
  return { text: read };
};

/** What was typed, without what copy and paste, spreadsheets and links add around a number. */
export const unwrap = (raw: string): { text: string } | Problem => {
  // A leading apostrophe is how a spreadsheet marks a cell as text.
  let text = raw.replace(INVISIBLE, '').trim().replace(/^'/, '').trim();
  if (!text) return refuse(`it is empty. ${HOW_TO_WRITE}`);
  if (SCIENTIFIC_NOTATION.test(text)) {
    return refuse(
      'it looks like a spreadsheet turned the number into scientific notation, which loses digits. Format that spreadsheet column as plain text and map the number again',
    );
  }
  const decimal = DECIMAL.exec(text);
  if (decimal) {
    return refuse(
      `it ends in a decimal part (${quoteInput(decimal[1]!)}), the way spreadsheets and code steps write numbers, and reading it as more digits would change the number. Map the number without it: in a spreadsheet, format the column as plain text or as a number with no decimal places; in a code step, output the number as text`,
    );
  }
  const tel = /^tel:/i.test(text); // an RFC 3966 link, tel:+44-7700-900123
  if (tel) text = text.slice(4);
  const extension = EXTENSION.exec(text);
  if (extension) {
    return refuse(
      `it has an extension (${extension[1]}), which a text message cannot reach. Map the number without its extension`,
    );
  }
  const parameter = tel && /;.*$/.exec(text);
  if (parameter) {
    return refuse(
      `it has ${quoteInput(parameter[0])} after the number, a tel: link parameter the app does not read. Map the number alone, with + and the country code, like +44 7700 900123`,
    );
  }
  const numbers = text.split(/[,;\n]/).filter((part) => part.replace(/\D/g, '').length >= 7);
  if (numbers.length > 1) {
    return refuse(
      `it looks like ${numbers.length} phone numbers, not one. Map a single phone number`,
    );
  }
  return readCharacters(text);
};
