import nock from 'nock';
import { perform as sendBatch } from '../../src/creates/send-batch-sms';
import { perform as sendSms } from '../../src/creates/send-sms';
import { perform as findMessage } from '../../src/searches/find-message';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { appTester, failure, makeBundle } from '../helpers';

beforeAll(() => nock.enableNetConnect('127.0.0.1'));
afterAll(() => nock.disableNetConnect());

let sandbox: Sandbox;
const bundle = (inputData: Record<string, unknown>) =>
  makeBundle(inputData, { api_key: sandbox.apiKey, api_url: sandbox.url });

beforeEach(async () => {
  sandbox = await startSandbox({
    optOuts: [{ mobile: '447700900456', note: 'MO', created: Date.now() - 1000 }],
  });
});
afterEach(() => sandbox.close());

describe('messaging against the sandbox, over HTTP', () => {
  it('sends an SMS and finds it by id and by reference', async () => {
    const sent = await appTester(
      sendSms,
      bundle({ from: 'Acme', to: '+447700900123', message: 'Hi', reference: 'order-9' }),
    );
    expect(sent).toMatchObject({
      recipient: '447700900123',
      reference: 'order-9',
      status: 'accepted',
      character_set: 'standard',
      parts: 1,
    });

    const byId = await appTester(findMessage, bundle({ message_id: (sent as { id: string }).id }));
    const byReference = await appTester(findMessage, bundle({ reference: 'order-9' }));
    expect(byId).toEqual(byReference);
    expect(byId).toEqual([
      expect.objectContaining({ body: 'Hi', status: 'ACCEPTED', direction: 'sent' }),
    ]);
  });

  it('sends nothing to an opted-out number: Sent = false by default, a halt when asked', async () => {
    const inputs = { from: 'Acme', to: '+447700900456', message: 'Hi' };
    expect(await appTester(sendSms, bundle(inputs))).toMatchObject({
      sent: false,
      status: 'opted_out',
      not_sent_reason: expect.stringMatching(/^447700900456 has opted out of your messages/),
    });
    const result = await failure(appTester(sendSms, bundle({ ...inputs, if_not_sent: 'stop' })));
    expect(result.name).toBe('HaltedError');
    expect(sandbox.messages).toEqual([]);
  });

  it('sends a batch: Mobivate skips the opted-out number, the app the invalid one', async () => {
    const output = await appTester(
      sendBatch,
      bundle({
        from: 'Acme',
        recipients: ['+447700900123', '+447700900456', 'abc'],
        message: 'Sale',
        name: 'Sale',
      }),
    );
    expect(output).toMatchObject({
      recipients_sent: 2,
      recipients_accepted: 1,
      recipients_skipped_count: 1,
      name: 'Sale',
    });
    expect(sandbox.messages.map((m) => m.recipient)).toEqual(['447700900123']);
  });
});
