/**
 * The message log triggers against the sandbox, over real loopback HTTP, through
 * zapier-platform-core's runtime by method path, as Zapier runs them: what they ask for, what
 * they return, and what a second poll returns after the log changed.
 */
import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import { startSandbox, type Sandbox, type SandboxMessageSeed } from '../../sandbox/server';
import { makeBundle } from '../helpers';
import { runMethod } from '../runner';

beforeAll(() => nock.enableNetConnect('127.0.0.1'));
afterAll(() => nock.disableNetConnect());

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
/** Days in minutes, the unit the seeds take. */
const days = (count: number) => count * 1440;
let now: number;
let sandbox: Sandbox;

/** The log keeps whole seconds. */
const iso = (millis: number) => new Date(Math.floor(millis / 1000) * 1000).toISOString();
const reply = (id: string, minutesAgo: number, body: string): SandboxMessageSeed => ({
  id,
  originator: '447700900321',
  recipient: '447700900000',
  body,
  direction: 'MO',
  status: 'RECEIVED',
  inReplyTo: 'S1',
  created: now - minutesAgo * MINUTE,
});
const sent = (id: string, minutesAgo: number, originator = 'Acme'): SandboxMessageSeed => ({
  id,
  originator,
  recipient: '447700900321',
  body: 'Your order has shipped.',
  status: 'DELIVERED',
  created: now - minutesAgo * MINUTE,
  modified: now - minutesAgo * MINUTE + 30_000,
});

type Item = Record<string, unknown> & { id: string };
/** Runs a method as Zapier does, by its path through core's handler. */
const run = async (method: string, inputData: Record<string, unknown>, meta = {}) => {
  const outcome = await runMethod(method, {
    ...makeBundle(inputData, { api_key: sandbox.apiKey, api_url: sandbox.url }),
    meta: meta as Bundle['meta'],
  });
  if (outcome.error) throw outcome.error;
  return outcome.result;
};
const poll = (key: string, inputData: Record<string, unknown> = {}, meta = {}) =>
  run(`triggers.${key}.operation.perform`, inputData, meta) as Promise<Item[]>;
const ids = (items: Item[]) => items.map((item) => item.id);

// Its own log, not the demo's: what each poll returns depends on every message's exact age.
beforeEach(async () => {
  now = Date.now();
  sandbox = await startSandbox({
    messages: [
      sent('S1', days(5)),
      reply('OLD', days(4), 'Too old for the window'),
      sent('S2', days(2), 'AcmeSale'),
      reply('R1', 60, 'Stop'),
      reply('R2', 5, 'Yes please'),
    ],
  });
});
afterEach(() => sandbox.close());

describe('New Incoming SMS against the sandbox', () => {
  it('asks for the received messages of the last 3 days and returns them newest first', async () => {
    const items = await poll('new_incoming_sms');

    expect(items).toEqual([
      {
        id: 'R2',
        originator: '447700900321',
        originator_e164: '+447700900321',
        recipient: '447700900000',
        recipient_e164: '+447700900000',
        body: 'Yes please',
        created: iso(now - 5 * MINUTE),
        in_reply_to: 'S1',
        is_opt_out_keyword: false,
      },
      expect.objectContaining({ id: 'R1', body: 'Stop', is_opt_out_keyword: true }),
    ]);
    expect(sandbox.requests.map((request) => [request.path, request.query])).toEqual([
      [
        '/message',
        {
          startDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/),
          endDate: expect.stringMatching(/\+0000$/),
          direction: 'MO',
          page: '1',
          pageSize: '1000',
        },
      ],
    ]);
    const { startDate, endDate } = sandbox.requests[0]!.query;
    const parse = (text: string) => Date.parse(text!.replace('+0000', 'Z'));
    expect(Math.abs(parse(startDate!) - (now - 3 * DAY))).toBeLessThan(5000);
    expect(Math.abs(parse(endDate!) - (now + DAY))).toBeLessThan(5000);
  });

  it('gives the same ids on a second poll, plus one for a message that arrived in between', async () => {
    const first = ids(await poll('new_incoming_sms'));
    sandbox.receive({
      id: 'R3',
      originator: '447700900999',
      recipient: '447700900000',
      body: 'Hi',
    });
    const second = ids(await poll('new_incoming_sms'));

    expect(first).toEqual(['R2', 'R1']);
    expect(second).toEqual(['R3', 'R2', 'R1']);
  });

  it('reads every page of a busy window, each message once', async () => {
    for (let i = 0; i < 1200; i++) sandbox.receive({ ...reply(`B${i}`, 600 - i / 10, `#${i}`) });

    const items = await poll('new_incoming_sms');

    expect(items).toHaveLength(1202);
    expect(new Set(ids(items)).size).toBe(1202);
    expect(sandbox.requests.map((request) => request.query.page)).toEqual(['1', '2']);
  });

  it('shows 3 samples from one page of the last 30 days while the Zap is built', async () => {
    const items = await poll('new_incoming_sms', {}, { isLoadingSample: true });

    // OLD is older than a poll's window but within the samples'.
    expect(ids(items)).toEqual(['R2', 'R1', 'OLD']);
    expect(sandbox.requests).toHaveLength(1);
  });
});

describe('New Delivery Status against the sandbox', () => {
  it('triggers once per new status of a message sent by Send SMS', async () => {
    const sms = { from: 'Acme', to: '+447700900777', message: 'Hi', reference: 'r-7' };
    const { id } = (await run('creates.send_sms.operation.perform', sms)) as Item;

    const every = { statuses: 'all' };
    const first = await poll('new_delivery_receipt', every);
    const again = await poll('new_delivery_receipt', every);
    // The default: final statuses only.
    const final = await poll('new_delivery_receipt');
    sandbox.setStatus(id, 'DELIVERED');
    const delivered = await poll('new_delivery_receipt', every);

    expect(ids(first)).toEqual([`${id}:ACCEPTED`, 'S2:DELIVERED']);
    expect(ids(again)).toEqual(ids(first));
    expect(ids(final)).toEqual(['S2:DELIVERED']);
    expect(ids(delivered)).toEqual([`${id}:DELIVERED`, 'S2:DELIVERED']);
    expect(delivered[0]).toMatchObject({
      message_id: id,
      recipient: '447700900777',
      reference: 'r-7',
      status: 'DELIVERED',
      is_final: true,
      is_failure: false,
    });
    // The first is Send SMS's check for an earlier text with the Reference (issue 24): one request.
    expect(
      sandbox.requests.filter((r) => r.path === '/message').map((r) => r.query.direction),
    ).toEqual(['MT', 'MT', 'MT', 'MT', 'MT']);
  });
});

describe('the From dropdown against the sandbox', () => {
  it('offers the sender IDs sent from in the last 30 days, the latest first', async () => {
    const items = await poll('recent_sender_id', {}, { isFillingDynamicDropdown: true });

    expect(items).toEqual([
      { id: 'AcmeSale', name: 'AcmeSale' },
      { id: 'Acme', name: 'Acme' },
    ]);
    expect(sandbox.requests[0]!.query).toMatchObject({ direction: 'MT', page: '1' });
  });
});
