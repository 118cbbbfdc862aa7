import {
  perform,
  performList,
  performSubscribe,
  performUnsubscribe,
} from '../../src/triggers/new-delivery-receipt';
import { appTester, makeBundle, mobivate } from '../helpers';
import { loggedMessage } from '../fixtures';
import { describeSubscription, hookBundle } from './hooks';

const payload = {
  deliveryMessageId: '9A85B95E0A000A9D2FBD46710388AD54',
  batchId: '9A85B9110A000A9D2FBD4671D691C328',
  clientReference: null,
  created: '2023-07-28T03:23:22.000+00:00',
  status: 'ACCEPTED',
  statusCode: 2,
  parts: 1,
  hlr: null,
};

describe('New Delivery Receipt', () => {
  describe('perform', () => {
    it('outputs the documented payload with a readable, classified status', async () => {
      const items = await appTester(perform, hookBundle(payload));
      expect(items).toEqual([
        {
          id: '9A85B95E0A000A9D2FBD46710388AD54:2',
          ...payload,
          created_at: '2023-07-28T03:23:22.000Z',
          status_code: 2,
          status_description: 'Accepted by the carrier',
          is_final: false,
          is_failure: false,
        },
      ]);
    });

    it.each([
      ['2023-07-28T03:23:22.000+00:00', '2023-07-28T03:23:22.000Z'],
      ['2023-09-01T00:30:36+0000', '2023-09-01T00:30:36.000Z'],
      ['2023-09-01T02:30:36+0200', '2023-09-01T00:30:36.000Z'],
      ['2025-11-10T21:45:12.000Z', '2025-11-10T21:45:12.000Z'],
      ['2023-09-01 00:30:36', '2023-09-01T00:30:36.000Z'],
    ])('reads the timestamp %s', async (created, iso) => {
      const [item] = (await appTester(perform, hookBundle({ ...payload, created }))) as {
        created_at: string;
      }[];
      expect(item!.created_at).toBe(iso);
    });

    it.each([
      [1, 'DELIVERED', true, false],
      [5, 'UNDELIVERABLE', true, true],
      [10, 'RETRY', false, false],
      [17, 'FAILED_INSUFFICIENT_CREDIT', true, true],
      [42, 'SOMETHING_NEW', false, false],
    ])('classifies status code %i', async (statusCode, status, isFinal, isFailure) => {
      const [item] = (await appTester(
        perform,
        hookBundle({ ...payload, statusCode, status }),
      )) as Record<string, unknown>[];
      expect(item).toMatchObject({
        status,
        status_code: statusCode,
        is_final: isFinal,
        is_failure: isFailure,
      });
    });

    it.each([
      [{ statusCode: '5', parts: '2' }, 'm-1:5', 5, 2, true],
      [{ statusCode: '19', parts: 3, deliveryMessageId: 880042 }, '880042:19', 19, 3, true],
      [{ statusCode: '1', parts: '1' }, 'm-1:1', 1, 1, false],
    ])('reads numbers sent as text: %j', async (fields, id, code, parts, isFailure) => {
      const [item] = (await appTester(
        perform,
        hookBundle({ ...payload, deliveryMessageId: 'm-1', status: null, ...fields }),
      )) as Record<string, unknown>[];
      expect(item).toMatchObject({
        id,
        statusCode: code,
        status_code: code,
        parts,
        is_final: true,
        is_failure: isFailure,
      });
    });

    it('passes an unknown status through with its own name as the description', async () => {
      const [item] = (await appTester(
        perform,
        hookBundle({ ...payload, statusCode: 42, status: 'NEW' }),
      )) as Record<string, unknown>[];
      expect(item).toMatchObject({
        id: `${payload.deliveryMessageId}:42`,
        status_description: 'NEW',
      });
    });

    it.each([
      ['all', [2, 1, 5], 3],
      ['final', [2, 1, 5], 2],
      ['failures', [2, 1, 5], 1],
    ])('with statuses %s yields the right receipts', async (statuses, codes, count) => {
      let total = 0;
      for (const statusCode of codes as number[]) {
        total += (
          (await appTester(
            perform,
            hookBundle({ ...payload, statusCode }, { statuses }),
          )) as unknown[]
        ).length;
      }
      expect(total).toBe(count);
    });

    it.each([
      ['a string', 'DELIVERED'],
      ['an array of nothing', []],
      ['without an id', { ...payload, deliveryMessageId: '' }],
      ['without a time', { ...payload, created: undefined }],
    ])('skips a payload %s', async (_what, body) => {
      await expect(appTester(perform, hookBundle(body))).resolves.toEqual([]);
    });
  });

  describe('performList', () => {
    it('shows the latest statuses of recent sent messages, in the receipt’s shape', async () => {
      mobivate()
        .get('/message')
        .query((query) => query.direction === 'MT')
        .reply(200, [
          loggedMessage({ id: 'm1', status: 'UNDELIVERABLE', senderReference: 'order-1' }),
        ]);

      const items = await appTester(performList, makeBundle({ statuses: 'failures' }));

      expect(items).toEqual([
        {
          id: 'm1:5',
          deliveryMessageId: 'm1',
          batchId: null,
          clientReference: 'order-1',
          created: '2026-11-25T01:10:39+0000',
          created_at: '2026-11-25T01:10:39.000Z',
          status: 'UNDELIVERABLE',
          statusCode: 5,
          status_code: 5,
          status_description: 'Could not be delivered (for example, the number does not exist)',
          is_final: true,
          is_failure: true,
          parts: 1,
          hlr: null,
        },
      ]);
    });

    it('fails on a log answer that is not a list of messages', async () => {
      mobivate().get('/message').query(true).reply(200, { records: [] });
      await expect(appTester(performList, makeBundle({}))).rejects.toThrow(
        /not with a list of message log records/,
      );
    });
  });

  describeSubscription('/webhooks/receipt', performSubscribe, performUnsubscribe);
});
