/**
 * The E.164 twin beside every phone-number output (src/outputs/phone.ts), on real runs: each
 * operation through core's handler, against a sandbox of each API it runs on, with numbers as
 * Mobivate may log them (with spaces, a leading + or 00) and sender IDs that are not numbers.
 */
import nock from 'nock';
import { startSandbox, type Sandbox, type SandboxMessageSeed } from '../../sandbox/server';
import { OPERATIONS, type Api } from '../operations';
import { resultOf, runOn, sandboxAuth } from '../runner';

type Output = Record<string, unknown>;
const MINUTE = 60_000;
const APIS: Api[] = ['bulksms', 'vortex'];

/** The account's log: sent from a sender ID and from a number, and replies (BulkSMS only). */
const messages = (now: number): SandboxMessageSeed[] => [
  {
    id: 'S1',
    originator: 'Acme',
    recipient: '+44 7700 900123',
    body: 'Your order has shipped.',
    status: 'DELIVERED',
    senderReference: 'by-name',
    created: now - 40 * MINUTE,
  },
  {
    id: 'S2',
    originator: '+447700900000',
    recipient: '447700900456',
    body: 'Your table is booked.',
    status: 'UNDELIVERABLE',
    senderReference: 'by-number',
    created: now - 30 * MINUTE,
  },
  {
    id: 'S3',
    originator: 'ACME ',
    recipient: '447700900789',
    body: 'Spring sale.',
    status: 'ACCEPTED',
    senderReference: 'by-name',
    created: now - 20 * MINUTE,
  },
  {
    id: 'R1',
    originator: '44 7700 900321',
    recipient: '12345',
    body: 'STOP',
    direction: 'MO',
    status: 'RECEIVED',
    created: now - 10 * MINUTE,
  },
  {
    id: 'R2',
    originator: '00447700900654',
    recipient: '+44 7700 900000',
    body: 'Yes',
    direction: 'MO',
    status: 'RECEIVED',
    created: now - 5 * MINUTE,
  },
];

const sandboxes = {} as Record<Api, Sandbox>;
beforeAll(async () => {
  nock.enableNetConnect('127.0.0.1');
  const now = Date.now();
  for (const api of APIS) {
    sandboxes[api] = await startSandbox({
      generation: api,
      optOuts: [
        { mobile: '447700900123', note: 'MO', created: now - 2 * MINUTE },
        // Logged as typed in the hub.
        { mobile: '+44 7700 900456', note: 'API', created: now - MINUTE },
      ],
      messages: messages(now),
    });
  }
});
afterAll(async () => {
  await Promise.all(APIS.map((api) => sandboxes[api].close()));
  nock.disableNetConnect();
});

const run = async (api: Api, key: string, inputData: Record<string, unknown> = {}) =>
  resultOf(
    await runOn(
      { ...sandboxAuth(sandboxes[api], api), api_platform: api },
      OPERATIONS[key]!.method,
      inputData,
    ),
  ) as Output & Output[];
const byId = (items: Output[], key = 'id') =>
  Object.fromEntries(items.map((item) => [String(item[key]), item]));

describe.each(APIS)('on %s', (api) => {
  it('opt-outs: Add, Find, New and Delete Opt-Out', async () => {
    expect(await run(api, 'add_optout', { mobile: '+44 7700 900999' })).toMatchObject({
      mobile: '447700900999',
      mobile_e164: '+447700900999',
    });
    expect(await run(api, 'find_optout', { mobile: '+447700900456' })).toEqual([
      expect.objectContaining({ mobile: '447700900456', mobile_e164: '+447700900456' }),
    ]);
    const listed = await run(api, 'new_optout');
    expect(listed.map((item) => [item.mobile, item.mobile_e164]).sort()).toEqual([
      ['447700900123', '+447700900123'],
      ['447700900456', '+447700900456'],
      ['447700900999', '+447700900999'],
    ]);
    expect(await run(api, 'delete_optout', { mobile: '+447700900123' })).toMatchObject({
      mobile: '447700900123',
      mobile_e164: '+447700900123',
      removed: true,
    });
    // Nothing to remove: the record's keys are empty, the number's are not.
    expect(await run(api, 'delete_optout', { mobile: '+447700900888' })).toMatchObject({
      mobile: '447700900888',
      mobile_e164: '+447700900888',
      removed: false,
    });
  });

  it('Send SMS: a number’s twin, and none for a sender ID', async () => {
    const message = 'Hi';
    expect(
      await run(api, 'send_sms', { from: 'Acme', to: '+44 7700 900777', message }),
    ).toMatchObject({
      recipient: '447700900777',
      recipient_e164: '+447700900777',
      originator: 'Acme',
      originator_e164: null,
    });
    const fromNumber = await run(api, 'send_sms', {
      from: '447700900000',
      to: '447700900777',
      message,
    });
    expect(fromNumber).toMatchObject({ originator_e164: '+447700900000' });
    // Each twin beside its number.
    const keys = Object.keys(fromNumber);
    expect(keys.indexOf('recipient_e164')).toBe(keys.indexOf('recipient') + 1);
    expect(keys.indexOf('originator_e164')).toBe(keys.indexOf('originator') + 1);
  });

  it('Find Message: the numbers as Mobivate logged them, with their twins', async () => {
    expect(await run(api, 'find_message', { reference: 'by-number' })).toEqual([
      expect.objectContaining({
        originator: '+447700900000',
        originator_e164: '+447700900000',
        recipient: '447700900456',
        recipient_e164: '+447700900456',
      }),
    ]);
    const [fromName] = await run(api, 'find_message', { message_id: 'S1' });
    expect(fromName).toMatchObject({
      originator: 'Acme',
      originator_e164: null,
      recipient: '+44 7700 900123',
      recipient_e164: '+447700900123',
    });
  });

  it('New Delivery Status: twins, and Find Message’s words for each status', async () => {
    // The seeded messages (Send SMS's above are in the log too).
    const items = byId(
      (await run(api, 'new_delivery_receipt', { statuses: 'all' })).filter((item) =>
        /^S\d$/.test(String(item.message_id)),
      ),
      'message_id',
    );
    expect(Object.keys(items).sort()).toEqual(['S1', 'S2', 'S3']);
    expect(items.S1).toMatchObject({ recipient_e164: '+447700900123', originator_e164: null });
    expect(items.S2).toMatchObject({
      recipient_e164: '+447700900456',
      originator_e164: '+447700900000',
    });
    for (const id of ['S1', 'S2', 'S3']) {
      const [found] = await run(api, 'find_message', { message_id: id });
      const meaning = ({ status_description, is_final, is_failure }: Output) => ({
        status_description,
        is_final,
        is_failure,
      });
      expect(meaning(found!)).toEqual(meaning(items[id]!));
    }
  });

  it('New Delivery Status: final statuses by default, then Reference and From', async () => {
    const ids = async (inputData: Record<string, unknown>) =>
      (await run(api, 'new_delivery_receipt', inputData))
        .map((item) => String(item.id))
        .filter((id) => /^S\d:/.test(id))
        .sort();
    // A Zap with no Statuses saved: only delivered or failed messages.
    expect(await ids({})).toEqual(['S1:DELIVERED', 'S2:UNDELIVERABLE']);
    expect(await ids({ statuses: 'all', reference: 'by-name' })).toEqual([
      'S1:DELIVERED',
      'S3:ACCEPTED',
    ]);
    expect(await ids({ statuses: 'all', originator: 'acme' })).toEqual([
      'S1:DELIVERED',
      'S3:ACCEPTED',
    ]);
    expect(await ids({ originator: '+44 7700 900000' })).toEqual(['S2:UNDELIVERABLE']);
    expect(await ids({ reference: 'by-name', originator: 'Other' })).toEqual([]);
  });
});

describe('on bulksms only', () => {
  it('New Incoming SMS: the sender’s twin, and none for a short code', async () => {
    const items = byId(await run('bulksms', 'new_incoming_sms'));
    expect(items.R1).toMatchObject({
      originator: '44 7700 900321',
      originator_e164: '+447700900321',
      recipient: '12345',
      recipient_e164: null,
    });
    expect(items.R2).toMatchObject({
      originator: '00447700900654',
      originator_e164: '+447700900654',
      recipient_e164: '+447700900000',
    });
  });
});

describe('on vortex only', () => {
  it('contacts: Add or Update, Find and Delete Contact', async () => {
    const mobile = '+44 7700 900321';
    const twin = { mobile: '447700900321', mobile_e164: '+447700900321' };
    expect(await run('vortex', 'add_contact', { mobile, alias: 'jane' })).toMatchObject(twin);
    expect(await run('vortex', 'find_contact', { alias: 'jane' })).toEqual([
      expect.objectContaining(twin),
    ]);
    expect(await run('vortex', 'delete_contact', { mobile })).toMatchObject({
      ...twin,
      deleted: true,
    });
  });
});
