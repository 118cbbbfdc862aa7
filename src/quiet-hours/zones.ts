/**
 * The IANA time zones a phone number may be in, from Google libphonenumber's time-zone map
 * (Apache-2.0), widened to every zone of the country where the answer is the country's
 * (phone-timezones.json, written by scripts/build-phone-timezones.mjs; docs/quiet-hours.md).
 *
 * Which numbers get a narrower answer than their country's, by longest prefix:
 * - North America (+1), by area code and, where an area code spans zones, exchange;
 * - Mexico, Argentina, Brazil and China (+52, +54, +55, +86), whose mobiles keep an area code.
 * Every other number gets every zone of its calling code's regions: an Australian mobile all of
 * Australia's, a Russian mobile all of Russia's and Kazakhstan's.
 *
 * Decision: no number type (libphonenumber-js/max getType) is read. Google gives a prefix answer
 * to fixed lines everywhere and to mobiles in MX, AR, BR, ID and CN; elsewhere a mobile gets the
 * country's zones. SMS goes to mobiles, for which this rule gives the same answer as Google's
 * except Indonesia, where a +62 8 mobile carries no area code and Google's data answers
 * Asia/Jakarta only: here it gets all three Indonesian zones. A fixed line outside the countries
 * above gets its country's zones instead of its area's: more zones, so the window is narrower,
 * never wrong. The type would cost 157 KB of metadata, 86 ms to load and about 10 µs a number
 * (1 s for 100,000); this lookup costs about 1 µs.
 */

/** The committed data: zone names once, then base-36 indexes into them. */
interface PhoneTimeZoneData {
  zones: string[];
  /** Calling code → "i,j,k": every zone of the regions sharing that code. */
  countries: Record<string, string>;
  /** Calling code → "nationalPrefix:i,j nationalPrefix:k …". */
  prefixes: Record<string, string>;
}

/** A set of zones, shared by every number that has it. `key` names it: equal keys, equal sets. */
export interface ZoneSet {
  key: string;
  zones: readonly string[];
}

/** A calling code's prefixes (national digits) and the length of its longest one. */
interface PrefixTable {
  byPrefix: Map<string, ZoneSet>;
  longest: number;
}

interface Lookup {
  countries: Map<string, ZoneSet>;
  prefixes: Map<string, PrefixTable>;
}

/** Calling codes whose numbers, mobiles included, are looked up by longest prefix. */
const BY_PREFIX = new Set(['1', '52', '54', '55', '86']);
const LONGEST_CALLING_CODE = 3;

let lookup: Lookup | undefined;

const decode = (data: PhoneTimeZoneData): Lookup => {
  const sets = new Map<string, ZoneSet>();
  const set = (key: string): ZoneSet => {
    let found = sets.get(key);
    if (!found) {
      const zones = key.split(',').map((id) => data.zones[parseInt(id, 36)]);
      if (zones.some((zone) => zone === undefined)) throw new Error(`bad zone set ${key}`);
      found = { key, zones: Object.freeze(zones as string[]) };
      sets.set(key, found);
    }
    return found;
  };
  const countries = new Map<string, ZoneSet>();
  for (const [code, key] of Object.entries(data.countries)) countries.set(code, set(key));
  const prefixes = new Map<string, PrefixTable>();
  for (const [code, entries] of Object.entries(data.prefixes)) {
    const table: PrefixTable = { byPrefix: new Map(), longest: 0 };
    for (const entry of entries.split(' ')) {
      const [national = '', key = ''] = entry.split(':');
      table.byPrefix.set(national, set(key));
      table.longest = Math.max(table.longest, national.length);
    }
    prefixes.set(code, table);
  }
  return { countries, prefixes };
};

/**
 * The data is read on the first lookup, not when the app loads: a Zap without quiet hours never
 * pays for it. A require with a fixed path, so that the Zapier build packs the file.
 */
const data = (): Lookup => {
  if (!lookup) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
    lookup = decode(require('./phone-timezones.json') as PhoneTimeZoneData);
  }
  return lookup;
};

/** "+1 (213) 624-1234" → "12136241234"; undefined for anything but international digits. */
const digitsOf = (number: string): string | undefined => {
  if (/^\+?\d+$/.test(number)) return number.startsWith('+') ? number.slice(1) : number;
  const stripped = number.replace(/[\s().\-/]/g, '');
  return /^\+?\d+$/.test(stripped) ? stripped.replace(/^\+/, '') : undefined;
};

/** The longest prefix of the national digits that has its own answer, if any. */
const byLongestPrefix = (table: PrefixTable | undefined, national: string) => {
  if (!table) return undefined;
  for (let length = Math.min(national.length, table.longest); length > 0; length -= 1) {
    const found = table.byPrefix.get(national.slice(0, length));
    if (found) return found;
  }
  return undefined;
};

/**
 * The zones of an international number (digits with or without "+"; spaces, dots, dashes and
 * brackets are ignored), as a shared set; undefined when the calling code is not known.
 */
export const zoneSetOf = (number: string): ZoneSet | undefined => {
  const digits = digitsOf(number);
  if (!digits) return undefined;
  const { countries, prefixes } = data();
  for (let length = 1; length <= LONGEST_CALLING_CODE; length += 1) {
    const code = digits.slice(0, length);
    const country = countries.get(code);
    if (!country) continue;
    if (!BY_PREFIX.has(code)) return country;
    return byLongestPrefix(prefixes.get(code), digits.slice(length)) ?? country;
  }
  return undefined;
};

/** Every IANA zone the number may be in; empty when it is not known. */
export const timeZonesOf = (number: string): string[] => [...(zoneSetOf(number)?.zones ?? [])];

/**
 * What the data says for these digits by longest prefix alone, whatever the number's type: for
 * checking the data (a Perth landline, +61 8 9…, is Australia/Perth or Adelaide), not for sending.
 */
export const prefixTimeZones = (digits: string): string[] => {
  const { countries, prefixes } = data();
  for (let length = 1; length <= LONGEST_CALLING_CODE; length += 1) {
    const code = digits.slice(0, length);
    const country = countries.get(code);
    if (!country) continue;
    const found = byLongestPrefix(prefixes.get(code), digits.slice(length)) ?? country;
    return [...found.zones];
  }
  return [];
};
