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

  const sendsTo = (recipients: string[], id = 'a-1') =>
    vortexScope()
      .post('/send/alias', {
        recipients,
        text: 'Hi {{name}}',
        originator: 'Acme',
        excludeOptouts: true,
        shortenUrls: false,
      })
      .reply(200, accept(id));

  it('sends each alias once, saying which repeats were left out', async () => {
    sendsTo(['john', 'mary']);
    const output = await run({ aliases: ['john', 'mary\njohn'] });
    expect(output).toMatchObject({
      contacts_sent: 2,
      contacts_accepted: 2,
      contacts_skipped: ["Contact 3 ('john'): a duplicate of an earlier one"],
    });
  });

  it.each([
    // A list gives one alias per item, a text one per line (\r\n from Windows too).
    [
      ['john', ' mary ', '', 'sue'],
      ['john', 'mary', 'sue'],
    ],
    ['john\nmary\r\nsue\n\n', ['john', 'mary', 'sue']],
    [
      ['john\nmary', 'sue'],
      ['john', 'mary', 'sue'],
    ],
    ['o’brien j', ['o’brien j']],
  ])('reads %j as the aliases %j', async (aliases, recipients) => {
    sendsTo(recipients);
    expect(await run({ aliases })).toMatchObject({
      contacts_sent: recipients.length,
      contacts_skipped: [],
    });
  });

  const AMBIGUOUS =
    'so it could be one alias or several; nothing was sent to it. Put each alias in its own entry or on its own line';

  it.each([
    // Not split at commas or semicolons: "Smith, John" may be one contact, or two others.
    [['Smith, John', 'mary'], ["Contact 1 ('Smith, John'): it holds a comma, " + AMBIGUOUS]],
    ['mary\njohn,sue', ["Contact 2 ('john,sue'): it holds a comma, " + AMBIGUOUS]],
    [['mary', 'john; sue'], ["Contact 2 ('john; sue'): it holds a semicolon, " + AMBIGUOUS]],
    [
      ['mary', 'a;b, c', 'mary'],
      [
        "Contact 2 ('a;b, c'): it holds a comma, " + AMBIGUOUS,
        "Contact 3 ('mary'): a duplicate of an earlier one",
      ],
    ],
  ])('skips %j, saying why, and sends the rest', async (aliases, skipped) => {
    sendsTo(['mary']);
    expect(await run({ aliases })).toMatchObject({
      contacts_sent: 1,
      contacts_accepted: 1,
      contacts_skipped: skipped,
    });
  });

  it('skips an item that is not text, saying what it was, rather than send "true"', async () => {
    sendsTo(['mary', '12345']);
    expect(await run({ aliases: ['mary', true, { alias: 'john' }, 12345] })).toMatchObject({
      contacts_sent: 2,
      contacts_skipped: [
        'Contact 2: it received true (a yes/no value), not an alias',
        'Contact 3: it received an object with the fields alias, not an alias',
      ],
    });
  });

  it.each([
    ['Smith, John', "Contact 1 ('Smith, John'): it holds a comma, " + AMBIGUOUS],
    [
      ['a,b', 'c;d'],
      `Contact 1 ('a,b'): it holds a comma, ${AMBIGUOUS}; Contact 2 ('c;d'): it holds a semicolon, ${AMBIGUOUS}`,
    ],
  ])('halts before any request when no alias of %j can be used', async (aliases, why) => {
    expect(await failure(run({ aliases }))).toEqual({
      name: 'HaltedError',
      message: `Nothing was sent: no contact can be used. ${why}.`,
    });
  });

  it.each([
    [{ aliases: [] }, 'HaltedError', /^There are no contacts/],
    [{ aliases: ' , ' }, 'HaltedError', /^There are no contacts/],
    [{ aliases: ['', ' ; ', '\n'] }, 'HaltedError', /^There are no contacts/],
    [{ aliases: null }, 'HaltedError', /^There are no contacts/],
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
