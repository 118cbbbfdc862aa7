import { failure, vortexAuth, vortexScope } from '../../helpers';
import { runOn } from '../../runner';
/**
 * Sending and the message history on a Vortex connection, through core's handler: exact request
 * bodies, documented and observed answers (docs/mobivate-api.md §V3, §V4, §9 #25, #30, #32).
 */

const NOW = Date.UTC(2026, 10, 27, 12);
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

// The duplicate check of a Reference (issue 24) has its own tests: send-sms-replay.test.ts.
const sms = {
  from: 'Acme',
  to: '+61 412 345 678',
  message: 'Hi {{name}}',
  reference: 'r-1',
  if_already_sent: 'send',
};

describe('Send SMS on Vortex', () => {
  const body = {
    originator: 'Acme',
    recipient: '61412345678',
    text: 'Hi {{name}}',
    reference: 'r-1',
    excludeOptouts: true,
    shortenUrls: false,
  };

  it.each([
    ['documented', { success: true, record: { id: 'v-1', text: 'Hi {{name}}' } }],
    ['the observed echo', { ...body, id: 'proxied_1764244800000' }],
  ])('sends text (not body) and reads the %s answer', async (_shape, answer) => {
    vortexScope().post('/send/single', body).reply(200, answer);
    const { result } = await runOn(vortexAuth(), 'creates.send_sms.operation.perform', sms);
    expect(result).toMatchObject({
      status: 'accepted',
      recipient: '61412345678',
      reference: 'r-1',
    });
    expect((result as { id: string }).id).toMatch(/^(v-1|proxied_1764244800000)$/);
  });

  it('is an error, naming the permission, for a key without create:SingleSMS', async () => {
    vortexScope()
      .post('/send/single')
      .reply(403, { error: 'API Key is not permitted to perform this action. (create:SingleSMS)' });
    const outcome = await runOn(vortexAuth(), 'creates.send_sms.operation.perform', sms);
    expect(failure(outcome)).toMatchObject({
      name: 'AppError',
      message: expect.stringMatching(/lacks the permission create:SingleSMS/),
    });
  });

  it('goes on with Sent = false for an opted-out recipient, or halts when asked to', async () => {
    vortexScope()
      .post('/send/single')
      .twice()
      .reply(403, { success: false, error: 'Recipient has opted out' });
    const { result } = await runOn(vortexAuth(), 'creates.send_sms.operation.perform', sms);
    expect(result).toMatchObject({ sent: false, status: 'opted_out', recipient: '61412345678' });
    const stop = { ...sms, if_not_sent: 'stop' };
    expect(
      failure(await runOn(vortexAuth(), 'creates.send_sms.operation.perform', stop)).name,
    ).toBe('HaltedError');
  });
});

describe('Send Batch SMS on Vortex', () => {
  it('sends one text per request at the top level, personalized texts in requests of their own', async () => {
    vortexScope()
      .post('/send/batch', {
        originator: 'Acme',
        text: 'Hello all',
        name: 'Spring',
        shortenUrls: false,
        excludeOptOuts: true,
        excludeDuplicates: true,
        recipients: [{ recipient: '61400000001' }, { recipient: '61400000003', reference: 'c' }],
      })
      .reply(200, { success: true, record: { id: 'b-1', type: 'BatchSMS', recipientCount: 2 } });
    vortexScope()
      .post('/send/batch', {
        originator: 'Acme',
        text: 'Hello Jane',
        name: 'Spring',
        shortenUrls: false,
        excludeOptOuts: true,
        excludeDuplicates: true,
        recipients: [{ recipient: '61400000002', reference: 'j' }],
      })
      .reply(200, { success: true, record: { id: 'b-2', recipientCount: '1' } });

    const { result } = await runOn(vortexAuth(), 'creates.send_batch_sms.operation.perform', {
      from: 'Acme',
      name: 'Spring',
      recipients: ['+61400000001'],
      message: 'Hello all',
      line_items: [
        { line_recipient: '+61400000002', line_message: 'Hello Jane', line_reference: 'j' },
        { line_recipient: '+61400000003', line_reference: 'c' },
      ],
      // Changed on purpose (issue 24): the replay check has its own tests (batch-replay.test.ts).
      if_already_sent: 'send',
    });
    expect(result).toMatchObject({
      batch_ids: ['b-1', 'b-2'],
      recipients_sent: 3,
      recipients_accepted: 3,
    });
  });
});

describe('the message history on Vortex', () => {
  const history = () =>
    vortexScope().get('/messages/history').query({
      // toDate excludes the day it names (§9 #30): padded by a day beyond the window's end.
      fromDate: '2026-10-28',
      toDate: '2026-11-29',
      offset: '0',
      limit: '1000',
    });

  it.each([
    [
      'documented',
      {
        success: true,
        records: [
          {
            id: 'm1',
            recipient: '61400000001',
            originator: 'Acme',
            text: 'Hi',
            status: 'Delivered',
            sent_on: '2026-11-26T10:00:00Z',
          },
        ],
        total: 1,
      },
    ],
    [
      'seen live',
      {
        type: 'SingleSMS',
        scanned: 1,
        matches: 1,
        results: [
          {
            id: 'm1',
            reference: 'order-7',
            status: 'DELIVERED',
            price: '0.05',
            currency: 'AUD',
            parts: '1',
            created_at: '2026-11-26T10:00:00.000Z',
            updated_at: '2026-11-26T10:00:06.000Z',
          },
        ],
      },
    ],
  ])('Find Message by id reads the %s history', async (_shape, answer) => {
    history().reply(200, answer);
    const { result } = await runOn(vortexAuth(), 'searches.find_message.operation.perform', {
      message_id: 'm1',
    });
    expect(result).toEqual([
      expect.objectContaining({
        id: 'm1',
        status: expect.stringMatching(/^delivered$/i),
        direction: 'sent',
      }),
    ]);
  });

  it('New Delivery Status reads Vortex status words in plain words', async () => {
    vortexScope()
      .get('/messages/history')
      .query(true)
      .reply(200, {
        results: [
          { id: 'm2', status: 'OPTED_OUT', created_at: '2026-11-27T10:00:00Z' },
          { id: 'm3', status: 'ENROUTE', created_at: '2026-11-27T09:00:00Z' },
        ],
      });
    const { result } = await runOn(
      vortexAuth(),
      'triggers.new_delivery_receipt.operation.perform',
      {
        statuses: 'failures',
      },
    );
    expect(result).toEqual([
      expect.objectContaining({
        id: 'm2:OPTED_OUT',
        status_description: 'Not sent: the recipient opted out',
        is_final: true,
        is_failure: true,
      }),
    ]);
  });

  it('New Incoming SMS says Vortex has no incoming messages, without a request', async () => {
    const outcome = await runOn(vortexAuth(), 'triggers.new_incoming_sms.operation.perform', {});
    expect(failure(outcome).message).toMatch(
      /Vortex API has no way to read incoming messages.*Flow/,
    );
  });
});

describe('the connection on Vortex', () => {
  it('accepts a 200 without a body', async () => {
    vortexScope().get('/auth/test').reply(200, '');
    const { result } = await runOn(vortexAuth(), 'authentication.test', {});
    expect(result).toMatchObject({
      host: 'vortex.mobivatebulksms.com',
      message: 'API Key is valid',
    });
  });

  // Changed on purpose by issue 22: an empty address on a Vortex connection is the Vortex host.
  it('refuses BulkSMS’s address for a Vortex connection, before any request', async () => {
    const outcome = await runOn(
      vortexAuth({ api_url: 'https://api.mobivatebulksms.com' }),
      'authentication.test',
    );
    expect(failure(outcome).message).toMatch(
      /^The API Address api\.mobivatebulksms\.com is the BulkSMS API's, but Mobivate API is set to Vortex API\./,
    );
  });
});
