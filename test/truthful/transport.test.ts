/**
 * What arrives on the wire, read the way it is: a byte-order mark before JSON, broken
 * compression, a connection reset half way through a body, and the API key echoed back in forms
 * core does not scrub. Through core's handler against the stand-in.
 */
import { userMessage } from '../runner';
import { brokenGzip, json, page, resetMidBody } from '../standin/server';
import { runAgainst, useStandIn } from '../standin/use';

const standIn = useStandIn();
const message = (error: Error | undefined) => userMessage(error!).message.split('\n')[0]!;

describe('a byte-order mark before JSON', () => {
  it('is read: Add Opt-Out returns the record', async () => {
    const created = Date.now();
    standIn().on(
      'POST /addressbook/optout',
      json(200, { mobile: '33612345678', note: 'API', created }, { bom: true }),
    );
    const outcome = await runAgainst(standIn(), 'creates.add_optout.operation.perform', {
      mobile: '+33 6 12 34 56 78',
    });
    expect(outcome.error).toBeUndefined();
    expect(outcome.result).toMatchObject({ mobile: '33612345678', already_opted_out: false });
  });

  it('is read: the connection test accepts a BOM’d answer sent as text/plain', async () => {
    standIn().on(
      'GET /auth/test',
      json(200, { message: 'API Key is valid' }, { bom: true, type: 'text/plain' }),
    );
    const outcome = await runAgainst(standIn(), 'authentication.test', {});
    expect(outcome.result).toMatchObject({ message: 'API Key is valid' });
  });
});

describe('broken transport says what happened in plain words', () => {
  it.each([
    [
      'broken gzip on a send',
      'POST /send/single',
      brokenGzip(200),
      /the answer arrived compressed but damaged, so it could not be read\. The message may or may not have been sent/,
    ],
    [
      'broken gzip on an error page',
      'POST /send/single',
      brokenGzip(502),
      /compressed but damaged/,
    ],
    [
      'a reset half way through a send’s answer',
      'POST /send/single',
      resetMidBody(200),
      /(connection was reset before Mobivate answered|closed before Mobivate’s answer was complete)\. The message may or may not have been sent/,
    ],
  ])('%s', async (_name, route, behaviour, expected) => {
    standIn().on(route, behaviour);
    const started = Date.now();
    const outcome = await runAgainst(standIn(), 'creates.send_sms.operation.perform', {
      from: 'Acme',
      to: '+33612345678',
      message: 'Bonjour',
    });
    // A reset is noticed at once, not after a timeout.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(message(outcome.error)).toMatch(expected);
    expect(message(outcome.error)).not.toMatch(/Z_DATA_ERROR|ECONNRESET|body-timeout|PREMATURE/);
    // The technical detail is in the log, for support.
    expect(outcome.logs.join('\n')).toMatch(/POST \/send\/single failed in transport: FetchError/);
  });

  it('a reset half way through a list page is an error, not an empty list', async () => {
    standIn().on('GET /addressbook/optout', resetMidBody(200, '[{"id": 1, "mobile": "4'));
    const outcome = await runAgainst(standIn(), 'triggers.new_optout.operation.perform', {});
    expect(outcome.result).toBeUndefined();
    expect(message(outcome.error)).toMatch(
      /^Could not reach Mobivate at http:\/\/127\.0\.0\.1:\d+: /,
    );
  });
});

describe('the API key echoed back in any form never reaches a message or a log', () => {
  const key = 'mbv/Live+9f8e7d6c5b4a/3210=';
  const forms = {
    'JSON-escaped slashes': key.replace(/\//g, '\\/'),
    // PHP's json_encode of a JSON text that holds the key: a\/b becomes a\\\/b.
    'escaped twice': JSON.stringify(key.replace(/\//g, '\\/')).slice(1, -1).replace(/\//g, '\\/'),
    'percent-encoded': encodeURIComponent(key),
    'percent-encoded, lower case': encodeURIComponent(key).toLowerCase(),
  };

  it.each(Object.entries(forms))('%s, in an error page', async (_name, echoed) => {
    standIn().on('GET /auth/test', page(400, `<p>Bad key: ${echoed}</p>`));
    const outcome = await runAgainst(
      standIn(),
      'authentication.test',
      {},
      { authData: { api_key: key } },
    );
    const seen = JSON.stringify([message(outcome.error), outcome.logs]);
    expect(message(outcome.error)).toMatch(/Bad key: :censored:/);
    for (const form of [key, ...Object.values(forms)]) expect(seen).not.toContain(form);
  });

  it('in a JSON error message, escaped as PHP writes it', async () => {
    const body = `{"code":400,"message":"Key ${forms['JSON-escaped slashes']} is not valid for route mglobal"}`;
    standIn().on('POST /send/single', json(400, body));
    const outcome = await runAgainst(
      standIn(),
      'creates.send_sms.operation.perform',
      { from: 'Acme', to: '+33612345678', message: 'Hi' },
      { authData: { api_key: key } },
    );
    expect(message(outcome.error)).toMatch(/"Key :censored: is not valid for route mglobal"/);
    expect(JSON.stringify(outcome.logs)).not.toContain('9f8e7d6c5b4a');
  });
});
