import { perform } from '../../src/triggers/new-delivery-receipt';
import { appTester, failure } from '../helpers';
import { loggedMessage } from '../fixtures';
import { NOW, POLL_WINDOW, expectLogPage, pollBundle } from './log-pages';
import { describeLogPolling } from './log-polling';

const poll = (inputData: Record<string, unknown> = {}) =>
  appTester(perform, pollBundle(inputData)) as Promise<Record<string, unknown>[]>;
const ids = (items: Record<string, unknown>[]) => items.map((item) => item.id);

describe('New Delivery Status', () => {
  describeLogPolling(perform, 'MT', { status: 'DELIVERED' }, (id) => `${id}:DELIVERED`);

  describe('each status', () => {
    beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
    afterEach(() => jest.restoreAllMocks());

    it('is output with the message’s facts, a description, and the time the status changed', async () => {
      expectLogPage(POLL_WINDOW, 'MT', 1, [
        loggedMessage({
          id: '9A0C23DD0A000A9D2FBD4671D780AFDA',
          created: '2026-11-25T01:10:34+0000',
          modified: '2026-11-25T03:10:39+0200',
          originator: 'Acme',
          recipient: '447700900123',
          body: 'Your order has shipped.',
          status: 'UNDELIVERABLE',
          parts: 2,
          cost: 0.02,
          currency: 'GBP',
          senderReference: 'order-123',
        }),
      ]);

      expect(await poll()).toEqual([
        {
          id: '9A0C23DD0A000A9D2FBD4671D780AFDA:UNDELIVERABLE',
          message_id: '9A0C23DD0A000A9D2FBD4671D780AFDA',
          recipient: '447700900123',
          recipient_e164: '+447700900123',
          originator: 'Acme',
          // A sender ID is not a phone number.
          originator_e164: null,
          body: 'Your order has shipped.',
          reference: 'order-123',
          status: 'UNDELIVERABLE',
          status_description: 'Could not be delivered (for example, the number does not exist)',
          is_final: true,
          is_failure: true,
          parts: 2,
          cost: 0.02,
          currency: 'GBP',
          created: '2026-11-25T01:10:39.000Z',
        },
      ]);
    });

    it('orders by the time the status changed, not when the message was sent', async () => {
      expectLogPage(POLL_WINDOW, 'MT', 1, [
        loggedMessage({
          id: 'early',
          created: '2026-11-25T01:00:00+0000',
          modified: '2026-11-26T09:00:00+0000',
        }),
        loggedMessage({
          id: 'late',
          created: '2026-11-25T05:00:00+0000',
          modified: '2026-11-25T05:00:09+0000',
        }),
        // No last update: the status is as old as the message.
        loggedMessage({ id: 'plain', created: '2026-11-25T06:00:00+0000', modified: null }),
      ]);

      const items = await poll();

      expect(items.map((item) => [item.id, item.created])).toEqual([
        ['early:DELIVERED', '2026-11-26T09:00:00.000Z'],
        ['plain:DELIVERED', '2026-11-25T06:00:00.000Z'],
        ['late:DELIVERED', '2026-11-25T05:00:09.000Z'],
      ]);
    });

    it('gives a message a new id when its status changes, and the same id while it does not', async () => {
      const sent = { id: 'm1', created: '2026-11-26T10:00:00+0000' };
      expectLogPage(POLL_WINDOW, 'MT', 1, [loggedMessage({ ...sent, status: 'ACCEPTED' })]);
      expectLogPage(POLL_WINDOW, 'MT', 1, [loggedMessage({ ...sent, status: 'DELIVERED' })]);
      // The same status in another letter case is the same status.
      expectLogPage(POLL_WINDOW, 'MT', 1, [loggedMessage({ ...sent, status: 'Delivered ' })]);

      const every = { statuses: 'all' };
      expect(ids(await poll(every))).toEqual(['m1:ACCEPTED']);
      expect(ids(await poll(every))).toEqual(['m1:DELIVERED']);
      expect(ids(await poll(every))).toEqual(['m1:DELIVERED']);
    });

    it.each([
      ['DELIVERED', 'Delivered to the phone', true, false],
      ['ACCEPTED', 'Accepted by the mobile network', false, false],
      ['RETRY', 'Delivery will be retried', false, false],
      ['EXPIRED', 'Could not be delivered in time (for example, the phone was off)', true, true],
      ['FAILED_INSUFFICIENT_CREDIT', 'Not sent: account credit too low', true, true],
      ['failed_noroute', 'No network could take it to this number', true, true],
      ['SOMETHING_NEW', 'SOMETHING_NEW (a status not in the documented list)', false, false],
      ['constructor', 'constructor (a status not in the documented list)', false, false],
    ])('describes %s', async (status, description, isFinal, isFailure) => {
      expectLogPage(POLL_WINDOW, 'MT', 1, [loggedMessage({ id: 'm', status })]);
      expect(await poll({ statuses: 'all' })).toEqual([
        expect.objectContaining({
          id: `m:${status.toUpperCase()}`,
          status,
          status_description: description,
          is_final: isFinal,
          is_failure: isFailure,
        }),
      ]);
    });

    it('leaves out a message without a status yet: there is nothing to announce', async () => {
      expectLogPage(POLL_WINDOW, 'MT', 1, [
        loggedMessage({ id: 'a', status: null }),
        loggedMessage({ id: 'b', status: '  ' }),
        loggedMessage({ id: 'c', status: 'ACCEPTED' }),
      ]);
      expect(ids(await poll({ statuses: 'all' }))).toEqual(['c:ACCEPTED']);
    });

    it('reads parts and cost sent as text', async () => {
      expectLogPage(POLL_WINDOW, 'MT', 1, [loggedMessage({ id: 'm7', parts: '3', cost: '0.15' })]);
      expect(await poll()).toEqual([expect.objectContaining({ parts: 3, cost: 0.15 })]);
    });

    it.each([
      ['all', ['f:UNDELIVERABLE', 'd:DELIVERED', 'a:ACCEPTED']],
      ['final', ['f:UNDELIVERABLE', 'd:DELIVERED']],
      ['failures', ['f:UNDELIVERABLE']],
      ['Failures', ['f:UNDELIVERABLE']],
      // No choice saved (a Zap made before the default changed): final statuses only.
      [undefined, ['f:UNDELIVERABLE', 'd:DELIVERED']],
      ['', ['f:UNDELIVERABLE', 'd:DELIVERED']],
    ])('with Statuses %j triggers for %j', async (statuses, expected) => {
      expectLogPage(POLL_WINDOW, 'MT', 1, [
        loggedMessage({ id: 'a', status: 'ACCEPTED', modified: '2026-11-26T01:00:00+0000' }),
        loggedMessage({ id: 'd', status: 'DELIVERED', modified: '2026-11-26T02:00:00+0000' }),
        loggedMessage({ id: 'f', status: 'UNDELIVERABLE', modified: '2026-11-26T03:00:00+0000' }),
      ]);
      expect(ids(await poll({ statuses }))).toEqual(expected);
    });

    describe('Reference and From', () => {
      const sent = (id: string, hour: number, reference: string | null, originator: string) =>
        loggedMessage({
          id,
          senderReference: reference,
          originator,
          modified: `2026-11-26T0${hour}:00:00+0000`,
        });
      const log = () => [
        sent('a', 1, 'order-1', 'Acme'),
        sent('b', 2, 'order-12', 'acme '),
        sent('c', 3, 'Order-1', 'Other'),
        sent('d', 4, null, '+44 7700 900000'),
        sent('e', 5, 'order-1', '447700900000'),
      ];

      it.each([
        [{ reference: 'order-1' }, ['e', 'a']],
        // Trimmed, as Send SMS trims the Reference it sends.
        [{ reference: ' order-1 ' }, ['e', 'a']],
        [{ reference: 'order' }, []],
        [{ originator: 'ACME' }, ['b', 'a']],
        [{ originator: '  acme ' }, ['b', 'a']],
        [{ originator: 'Acm' }, []],
        // A number matches with or without + and spaces; never a national form.
        [{ originator: '+447700900000' }, ['e', 'd']],
        [{ originator: '44 7700 900000' }, ['e', 'd']],
        [{ originator: '07700 900000' }, []],
        [{ reference: 'order-1', originator: 'acme' }, ['a']],
        [{ reference: '', originator: ' ' }, ['e', 'd', 'c', 'b', 'a']],
      ])('with %j triggers for %j', async (filters, expected) => {
        expectLogPage(POLL_WINDOW, 'MT', 1, log());
        const items = await poll(filters);
        expect(ids(items)).toEqual(expected.map((id) => `${id}:DELIVERED`));
      });

      it('applies them with the Statuses filter', async () => {
        expectLogPage(POLL_WINDOW, 'MT', 1, [
          loggedMessage({ id: 'a', senderReference: 'r', status: 'ACCEPTED' }),
          loggedMessage({ id: 'f', senderReference: 'r', status: 'EXPIRED' }),
          loggedMessage({ id: 'g', senderReference: 'other', status: 'EXPIRED' }),
        ]);
        expect(ids(await poll({ reference: 'r', statuses: 'failures' }))).toEqual(['f:EXPIRED']);
      });
    });

    it('refuses an unknown Statuses choice before reading anything', async () => {
      const result = await failure(poll({ statuses: 'delivered' }));
      expect(result).toMatchObject({ code: 'InvalidChoice' });
      expect(result.message).toMatch(/^Statuses "delivered" cannot be used/);
    });
  });
});
