/**
 * The API key as it is sent, from the key as it was pasted. Copying from documents and chat tools
 * adds what cannot be in a key: spaces around it, invisible characters, quotes around it. Those
 * are removed where that is certain; any other character a key cannot hold (a key is visible ASCII,
 * `!` to `~`) makes the key unusable, said without repeating any part of it.
 */

/** The key to send, or why none can be sent (a sentence that never quotes the key). */
export type ApiKey = { key: string } | { problem: string };

/** Format characters (zero-width spaces and joiners, byte-order marks, direction marks). */
const INVISIBLE = /\p{Cf}/gu;

/** One pair of quotes around the key: straight or curly, double or single. */
const QUOTED = /^(?:["“”„]([^]*)["“”„]|['‘’‚]([^]*)['‘’‚])$/u;

/** Removes what is certainly not part of the key: invisible characters, spaces and quotes around it. */
export const cleanApiKey = (raw: string): string => {
  const bare = raw.replace(INVISIBLE, '').trim();
  const quoted = QUOTED.exec(bare);
  return quoted ? (quoted[1] ?? quoted[2]!).trim() : bare;
};

const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/** A character named so that the user can find it, without any character of the key beside it. */
const described = (char: string): string => {
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  if (char === '…') return `${code} "…" (an ellipsis, as where a long key is shown shortened)`;
  if (/[\n\r\u2028\u2029]/.test(char)) return `${code} (a line break)`;
  if (/\s/.test(char)) return `${code} (a space)`;
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(char)
    ? `${code} "${char}"`
    : `${code} (an invisible character)`;
};

const FIX =
  'Copy the key again from the Mobivate hub (User Profile → API Keys) and reconnect your Mobivate account in Zapier; Mobivate shows a key only once, so create a new key if you no longer have it.';

/** The key to send for what was entered in the API Key field, or why it cannot be used. */
export const apiKeyOf = (raw: string): ApiKey => {
  const key = cleanApiKey(raw);
  if (!key) {
    return {
      problem: `The API Key of your Mobivate connection is empty${raw ? ' (it holds only spaces, quotes or invisible characters)' : ''}. ${FIX}`,
    };
  }
  const chars = [...key];
  const wrong = chars.flatMap((char, index) => (/[^!-~]/u.test(char) ? [index] : []));
  if (wrong.length === 0) return { key };
  const first = wrong[0]!;
  const others = wrong.length - 1;
  const more = others
    ? `, and ${others} other character${others === 1 ? '' : 's'} cannot be in a key either`
    : '';
  return {
    problem: `The API Key of your Mobivate connection cannot be used: its ${ordinal(first + 1)} character is ${described(chars[first]!)}${more}. A key holds only letters, digits and punctuation, without spaces (the key is not repeated here). ${FIX}`,
  };
};
