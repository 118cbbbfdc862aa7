import nock from 'nock';
import { perform } from '../../src/creates/send-batch-sms';
import { appTester, failure, makeBundle, mobivate } from '../helpers';

const run = (inputData: Record<string, unknown>) => appTester(perform, makeBundle(inputData));
const numbers = (count: number) =>
  Array.from({ length: count }, (_, i) => `+4477009${String(i).padStart(5, '0')}`);
const campaign = (body: { name?: string; recipients: unknown[] }, id = 'batch-1') => ({
  id,
  name: body.name ?? null,
  routeId: 'mglobal',
  recipients: body.recipients,
});
/** Answers like Mobivate: the campaign, echoing every recipient it was sent. */
const acceptBatch = (id: string) => (_uri: string, body: nock.Body) =>
  campaign(body as { recipients: unknown[] }, id);

describe('Send Batch SMS', () => {
  it('sends one text to every recipient in the chosen shape, with the documented defaults', async () => {
    mobivate()
      .post('/send/batch', {
        routeId: 'mglobal',
        excludeOptouts: true,
        excludeDuplicates: true,
        shortenUrls: false,
        recipients: [
          { originator: 'Acme', recipient: '447700900001', text: 'Sale today' },
          { originator: 'Acme', recipient: '14155550132', text: 'Sale today' },
        ],
      })
      .reply(200, acceptBatch('fd91'));

    const output = await run({
      from: 'Acme',
      recipients: ['+44 7700 900001', '(415) 555-0132'],
      default_country: 'US',
      message: 'Sale today',
    });

    expect(output).toEqual({
      batch_id: 'fd91',
      batch_ids: ['fd91'],
      batches: 1,
      name: null,
      recipients_sent: 2,
      recipients_accepted: 2,
      recipients_skipped_count: 0,
      recipients_skipped: [],
      scheduled_at: null,
    });
  });

  it('sends every option and personalised recipients with their own text and reference', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 10, 26, 12));
    mobivate()
      .post('/send/batch', {
        routeId: 'mglobal',
        name: 'Spring sale',
        scheduleDateTime: '2026-12-01T09:30:00+0000',
        excludeOptouts: false,
        excludeDuplicates: false,
        shortenUrls: true,
        spreadHours: 2,
        recipients: [
          { originator: 'Acme', recipient: '447700900001', text: 'Hello all' },
          {
            originator: 'Acme',
            recipient: '447700900002',
            text: 'Hello Jane',
            reference: 'jane-1',
          },
          { originator: 'Acme', recipient: '447700900003', text: 'Hello all', reference: 'bob-2' },
        ],
      })
      .reply(200, acceptBatch('b-2'));

    const output = await run({
      from: 'Acme',
      recipients: '+447700900001',
      message: 'Hello all',
      line_items: [
        { line_recipient: '+447700900002', line_message: 'Hello Jane', line_reference: 'jane-1' },
        { line_recipient: '+447700900003', line_reference: 'bob-2' },
      ],
      name: 'Spring sale',
      schedule_at: '2026-12-01T10:30:00+01:00',
      exclude_optouts: false,
      exclude_duplicates: 'false',
      shorten_urls: true,
      spread_hours: 2,
    });

    expect(output).toMatchObject({
      name: 'Spring sale',
      recipients_sent: 3,
      scheduled_at: '2026-12-01T09:30:00.000Z',
    });
    jest.restoreAllMocks();
  });

  it('splits 2,345 recipients into requests of 1,000, 1,000 and 345', async () => {
    const sizes: number[] = [];
    for (const id of ['b-1', 'b-2', 'b-3']) {
      mobivate()
        .post('/send/batch')
        .reply(200, (uri, body) => {
          sizes.push((body as { recipients: unknown[] }).recipients.length);
          return acceptBatch(id)(uri, body);
        });
    }

    const output = await run({ from: 'Acme', recipients: numbers(2345), message: 'Hi' });

    expect(sizes).toEqual([1000, 1000, 345]);
    expect(output).toMatchObject({
      batch_ids: ['b-1', 'b-2', 'b-3'],
      batches: 3,
      recipients_sent: 2345,
      recipients_accepted: 2345,
    });
  });

  it('reports each invalid number and skips it by default', async () => {
    mobivate()
      .post(
        '/send/batch',
        (body: { recipients: { recipient: string }[] }) =>
          body.recipients.map((r) => r.recipient).join() === '447700900001,447700900003',
      )
      .reply(200, acceptBatch('b-1'));

    const output = await run({
      from: 'Acme',
      recipients: ['+447700900001', 'abc', '+447700900003', '07700 900004', '+447700900001'],
      message: 'Hi',
    });

    expect(output).toMatchObject({
      recipients_sent: 2,
      recipients_skipped_count: 3,
      recipients_skipped: [
        "Recipient 2 ('abc'): it contains characters that are not part of a phone number (use only digits, spaces, +, -, . and brackets). Write it with + and the country code, like +44 7700 900123",
        "Recipient 4 ('07700 900004'): it has no country code. Write it with + and the country code, like +44 7700 900123, or choose a Default Country for national numbers",
        "Recipient 5 ('+447700900001'): a duplicate of recipient 1",
      ],
    });
  });

  it('sends nothing when asked to fail on invalid numbers', async () => {
    const result = await failure(
      run({
        from: 'Acme',
        recipients: ['+447700900001', 'abc'],
        message: 'Hi',
        invalid_recipients: 'fail',
      }),
    );
    expect(result.message).toMatch(
      /^Nothing was sent: 1 of 2 recipients cannot be used\. Recipient 2 \('abc'\): it contains characters/,
    );
  });

  it.each([
    [{ recipients: [] }, /There are no recipients/],
    [{ recipients: ['abc'] }, /Nothing was sent: no recipient can be used\. Recipient 1 \('abc'\)/],
    [{ message: '' }, /Recipient 1 \('\+447700900001'\): it has no message/],
    [{ schedule_at: '2001-01-01T00:00:00Z' }, /^Send At "2001-01-01T00:00:00Z" is in the past/],
    [{ schedule_at: 'soon' }, /^Send At "soon" is not a date and time/],
    [{ spread_hours: '-1' }, /^Spread Over Hours "-1" cannot be used/],
    [{ from: 'A very long sender' }, /^From \(Sender ID\) "A very long sender" cannot be used/],
  ])('refuses %j before sending anything', async (inputs, message) => {
    const result = await failure(
      run({ from: 'Acme', recipients: ['+447700900001'], message: 'Hi', ...inputs }),
    );
    expect(result.message).toMatch(message);
  });

  it('says exactly what was sent when a later batch fails, and turns a 429 into a plain error', async () => {
    mobivate().post('/send/batch').reply(200, acceptBatch('b-1'));
    mobivate().post('/send/batch').reply(429, { code: 429, message: 'Slow down' });

    const result = await failure(run({ from: 'Acme', recipients: numbers(1500), message: 'Hi' }));

    expect(result).toMatchObject({ name: 'AppError', code: 'PartialBatch' });
    expect(result.message).toMatch(
      /^Only part of the batch was sent\. Batches 1 to 1 of 2 were accepted \(1000 recipients; batch ids b-1\), then batch 2 failed: Mobivate is limiting .* The remaining 500 recipients were not sent\. Do not replay this run/,
    );
  });

  it('stops between batches, saying so, before Zapier’s time limit', async () => {
    let clock = Date.UTC(2026, 10, 26, 12);
    jest.spyOn(Date, 'now').mockImplementation(() => clock);
    for (const id of ['b-1', 'b-2', 'b-3']) {
      mobivate()
        .post('/send/batch')
        .reply(200, (uri, body) => {
          clock += 8_000; // each request takes 8 seconds
          return acceptBatch(id)(uri, body);
        });
    }

    const result = await failure(run({ from: 'Acme', recipients: numbers(3500), message: 'Hi' }));

    expect(result.message).toMatch(
      /^Only part of the batch was sent\. Batches 1 to 3 of 4 were accepted \(3000 recipients; batch ids b-1, b-2, b-3\), then batch 4 failed: it was not sent, to stay within Zapier's time limit\. Split the recipients over several steps of at most 3,000\. The remaining 500 recipients were not sent/,
    );
    jest.restoreAllMocks();
  });

  it('fails the first batch with the usual mapping (402)', async () => {
    mobivate().post('/send/batch').reply(402, { code: 402, message: 'Insufficient funds' });
    expect(
      (await failure(run({ from: 'Acme', recipients: ['+447700900001'], message: 'Hi' }))).message,
    ).toMatch(/out of credit/);
  });

  it('does not claim success for an answer without a batch id', async () => {
    mobivate().post('/send/batch').reply(200, { recipients: [] });
    const result = await failure(
      run({ from: 'Acme', recipients: ['+447700900001'], message: 'Hi' }),
    );
    expect(result.message).toMatch(/not with the batch .*may or may not have been sent/);
  });

  it('counts the recipients Mobivate accepted from a G2 answer', async () => {
    mobivate()
      .post('/send/batch')
      .reply(200, { success: true, record: { id: 'g2', type: 'BatchSMS', recipientCount: 1 } });
    const output = await run({
      from: 'Acme',
      recipients: ['+447700900001', '+447700900002'],
      message: 'Hi',
    });
    expect(output).toMatchObject({ batch_id: 'g2', recipients_sent: 2, recipients_accepted: 1 });
  });
});
