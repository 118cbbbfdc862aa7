import { perform } from '../../src/searches/find-message';
import { loggedMessage } from '../fixtures';
import { appTester, failure, makeBundle, mobivateScope, vortexAuth, vortexScope } from '../helpers';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const run = (inputData: Record<string, unknown>, auth?: ReturnType<typeof vortexAuth>) =>
  appTester(perform, makeBundle(inputData, auth));
const logged = (id: string, senderReference: string | null) =>
  loggedMessage({
    id,
    senderReference,
    created: '2026-11-20T01:10:34+0000',
    modified: '2026-11-20T01:10:39+0000',
  });

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

describe('Find Message', () => {
  it('gets a message by id, with times in ISO-8601 UTC', async () => {
    mobivateScope().get('/message/9A0C23DD').reply(200, logged('9A0C23DD', 'order-1'));

    const results = await run({ message_id: '9A0C23DD' });

    // Output keys changed on purpose (publish-ready issue): snake_case, ISO times under the
    // record's own keys, "sent"/"received" instead of MT/MO.
    expect(results).toEqual([
      {
        id: '9A0C23DD',
        created: '2026-11-20T01:10:34.000Z',
        modified: '2026-11-20T01:10:39.000Z',
        originator: 'Acme',
        // A sender ID is not a phone number.
        originator_e164: null,
        recipient: '447700900123',
        recipient_e164: '+447700900123',
        body: 'Hi',
        status: 'DELIVERED',
        status_description: 'Delivered to the phone',
        is_final: true,
        is_failure: false,
        direction: 'sent',
        in_reply_to: null,
        route_id: 'mglobal',
        parts: 1,
        cost: 0.01,
        currency: 'GBP',
        reference: 'order-1',
        campaign_id: null,
      },
    ]);
  });

  it('returns an empty result for an unknown id', async () => {
    mobivateScope().get('/message/nope').reply(404, { code: 404, message: 'Message not found' });
    await expect(run({ message_id: 'nope' })).resolves.toEqual([]);
  });

  it('finds a reference in the last 30 days of the log, page by page', async () => {
    const page = (n: number) =>
      mobivateScope()
        .get('/message')
        .query({
          startDate: '2026-10-27T12:00:00+0000',
          endDate: '2026-11-27T12:00:00+0000',
          page: String(n),
          pageSize: '1000',
        });
    page(1).reply(
      200,
      Array.from({ length: 1000 }, (_, i) => logged(`m${i}`, null)),
    );
    page(2).reply(200, [logged('x', 'other'), logged('hit', 'order-7')]);

    expect(await run({ reference: 'order-7' })).toEqual([
      expect.objectContaining({ id: 'hit', reference: 'order-7' }),
    ]);
  });

  it('returns an empty result when the whole window was read', async () => {
    mobivateScope()
      .get('/message')
      .query(true)
      .reply(200, [logged('x', 'other')]);
    await expect(run({ reference: 'order-7' })).resolves.toEqual([]);
  });

  it('does not say "not found" when a record it could not read may be the one', async () => {
    mobivateScope()
      .get('/message')
      .query(true)
      .reply(200, [logged('x', 'other'), { id: 'y', created: ['not', 'a', 'time'] }]);
    const result = await failure(run({ reference: 'order-7' }));
    expect(result).toMatchObject({ code: 'MessageSearchInconclusive' });
    expect(result.message).toMatch(
      /^Could not tell whether a message with reference "order-7" exists: 1 of/,
    );
  });

  it('says it could not finish instead of "not found"', async () => {
    mobivateScope()
      .get('/message')
      .query(true)
      .times(150)
      .reply(200, () =>
        Array.from({ length: 1000 }, (_, i) => logged(`m${Math.random()}${i}`, null)),
      );
    const result = await failure(run({ reference: 'order-7' }));
    expect(result).toMatchObject({ code: 'MessageSearchIncomplete' });
    // 150 pages of 1,000 records: seconds of work on a busy machine.
  }, 30_000);

  it('needs an id or a reference', async () => {
    expect((await failure(run({}))).message).toBe(
      'Fill in Message ID or Reference to find a message.',
    );
  });

  it('fails on a record that is not a message', async () => {
    mobivateScope().get('/message/x').reply(200, { ok: true });
    expect((await failure(run({ message_id: 'x' }))).code).toBe('MobivateUnexpectedAnswer');
  });

  describe('what the status means, in New Delivery Status’s words', () => {
    const UNKNOWN = { is_final: false, is_failure: false };
    it.each([
      ['DELIVERED', 'Delivered to the phone', true, false],
      [
        'UNDELIVERABLE',
        'Could not be delivered (for example, the number does not exist)',
        true,
        true,
      ],
      ['ACCEPTED', 'Accepted by the mobile network', false, false],
      ['SOMETHING_NEW', 'SOMETHING_NEW (a status not in the documented list)', false, false],
    ])('on BulkSMS, %s', async (status, description, isFinal, isFailure) => {
      mobivateScope()
        .get('/message/m1')
        .reply(200, loggedMessage({ id: 'm1', status }));
      expect(await run({ message_id: 'm1' })).toEqual([
        expect.objectContaining({
          status,
          status_description: description,
          is_final: isFinal,
          is_failure: isFailure,
        }),
      ]);
    });

    it.each([
      ['Delivered', 'Delivered to the phone', true, false],
      ['OPTED_OUT', 'Not sent: the recipient opted out', true, true],
      ['ENROUTE', 'On its way to the phone', false, false],
      ['PENDING_REVIEW', 'PENDING_REVIEW (a status not in the documented list)', false, false],
    ])('on Vortex, %s', async (status, description, isFinal, isFailure) => {
      vortexScope()
        .get('/messages/history')
        .query(true)
        .reply(200, {
          results: [{ id: 'v1', reference: 'r-1', status, created_at: '2026-11-25T10:00:00Z' }],
          matches: 1,
        });
      expect(await run({ reference: 'r-1' }, vortexAuth())).toEqual([
        expect.objectContaining({
          status,
          status_description: description,
          is_final: isFinal,
          is_failure: isFailure,
        }),
      ]);
    });

    it('says nothing about a message without a status', async () => {
      mobivateScope()
        .get('/message/m2')
        .reply(200, loggedMessage({ id: 'm2', status: null }));
      expect(await run({ message_id: 'm2' })).toEqual([
        expect.objectContaining({ status: null, status_description: null, ...UNKNOWN }),
      ]);
    });
  });
});
