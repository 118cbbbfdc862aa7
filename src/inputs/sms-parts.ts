/**
 * How many SMS parts a text costs, and in which encoding (3GPP TS 23.038 / 23.040).
 *
 * GSM-7 carries 160 septets in one SMS, or 153 per part once the text is split (the rest of each
 * part holds the concatenation header). Characters of the GSM extension table (€, [, ], {, }, ~, \,
 * |, ^ and the form feed) take two septets, and an escape pair is never split across parts. Any
 * character outside both GSM tables makes the whole text UCS-2: 70 UTF-16 code units in one SMS,
 * or 67 per part, and a surrogate pair (most emoji) is never split.
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsParts {
  encoding: SmsEncoding;
  parts: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  /** The first character that forced UCS-2, to tell the user why. */
  unicodeCharacter?: string;
}

const LIMITS = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const;

/** Fills parts greedily with indivisible pieces of the given sizes. */
const countParts = (sizes: number[], single: number, part: number): number => {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total <= single) return 1;
  let parts = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > part) {
      parts++;
      used = 0;
    }
    used += size;
  }
  return parts;
};

export const smsParts = (text: string): SmsParts => {
  const characters = [...text];
  const unicodeCharacter = characters.find((c) => !BASIC.has(c) && !EXTENSION.has(c));
  if (unicodeCharacter === undefined) {
    const sizes = characters.map((c) => (EXTENSION.has(c) ? 2 : 1));
    const { single, part } = LIMITS['GSM-7'];
    return {
      encoding: 'GSM-7',
      parts: countParts(sizes, single, part),
      units: sizes.reduce((a, b) => a + b, 0),
    };
  }
  const sizes = characters.map((c) => c.length);
  const { single, part } = LIMITS['UCS-2'];
  return {
    encoding: 'UCS-2',
    parts: countParts(sizes, single, part),
    units: text.length,
    unicodeCharacter,
  };
};
