import { isOptOutKeyword, perform } from '../../src/triggers/new-incoming-sms';
import { appTester, authData } from '../helpers';
import { loggedMessage } from '../fixtures';
import { appLogs, runMethod } from '../runner';
import { NOW, POLL_WINDOW, expectLogPage, pollBundle } from './log-pages';
import { describeLogPolling } from './log-polling';

const received = (overrides: Record<string, unknown>) =>
  loggedMessage({ direction: 'MO', status: 'RECEIVED', routeId: null, ...overrides });

const poll = (inputData: Record<string, unknown> = {}) =>
  appTester(perform, pollBundle(inputData)) as Promise<Record<string, unknown>[]>;

describe('New Incoming SMS', () => {
  describeLogPolling(perform, 'MO', { direction: 'MO' }, (id) => id);

  describe('each message', () => {
    beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
    afterEach(() => jest.restoreAllMocks());

    it('is output under the log’s own keys, snake_case, with the time in ISO-8601 UTC', async () => {
      expectLogPage(POLL_WINDOW, 'MO', 1, [
        received({
          id: '1C9A658F0A931B317B6A53BB42EC3571',
          originator: '447700900123',
          recipient: '12345',
          body: 'Stop',
          created: '2026-11-25T10:00:00+0200',
          inReplyTo: '961AEAEB0A000A9D2FBD4671D07705FE',
        }),
      ]);

      expect(await poll()).toEqual([
        {
          id: '1C9A658F0A931B317B6A53BB42EC3571',
          originator: '447700900123',
          originator_e164: '+447700900123',
          recipient: '12345',
          // A short code is not a phone number.
          recipient_e164: null,
          body: 'Stop',
          created: '2026-11-25T08:00:00.000Z',
          in_reply_to: '961AEAEB0A000A9D2FBD4671D07705FE',
          is_opt_out_keyword: true,
        },
      ]);
    });

    it('reads an id, sender, number and text sent as numbers, and a time in epoch milliseconds', async () => {
      expectLogPage(POLL_WINDOW, 'MO', 1, [
        received({
          id: 5550001,
          originator: 61412345678,
          recipient: 61400000000,
          body: 2,
          created: Date.UTC(2026, 10, 25, 9, 0, 0),
          inReplyTo: null,
        }),
      ]);

      expect(await poll()).toEqual([
        {
          id: '5550001',
          originator: '61412345678',
          originator_e164: '+61412345678',
          recipient: '61400000000',
          recipient_e164: '+61400000000',
          body: '2',
          created: '2026-11-25T09:00:00.000Z',
          in_reply_to: null,
          is_opt_out_keyword: false,
        },
      ]);
    });

    it('keeps a message whose time it cannot read, without a time, after the others', async () => {
      expectLogPage(POLL_WINDOW, 'MO', 1, [
        received({ id: 'odd', created: 'gestern' }),
        received({ id: 'ok', created: '2026-11-25T09:00:00+0000' }),
      ]);

      const items = await poll();

      expect(items.map((item) => [item.id, item.created])).toEqual([
        ['ok', '2026-11-25T09:00:00.000Z'],
        ['odd', null],
      ]);
    });

    it('skips only a record it cannot read, and logs why without its content', async () => {
      expectLogPage(POLL_WINDOW, 'MO', 1, [
        received({ id: 'r1', body: 'Yes please' }),
        received({ id: null, body: 'Bitte nicht mehr schreiben' }),
      ]);

      const outcome = await runMethod('triggers.new_incoming_sms.operation.perform', {
        authData: authData(),
        inputData: {},
      });

      expect(outcome.error).toBeUndefined();
      expect((outcome.result as { id: string }[]).map((item) => item.id)).toEqual(['r1']);
      expect(appLogs(outcome)).toContain(
        'Skipped message log record 2 of 2 on page 1: it has no readable id.',
      );
      expect(appLogs(outcome)).not.toMatch(/Bitte|nicht mehr|Yes please/);
    });
  });

  describe('is_opt_out_keyword', () => {
    it.each(['STOP', ' stop ', 'Stop.', 'UNSUBSCRIBE', 'opt out', 'STOP ALL', 'Opt-Out!'])(
      'marks %j',
      (body) => expect(isOptOutKeyword(body)).toBe(true),
    );

    it.each(['STOP 12345', 'Please stop texting', 'stopwatch', ''])('does not mark %j', (body) =>
      expect(isOptOutKeyword(body)).toBe(false),
    );
  });
});
