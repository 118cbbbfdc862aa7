/**
 * Outcomes follow from what Mobivate actually said: answers shaped the way real servers send
 * them (framework 404 bodies, proxy pages, 200s carrying errors, other error shapes), through
 * core's handler against the stand-in. Each case names the outcome a marketer must see.
 */
import { API_KEY } from '../helpers';
import { userMessage, type Outcome } from '../runner';
import { json, page } from '../standin/server';
import { runAgainst, useStandIn } from '../standin/use';

const standIn = useStandIn();

const run = (method: string, inputData: Record<string, unknown>, extra = {}) =>
  runAgainst(standIn(), method, inputData, extra);

const failed = (outcome: Outcome) => {
  expect(outcome.error).toBeDefined();
  const seen = JSON.stringify({
    result: outcome.result,
    logs: outcome.logs,
    e: outcome.error?.message,
  });
  expect(seen).not.toContain(API_KEY);
  return {
    name: outcome.error!.name,
    message: userMessage(outcome.error!).message.split('\n')[0]!,
  };
};

const NGINX_404 =
  '<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>';
const CLOUDFLARE_403 =
  '<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body><h1>Sorry, you have been blocked</h1><p>You are unable to access mobivatebulksms.com</p></body></html>';
const EXPRESS_404 = '<!DOCTYPE html><html><body><pre>Cannot DELETE /optout</pre></body></html>';
const record = { mobile: '61412345678', note: 'API', created: Date.now() };

describe('Add Opt-Out counts "already listed" only when the answer says so', () => {
  const add = (inputs = { mobile: '+61 412 345 678' }) =>
    run('creates.add_optout.operation.perform', inputs);

  it.each([
    [
      'a Vortex-style refusal about the route',
      400,
      { success: false, error: 'No route configured for this account' },
      /"No route configured for this account"/,
    ],
    [
      'a proxy page on 409',
      409,
      '<html><body><h1>409 Conflict</h1></body></html>',
      /HTTP 409: "409 Conflict"/,
    ],
    [
      'a missing permission in a 200',
      200,
      {
        success: false,
        error: 'API Key is not permitted to perform this action. (create:Optouts)',
      },
      /permission create:Optouts/,
    ],
  ])('%s is an error, not already_opted_out', async (_name, status, body, message) => {
    standIn().on(
      'POST /addressbook/optout',
      typeof body === 'string' ? page(status, body) : json(status, body),
    );
    const outcome = await add();
    expect(outcome.result).toBeUndefined();
    expect(failed(outcome)).toMatchObject({
      name: 'AppError',
      message: expect.stringMatching(message),
    });
  });

  it.each([
    [409, { code: 409, message: 'Number 61412345678 already exists in the opt-out list' }],
    [400, { success: false, error: { message: 'Duplicate: msisdn already opted out' } }],
  ])('a %i that says the number is listed is already_opted_out', async (status, body) => {
    standIn().on('POST /addressbook/optout', json(status, body));
    const outcome = await add();
    expect(outcome.result).toMatchObject({ mobile: '61412345678', already_opted_out: true });
  });
});

describe('Send SMS halts only for an opted-out recipient', () => {
  // "Stop this run quietly": the halt of before issue 22, which the default now continues past.
  const send = () =>
    run('creates.send_sms.operation.perform', {
      from: 'Acme',
      to: '+61412345678',
      message: 'Hi',
      if_not_sent: 'stop',
    });

  it.each([
    [
      'a missing scope',
      json(403, { error: 'API Key is not permitted to perform this action. (create:SingleSMS)' }),
      /permission create:SingleSMS: tick it/,
    ],
    [
      'a daily limit',
      json(403, { code: 403, message: 'Daily message limit of 500 reached for this key' }),
      /"Daily message limit of 500 reached for this key"/,
    ],
    [
      'an IP allow-list',
      json(403, { success: false, error: { message: 'Request IP 203.0.113.9 is not allowed' } }),
      /not allowed/,
    ],
    ['a CDN block page', page(403, CLOUDFLARE_403), /Sorry, you have been blocked/],
    ['an empty body', page(403, ''), /\(an empty body\)/],
  ])('%s is an error that quotes the answer', async (_name, behaviour, message) => {
    standIn().on('POST /send/single', behaviour);
    const result = failed(await send());
    expect(result.name).toBe('AppError');
    expect(result.message).toMatch(message);
    expect(result.message).not.toMatch(/opted out/);
  });

  it.each([
    [{ code: 403, message: 'Recipient 61412345678 has opted out' }],
    [{ success: false, error: 'Recipient is on the optout list' }],
  ])('an answer that says the recipient opted out halts: %j', async (body) => {
    standIn().on('POST /send/single', json(403, body));
    const result = failed(await send());
    expect(result.name).toBe('HaltedError');
    expect(result.message).toMatch(/^Not sent: 61412345678 has opted out/);
  });
});

describe('Send SMS halts only when the answer says that this recipient opted out', () => {
  const send = () =>
    run('creates.send_sms.operation.perform', {
      from: 'Acme',
      to: '+61412345678',
      message: 'Hi',
      if_not_sent: 'stop',
    });

  it.each([
    'marketing messages must include opt-out instructions',
    'Account suspended: too many recipients opted out this week',
    'Recipient is opted out: 447700900123',
    'Recipient is opted out: +33 6 12 34 56 78',
    'Opt-out keyword STOP is reserved for this sender',
  ])('%j is an error that quotes Mobivate, and sends nothing else', async (words) => {
    standIn().on('POST /send/single', json(403, { code: 403, message: words }));
    const outcome = await send();
    const result = failed(outcome);
    expect(result.name).toBe('AppError');
    expect(result.message).toContain(`Mobivate refused this step ("${words}")`);
    expect(standIn().received).toHaveLength(1);
  });

  it.each([
    'Recipient is opted out: 61412345678',
    'Recipient is opted out: 0412 345 678',
    'OPTED_OUT',
  ])('%j halts', async (words) => {
    standIn().on('POST /send/single', json(403, { error: words }));
    expect(failed(await send())).toMatchObject({
      name: 'HaltedError',
      message: expect.stringMatching(/^Not sent: 61412345678 has opted out/),
    });
  });
});

describe('a 2xx that carries an error is a failure wherever it arrives', () => {
  it.each([
    [
      { success: false, error: 'Invalid API key' },
      /did not accept this API key \("Invalid API key", in an HTTP 200 answer\)/,
    ],
    [
      { code: '401', message: 'Token expired' },
      /did not accept this API key \("Token expired", in an HTTP 200 answer\)/,
    ],
  ])('the connection test fails on %j', async (body, message) => {
    standIn().on('GET /auth/test', json(200, body));
    expect(failed(await run('authentication.test', {})).message).toMatch(message);
  });

  it('Send SMS does not report a 200 carrying "out of credit" as sent', async () => {
    standIn().on('POST /send/single', json(200, { code: 402, message: 'Insufficient balance' }));
    const outcome = await run('creates.send_sms.operation.perform', {
      from: 'Acme',
      to: '+61412345678',
      message: 'Hi',
    });
    expect(failed(outcome).message).toMatch(
      /out of credit \("Insufficient balance", in an HTTP 200 answer\)/,
    );
  });

  it('a list answered with success: false is not an empty list', async () => {
    standIn().on(
      'GET /addressbook/optout',
      json(200, { success: false, error: 'read:Optouts missing' }),
    );
    const outcome = await run('searches.find_optout.operation.perform', { mobile: '+61412345678' });
    expect(outcome.result).toBeUndefined();
    expect(failed(outcome).message).toMatch(/"read:Optouts missing", in an HTTP 200 answer/);
  });
});

describe('a 404 means "not found" only in Mobivate’s own words', () => {
  const findById = () => run('searches.find_message.operation.perform', { message_id: 'AB12' });

  it.each([
    [
      'an nginx page',
      page(404, NGINX_404),
      /HTTP 404: "404 Not Found 404 Not Found nginx"\. Check the API Address/,
    ],
    [
      'a Spring error body',
      json(404, {
        timestamp: '2026-11-27T10:00:00Z',
        status: 404,
        error: 'Not Found',
        path: '/message/AB12',
      }),
      /HTTP 404: "Not Found"\. Check the API Address/,
    ],
  ])('Find Message: %s is an error, not "no such message"', async (_name, behaviour, message) => {
    standIn().on('GET /message/AB12', behaviour);
    const outcome = await findById();
    expect(outcome.result).toBeUndefined();
    expect(failed(outcome).message).toMatch(message);
  });

  it('Find Message: Mobivate saying the message is unknown is "not found"', async () => {
    standIn().on(
      'GET /message/AB12',
      json(404, { code: 404, message: 'Message AB12 does not exist' }),
    );
    expect((await findById()).result).toEqual([]);
  });

  const remove = () =>
    run('creates.delete_optout.operation.perform', { mobile: '+61 412 345 678' });

  it.each([
    ['a JAX-RS body', json(404, { code: 404, message: 'HTTP 404 Not Found' })],
    ['an Express page', page(404, EXPRESS_404)],
  ])('Delete Opt-Out: %s on the first route tries the other route', async (_name, behaviour) => {
    standIn().on('DELETE /addressbook/optout', behaviour).on('DELETE /optout', json(200, record));
    const outcome = await remove();
    expect(outcome.result).toMatchObject({ mobile: '61412345678', removed: true });
    expect(standIn().received.map((r) => `${r.method} ${r.path} ${r.body}`)).toEqual([
      'DELETE /addressbook/optout {"mobile":"61412345678"}',
      'DELETE /optout {"mobile":"61412345678"}',
    ]);
  });

  it('Delete Opt-Out: both routes missing never claims the number is still opted out', async () => {
    standIn()
      .on('DELETE /addressbook/optout', json(404, { code: 404, message: 'HTTP 404 Not Found' }))
      .on('DELETE /optout', page(404, EXPRESS_404));
    const message = failed(await remove()).message;
    expect(message).toMatch(/Nothing was removed, and whether 61412345678 is opted out is unknown/);
    expect(message).not.toMatch(/still opted out/);
  });

  it('Delete Opt-Out: Mobivate saying the number is not listed is removed: false', async () => {
    standIn().on(
      'DELETE /addressbook/optout',
      json(404, { code: 404, message: 'Mobile 61412345678 not found in optout list' }),
    );
    expect((await remove()).result).toMatchObject({ mobile: '61412345678', removed: false });
    expect(standIn().received).toHaveLength(1);
  });
});

describe('Add and Delete Opt-Out read the record Mobivate returns tolerantly', () => {
  it.each([
    ['numbers as strings', { mobile: '61412345678', note: 'API', created: '1672704203000' }],
    [
      'a number as a number and a timestamp',
      { mobile: 61412345678, note: 'API', created: '2023-01-03T00:03:23+0000' },
    ],
  ])('Delete Opt-Out: %s', async (_name, body) => {
    standIn().on('DELETE /addressbook/optout', json(200, body));
    const outcome = await run('creates.delete_optout.operation.perform', {
      mobile: '+61412345678',
    });
    expect(outcome.result).toEqual({
      mobile: '61412345678',
      mobile_e164: '+61412345678',
      note: 'API',
      source: 'Added through the API',
      created: '2023-01-03T00:03:23.000Z',
      removed: true,
    });
  });

  it('Add Opt-Out: an old record with string fields is already_opted_out', async () => {
    standIn().on(
      'POST /addressbook/optout',
      json(200, { mobile: '+61 412 345 678', note: 'MO', created: '1672704203000' }),
    );
    const outcome = await run('creates.add_optout.operation.perform', { mobile: '+61412345678' });
    expect(outcome.result).toMatchObject({
      mobile: '61412345678',
      created: '2023-01-03T00:03:23.000Z',
      already_opted_out: true,
    });
  });
});

describe('choices are read whatever their case, and unknown ones are refused', () => {
  it.each(['FAIL', ' Fail '])(
    'Delete Opt-Out with "If the Number Is Not Opted Out" %j stops',
    async (choice) => {
      standIn().on(
        'DELETE /addressbook/optout',
        json(404, { code: 404, message: 'Mobile number not found in optout list' }),
      );
      const outcome = await run('creates.delete_optout.operation.perform', {
        mobile: '+61412345678',
        when_not_opted_out: choice,
      });
      expect(failed(outcome).message).toMatch(/^61412345678 is not on the Mobivate opt-out list/);
    },
  );

  it('Send Batch SMS with "If a Number Is Invalid" FAIL sends nothing', async () => {
    const outcome = await run('creates.send_batch_sms.operation.perform', {
      from: 'Acme',
      recipients: ['+61412345678', 'not a number'],
      message: 'Hi',
      invalid_recipients: 'FAIL',
    });
    expect(failed(outcome).message).toMatch(/^Nothing was sent: 1 of 2 recipients cannot be used/);
    expect(standIn().received).toEqual([]);
  });

  it('an unknown choice is refused, naming the allowed ones', async () => {
    const outcome = await run('creates.delete_optout.operation.perform', {
      mobile: '+61412345678',
      when_not_opted_out: 'skip',
    });
    expect(failed(outcome).message).toMatch(/"continue", "fail"/);
    expect(standIn().received).toEqual([]);
  });
});

describe('Send SMS reads a status in the record Mobivate accepted', () => {
  const send = (extra = {}, choice?: string) =>
    run(
      'creates.send_sms.operation.perform',
      { from: 'Acme', to: '+61412345678', message: 'Hi', if_not_sent: choice },
      extra,
    );
  const vortex = { authData: { api_platform: 'vortex' } };

  it.each([
    ['Vortex', vortex, { success: true, record: { id: 'm-1', status: 'OPTED_OUT' } }],
    ['BulkSMS', {}, { id: 'm-1', recipient: '61412345678', status: 'OPTED_OUT' }],
  ])('%s OPTED_OUT halts as an opted-out recipient', async (_api, extra, body) => {
    standIn().on('POST /send/single', json(200, body));
    expect(failed(await send(extra, 'stop'))).toEqual({
      name: 'HaltedError',
      message: expect.stringMatching(
        /^Not sent: 61412345678 has opted out of your messages \(Mobivate: the message m-1 has the status OPTED_OUT\)/,
      ),
    });
  });

  it.each([
    ['Vortex', vortex, 'REJECTED'],
    ['Vortex', vortex, 'INVALID_RECIPIENT'],
    ['BulkSMS', {}, 'REJECTED'],
    ['BulkSMS', {}, 'FAILED_NOROUTE'],
    ['BulkSMS', {}, 'BLOCKED_BY_CARRIER'],
  ])('%s %s is never "accepted": not sent, or the error chosen', async (_api, extra, status) => {
    standIn().on('POST /send/single', json(200, { success: true, record: { id: 'm-2', status } }));
    const reason = `Mobivate accepted the request but did not send the text to 61412345678 (the message m-2 has the status ${status}). Check the number, and the message log in the Mobivate hub.`;
    // By default (issue 22) the step goes on with Sent = false; before, this was an error.
    expect((await send(extra)).result).toMatchObject({
      id: null,
      status: 'refused',
      sent: false,
      not_sent_reason: reason,
    });
    const outcome = await send(extra, 'fail');
    expect(outcome.result).toBeUndefined();
    expect(failed(outcome)).toEqual({ name: 'AppError', message: `Not sent: ${reason}` });
  });

  it.each(['ACCEPTED', 'SENT', 'QUEUED', 'SCHEDULED'])('%s is an acceptance', async (status) => {
    standIn().on('POST /send/single', json(200, { success: true, record: { id: 'm-3', status } }));
    expect((await send(vortex)).result).toMatchObject({ id: 'm-3', status: 'accepted' });
  });
});
