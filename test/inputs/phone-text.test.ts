/**
 * What a phone number field holds before it is read as a number (src/inputs/phone-text.ts): what
 * copy and paste, spreadsheets and links add is removed, and what would change the number is
 * refused with a message that says what to do. Each case gives the exact text or message.
 */
import { ONLY_AN_EXTENSION, unwrap } from '../../src/inputs/phone-text';

const CHARACTERS =
  'it contains characters that are not part of a phone number (use only digits, spaces, +, -, . and brackets). Write it with + and the country code, like +44 7700 900123';
const EXTENSION = (digits: string) =>
  `it has an extension (${digits}), which a text message cannot reach. Map the number without its extension`;
const SCIENTIFIC =
  'it looks like a spreadsheet turned the number into scientific notation, which loses digits. Format that spreadsheet column as plain text and map the number again';

describe('unwrap', () => {
  it.each([
    // Separators of any kind become one space each; digits of any script become 0-9.
    ['+44\u00a07700\u20137 900123', '+44 7700 7 900123'],
    ['(0)7700/900123', '(0)7700 900123'],
    ['+44.7700.900123', '+44 7700 900123'],
    ['+44\t7700\n900123', '+44 7700 900123'],
    ['\uff0b\uff14\uff14 \uff17', '+44 7'],
    ['\u0660\u0667\u0667', '077'],
    // Around it: invisible characters, spaces, one leading text marker, a tel: link.
    ['\u200b +44 7700 900123 \ufeff', '+44 7700 900123'],
    [" '+44 7700 900123", '+44 7700 900123'],
    ["' +44 7700 900123", '+44 7700 900123'],
    ["\u200b'+44 7700 900123", '+44 7700 900123'],
    ['tel:+44-7700-900123', '+44 7700 900123'],
    ['Tel:+44-7700-900123', '+44 7700 900123'],
  ])('reads %j as %j', (raw, text) => {
    expect(unwrap(raw)).toEqual({ text });
  });

  it.each([
    ['', `it is empty. Write it with + and the country code, like +44 7700 900123`],
    ['\u200b\u200b', `it is empty. Write it with + and the country code, like +44 7700 900123`],
    ["'", `it is empty. Write it with + and the country code, like +44 7700 900123`],
    // Only one leading apostrophe is a text marker; anywhere else it is not part of a number.
    ["''447700900123", CHARACTERS],
    ["+44 7700 900'123", CHARACTERS],
    ['a', CHARACTERS],
    ['+44 7700 900123 #', CHARACTERS],
    ['+44 7700 900123 ext', CHARACTERS],
    ['+44 7700 900123,,,', CHARACTERS],
    [
      '\u00e9',
      'it contains "\u00e9" (U+00E9), which is not part of a phone number. Remove it (use only digits, spaces, +, -, . and brackets)',
    ],
  ])('refuses %j', (raw, problem) => {
    expect(unwrap(raw)).toEqual({ problem });
  });

  it.each([
    ['4.47700900123E+11'],
    ['4.47700900123e11'],
    ['+4.47700900123E+11'],
    ['-4.47700900123E+11'],
    ['4.4770090012E-3'],
    ['44770090012E1'],
    [" '4.47700900123E+11 "],
  ])('explains the scientific notation of %j', (raw) => {
    expect(unwrap(raw)).toEqual({ problem: SCIENTIFIC });
  });

  it.each([
    // Scientific notation is the whole input; letters around it are other characters.
    ['ab4.47700900123E+11'],
    ['4.47700900123E+11 x'],
    ['tel:4.47700900123E+11'],
    ['4.47700900123E'],
    ['E+11'],
  ])('does not call %j scientific notation', (raw) => {
    expect(unwrap(raw)).toEqual({ problem: CHARACTERS });
  });

  it.each([
    ['+44 7700 900123 ext 12', '12'],
    ['+44 7700 900123 ext. 7', '7'],
    ['+44 7700 900123 ext.45', '45'],
    ['+44 7700 900123 extn 3', '3'],
    ['+44 7700 900123 extension 12', '12'],
    ['+44 7700 900123x6', '6'],
    ['+44 7700 900123 X 6', '6'],
    ['+44 7700 900123 #4', '4'],
    ['+44 7700 (900123)x7', '7'],
    ['+44 7700 900123. ext 12', '12'],
    ['+44 7700 900123 - ext 12', '12'],
    ['+1 415 555 0132,x12', '12'],
    ['+1 415 555 0132;x8', '8'],
    ['+1 (415) 555-0132, ext. 12', '12'],
    ['tel:+1-415-555-0132;ext=7', '7'],
    ['TEL:+1-415-555-0132;EXT=99', '99'],
    ['+1 415 555 0132 Ext: 12', '12'],
    ['+1 415 555 0132 ext : 5', '5'],
    ['+1 415 555 0132 x:3', '3'],
  ])('explains the extension in %j', (raw, digits) => {
    expect(unwrap(raw)).toEqual({ problem: EXTENSION(digits) });
  });

  it.each([
    // Not an extension: words after it, or no number before it.
    ['+44 7700 900123 ext 12 please'],
    ['+44 7700 900123-ext 12'],
    ['ext 12'],
    ['+44 7700 900123 next12'],
    ['+44 7700 900123 ext:: 12'],
    ['+44 7700 900123 ext-12'],
  ])('does not call %j an extension', (raw) => {
    expect(unwrap(raw)).toEqual({ problem: CHARACTERS });
  });

  it('reads a tel: parameter only in a tel: link', () => {
    expect(unwrap('tel:+44-7700-900123;phone-context=x')).toEqual({
      problem:
        'it has ";phone-context=x" after the number, a tel: link parameter the app does not read. Map the number alone, with + and the country code, like +44 7700 900123',
    });
    expect(unwrap('see tel:+44-7700-900123;x')).toEqual({ problem: CHARACTERS });
    expect(unwrap('+44 7700 900123;phone-context=x')).toEqual({ problem: CHARACTERS });
    // A parameter runs to the end of the link: what follows on another line is something else.
    expect(unwrap('tel:+44-7700-900123;a=1\nb')).toEqual({ problem: CHARACTERS });
  });

  it.each([
    ['+44 7700 900123, +44 7700 900456', 2],
    ['+44 7700 900123; +44 7700 900456', 2],
    ['+44 7700 900123\n+44 7700 900456\n12', 2],
    ['2345678\n3456789', 2],
    ['1234567;1234567,1234567\n1234567', 4],
  ])('refuses %j as %i numbers', (raw, count) => {
    expect(unwrap(raw)).toEqual({
      problem: `it looks like ${count} phone numbers, not one. Map a single phone number`,
    });
  });

  it.each([
    // Groups of fewer than 7 digits on their own lines are parts of one number.
    ['+44 7700\n900123', '+44 7700 900123'],
    ['234567\n3456789', '234567 3456789'],
  ])('reads %j as one number', (raw, text) => {
    expect(unwrap(raw)).toEqual({ text });
  });
});

describe('ONLY_AN_EXTENSION', () => {
  it.each([
    ...['ext 12', 'ext. 12', 'EXT.12', 'extn 3', 'extn. 3', 'extension 45', 'x12', 'X 1', '#7'],
    ...['Ext: 12', 'ext : 12', 'extension:12', 'x :1'],
  ])('is %j', (piece) => {
    expect(ONLY_AN_EXTENSION.test(piece)).toBe(true);
  });

  it.each([
    '12',
    'ext',
    'ext 12 please',
    'next 12',
    'ext 12a',
    ' ext 12',
    'ext 12 ',
    'ex 12',
    'extensions 4',
    'x',
  ])('is not %j', (piece) => {
    expect(ONLY_AN_EXTENSION.test(piece)).toBe(false);
  });
});
