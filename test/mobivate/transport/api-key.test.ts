import { apiKeyOf, cleanApiKey } from '../../../src/mobivate/transport/api-key';

const KEY = 'QzX7-mbv_9f8e.7d6c~5b4a!3210';

/** Every run of four characters of the key: none may appear in a message about it. */
const fragments = (key: string) =>
  [...Array(Math.max(0, key.length - 3)).keys()].map((start) => key.slice(start, start + 4));

const problemOf = (raw: string): string => {
  const result = apiKeyOf(raw);
  if (!('problem' in result)) throw new Error(`expected a problem, got a key`);
  return result.problem;
};

const FIX =
  'Copy the key again from the Mobivate hub (User Profile → API Keys) and reconnect your Mobivate account in Zapier; Mobivate shows a key only once, so create a new key if you no longer have it.';

describe('cleanApiKey removes what is certainly not part of a key', () => {
  it.each([
    ['a trailing space', `${KEY} `],
    ['spaces, tabs and line breaks around it', ` \t\n${KEY}\r\n `],
    ['non-breaking spaces around it', `\u00a0${KEY}\u00a0`],
    ['wide spaces around it (em space, ideographic space)', `\u2003${KEY}\u3000`],
    ['a zero-width space inside', `${KEY.slice(0, 9)}\u200b${KEY.slice(9)}`],
    ['zero-width joiners and non-joiners', `\u200c${KEY.slice(0, 4)}\u200d${KEY.slice(4)}`],
    ['a byte-order mark first', `\ufeff${KEY}`],
    ['direction marks', `\u200e${KEY}\u200f`],
    [
      'a word joiner and a soft hyphen inside',
      `${KEY.slice(0, 3)}\u2060${KEY.slice(3, 12)}\u00ad${KEY.slice(12)}`,
    ],
    ['straight double quotes', `"${KEY}"`],
    ['straight single quotes', `'${KEY}'`],
    ['curly double quotes', `“${KEY}”`],
    ['curly single quotes', `‘${KEY}’`],
    ['German quotes', `„${KEY}“`],
    ['closing curly quotes on both sides', `”${KEY}”`],
    ['closing curly apostrophes on both sides', `’${KEY}’`],
    ['a low single quote and a curly one', `‚${KEY}‘`],
    ['quotes, with spaces inside and out', `  “ ${KEY}\u00a0”\n`],
    ['quotes around invisible characters', `\u200b“\u200b${KEY}\u200b”\u200b`],
  ])('%s', (_name, raw) => {
    expect(cleanApiKey(raw)).toBe(KEY);
  });

  it.each([
    ['a key that needs nothing removed', KEY, KEY],
    ['only one pair of quotes', `""${KEY}""`, `"${KEY}"`],
    ['only one pair of curly quotes', `““${KEY}””`, `“${KEY}”`],
    ['a double quote and a single one', `"${KEY}'`, `"${KEY}'`],
    ['a curly single quote and a curly double one', `‘${KEY}”`, `‘${KEY}”`],
    ['a quote on one side only', `“${KEY}`, `“${KEY}`],
    ['a quote at the end only', `${KEY}”`, `${KEY}”`],
    [
      'quotes inside the key',
      `${KEY.slice(0, 5)}"x"${KEY.slice(5)}`,
      `${KEY.slice(0, 5)}"x"${KEY.slice(5)}`,
    ],
    ['a quoted part at its end', `${KEY}"x"`, `${KEY}"x"`],
    ['a quoted part at its start', `'x'${KEY}`, `'x'${KEY}`],
    [
      'spaces inside the key',
      `${KEY.slice(0, 5)} ${KEY.slice(5)}`,
      `${KEY.slice(0, 5)} ${KEY.slice(5)}`,
    ],
    ['only quotes', '“”', ''],
    ['a quote alone', '"', '"'],
    ['only spaces and invisible characters', ' \u200b\u00a0', ''],
  ])('keeps the rest: %s', (_name, raw, cleaned) => {
    expect(cleanApiKey(raw)).toBe(cleaned);
  });
});

describe('apiKeyOf', () => {
  it.each([
    ['a clean key', KEY],
    ['a key pasted with quotes, spaces and a zero-width space', ` “${KEY}\u200b” `],
    ['the first and last visible ASCII characters', `!${KEY}~`],
  ])('sends %s as cleaned', (_name, raw) => {
    expect(apiKeyOf(raw)).toEqual({ key: cleanApiKey(raw) });
  });

  it.each([
    ['', 'The API Key of your Mobivate connection is empty. '],
    [
      ' “\u200b” ',
      'The API Key of your Mobivate connection is empty (it holds only spaces, quotes or invisible characters). ',
    ],
  ])('refuses an empty key %j', (raw, start) => {
    expect(apiKeyOf(raw)).toEqual({ problem: `${start}${FIX}` });
  });

  const at = (index: number, char: string) => `${KEY.slice(0, index)}${char}${KEY.slice(index)}`;

  it.each([
    [
      'an ellipsis',
      at(11, '…'),
      '12th',
      'U+2026 "…" (an ellipsis, as where a long key is shown shortened)',
    ],
    ['a space', at(0, 'x '), '2nd', 'U+0020 (a space)'],
    ['a non-breaking space inside', at(2, '\u00a0'), '3rd', 'U+00A0 (a space)'],
    ['a tab', at(3, '\t'), '4th', 'U+0009 (a space)'],
    ['a line break', at(10, '\n'), '11th', 'U+000A (a line break)'],
    ['a carriage return', at(12, '\r'), '13th', 'U+000D (a line break)'],
    ['a line separator', at(20, '\u2028'), '21st', 'U+2028 (a line break)'],
    ['a paragraph separator', at(21, '\u2029'), '22nd', 'U+2029 (a line break)'],
    ['a curly quote on one side', `“${KEY}`, '1st', 'U+201C "“"'],
    ['a Cyrillic letter that looks Latin', at(22, 'а'), '23rd', 'U+0430 "а"'],
    ['an accented letter', at(23, 'é'), '24th', 'U+00E9 "é"'],
    ['a digit of another script', at(4, '٣'), '5th', 'U+0663 "٣"'],
    ['an en dash', at(5, '–'), '6th', 'U+2013 "–"'],
    ['a symbol', at(6, '€'), '7th', 'U+20AC "€"'],
    ['an emoji', at(7, '😀'), '8th', 'U+1F600 "😀"'],
    ['a combining accent', at(8, '\u0301'), '9th', 'U+0301 (an invisible character)'],
    ['a control character', at(9, '\u0007'), '10th', 'U+0007 (an invisible character)'],
    ['DEL, just past visible ASCII', `${KEY}\u007f`, '29th', 'U+007F (an invisible character)'],
  ])('refuses %s, naming it and where it is', (_name, raw, position, described) => {
    expect(problemOf(raw)).toBe(
      `The API Key of your Mobivate connection cannot be used: its ${position} character is ${described}. A key holds only letters, digits and punctuation, without spaces (the key is not repeated here). ${FIX}`,
    );
  });

  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [10, '10th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [14, '14th'],
    [21, '21st'],
    [100, '100th'],
    [101, '101st'],
    [111, '111th'],
    [112, '112th'],
    [113, '113th'],
    [122, '122nd'],
  ])('counts position %i as the %s character', (position, ordinal) => {
    const raw = `${'a'.repeat(position - 1)}…b`;
    expect(problemOf(raw)).toContain(`: its ${ordinal} character is U+2026`);
  });

  it.each([
    [`${KEY.slice(0, 6)}…${KEY.slice(6)}”`, ', and 1 other character cannot be in a key either.'],
    [
      `${KEY.slice(0, 6)}… ${KEY.slice(6)}\u00a0x”`,
      ', and 3 other characters cannot be in a key either.',
    ],
  ])('counts the other characters that cannot be in a key', (raw, more) => {
    expect(problemOf(raw)).toContain(
      `: its 7th character is U+2026 "…" (an ellipsis, as where a long key is shown shortened)${more} A key holds`,
    );
  });

  it.each([
    at(11, '…'),
    at(14, ' '),
    `“${KEY}`,
    `${KEY.slice(0, 6)}… ${KEY.slice(6)}\u00a0x”`,
    `\u200b“${KEY} ${KEY}”`,
  ])('never repeats any part of the key: %j', (raw) => {
    const problem = problemOf(raw);
    for (const fragment of fragments(KEY)) expect(problem).not.toContain(fragment);
  });
});
