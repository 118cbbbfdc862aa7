import { perform } from '../../src/creates/send-sms-to-contacts';
import { appTester, failure, makeBundle, vortexAuth, vortexScope } from '../helpers';

const NOW = Date.UTC(2026, 10, 27, 12);
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

const base = { from: 'Acme', aliases: ['john'], message: 'Hi {{name}}' };
const run = (inputData: Record<string, unknown>) =>
  appTester(perform, makeBundle({ ...base, ...inputData }, vortexAuth()));
const accept = (id: string) => (_uri: string, body: { recipients: string[] }) => ({
  success: true,
  record: { id, type: 'AliasSMS', recipientCount: body.recipients.length },
});

describe('Send SMS to Contacts', () => {
  it('on a BulkSMS connection, says it needs Vortex and sends nothing', async () => {
    expect(await failure(appTester(perform, makeBundle(base)))).toMatchObject({
      name: 'AppError',
      code: 'NeedsVortex',
      message: expect.stringMatching(/^Send SMS to Contacts needs a Vortex connection/),
    });
  });

  it('sends each alias once, saying which repeats were left out', async () => {
    vortexScope()
      .post('/send/alias', {
        recipients: ['john', 'mary'],
        text: 'Hi {{name}}',
        originator: 'Acme',
        excludeOptouts: true,
        shortenUrls: false,
      })
      .reply(200, accept('a-1'));
    const output = await run({ aliases: ['john', 'mary, john'] });
    expect(output).toMatchObject({
      contacts_sent: 2,
      contacts_accepted: 2,
      contacts_skipped: ["Contact 3 ('john'): a duplicate of an earlier one"],
    });
  });

  it.each([
    [{ aliases: [] }, 'HaltedError', /^There are no contacts/],
    [{ aliases: ' , ' }, 'HaltedError', /^There are no contacts/],
    [{ message: '  ' }, 'HaltedError', /^Message is empty/],
    [{ message: 'x'.repeat(200), max_parts: '1' }, 'HaltedError', /needs 2 SMS parts/],
    [{ from: 'Too long sender' }, 'AppError', /^From \(Sender ID\)/],
    [{ schedule_at: '2020-01-01T00:00:00Z' }, 'HaltedError', /is in the past/],
    [{ spread_hours: '-1' }, 'AppError', /Spread Over Hours/],
  ])('stops before any request for %j', async (inputData, name, message) => {
    expect(await failure(run(inputData))).toMatchObject({
      name,
      message: expect.stringMatching(message),
    });
  });

  it('after a first accepted chunk, reports what was and was not sent', async () => {
    const aliases = Array.from({ length: 1001 }, (_, i) => `c${i}`);
    vortexScope()
      .post('/send/alias', (body: { recipients: string[] }) => body.recipients.length === 1000)
      .reply(200, accept('a-1'));
    vortexScope()
      .post('/send/alias', (body: { recipients: string[] }) => body.recipients.length === 1)
      .reply(500, { error: 'Internal error' });
    expect(await failure(run({ aliases }))).toMatchObject({
      name: 'AppError',
      code: 'PartialBatch',
      message: expect.stringMatching(
        /^Only part of the batch was sent\. Batch 1 of 2 was accepted \(1,000 recipients; batch id a-1\)\. Batch 2 \(1 recipient\) may or may not have been sent: .*Do not replay this run/,
      ),
    });
  });

  it('with one request, gives the send’s own error (uncertain after a 500)', async () => {
    vortexScope().post('/send/alias').reply(500, { error: 'Internal error' });
    expect(await failure(run({}))).toMatchObject({
      name: 'AppError',
      message: expect.stringMatching(/HTTP 500.*may or may not have been sent/),
    });
  });
});
