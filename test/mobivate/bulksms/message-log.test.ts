/**
 * The message log as a real server may answer it, through core's handler: Find Message's
 * reference search reads records with fields of the other type, skips only the unreadable one,
 * and stops when the server ignores `page`.
 */
import { authData, failure, mobivateScope } from '../../helpers';
import { loggedMessage } from '../../fixtures';
import { appLogs, runMethod } from '../../runner';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

const run = (method: string, inputData: Record<string, unknown> = {}) =>
  runMethod(method, { authData: authData(), inputData });

/** Expects GET /message for one page (and direction, if any) of the largest size. */
const expectLogPage = (page: number, records: unknown[], direction?: string) =>
  mobivateScope()
    .get('/message')
    .query(
      (query) =>
        query.page === String(page) &&
        query.pageSize === '1000' &&
        query.direction === direction &&
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/.test(String(query.startDate)),
    )
    .reply(200, records);

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

describe('Find Message by reference', () => {
  it('finds the message past a record it cannot read, and logs only why', async () => {
    expectLogPage(1, [
      loggedMessage({
        id: 'x1',
        created: { morgen: 'früh' },
        body: 'Code 4711',
        senderReference: 'r-1',
      }),
      loggedMessage({ id: 8812, senderReference: 'r-2', parts: '2' }),
    ]);

    const outcome = await run('searches.find_message.operation.perform', { reference: 'r-2' });

    expect(outcome.result).toEqual([
      expect.objectContaining({ id: '8812', reference: 'r-2', parts: 2 }),
    ]);
    expect(appLogs(outcome)).toContain(
      'Skipped message log record 1 of 2 on page 1: it has no readable creation time.',
    );
    expect(appLogs(outcome)).not.toMatch(/4711|morgen/);
  });

  it('stops when the server answers page 2 with page 1 again', async () => {
    const page = Array.from({ length: 1000 }, (_, i) =>
      loggedMessage({ id: `M${i}`, senderReference: `other-${i}` }),
    );
    expectLogPage(1, page);
    expectLogPage(2, page);

    const outcome = await run('searches.find_message.operation.perform', { reference: 'r-404' });

    expect(outcome.result).toBeUndefined();
    expect(failure(outcome)).toMatchObject({
      code: 'MobivatePagingIgnored',
      message: expect.stringMatching(
        /^Mobivate answered the request for page 2 of the message log records with the same 1,000 message log records as an earlier page: the server at https:\/\/api\.mobivatebulksms\.com ignores paging/,
      ),
    });
  });
});
