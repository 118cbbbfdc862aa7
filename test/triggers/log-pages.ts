/** What the message log triggers' tests share: a fixed clock, the windows it gives, log pages. */
import type { Bundle } from 'zapier-platform-core';
import { makeBundle, mobivateScope } from '../helpers';
import { loggedMessage } from '../fixtures';

export const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
/** A poll: the last three days, and a day ahead for clock skew. */
export const POLL_WINDOW = {
  startDate: '2026-11-23T12:00:00+0000',
  endDate: '2026-11-27T12:00:00+0000',
};
/** Samples: the last 30 days. */
export const SAMPLE_WINDOW = {
  startDate: '2026-10-27T12:00:00+0000',
  endDate: '2026-11-27T12:00:00+0000',
};

/** Expects exactly this request for one page of the log, and answers it with `records`. */
export const expectLogPage = (
  window: { startDate: string; endDate: string },
  direction: 'MO' | 'MT',
  page: number,
  records: unknown[],
) =>
  mobivateScope()
    .get('/message')
    .query({ ...window, direction, page: String(page), pageSize: '1000' })
    .reply(200, records);

/** The log's time form, `2026-11-25T10:00:00+0000`, for a time before NOW. */
export const logTime = (millisBeforeNow: number) =>
  new Date(NOW - millisBeforeNow).toISOString().replace(/\.\d{3}Z$/, '+0000');

/** `count` records one second apart, the oldest first (as the sandbox answers), ids `${prefix}${n}`. */
export const logRecords = (
  count: number,
  oldestMillisBeforeNow: number,
  fields: Record<string, unknown>,
  prefix = 'M',
) =>
  Array.from({ length: count }, (_, i) => {
    const at = logTime(oldestMillisBeforeNow - i * 1000);
    return loggedMessage({ id: `${prefix}${i}`, created: at, modified: at, ...fields });
  });

/** A poll's bundle, with the flags Zapier sets while a Zap is built or turned on. */
export const pollBundle = (
  inputData: Record<string, unknown> = {},
  meta: Partial<Bundle['meta']> = {},
) => ({ ...makeBundle(inputData), meta: meta as Bundle['meta'] });
