import { perform } from '../../src/creates/send-sms';
import { REQUEST_TIMEOUT_MS } from '../../src/mobivate/transport/deadline';
import { appTester, failure, makeBundle, mobivateScope } from '../helpers';

const run = (inputData: Record<string, unknown>) => appTester(perform, makeBundle(inputData));
const basic = { from: 'Acme', to: '+44 7700 900123', message: 'Your order has shipped.' };
const record = (sent: Record<string, unknown>) => ({
  id: 'ef5796ce-e326-4a09-9033-6b457039b1ba',
  reference: null,
  campaignId: null,
  ...sent,
});

describe('Send SMS', () => {
  it('sends the documented body with the default route and outputs the record, encoding and parts', async () => {
    const body = {
      originator: 'Acme',
      recipient: '447700900123',
      body: 'Your order has shipped.',
      routeId: 'mglobal',
    };
    mobivateScope().post('/send/single', body).reply(200, record(body));

    const output = await run(basic);

    // Output keys changed on purpose (publish-ready issue): snake_case, a status, plain-word characters.
    expect(output).toEqual({
      id: 'ef5796ce-e326-4a09-9033-6b457039b1ba',
      status: 'accepted',
      // Issue 22: whether it was sent, for a Filter, and why not (never, here).
      sent: true,
      not_sent_reason: null,
      recipient: '447700900123',
      originator: 'Acme',
      body: 'Your order has shipped.',
      reference: null,
      route_id: 'mglobal',
      campaign_id: null,
      character_set: 'standard',
      parts: 1,
      // Issues 23 and 24: no earlier text with this Reference, not held for quiet hours.
      already_sent: false,
      first_sent_at: null,
      scheduled_at: null,
      held_for_quiet_hours: false,
      recipient_time_zones: [],
      time_zone_note: null,
    });
  });

  it('sends every optional field when given', async () => {
    const body = {
      originator: '447700900999',
      recipient: '14155550132',
      body: 'Hi 😀',
      routeId: 'premium',
      reference: 'order-123',
      campaignId: 'abc-123',
      shortenUrls: true,
    };
    mobivateScope().post('/send/single', body).reply(200, record(body));

    const output = await run({
      from: '+44 7700 900999',
      to: '(415) 555-0132',
      default_country: 'US',
      message: 'Hi 😀',
      route_id: 'premium',
      reference: ' order-123 ',
      // The duplicate check of a Reference (issue 24) has its own tests: send-sms-replay.test.ts.
      if_already_sent: 'send',
      campaign_id: 'abc-123',
      shorten_urls: true,
    });

    expect(output).toMatchObject({
      reference: 'order-123',
      campaign_id: 'abc-123',
      character_set: 'unicode',
      parts: 1,
    });
  });

  it('leaves shortenUrls out when it is off', async () => {
    mobivateScope()
      .post('/send/single', {
        originator: 'Acme',
        recipient: '447700900123',
        body: 'Hi',
        routeId: 'mglobal',
      })
      .reply(200, record({}));
    await run({ ...basic, message: 'Hi', shorten_urls: 'false' });
  });

  it('accepts the G2 answer envelope', async () => {
    mobivateScope()
      .post('/send/single')
      .reply(200, { success: true, record: { id: 'g2-1', text: 'Your order has shipped.' } });
    expect(await run(basic)).toMatchObject({ id: 'g2-1', body: 'Your order has shipped.' });
  });

  // A bad value of the record (a number, a message) halts; a setting of the Zap is an error.
  it.each([
    [
      { from: 'Acme Corporation' },
      /From \(Sender ID\) "Acme Corporation" cannot be used: an alphanumeric sender ID has at most 11 characters, and this one has 16/,
    ],
    [
      { from: '+1234567890123456' },
      /a numeric sender ID has at most 15 digits, and this one has 16/,
    ],
    [{ from: 'Acme!' }, /may only use the letters A to Z/],
    [{ from: '' }, /it is empty/],
    [{ max_parts: 'two' }, /^Maximum Parts "two" cannot be used/],
  ])('refuses the setting %j with an error, before sending anything', async (inputs, message) => {
    const result = await failure(run({ ...basic, ...inputs }));
    expect(result.name).toBe('AppError');
    expect(result.message).toMatch(message);
  });

  it.each([
    [{ message: '   ' }, /^Message is empty/],
    // A number that cannot be used halts only when asked to (issue 22; the default goes on).
    [
      { to: '07700 900123', if_not_sent: 'stop' },
      /^To "07700 900123" cannot be used: it has no country code/,
    ],
    [
      { message: 'x'.repeat(161), max_parts: 1 },
      /^Message needs 2 SMS parts \(161 standard characters\), more than Maximum Parts 1\. Shorten/,
    ],
    [
      { message: `${'a'.repeat(70)}’`, max_parts: 1 },
      /needs 2 SMS parts \(71 Unicode characters\).* because of "’"/,
    ],
  ])('halts on the record’s value %j, before sending anything', async (inputs, message) => {
    const result = await failure(run({ ...basic, ...inputs }));
    expect(result.name).toBe('HaltedError');
    expect(result.message).toMatch(message);
  });

  it('sends a long message within Maximum Parts', async () => {
    mobivateScope().post('/send/single').reply(200, record({}));
    expect(await run({ ...basic, message: 'x'.repeat(306), max_parts: '2' })).toMatchObject({
      parts: 2,
    });
  });

  it('halts, without failing the Zap, when the recipient opted out (403) and Stop is chosen', async () => {
    mobivateScope()
      .post('/send/single')
      .reply(403, { code: 403, message: 'Recipient is opted out: 447700900123' });

    const result = await failure(run({ ...basic, if_not_sent: 'stop' }));

    expect(result.name).toBe('HaltedError');
    // Core appends "What happened: …" (the step's input) below the message the user reads first.
    expect(result.message.split('\n')[0]).toBe(
      'Not sent: 447700900123 has opted out of your messages (Mobivate: "Recipient is opted out: 447700900123"). Use Delete Opt-Out only if they asked to receive messages again.',
    );
  });

  it('fails, rather than halts silently, on a 403 about the key’s permission', async () => {
    mobivateScope().post('/send/single').reply(403, { code: 403, message: 'Authentication Error' });
    const result = await failure(run(basic));
    expect(result).toMatchObject({ name: 'AppError', code: 'MobivateForbidden' });
  });

  it('fails clearly when out of credit (402)', async () => {
    mobivateScope()
      .post('/send/single')
      .reply(402, { code: 402, message: 'Insufficient funds to send' });
    expect((await failure(run(basic))).message).toMatch(
      /out of credit \("Insufficient funds to send"\)/,
    );
  });

  it('never retries after a 5xx, and says the message may have been sent', async () => {
    mobivateScope().post('/send/single').once().reply(502, '<html>Bad Gateway</html>');

    const result = await failure(run(basic));

    expect(result.name).toBe('AppError');
    expect(result.message).toMatch(
      /HTTP 502 Bad Gateway\): "Bad Gateway"\. The message may or may not have been sent/,
    );
  });

  it('says a timed-out send may have gone out', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      mobivateScope()
        .post('/send/single')
        .delay(REQUEST_TIMEOUT_MS + 1000)
        .reply(200, record({}));
      const pending = failure(run(basic));
      await jest.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS + 1);
      expect((await pending).message).toMatch(
        /did not answer within 12 seconds\. The message may or may not have been sent/,
      );
    } finally {
      jest.useRealTimers();
    }
  });

  it('does not claim success for a 200 without a message id', async () => {
    mobivateScope().post('/send/single').reply(200, { status: 'queued' });
    const result = await failure(run(basic));
    expect(result.code).toBe('MobivateUnexpectedAnswer');
    expect(result.message).toMatch(/The message may or may not have been sent/);
  });
});

describe('Send SMS sends what the user typed, curly braces included', () => {
  it.each(['Hi {{first_name}}, your code is {{code}}', 'Use {{bundle.inputData.from}} literally'])(
    'sends %j untouched',
    async (message) => {
      mobivateScope()
        .post('/send/single', (body: { body?: string }) => body.body === message)
        .reply(200, { id: 'm-1' });
      await expect(run({ ...basic, message })).resolves.toMatchObject({ body: message });
    },
  );
});
