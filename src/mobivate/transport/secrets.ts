import type { Bundle } from 'zapier-platform-core';
import { cleanApiKey } from './api-key';
import { authDataOf } from './auth-data';

/** Whatever carries the connection's auth data: a bundle, or a part of one. */
export type SecretHolder = { authData?: Bundle['authData'] };

const CENSORED = ':censored:';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const hex = (code: number, digits: number) => code.toString(16).padStart(digits, '0');

/** HTML's names for punctuation a key may hold; numeric references cover every character. */
const NAMED: Record<string, string> = {
  '&': 'amp',
  '<': 'lt',
  '>': 'gt',
  '"': 'quot',
  "'": 'apos',
  '/': 'sol',
  '=': 'equals',
  '+': 'plus',
  '.': 'period',
  _: 'lowbar',
  ':': 'colon',
};

/**
 * Every way a server may write one character of the key, as a regular expression: itself (any
 * case), percent-encoded (each UTF-8 byte, `%2F`, `%252F` escaped again), hex (`2f`, `\x2f`), a
 * JSON escape (`\u002f`, one per UTF-16 unit), an HTML reference (`&#47;`, `&#x2F;`, `&sol;`,
 * `&amp;#47;` escaped again); each after any number of backslashes (`\/`, `\\\/`, `\\u002f`:
 * JSON escaped once or more).
 */
const charForms = (char: string): string => {
  const code = char.codePointAt(0)!;
  const bytes = [...Buffer.from(char)].map((byte) => `(?:%(?:25){0,3}|\\\\x)?${hex(byte, 2)}`);
  const units = char.split('').map((unit) => `u${hex(unit.charCodeAt(0), 4)}`);
  const named = NAMED[char] ? `|${NAMED[char]};` : '';
  const entity = `&(?:amp;){0,3}(?:#(?:0*${code}|x0*${hex(code, 1)});?${named})`;
  const forms = [escapeRegExp(char), bytes.join(''), units.join('\\\\*'), entity];
  return `\\\\*(?:${forms.join('|')})`;
};

/**
 * What may stand between two characters of an echoed key: spaces and line breaks, the invisible
 * characters pages and chat tools insert (soft hyphens, zero-width spaces and joiners, direction
 * marks, byte-order marks), HTML tags, JSON's `\n`. Written so that a run of them, however long,
 * does not grow the regular expression's backtracking stack: each run is one loop over one class
 * of characters of the Basic Multilingual Plane.
 */
const SPACES = '[\\s\\u00ad\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff]*';
const BETWEEN = `${SPACES}(?:(?:<[^<>]{0,100}>|\\\\+[nrt])${SPACES}){0,50}`;

/** A character of a base64 run: either alphabet, JSON-escaped (`\/`) or percent-encoded (`%2F`). */
const RUN = '[\\w+/%\\\\-]';

interface Scrubber {
  /** Any of the key's forms (the key as entered, trimmed, and as sent), in any of their encodings. */
  key: RegExp;
  /** Runs of base64 (either alphabet, JSON-escaped or percent-encoded) long enough to hold a key. */
  base64: RegExp;
}

const buildScrubber = (raw: string): Scrubber | undefined => {
  const sent = cleanApiKey(raw);
  // An empty key is no secret: matching it would put :censored: between every character.
  if (!sent) return undefined;
  // The key as entered first: it holds the key as sent, and is censored whole (quotes and all).
  const keys = [...new Set([raw.trim(), sent])];
  const patterns = keys.map((key) => [...key].map(charForms).join(BETWEEN));
  return {
    // Never from inside a run of backslashes: from its start, so that each run is read once.
    key: new RegExp(`(?<!\\\\)(?:${patterns.join('|')})`, 'gi'),
    // One class of characters, read once from the start of each run: linear, however long.
    base64: new RegExp(`(?<!${RUN})(?=${RUN}{${sent.length}})${RUN}+={0,2}`, 'g'),
  };
};

let memo: { raw: string; scrubber: Scrubber | undefined } | undefined;

/** The scrubber for a key, built once per key (scrubbing runs on every excerpt and log line). */
export const scrubberFor = (raw: string): Scrubber | undefined => {
  if (memo?.raw !== raw) memo = { raw, scrubber: buildScrubber(raw) };
  return memo.scrubber;
};

/**
 * The text a base64 run decodes to, read from each of the four places a quantum may start. Node
 * skips what is not base64 (the `%` of a percent-encoded `=` at the end adds only bytes after).
 */
const decodings = (run: string): string[] => {
  const plain = run.replace(/\\/g, '').replace(/%2b/gi, '+').replace(/%2f/gi, '/');
  return [0, 1, 2, 3].map((start) => Buffer.from(plain.slice(start), 'base64').toString('utf8'));
};

/**
 * Removes every form of the connection's API key from a text before it reaches a message or a
 * log: the key as entered, trimmed and as sent, each in any case and any mix of the encodings of
 * `charForms`, split by line breaks or tags, and any base64 run whose decoded text holds one of
 * them (a Basic header of `user:<key>`, `Bearer <key>`, the key alone).
 */
export const scrubSecrets = (text: string, bundle: SecretHolder): string => {
  const scrubber = scrubberFor(authDataOf(bundle).api_key);
  if (!scrubber) return text;
  return text
    .replace(scrubber.base64, (run) =>
      decodings(run).some((decoded) => decoded.search(scrubber.key) >= 0) ? CENSORED : run,
    )
    .replace(scrubber.key, CENSORED);
};

/**
 * Whether a text quoted from user input (such as the API Address) might hold a credential: a
 * query string, user information, or a long run of key-like characters. Such text is never quoted.
 */
export const mayHoldCredential = (text: string, bundle: SecretHolder): boolean =>
  /[?#@]/.test(text) || /[A-Za-z0-9_-]{24,}/.test(text) || scrubSecrets(text, bundle) !== text;
