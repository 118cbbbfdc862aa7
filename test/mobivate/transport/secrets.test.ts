import {
  mayHoldCredential,
  scrubberFor,
  scrubSecrets,
} from '../../../src/mobivate/transport/secrets';
import { API_KEY } from '../../helpers';

/** Punctuation that servers escape, in a key shaped like the ones that hold it. */
const SLASHED = 'mbv/Live+9f8e7d6c5b4a/3210=';

// Each test builds its scrubber afresh: the one built for the test before is not reused.
beforeEach(() => scrubberFor('another key'));

const scrub = (text: string, key = API_KEY) => scrubSecrets(text, { authData: { api_key: key } });

/** The key echoed inside a sentence must leave exactly the sentence with `:censored:`. */
const expectScrubbed = (form: string, key = API_KEY) =>
  expect(scrub(`Bad key: ${form} (end)`, key)).toBe('Bad key: :censored: (end)');

const each = (text: string, encode: (char: string) => string) => [...text].map(encode).join('');
const hexOf = (text: string) => Buffer.from(text).toString('hex');
const b64 = (text: string) => Buffer.from(text).toString('base64');
const b64url = (text: string) => Buffer.from(text).toString('base64url');
const code = (char: string) => char.codePointAt(0)!;
const jsonEscape = (char: string) => `\\u${code(char).toString(16).padStart(4, '0')}`;

describe('scrubSecrets: the forms the old scrubber knew still go', () => {
  it.each([
    ['as sent', API_KEY],
    ['upper case', API_KEY.toUpperCase()],
    ['mixed case', 'KEY-5a8D1C7e-CaNaRy-9b2f4E6A0d3c'],
  ])('%s', (_name, form) => expectScrubbed(form));

  it.each([
    ['percent-encoded', encodeURIComponent(SLASHED)],
    ['percent-encoded, lower case', encodeURIComponent(SLASHED).toLowerCase()],
    ['JSON-escaped slashes, as PHP writes them', SLASHED.replace(/\//g, '\\/')],
    ['escaped twice', SLASHED.replace(/\//g, '\\\\\\/')],
    ['escaped three times', SLASHED.replace(/\//g, '\\\\\\\\\\\\\\/')],
    ['base64', b64(SLASHED)],
  ])('%s', (_name, form) => expectScrubbed(form, SLASHED));

  it('a JSON-stringified key with quotes and backslashes in it', () => {
    const key = 'a"b\\c-d9f8e7d6';
    expectScrubbed(JSON.stringify(key).slice(1, -1), key);
    expectScrubbed(JSON.stringify(JSON.stringify(key)).slice(3, -3), key);
  });
});

describe('scrubSecrets: every character in any of its encodings', () => {
  it.each([
    ['every character percent-encoded', each(API_KEY, (c) => `%${hexOf(c)}`)],
    [
      'every character percent-encoded, upper case',
      each(API_KEY, (c) => `%${hexOf(c).toUpperCase()}`),
    ],
    ['percent-encoded twice', each(API_KEY, (c) => `%25${hexOf(c)}`)],
    ['percent-encoded four times', each(API_KEY, (c) => `%252525${hexOf(c)}`)],
    ['hex', hexOf(API_KEY)],
    ['hex, upper case', hexOf(API_KEY).toUpperCase()],
    ['hex with \\x', each(API_KEY, (c) => `\\x${hexOf(c)}`)],
    ['JSON \\u escapes of every character', each(API_KEY, jsonEscape)],
    ['JSON \\u escapes, upper case', each(API_KEY, (c) => jsonEscape(c).toUpperCase())],
    ['JSON \\u escapes of the dashes only', API_KEY.replace(/-/g, '\\u002d')],
    ['JSON \\u escapes escaped again', API_KEY.replace(/-/g, '\\\\u002D')],
    ['decimal HTML references', each(API_KEY, (c) => `&#${code(c)};`)],
    ['decimal HTML references with leading zeros', each(API_KEY, (c) => `&#000${code(c)};`)],
    ['decimal HTML references without semicolons', API_KEY.replace(/-/g, '&#45')],
    ['hex HTML references', each(API_KEY, (c) => `&#x${code(c).toString(16)};`)],
    [
      'hex HTML references, upper case',
      each(API_KEY, (c) => `&#X${code(c).toString(16).toUpperCase()};`),
    ],
    [
      'hex HTML references with leading zeros',
      each(API_KEY, (c) => `&#x00${code(c).toString(16)};`),
    ],
    ['HTML references escaped again', API_KEY.replace(/-/g, '&amp;#45;')],
    ['HTML references escaped three times', API_KEY.replace(/-/g, '&amp;amp;amp;#x2d;')],
    [
      'a mix of every encoding',
      'k%65\\x79&#45;5a8d1c7e\\u002Dcan&#x61;ry-9B2F4E6A0D3C'.replace('0D3C', '0d%33c'),
    ],
  ])('%s', (_name, form) => expectScrubbed(form));

  it.each([
    ['&', 'amp'],
    ['<', 'lt'],
    ['>', 'gt'],
    ['"', 'quot'],
    ["'", 'apos'],
    ['/', 'sol'],
    ['=', 'equals'],
    ['+', 'plus'],
    ['.', 'period'],
    ['_', 'lowbar'],
    [':', 'colon'],
  ])('%s as the named HTML reference &%s;', (char, name) => {
    const key = `ab${char}cd9f8e7d6c`;
    expectScrubbed(`ab&${name};cd9f8e7d6c`, key);
    expectScrubbed(`ab&amp;${name};cd9f8e7d6c`, key);
  });

  it('a name without its semicolon is not a reference', () => {
    const text = 'Bad key: ab&solcd9f8e7d6c';
    expect(scrub(text, 'ab/cd9f8e7d6c')).toBe(text);
  });
});

describe('scrubSecrets: the key split by what a page or a JSON text puts between characters', () => {
  const split = (between: string, at = [8, 16]) =>
    `${API_KEY.slice(0, at[0])}${between}${API_KEY.slice(at[0], at[1])}${between}${API_KEY.slice(at[1])}`;

  it.each([
    ['a line break', split('\n')],
    ['a Windows line break', split('\r\n')],
    ['a line break and indentation', split('\n        ')],
    ['a tab', split('\t')],
    ['a non-breaking space', split('\u00a0')],
    ['a zero-width space', split('\u200b')],
    ['a soft hyphen', split('\u00ad')],
    ['a <br> tag', split('<br>')],
    ['a <br /> tag and a line break', split('<br />\n')],
    ['a <wbr> tag', split('<wbr>')],
    ['closing and opening spans', split('</span><span class="key-part">')],
    ['a JSON line break', split('\\n')],
    ['a JSON Windows line break', split('\\r\\n')],
    ['a JSON tab', split('\\t')],
    ['a line break escaped twice', split('\\\\n')],
    ['after every character', [...API_KEY].join('\n')],
    ...[
      '\u200c',
      '\u200d',
      '\u200e',
      '\u200f',
      '\u202a',
      '\u202e',
      '\u2060',
      '\u2064',
      '\u2066',
      '\u206f',
      '\ufeff',
      '\u2028',
      '\u3000',
    ].map((char) => [`U+${code(char).toString(16).toUpperCase()}`, split(char)]),
  ])('%s', (_name, form) => expectScrubbed(form));

  it('a tag longer than 100 characters is not taken for a break inside the key', () => {
    const form = split(`<span title="${'x'.repeat(90)}">`);
    expect(scrub(form)).toBe(form);
    expectScrubbed(split(`<span title="${'x'.repeat(86)}">`));
  });

  it('any number of backslashes before a character or a break', () => {
    const many = '\\'.repeat(40);
    expectScrubbed(API_KEY.replace(/-/g, `${many}u002d`));
    expectScrubbed(API_KEY.replace(/-/g, `${many}-`));
    expectScrubbed(`${API_KEY.slice(0, 8)}${many}n${API_KEY.slice(8)}`);
    expectScrubbed(`${many}${API_KEY}`);
  });

  it('a key with a backslash in it, escaped any number of times', () => {
    const key = 'ab\\cd9f8e7d6c';
    expectScrubbed(key, key);
    expectScrubbed('ab\\\\cd9f8e7d6c', key);
    expectScrubbed(`ab${'\\'.repeat(40)}cd9f8e7d6c`, key);
  });
});

describe('scrubSecrets: base64 runs whose decoded text holds the key', () => {
  it.each([
    ['the key', b64(API_KEY), API_KEY],
    ['the key, without padding', b64(API_KEY).replace(/=+$/, ''), API_KEY],
    ['the key, URL-safe', b64url(`${SLASHED}?`), SLASHED],
    ['the key upper-cased', b64(API_KEY.toUpperCase()), API_KEY],
    ['a Bearer header', b64(`Bearer ${API_KEY}`), API_KEY],
    ['a Bearer header, URL-safe without padding', b64url(`Bearer ${SLASHED}`), SLASHED],
    ['user:key', b64(`user:${API_KEY}`), API_KEY],
    ['an e-mail address as the user', b64(`ops@example.com:${API_KEY}`), API_KEY],
    ['an empty user', b64(`:${API_KEY}`), API_KEY],
    ['user:key, URL-safe', b64url(`änne.müller:${SLASHED}`), SLASHED],
    [
      'a JSON body holding the key escaped',
      b64(JSON.stringify({ auth: SLASHED.replace(/\//g, '\\/') })),
      SLASHED,
    ],
    ['a header holding the key in hex', b64(`X-Key: ${hexOf(API_KEY)}`), API_KEY],
  ])('%s', (_name, form, key) => expectScrubbed(form, key));

  it.each([
    ['after other base64 letters', 'a', b64(`Bearer ${API_KEY}`)],
    ['two letters on', 'ab', b64(`user:${API_KEY}`)],
    ['three letters on', 'abc', b64(`user:${API_KEY}`)],
    ['in a path', '/v1/auth/', b64url(`user:${API_KEY}`)],
  ])('a run that starts %s before the encoded text', (_name, before, encoded) => {
    expect(scrub(`Bad key: ${before}${encoded} (end)`)).toBe('Bad key: :censored: (end)');
  });

  it.each([
    ['JSON-escaped slashes, as PHP writes them', (text: string) => text.replace(/\//g, '\\/')],
    ['percent-encoded', (text: string) => encodeURIComponent(text)],
    [
      'percent-encoded in lower case',
      (text: string) => encodeURIComponent(text).replace(/%\w\w/g, (code) => code.toLowerCase()),
    ],
  ])('a base64 run %s', (_name, encode) => {
    // A key whose base64 holds + and / in its middle: a run cut there would hide it.
    const key = 'q>>>w???e9f8e7d6c5b';
    const basic = b64(`Bearer ${key}`);
    expect(basic).toBe('QmVhcmVyIHE+Pj53Pz8/ZTlmOGU3ZDZjNWI=');
    expectScrubbed(encode(basic), key);
  });

  it('keeps base64 that does not hold the key', () => {
    const text = `Basic ${b64(`user:${API_KEY.slice(0, -1)}`)} and ${b64('another secret of some length')}`;
    expect(scrub(text)).toBe(text);
  });
});

describe('scrubSecrets: the key as entered and as sent', () => {
  it.each([
    ['a trailing space', `${API_KEY} `],
    ['spaces around it', `  ${API_KEY}\t`],
    ['a non-breaking space', `${API_KEY}\u00a0`],
  ])('a key pasted with %s is scrubbed when echoed trimmed', (_name, raw) => {
    expectScrubbed(API_KEY, raw);
    expectScrubbed(hexOf(API_KEY), raw);
    expectScrubbed(b64(`Bearer ${API_KEY}`), raw);
  });

  it.each([
    ['curly quotes', `“${API_KEY}”`],
    ['straight quotes and a zero-width space', `"${API_KEY.slice(0, 9)}\u200b${API_KEY.slice(9)}"`],
    ['single quotes and spaces', ` ‘ ${API_KEY} ’ `],
  ])('a key pasted with %s: the key as sent and as entered', (_name, raw) => {
    expectScrubbed(API_KEY, raw);
    expectScrubbed(raw.trim(), raw);
    expectScrubbed(JSON.stringify(raw.trim()).slice(1, -1), raw);
    expectScrubbed(encodeURIComponent(raw.trim()), raw);
    expectScrubbed(b64(`Bearer ${raw.trim()}`), raw);
  });

  it('the key as entered is scrubbed whole, quotes and all, before the key inside it', () => {
    expect(scrub(`a “${API_KEY}” b “${API_KEY} c`, `“${API_KEY}”`)).toBe(
      'a :censored: b “:censored: c',
    );
  });

  it('a key that is refused (it holds an ellipsis) is scrubbed in every form too', () => {
    const raw = `${API_KEY.slice(0, 12)}…`;
    expectScrubbed(raw, raw);
    expectScrubbed(encodeURIComponent(raw), raw);
    expectScrubbed(
      each(raw, (c) => (c === '…' ? '\\u2026' : c)),
      raw,
    );
    expectScrubbed(
      each(raw, (c) => `&#${code(c)};`),
      raw,
    );
    expectScrubbed(hexOf(raw), raw);
    expectScrubbed(
      each(raw, (c) => hexOf(c).replace(/../g, '\\x$&')),
      raw,
    );
    expectScrubbed(
      each(raw, (c) => hexOf(c).replace(/../g, '%$&')),
      raw,
    );
    expectScrubbed(
      each(raw, (c) => (c === '…' ? '\\ud83d' : c)).replace('\\ud83d', '\\u2026'),
      raw,
    );
  });

  it('a key of every visible ASCII character, regular-expression syntax included', () => {
    const key = String.fromCharCode(...[...Array(94).keys()].map((offset) => 0x21 + offset));
    expectScrubbed(key, key);
    expectScrubbed(encodeURIComponent(key), key);
    expectScrubbed(JSON.stringify(key).slice(1, -1), key);
    expectScrubbed(b64(key), key);
  });

  it('an emoji in the key is matched by its two JSON escapes', () => {
    const raw = `${API_KEY}😀`;
    expectScrubbed(`${API_KEY}\\ud83d\\ude00`, raw);
    expectScrubbed(`${API_KEY}&#128512;`, raw);
    expectScrubbed(`${API_KEY}&#x1f600;`, raw);
  });

  it.each([
    ['empty', ''],
    ['spaces only', '   '],
    ['whitespace of other kinds', '\u00a0\t\n'],
    ['invisible characters only', '\u200b\ufeff'],
    ['quotes only', '“”'],
    ['straight quotes only', '""'],
  ])('an %s key leaves the text untouched', (_name, raw) => {
    const text = 'Bad key: "" “” \u200b (end) &#45; %2F 6b65 a b c';
    expect(scrub(text, raw)).toBe(text);
  });

  it('without a key in the bundle, nothing is scrubbed', () => {
    expect(scrubSecrets('Bad key: x', {})).toBe('Bad key: x');
    expect(scrubSecrets('Bad key: x', { authData: { api_key: 3 as unknown as string } })).toBe(
      'Bad key: x',
    );
  });

  it('keeps everything that is not the key', () => {
    const text = `<p>Bad request 7c9e6679-7425-40de-944b-e07fc1f90ae7 for ${API_KEY.slice(0, -1)}x</p>\n{"a":"\\u002d\\/"} &#45;&amp; ${hexOf('key-5a8d')}`;
    expect(scrub(text)).toBe(text);
    expect(scrub(API_KEY.slice(1))).toBe(API_KEY.slice(1));
    expect(scrub(API_KEY.slice(0, -1))).toBe(API_KEY.slice(0, -1));
  });

  it('scrubs every occurrence', () => {
    expect(scrub(`${API_KEY} ${hexOf(API_KEY)}\n${b64(API_KEY)}`)).toBe(
      ':censored: :censored:\n:censored:',
    );
  });
});

describe('scrubberFor is built once per key', () => {
  it('returns the same scrubber while the key is the same, and a new one for another key', () => {
    const first = scrubberFor(API_KEY);
    expect(scrubberFor(API_KEY)).toBe(first);
    const other = scrubberFor(SLASHED);
    expect(other).not.toBe(first);
    expect(scrub(API_KEY, SLASHED)).toBe(API_KEY);
    expect(scrub(SLASHED, SLASHED)).toBe(':censored:');
    expect(scrub(API_KEY)).toBe(':censored:');
    expect(scrubberFor('')).toBeUndefined();
  });

  it('its patterns are not left mid-search by an earlier call', () => {
    const text = `${b64(`user:${API_KEY}`)} ${b64(`user:${API_KEY}`)}`;
    expect(scrub(text)).toBe(':censored: :censored:');
    expect(scrub(text)).toBe(':censored: :censored:');
  });
});

describe('scrubSecrets stays fast on large texts', () => {
  const MB = 1024 * 1024;
  /** Small texts first: a scrubber that is wrong for them is not timed on megabytes. */
  const expectScrubsSmallTexts = () => {
    expect(scrub(`a ${b64(`user:${API_KEY}`)} b`)).toBe('a :censored: b');
    expect(scrub('a QmVhcmVyIHE+Pj53Pz8\\/ZTlmOGU3ZDZjNWI= b', 'q>>>w???e9f8e7d6c5b')).toBe(
      'a :censored: b',
    );
    expect(scrub(`a ${API_KEY}\\ud83d\\ude00 b`, `${API_KEY}😀`)).toBe('a :censored: b');
    expect(scrub(`a ${API_KEY.replace(/-/g, '&#45;')} b`)).toBe('a :censored: b');
  };
  const texts: [string, string][] = [
    ['prose', 'The quick brown fox jumps over the lazy dog. '.repeat(MB / 45)],
    ['one base64 run', b64('x'.repeat((MB * 3) / 4))],
    ['hex', hexOf('y'.repeat(MB / 2))],
    ['spaces after a start of the key', `${API_KEY.slice(0, 20)}${' '.repeat(MB)}`],
    ['starts of the key apart by line breaks', `${API_KEY.slice(0, 20)}\n`.repeat(MB / 21)],
    ['backslashes', '\\'.repeat(MB)],
    ['HTML tags', '<b>'.repeat(MB / 3)],
    ['ampersands', '&amp;'.repeat(MB / 5)],
    ['percent signs', '%25'.repeat(MB / 3)],
  ];

  it.each([
    ['one base64 run', 'x'.repeat(16 * MB)],
    [
      'zero-width spaces after a start of the key',
      `${API_KEY.slice(0, 8)}${'\u200b'.repeat(16 * MB)}`,
    ],
    ['backslashes after a start of the key', `${API_KEY.slice(0, 8)}${'\\'.repeat(16 * MB)}`],
    ['hex', 'ab'.repeat(8 * MB)],
  ])('16 MB (the most a request reads) of %s do not overflow the stack', (_name, text) => {
    expectScrubsSmallTexts();
    expect(scrub(`${text} ${API_KEY}`).endsWith(' :censored:')).toBe(true);
  });

  it.each(texts)('1 MB of %s in well under a second', (_name, text) => {
    expectScrubsSmallTexts();
    const started = process.hrtime.bigint();
    const scrubbed = scrub(`${text}${API_KEY}`);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(scrubbed.endsWith(':censored:')).toBe(true);
    // A generous bound, far above the few milliseconds it takes: only a blow-up fails it.
    expect(ms).toBeLessThan(1500);
  });
});

describe('mayHoldCredential', () => {
  const holder = { authData: { api_key: API_KEY } };

  it.each([
    'https://api.mobivatebulksms.com',
    'https://vortex.mobivatebulksms.com:8443',
    `https://${'a'.repeat(23)}.example.com`,
    `https://${'Z'.repeat(22)}a.example.com`,
  ])('an address without one: %s', (text) => {
    expect(mayHoldCredential(text, holder)).toBe(false);
  });

  it.each([
    ['a query string', 'https://api.mobivatebulksms.com?x=1'],
    ['a fragment', 'https://api.mobivatebulksms.com#x'],
    ['user information', 'https://u@api.mobivatebulksms.com'],
    ['a long run of letters', `https://${'a'.repeat(24)}.example.com`],
    ['a long run ending in an upper-case letter', `https://${'a'.repeat(23)}Z.example.com`],
    ['a long run ending in a lower-case letter', `https://${'Z'.repeat(23)}a.example.com`],
    ['a long run ending in a digit', `https://${'a'.repeat(23)}0.example.com`],
    ['a long run ending in an underscore', `https://${'a'.repeat(23)}_.example.com`],
    ['a long run ending in a dash', `https://${'a'.repeat(23)}-.example.com`],
    ['a long token that is not the key', 'https://9f8e7d6c5b4a3210fedcba98.mobivate.example'],
    ['the key', `https://${API_KEY}.example.com`],
    ['the key in hex', `https://x${hexOf('k3y9')}.example.com`],
  ])('%s', (_name, text) => {
    const key = _name.includes('hex') ? 'k3y9' : API_KEY;
    expect(mayHoldCredential(text, { authData: { api_key: key } })).toBe(true);
  });

  it('the connection’s own key, when it is short', () => {
    expect(mayHoldCredential('https://k3y9.example.com', { authData: { api_key: 'k3y9' } })).toBe(
      true,
    );
    expect(mayHoldCredential('https://k3y9.example.com', holder)).toBe(false);
    expect(mayHoldCredential('https://k3y9.example.com', { authData: { api_key: ' k3y9 ' } })).toBe(
      true,
    );
  });
});
