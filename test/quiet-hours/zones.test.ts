import { readFileSync } from 'node:fs';
import path from 'node:path';
import { prefixTimeZones, timeZonesOf, zoneSetOf } from '../../src/quiet-hours/zones';

const DATA = '../../src/quiet-hours/phone-timezones.json';
const AUSTRALIA = [
  'Antarctica/Macquarie',
  'Australia/Adelaide',
  'Australia/Brisbane',
  'Australia/Broken_Hill',
  'Australia/Darwin',
  'Australia/Eucla',
  'Australia/Hobart',
  'Australia/Lindeman',
  'Australia/Lord_Howe',
  'Australia/Melbourne',
  'Australia/Perth',
  'Australia/Sydney',
  'Indian/Christmas',
  'Indian/Cocos',
];

describe("a number's time zones", () => {
  it('finds a North American number by its area code', () => {
    expect(timeZonesOf('+1 213 624 1234')).toEqual(['America/Los_Angeles']);
    expect(timeZonesOf('12127363100')).toEqual(['America/New_York']);
    expect(timeZonesOf('+1 (416) 555-0100')).toEqual(['America/Toronto']);
  });

  it('splits +1 208 (Idaho) by exchange where the area code spans two zones', () => {
    expect(timeZonesOf('+1 208 201 1234')).toEqual(['America/Denver']);
    expect(timeZonesOf('+1 208 215 1234')).toEqual(['America/Los_Angeles']);
    expect(timeZonesOf('+1 208 555 1234')).toEqual(['America/Boise', 'America/Los_Angeles']);
  });

  it('gives an Australian mobile every Australian zone, Darwin included', () => {
    expect(timeZonesOf('+61 412 345 678')).toEqual(AUSTRALIA);
  });

  it("gives a Russian mobile every zone of +7's countries, Kaliningrad to Kamchatka", () => {
    const zones = timeZonesOf('+7 914 123 4567');
    expect(zones).toEqual(expect.arrayContaining(['Europe/Kaliningrad', 'Asia/Kamchatka']));
    expect(zones).toEqual(expect.arrayContaining(['Europe/Moscow', 'Asia/Almaty']));
    // Google's 2018 statistic put a Romanian zone under +7; the country lists do not.
    expect(zones).not.toContain('Europe/Bucharest');
    expect(zones).toHaveLength(33);
  });

  it('gives a UK mobile the zones of +44: Great Britain, Guernsey, the Isle of Man, Jersey', () => {
    expect(timeZonesOf('+44 7400 123456')).toEqual([
      'Europe/Guernsey',
      'Europe/Isle_of_Man',
      'Europe/Jersey',
      'Europe/London',
    ]);
  });

  it('finds mobiles of Mexico, Brazil and China by area code, as Google does', () => {
    expect(timeZonesOf('+52 664 123 4567')).toEqual(['America/Tijuana']);
    expect(timeZonesOf('+55 11 96123 4567')).toEqual(['America/Sao_Paulo']);
    expect(timeZonesOf('+86 138 1234 5678')).toEqual(['Asia/Shanghai']);
  });

  it('gives an Indonesian mobile all of Indonesia, not Jakarta alone', () => {
    expect(timeZonesOf('+62 812 3456 7890')).toEqual(
      expect.arrayContaining(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']),
    );
  });

  it('knows nothing of a number without a known calling code, or of text', () => {
    for (const number of ['', '+', '999123456', '+0123', 'call me', '44 7700 900123 ext. 2']) {
      expect(timeZonesOf(number)).toEqual([]);
      expect(zoneSetOf(number)).toBeUndefined();
    }
  });

  it('shares one set between numbers that have the same zones', () => {
    expect(zoneSetOf('+61412345678')).toBe(zoneSetOf('+61 400 000 000'));
    expect(zoneSetOf('+61412345678')?.key).not.toBe(zoneSetOf('+447400123456')?.key);
  });
});

describe('the zone data', () => {
  it('has the landline prefixes, such as Perth (+61 8 9), where a number is looked up by type', () => {
    expect(prefixTimeZones('61892221234')).toEqual(['Australia/Adelaide', 'Australia/Perth']);
    // A landline outside North America, MX, AR, BR and CN gets its country's zones: more, not wrong.
    expect(timeZonesOf('+61 8 9222 1234')).toEqual(AUSTRALIA);
    expect(prefixTimeZones('999')).toEqual([]);
  });

  it('holds only zones this Node knows, by their canonical names', () => {
    const { zones } = jest.requireActual<{ zones: string[] }>(DATA);
    const canonical = (zone: string) =>
      new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    expect(zones.filter((zone) => canonical(zone) !== zone)).toEqual([]);
  });

  it('says where it comes from and under which licence, with the notice at the root', () => {
    const data = jest.requireActual<Record<string, string>>(DATA);
    expect(data.source).toMatch(/^Google libphonenumber v[\d.]+ resources\/timezones\/map_data/);
    expect(data.license).toBe('Apache-2.0');
    expect(data.copyright).toBe('Copyright (C) 2012 The Libphonenumber Authors');
    const notices = readFileSync(path.join(__dirname, '../../THIRD-PARTY-NOTICES.md'), 'utf8');
    expect(notices).toContain('The Libphonenumber Authors');
    expect(notices).toContain('Apache License');
  });

  it('is read on the first lookup, not when the module loads', () => {
    jest.isolateModules(() => {
      let loads = 0;
      jest.doMock(DATA, () => {
        loads += 1;
        return jest.requireActual(DATA);
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module registry
      const fresh = require('../../src/quiet-hours') as typeof import('../../src/quiet-hours');
      expect(loads).toBe(0);
      expect(fresh.timeZonesOf('+12136241234')).toEqual(['America/Los_Angeles']);
      expect(fresh.timeZonesOf('+12127363100')).toEqual(['America/New_York']);
      expect(loads).toBe(1);
    });
  });
});
