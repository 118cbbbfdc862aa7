import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import * as deliveryReceipt from '../../src/triggers/new-delivery-receipt';
import * as incomingSms from '../../src/triggers/new-incoming-sms';
import * as linkClick from '../../src/triggers/new-link-click';
import { startSandbox, type Sandbox, type WebhookType } from '../../sandbox/server';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { appTester, makeBundle } from '../helpers';

// Each trigger types its own inputData; this table only needs to call them, so any input type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Perform = (z: ZObject, bundle: Bundle<any>) => Promise<unknown>;
type HookTrigger = { perform: Perform; performSubscribe: Perform; performUnsubscribe: Perform };

beforeAll(() => nock.enableNetConnect('127.0.0.1'));
afterAll(() => nock.disableNetConnect());

/** Stands in for Zapier's hook URL: keeps every JSON body it receives. */
const startReceiver = async () => {
  const received: unknown[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.end('{"status":"success"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/catch/1/`;
  return {
    url,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

let sandbox: Sandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const auth = () => ({ api_key: sandbox.apiKey, api_url: sandbox.url });
const confirmed = { replace_registered_webhook: 'replace' };

beforeEach(async () => {
  sandbox = await startSandbox();
  receiver = await startReceiver();
});
afterEach(async () => {
  await sandbox.close();
  await receiver.close();
});

describe.each([
  ['incoming', incomingSms as HookTrigger, { body: 'STOP', is_opt_out_keyword: true }],
  [
    'receipt',
    deliveryReceipt as HookTrigger,
    { status: 'DELIVERED', is_final: true, is_failure: false },
  ],
  [
    'click',
    linkClick as HookTrigger,
    { url: 'http://vimeo.com/751393851?autoplay=1', country_code: 'GB' },
  ],
] as const)('the %s webhook against the sandbox, over HTTP', (type, trigger, expected) => {
  it('subscribes, receives what Mobivate posts, and turns it into a Zap item', async () => {
    await appTester(trigger.performSubscribe, {
      ...makeBundle(confirmed, auth()),
      targetUrl: receiver.url,
    });
    expect(sandbox.webhooks.get(type as WebhookType)).toBe(receiver.url);

    expect(await sandbox.push(type)).toBe(200);
    const items = await appTester(trigger.perform, {
      ...makeBundle(confirmed, auth()),
      cleanedRequest: receiver.received[0],
    });

    expect(items).toEqual([expect.objectContaining({ id: expect.any(String), ...expected })]);
  });

  it('leaves the URL of a Zap that subscribed later in place when an earlier Zap is turned off', async () => {
    const later = 'https://hooks.zapier.com/hooks/standard/2/later/';
    await appTester(trigger.performSubscribe, {
      ...makeBundle(confirmed, auth()),
      targetUrl: receiver.url,
    });
    await appTester(trigger.performSubscribe, {
      ...makeBundle(confirmed, auth()),
      targetUrl: later,
    });
    const requestsBefore = sandbox.requests.length;

    await appTester(trigger.performUnsubscribe, {
      ...makeBundle(confirmed, auth()),
      subscribeData: { id: type },
    });

    expect(sandbox.requests.length).toBe(requestsBefore);
    expect(sandbox.webhooks.get(type as WebhookType)).toBe(later);
  });
});

it('lists a pushed incoming message as a sample, in the same shape as the hook', async () => {
  await appTester(incomingSms.performSubscribe, {
    ...makeBundle(confirmed, auth()),
    targetUrl: receiver.url,
  });
  await sandbox.push('incoming');
  const [fromHook] = (await appTester(incomingSms.perform, {
    ...makeBundle({}, auth()),
    cleanedRequest: receiver.received[0],
  })) as object[];

  const listed = (await appTester(incomingSms.performList, makeBundle({}, auth()))) as object[];

  expect(listed).toHaveLength(1);
  expect(Object.keys(listed[0]!).sort()).toEqual(Object.keys(fromHook!).sort());
  expect(listed[0]).toMatchObject({ id: (fromHook as { id: string }).id, body: 'STOP' });
});
