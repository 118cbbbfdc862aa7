/**
 * Replay-safe batches (issue 24), through core's handler: with a Reference per recipient, one read
 * of the message log serves the whole batch, and recipients already sent are skipped and listed
 * (docs/replays.md). Without a Reference, the requests are exactly those of before.
 */
import { loggedMessage } from '../fixtures';
import { authData, failure, mobivateScope, vortexAuth, vortexScope } from '../helpers';
import { runOn } from '../runner';

const BATCH = 'creates.send_batch_sms.operation.perform';
const TEMPLATE = 'creates.send_template_campaign.operation.perform';
const TEMPLATE_ID = 'aaaaaaa-bbbbbbbb-cccccc-ddddddd-eee';
const NOW = Date.UTC(2026, 10, 26, 12);

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

/** The BulkSMS log of sent messages of the last 24 hours, page by page. */
const logPage = (page: number) =>
  mobivateScope()
    .get('/message')
    .query({
      startDate: '2026-11-25T12:00:00+0000',
      endDate: '2026-11-27T12:00:00+0000',
      direction: 'MT',
      page: String(page),
      pageSize: '1000',
    });

const sent = (id: string, recipient: string, senderReference: string | null, hour: number) =>
  loggedMessage({
    id,
    recipient,
    senderReference,
    created: `2026-11-26T${String(hour).padStart(2, '0')}:00:00+0000`,
  });

/** Every request's method, path and body, in order (the setup fails a test on any other). */
const requests: string[] = [];
beforeEach(() => requests.splice(0));
const acceptBatch = (id: string) =>
  mobivateScope()
    .post('/send/batch')
    .reply(200, (uri, body) => {
      requests.push(`POST ${uri} ${JSON.stringify(body)}`);
      return { id, name: null, recipients: (body as { recipients: unknown[] }).recipients };
    });

const rows = [
  { line_recipient: '+44 7700 900001', line_reference: 'order-7' },
  { line_recipient: '+44 7700 900002', line_reference: 'order-8' },
  { line_recipient: '+44 7700 900003', line_reference: 'order-9' },
  // The same Reference to another number is another text.
  { line_recipient: '+44 7700 900004', line_reference: 'order-7' },
];
const inputs = { from: 'Acme', message: 'Your order shipped', line_items: rows };

describe('Send Batch SMS with References', () => {
  it('sends a replayed batch only to the recipients not yet sent, listing the others', async () => {
    logPage(1).reply(200, [
      sent('m1', '447700900001', 'order-7', 9),
      sent('m2', '447700900002', 'order-8', 9),
      sent('m3', '447700900003', 'order-1', 10),
      sent('m4', '447700900005', null, 10),
    ]);
    acceptBatch('b-2');

    const outcome = await runOn(authData(), BATCH, inputs);

    expect(requests).toEqual([
      `POST /send/batch ${JSON.stringify({
        routeId: 'mglobal',
        excludeOptouts: true,
        excludeDuplicates: true,
        shortenUrls: false,
        recipients: [
          {
            originator: 'Acme',
            recipient: '447700900003',
            text: 'Your order shipped',
            reference: 'order-9',
          },
          {
            originator: 'Acme',
            recipient: '447700900004',
            text: 'Your order shipped',
            reference: 'order-7',
          },
        ],
      })}`,
    ]);
    expect(outcome.result).toMatchObject({
      batch_ids: ['b-2'],
      recipients_sent: 2,
      recipients_skipped_count: 2,
      recipients_skipped: [
        `Recipient 1 ('+44 7700 900001'): already sent with Reference "order-7" at 2026-11-26T09:00:00.000Z: not sent again`,
        `Recipient 2 ('+44 7700 900002'): already sent with Reference "order-8" at 2026-11-26T09:00:00.000Z: not sent again`,
      ],
      recipients_skipped_summary: '2 skipped: 2 already sent',
      send_groups: [{ send_at: null, recipients: 2, batch_ids: ['b-2'] }],
    });
  });

  it('sends nothing, without failing, when every recipient was sent before', async () => {
    logPage(1).reply(200, [
      sent('m1', '447700900001', 'order-7', 9),
      sent('m2', '447700900002', 'order-8', 9),
    ]);
    const outcome = await runOn(authData(), BATCH, { ...inputs, line_items: rows.slice(0, 2) });
    expect(outcome.result).toMatchObject({
      batch_id: '',
      batch_ids: [],
      recipients_sent: 0,
      recipients_accepted: 0,
      recipients_skipped_count: 2,
      recipients_skipped_summary: '2 skipped: 2 already sent',
      send_groups: [],
      held_for_quiet_hours: false,
    });
  });

  it('sends nothing when a log page fails, and says running again is safe', async () => {
    logPage(1).reply(
      200,
      Array.from({ length: 1000 }, (_, i) => sent(`m${i}`, '1', null, 1)),
    );
    logPage(2).reply(500, { code: 500, message: 'Internal error' });

    const outcome = await runOn(authData(), BATCH, inputs);

    expect(failure(outcome)).toMatchObject({
      name: 'AppError',
      code: 'DuplicateCheckIncomplete',
      message: expect.stringMatching(
        /^Nothing was sent: the check for an earlier text with the same Reference could not finish, .*Running this step again is safe\./,
      ),
    });
  });

  it('reads no log with If Already Sent = Send anyway', async () => {
    acceptBatch('b-1');
    const outcome = await runOn(authData(), BATCH, { ...inputs, if_already_sent: 'send' });
    expect(outcome.result).toMatchObject({ recipients_sent: 4, recipients_skipped_count: 0 });
  });

  it('refuses a Duplicate Window beyond 72 hours before any request', async () => {
    const outcome = await runOn(authData(), BATCH, { ...inputs, duplicate_window_hours: '100' });
    expect(failure(outcome)).toMatchObject({ code: 'InvalidDuplicateWindow' });
  });
});

describe('Send Batch SMS without a Reference', () => {
  it('makes exactly the requests it made before: one batch, no log read', async () => {
    acceptBatch('b-1');
    const outcome = await runOn(authData(), BATCH, {
      from: 'Acme',
      message: 'Hi',
      recipients: ['+44 7700 900001', '+44 7700 900002'],
      line_items: [{ line_recipient: '+44 7700 900003', line_message: 'Hello you' }],
    });
    expect(requests).toEqual([
      `POST /send/batch ${JSON.stringify({
        routeId: 'mglobal',
        excludeOptouts: true,
        excludeDuplicates: true,
        shortenUrls: false,
        recipients: [
          { originator: 'Acme', recipient: '447700900001', text: 'Hi' },
          { originator: 'Acme', recipient: '447700900002', text: 'Hi' },
          { originator: 'Acme', recipient: '447700900003', text: 'Hello you' },
        ],
      })}`,
    ]);
    expect(outcome.result).toMatchObject({ recipients_sent: 3, recipients_skipped_count: 0 });
  });
});

describe('Send Template Campaign with References', () => {
  it('skips the recipients the Vortex history shows were sent with their Reference', async () => {
    vortexScope()
      .get('/messages/history')
      .query({ fromDate: '2026-11-25', toDate: '2026-11-28', offset: '0', limit: '1000' })
      .reply(200, {
        success: true,
        records: [
          {
            id: 'v1',
            recipient: '447700900001',
            reference: 'order-7',
            status: 'Delivered',
            sent_on: '2026-11-26T09:00:00Z',
          },
        ],
        total: 1,
      });
    vortexScope()
      .post('/send/template', {
        templateID: TEMPLATE_ID,
        recipients: [{ recipient: '447700900002', reference: 'order-8' }],
      })
      .reply(200, { success: true, record: { id: 't-1', type: 'TemplateSMS', recipientCount: 1 } });

    const outcome = await runOn(vortexAuth(), TEMPLATE, {
      template_id: TEMPLATE_ID,
      line_items: rows.slice(0, 2),
    });

    expect(outcome.result).toMatchObject({
      recipients_sent: 1,
      recipients_skipped: [
        `Recipient 1 ('+44 7700 900001'): already sent with Reference "order-7" at 2026-11-26T09:00:00.000Z: not sent again`,
      ],
      recipients_skipped_summary: '1 skipped: 1 already sent',
    });
  });
});
