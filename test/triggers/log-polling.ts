/**
 * How New Incoming SMS and New Delivery Status read the message log, tested on both: every page
 * of the window, newest first, stable ids, samples, turning a Zap on, (a window too big to read: floods.test.ts).
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { appTester, failure, mobivateScope } from '../helpers';
import {
  NOW,
  POLL_WINDOW,
  SAMPLE_WINDOW,
  expectLogPage,
  logRecords,
  pollBundle,
} from './log-pages';

type Perform = (z: ZObject, bundle: Bundle) => Promise<{ id: string; created: string | null }[]>;

const HOUR = 3_600_000;

export const describeLogPolling = (
  perform: Perform,
  direction: 'MO' | 'MT',
  /** What makes a record one of this trigger's (a status for sent messages). */
  fields: Record<string, unknown>,
  /** The id the trigger gives the record with this id. */
  idOf: (recordId: string) => string,
) => {
  const poll = (meta: Partial<Bundle['meta']> = {}) =>
    appTester(perform as Parameters<typeof appTester>[0], pollBundle({}, meta)) as Promise<
      { id: string; created: string | null }[]
    >;
  const ids = (items: { id: string }[]) => items.map((item) => item.id);
  const isNewestFirst = (items: { created: string | null }[]) =>
    items.every((item, i) => i === 0 || items[i - 1]!.created! >= item.created!);

  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
  afterEach(() => jest.restoreAllMocks());

  it('reads every page of the window, newest first, each message once', async () => {
    const first = logRecords(1000, 60 * HOUR, fields, 'A');
    expectLogPage(POLL_WINDOW, direction, 1, first);
    // The second page starts with the last of the first: a record that shifted between requests.
    expectLogPage(POLL_WINDOW, direction, 2, [first[999], ...logRecords(999, 30 * HOUR, fields)]);
    expectLogPage(POLL_WINDOW, direction, 3, logRecords(5, HOUR, fields, 'C'));

    const items = await poll();

    expect(items).toHaveLength(2004);
    expect(new Set(ids(items)).size).toBe(2004);
    expect(items[0]!.id).toBe(idOf('C4'));
    expect(items.at(-1)!.id).toBe(idOf('A0'));
    expect(isNewestFirst(items)).toBe(true);
  });

  it('gives every message the same id on every poll, so only a new one is new', async () => {
    const before = logRecords(3, 2 * HOUR, fields);
    const arrived = logRecords(1, HOUR, fields, 'N');
    expectLogPage(POLL_WINDOW, direction, 1, before);
    expectLogPage(POLL_WINDOW, direction, 1, [...before, ...arrived]);

    const first = ids(await poll());
    const second = ids(await poll());

    expect(first).toEqual([idOf('M2'), idOf('M1'), idOf('M0')]);
    expect(second).toEqual([idOf('N0'), ...first]);
  });

  it('while the Zap is built, reads one page of the last 30 days and shows its 3 newest', async () => {
    // A full page: a poll would read on; samples do not.
    expectLogPage(SAMPLE_WINDOW, direction, 1, logRecords(1000, 20 * 24 * HOUR, fields));

    const items = await poll({ isLoadingSample: true });

    expect(ids(items)).toEqual([idOf('M999'), idOf('M998'), idOf('M997')]);
  });

  it('when the Zap is turned on, reads the whole window like a poll, so nothing old fires later', async () => {
    expectLogPage(POLL_WINDOW, direction, 1, logRecords(1000, 60 * HOUR, fields, 'A'));
    expectLogPage(POLL_WINDOW, direction, 2, logRecords(2, HOUR, fields, 'B'));

    const items = await poll({ isPopulatingDedupe: true });

    expect(items).toHaveLength(1002);
    expect(ids(items).slice(0, 3)).toEqual([idOf('B1'), idOf('B0'), idOf('A999')]);
  });

  it('returns nothing when the window is empty', async () => {
    expectLogPage(POLL_WINDOW, direction, 1, []);
    await expect(poll()).resolves.toEqual([]);
  });

  it('fails on an answer that is not a list of messages', async () => {
    mobivateScope().get('/message').query(true).reply(200, { records: [] });

    const result = await failure(poll());

    expect(result.code).toBe('MobivateUnexpectedAnswer');
    expect(result.message).toMatch(/not with a list of message log records/);
  });
};
