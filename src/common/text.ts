/**
 * 25000 → "25,000". (Number#toLocaleString would load ICU's number formatting when the app is
 * loaded, a fifth of its start-up time.)
 */
export const formatCount = (count: number): string =>
  String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Longer inputs are quoted by their start: a pasted document must not become a huge error. */
const QUOTE_LIMIT = 60;

/**
 * An input as an error message quotes it: `"+44 7700 900123"`, or for a long one its first 60
 * characters and its length, `"Dear customer, …" (6,400 characters)`.
 */
export const quoteInput = (text: string): string => {
  // By code point, so that an emoji is never cut in half.
  const characters = [...text];
  if (characters.length <= QUOTE_LIMIT) return `"${text}"`;
  return `"${characters.slice(0, QUOTE_LIMIT).join('')}…" (${formatCount(characters.length)} characters)`;
};

/** What a mapped field delivered, for a message that says what was received instead of text. */
export const describeValue = (value: unknown): string => {
  if (typeof value === 'string') return quoteInput(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return `${value} (a yes/no value)`;
  if (value === undefined || value === null) return 'nothing';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty list';
    const count =
      value.length === 1 ? 'a list of 1 value' : `a list of ${formatCount(value.length)} values`;
    return `${count} (the first is ${describeValue(value[0])})`;
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty object';
    return `an object with the fields ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}`;
  }
  return `a value of type ${typeof value}`;
};

/** Characters that show as nothing or as a plain space, by name: quoting them alone shows nothing. */
const INVISIBLE_NAMES: Record<number, string> = {
  0x00a0: 'non-breaking space',
  0x00ad: 'soft hyphen',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2060: 'word joiner',
  0xfeff: 'byte order mark',
};

/** `"•" (U+2022)`, or for an invisible character `U+200B (zero-width space)`. */
export const describeCharacter = (character: string): string => {
  const codePoint = character.codePointAt(0) ?? 0;
  const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = INVISIBLE_NAMES[codePoint];
  if (name) return `${code} (${name})`;
  // Controls, format characters, separators and unassigned code points show as nothing or blank.
  if (/^[\p{C}\p{Z}]$/u.test(character)) return `${code} (an invisible character)`;
  return `"${character}" (${code})`;
};
