import {
  isOptOutKeyword,
  perform,
  performList,
  performSubscribe,
  performUnsubscribe,
} from '../../src/triggers/new-incoming-sms';
import { appTester, makeBundle, mobivate } from '../helpers';
import { loggedMessage } from '../fixtures';
import { runMethod } from '../reliability/runner';
import { describeSubscription, hookBundle } from './hooks';

const payload = {
  id: '1C9A658F0A931B317B6A53BB42EC3571',
  originator: '4400000000',
  recipient: '12345',
  body: 'Incoming Message',
  created: '2023-09-01T00:30:36+0000',
  inReplyTo: '961AEAEB0A000A9D2FBD4671D07705FE',
  logicalMessageId: '6EE262430A931B3127AFD4F044FC0622',
  ownerUserId: '94B8CC070A000A9D2FBD467124131CA6',
};

describe('New Incoming SMS', () => {
  describe('perform', () => {
    it('outputs the documented payload with created_at in UTC', async () => {
      const items = await appTester(perform, hookBundle(payload));
      expect(items).toEqual([
        { ...payload, created_at: '2023-09-01T00:30:36.000Z', is_opt_out_keyword: false },
      ]);
    });

    it.each(['STOP', ' stop ', 'Stop.', 'UNSUBSCRIBE', 'opt out', 'STOP ALL'])(
      'marks %j as an opt-out keyword',
      async (body) => {
        const [item] = (await appTester(perform, hookBundle({ ...payload, body }))) as {
          is_opt_out_keyword: boolean;
        }[];
        expect(item!.is_opt_out_keyword).toBe(true);
      },
    );

    it.each(['STOP 12345', 'Please stop texting', 'stopwatch', ''])('does not mark %j', (body) => {
      expect(isOptOutKeyword(body)).toBe(false);
    });

    it.each([
      ['starts_with', 'JOIN now', 1],
      ['starts_with', 'I want to join', 0],
      ['contains', 'I want to join', 1],
      [undefined, 'join', 1],
    ])(
      'keyword "join" with position %s and message %j → %i items',
      async (position, body, count) => {
        const items = await appTester(
          perform,
          hookBundle({ ...payload, body }, { keyword: 'Join', keyword_match: position }),
        );
        expect(items).toHaveLength(count as number);
      },
    );

    it.each([
      ['not JSON', 'id=1&body=hi'],
      ['null', null],
      ['without an id', { ...payload, id: undefined }],
      ['without a sender', { ...payload, originator: null }],
      ['with a sender that is neither text nor a number', { ...payload, originator: ['4400'] }],
    ])('skips a payload %s instead of crashing', async (_what, body) => {
      await expect(appTester(perform, hookBundle(body))).resolves.toEqual([]);
    });

    it('reads an id, sender and text sent as numbers', async () => {
      const items = await appTester(
        perform,
        hookBundle({ ...payload, id: 99120, originator: 61412345678, body: 3 }),
      );
      expect(items).toEqual([
        {
          ...payload,
          id: '99120',
          originator: '61412345678',
          body: '3',
          created_at: '2023-09-01T00:30:36.000Z',
          is_opt_out_keyword: false,
        },
      ]);
    });

    it('logs why it skipped a payload, without the payload', async () => {
      const secretish = {
        ...payload,
        id: undefined,
        body: 'my card number is 4111 1111 1111 1111',
      };
      const { result, logs } = await runMethod('triggers.new_incoming_sms.operation.perform', {
        ...hookBundle(secretish),
      });
      expect(result).toEqual([]);
      expect(logs.join('\n')).toContain(
        'Skipped an incoming message 1 of 1: it lacks the documented fields.',
      );
      expect(logs.join('\n')).not.toContain('4111');
    });

    it('keeps an event whose time is unreadable, stamped with the time received', async () => {
      const [item] = (await appTester(
        perform,
        hookBundle({ ...payload, created: 'yesterday' }),
      )) as { created_at: string }[];
      expect(Date.parse(item!.created_at)).toBeGreaterThan(Date.now() - 60_000);
    });
  });

  describe('performList', () => {
    it('shows recent incoming messages from the log, newest first, in the hook’s shape', async () => {
      mobivate()
        .get('/message')
        .query(
          (query) =>
            query.direction === 'MO' &&
            query.page === '1' &&
            query.pageSize === '1000' &&
            /\+0000$/.test(String(query.startDate)),
        )
        .reply(200, [
          loggedMessage({
            id: 'old',
            direction: 'MO',
            body: 'Hi',
            created: '2026-11-24T10:00:00+0000',
          }),
          loggedMessage({
            id: 'new',
            direction: 'MO',
            body: 'STOP',
            created: '2026-11-25T10:00:00+0000',
          }),
        ]);

      const items = await appTester(performList, makeBundle({}));

      expect(items).toEqual([
        {
          id: 'new',
          originator: 'Acme',
          recipient: '447700900123',
          body: 'STOP',
          created: '2026-11-25T10:00:00+0000',
          created_at: '2026-11-25T10:00:00.000Z',
          inReplyTo: null,
          logicalMessageId: null,
          ownerUserId: null,
          is_opt_out_keyword: true,
        },
        expect.objectContaining({ id: 'old' }),
      ]);
    });
  });

  describeSubscription('/webhooks/incoming', performSubscribe, performUnsubscribe);
});
