/**
 * What the app does on the wire itself: names itself, keeps answer bodies out of core's logs,
 * follows no redirect, reads no answer past its cap, and reads the character set an answer names.
 * Through core's handler against the stand-in.
 */
import packageJson from '../../package.json';
import { failure } from '../helpers';
import type { Behaviour } from '../standin/server';
import { json } from '../standin/server';
import { runAgainst, useStandIn } from '../standin/use';

const standIn = useStandIn();
const sms = { from: 'Acme', to: '+61412345678', message: 'Hi' };
const sendSms = () => runAgainst(standIn(), 'creates.send_sms.operation.perform', sms);

const redirect =
  (status: number, location: string): Behaviour =>
  (response) => {
    response.writeHead(status, { Location: location, 'Content-Type': 'text/html' });
    response.end(`<a href="${location}">Moved</a>`);
  };

describe('the app names itself', () => {
  it('sends a User-Agent with its name and version on every request', async () => {
    standIn().on('POST /send/single', json(200, { id: 'm-1' }));
    await sendSms();
    expect(standIn().received[0]!.headers['user-agent']).toBe(
      `Mobivate-for-Zapier/${packageJson.version}`,
    );
  });
});

describe('core keeps no answer body in its logs', () => {
  it.each([
    ['a list of opt-outs', 'triggers.new_optout.operation.perform', {}],
    ['Find Opt-Out', 'searches.find_optout.operation.perform', { mobile: '+447700900999' }],
  ])('%s: the numbers Mobivate listed appear in no log line', async (_name, method, inputData) => {
    const numbers = ['61412345678', '33612345678', '4915112345678'];
    standIn().on(
      'GET /addressbook/optout',
      json(
        200,
        numbers.map((mobile, i) => ({ id: i + 1, mobile, note: 'MO', created: Date.now() })),
      ),
      json(200, []),
    );
    const outcome = await runAgainst(standIn(), method, inputData);
    const logs = outcome.logs.join('\n');
    for (const mobile of numbers) expect(logs).not.toContain(mobile);
    // What a developer needs is there: the request, its status, its size.
    expect(logs).toMatch(
      /GET \/addressbook\/optout answered HTTP 200 \([\d,]+ bytes in [\d,]+ ms\)/,
    );
  });
});

describe('redirects are not followed', () => {
  it.each([
    [301, /The message was not sent\./],
    [307, /The message was not sent\./],
    [308, /The message was not sent\./],
    [302, /may or may not have been sent/],
    [303, /may or may not have been sent/],
  ])(
    'a %i on a send says where it pointed and what became of the message',
    async (status, outcome) => {
      standIn().on(
        'POST /send/single',
        redirect(status, 'https://elsewhere.example/v2/send/single?x=1'),
      );
      const result = await sendSms();
      expect(standIn().received).toHaveLength(1);
      const { message, code } = failure(result);
      expect(code).toBe('MobivateRedirect');
      expect(message).toMatch(
        new RegExp(
          `^The API Address answered POST /send/single with a redirect \\(HTTP ${status}\\) to https://elsewhere\\.example/v2/send/single\\. `,
        ),
      );
      expect(message).toMatch(outcome);
      expect(message).not.toContain('x=1');
    },
  );

  it('a redirect on a list says so rather than "not found"', async () => {
    standIn().on('GET /addressbook/optout', redirect(302, '/login'));
    const result = await runAgainst(standIn(), 'searches.find_optout.operation.perform', {
      mobile: '+61412345678',
    });
    expect(standIn().received).toHaveLength(1);
    expect(failure(result).message).toMatch(
      /^The API Address answered GET \/addressbook\/optout with a redirect \(HTTP 302\) to http:\/\/127\.0\.0\.1:\d+\/login\./,
    );
  });

  it('a batch redirected is reported by batch', async () => {
    standIn().on('POST /send/batch', redirect(308, 'https://elsewhere.example/send/batch'));
    const result = await runAgainst(standIn(), 'creates.send_batch_sms.operation.perform', {
      from: 'Acme',
      recipients: ['+61412345678'],
      message: 'Hi',
    });
    expect(failure(result)).toMatchObject({ code: 'MobivateRedirect' });
  });
});

describe('an answer larger than the cap', () => {
  it('is cut off and said so, not read whole', async () => {
    const huge = `[${'{"id":1,"mobile":"61412345678","note":"MO","created":1},'.repeat(320_000)}{}]`;
    expect(huge.length).toBeGreaterThan(16 * 1024 * 1024);
    standIn().on('GET /addressbook/optout', json(200, huge));
    const result = await runAgainst(standIn(), 'triggers.new_optout.operation.perform', {});
    expect(failure(result)).toMatchObject({
      code: 'MobivateAnswerTooLarge',
      message: expect.stringMatching(
        /^Stopped reading the answer from http:\/\/127\.0\.0\.1:\d+: Mobivate's answer was larger than 16 MB/,
      ),
    });
  });

  it('on a send, says the message may or may not have been sent', async () => {
    standIn().on(
      'POST /send/single',
      json(200, `{"id":"m-1","pad":"${'x'.repeat(17 * 1024 * 1024)}"}`),
    );
    const result = await sendSms();
    expect(failure(result).message).toMatch(/larger than 16 MB.*may or may not have been sent/);
  });
});

describe('the character set an answer names', () => {
  it.each([
    ['iso-8859-1', 'latin1'],
    ['windows-1252', 'latin1'],
  ])('%s is read as such: an id keeps its letters', async (charset, encoding) => {
    standIn().on('POST /send/single', (response) => {
      response.writeHead(200, { 'Content-Type': `application/json; charset=${charset}` });
      response.end(
        Buffer.from('{"id":"m-é1","recipient":"61412345678"}', encoding as BufferEncoding),
      );
    });
    const result = await sendSms();
    expect(result.result).toMatchObject({ id: 'm-é1' });
  });

  it('UTF-8 stays the default', async () => {
    standIn().on('POST /send/single', json(200, { id: 'm-é2' }));
    expect((await sendSms()).result).toMatchObject({ id: 'm-é2' });
  });
});
