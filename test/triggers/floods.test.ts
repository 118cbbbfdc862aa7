/**
 * Floods (docs/triggers.md, "Floods"): a window holding more than one poll may read or return.
 * Every polling trigger, on each API it runs on, returns the newest items it may, within 25,000
 * items and 10 MB, with one log line and no error; turning a Zap on returns the same as a poll;
 * samples show three. Through core's handler against the stand-in, which answers every page full.
 */
import type { Bundle } from 'zapier-platform-core';
import { json, computed, type ReceivedRequest } from '../standin/server';
import { runAgainst, useStandIn } from '../standin/use';
import { loggedMessage } from '../fixtures';
import { appLogs, type Outcome } from '../runner';

const standIn = useStandIn();
const vortex = { authData: { api_platform: 'vortex' } };
const SECOND = 1000;
const PAGE = 1000;
/** What a poll may read: a search's page bound. */
const PAGES_READ = 150;
const RETURNED = 25_000;

jest.setTimeout(60_000);

/** Row `n` of the stand-in's list, `n` seconds after the window's start (the list runs oldest first). */
const timeOf = (n: number) => new Date(Date.now() - 2.9 * 86_200_000 + n * SECOND);
const bulkTime = (n: number) =>
  timeOf(n)
    .toISOString()
    .replace(/\.\d{3}Z$/, '+0000');

/** BulkSMS pages: `page=1` is rows 0–999, and so on, every page full: the list never ends. */
const bulkPage = (row: (n: number) => unknown) =>
  computed((request: ReceivedRequest) => {
    const first = (Number(request.query.get('page')) - 1) * PAGE;
    return { status: 200, body: Array.from({ length: PAGE }, (_, i) => row(first + i)) };
  });

/** Vortex pages by offset, in the live envelope; `matches` says how many rows exist. */
const vortexPage = (row: (n: number) => unknown, matches: number, newestFirst = false) =>
  computed((request: ReceivedRequest) => {
    const offset = Number(request.query.get('offset'));
    const count = Math.max(0, Math.min(PAGE, matches - offset));
    const rows = Array.from({ length: count }, (_, i) =>
      row(newestFirst ? matches - 1 - (offset + i) : offset + i),
    );
    return {
      status: 200,
      body: { type: 'x', scanned: matches, matches, offset, limit: PAGE, results: rows },
    };
  });

const bulkOptOut = (n: number) => ({
  id: n,
  mobile: `44770${String(n).padStart(7, '0')}`,
  note: 'MO',
  created: timeOf(n).getTime(),
});
const vortexOptOut = (n: number) => ({
  id: `o-${n}`,
  msisdn: `61400${String(n).padStart(6, '0')}`,
  note: 'STOP',
  created_at: timeOf(n).toISOString(),
});
const logged = (direction: 'MO' | 'MT') => (n: number) =>
  loggedMessage({ id: `M${n}`, created: bulkTime(n), modified: bulkTime(n), direction });
const historyRow = (n: number) => ({
  id: `h-${n}`,
  recipient: '61412345678',
  reference: `r-${n}`,
  status: 'DELIVERED',
  created_at: timeOf(n).toISOString(),
  updated_at: timeOf(n).toISOString(),
});

const POLLS = [
  [
    'New Opt-Out',
    'GET /addressbook/optout',
    'new_optout',
    bulkPage(bulkOptOut),
    {},
    (n: number) => String(n),
  ],
  [
    'New Incoming SMS',
    'GET /message',
    'new_incoming_sms',
    bulkPage(logged('MO')),
    {},
    (n: number) => `M${n}`,
  ],
  [
    'New Delivery Status',
    'GET /message',
    'new_delivery_receipt',
    bulkPage(logged('MT')),
    {},
    (n: number) => `M${n}:DELIVERED`,
  ],
  [
    'New Opt-Out',
    'GET /addressbook/optouts',
    'new_optout',
    vortexPage(vortexOptOut, 200_000, true),
    vortex,
    (n: number) => `o-${n}`,
  ],
  [
    'New Delivery Status',
    'GET /messages/history',
    'new_delivery_receipt',
    vortexPage(historyRow, 200_000),
    vortex,
    (n: number) => `h-${n}:DELIVERED`,
  ],
] as const;

const poll = (key: string, extra: object = {}, meta: Partial<Bundle['meta']> = {}) =>
  runAgainst(
    standIn(),
    `triggers.${key}.operation.perform`,
    {},
    {
      ...extra,
      meta: meta as Bundle['meta'],
    },
  );

const idsOf = (outcome: Outcome) => (outcome.result as { id: string }[]).map((item) => item.id);

describe.each(POLLS)(
  '%s on %s, over a window larger than one poll reads',
  (_, route, key, answer, extra, idOf) => {
    it('returns the newest 25,000 it read, newest first, says so in one log line, and does not fail', async () => {
      standIn().on(route, answer);

      const outcome = await poll(key, extra);

      expect(outcome.error).toBeUndefined();
      expect(standIn().received).toHaveLength(PAGES_READ);
      const ids = idsOf(outcome);
      expect(ids).toHaveLength(RETURNED);
      // BulkSMS and the Vortex history run oldest first here: the newest read are on the last pages.
      // The Vortex opt-outs run newest first: the newest are on the first.
      const newest = route === 'GET /addressbook/optouts' ? 200_000 - 1 : PAGES_READ * PAGE - 1;
      expect(ids[0]).toBe(idOf(newest));
      expect(ids.at(-1)).toBe(idOf(newest - RETURNED + 1));
      // Core prints each log line more than once (stdout, and its log store): one distinct line.
      const floods = appLogs(outcome)
        .split('\n')
        .filter((line) => line.includes('Flood:'));
      expect(new Set(floods).size).toBe(1);
      expect(floods[0]).toContain(
        `the last 3 days hold more than one check can read; read 150,000 ${key === 'new_optout' ? 'opt-out' : 'message'}s in 150 requests`,
      );
      expect(floods[0]).toContain('and returned the newest 25,000 of 150,000 items.');
    });

    it('returns the same when the Zap is turned on, so nothing older is announced later', async () => {
      standIn().on(route, answer);

      const turnedOn = await poll(key, extra, { isPopulatingDedupe: true });
      const polled = await poll(key, extra);

      expect(idsOf(turnedOn)).toHaveLength(RETURNED);
      expect(idsOf(turnedOn)).toEqual(idsOf(polled));
    });

    it('shows the three newest of one page while the Zap is built', async () => {
      standIn().on(route, answer);

      const outcome = await poll(key, extra, { isLoadingSample: true });

      expect(standIn().received).toHaveLength(1);
      const newest = route === 'GET /addressbook/optouts' ? 200_000 - 1 : PAGE - 1;
      expect(idsOf(outcome)).toEqual([idOf(newest), idOf(newest - 1), idOf(newest - 2)]);
    });
  },
);

describe('a poll’s other bounds', () => {
  it('ends a Vortex list where `matches` is reached, even on the last page a poll may read', async () => {
    standIn().on('GET /addressbook/optouts', vortexPage(vortexOptOut, PAGES_READ * PAGE, true));

    const outcome = await poll('new_optout', vortex);

    expect(outcome.error).toBeUndefined();
    expect(idsOf(outcome)).toHaveLength(RETURNED);
    expect(appLogs(outcome)).toContain(
      'Flood: read all 150,000 opt-outs of the last 3 days in 150 requests and returned the newest 25,000 of 150,000 items.',
    );
  });

  it('returns at most 10 MB: long texts cut the list sooner than 25,000', async () => {
    const long = 'x'.repeat(1200);
    const row = (n: number) => ({ ...logged('MO')(n), body: long });
    standIn().on(
      'GET /message',
      ...Array.from({ length: 12 }, (_, page) =>
        json(
          200,
          Array.from({ length: PAGE }, (__, i) => row(page * PAGE + i)),
        ),
      ),
      json(200, []),
    );

    const outcome = await poll('new_incoming_sms');

    const items = outcome.result as { id: string }[];
    const bytes = Buffer.byteLength(JSON.stringify(items));
    expect(bytes).toBeLessThanOrEqual(10 * 1024 * 1024);
    // Another item would not have fitted.
    expect(bytes + Buffer.byteLength(JSON.stringify(items[0]))).toBeGreaterThan(10 * 1024 * 1024);
    expect(items[0]!.id).toBe('M11999');
    expect(items.length).toBeLessThan(12_000);
    // The requests include the pages asked ahead of the short page that ended the list.
    expect(appLogs(outcome)).toContain('Flood: read all 12,000 messages of the last 3 days in ');
    expect(appLogs(outcome)).toContain(
      `requests and returned the newest ${items.length.toLocaleString('en-US')} of 12,000 items.`,
    );
  });

  it('logs nothing about floods when the window is read and returned whole', async () => {
    standIn().on('GET /message', json(200, [logged('MO')(1), logged('MO')(2)]));

    const outcome = await poll('new_incoming_sms');

    expect(idsOf(outcome)).toEqual(['M2', 'M1']);
    expect(appLogs(outcome)).not.toContain('Flood');
  });
});
