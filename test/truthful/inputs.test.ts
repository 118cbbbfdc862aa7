/**
 * What a marketer maps is never silently turned into something else, through core's handler
 * against the stand-in, which records every request: a decimal part is not read as digits, an
 * extension is not dropped, an alias with a comma is not read as two, and Personalized Recipients
 * that are not a list stop the step before anything is sent (issue 20: #1, #21, #12, #20).
 */
import { userMessage, type Outcome } from '../runner';
import { computed, json, type ReceivedRequest } from '../standin/server';
import { runAgainst, useStandIn } from '../standin/use';

const standIn = useStandIn();

const VORTEX = { authData: { api_platform: 'vortex' } };
const run = (method: string, inputData: Record<string, unknown>, extra = {}) =>
  runAgainst(standIn(), method, inputData, extra);
const SEND_SMS = 'creates.send_sms.operation.perform';
const SEND_BATCH = 'creates.send_batch_sms.operation.perform';
const SEND_TEMPLATE = 'creates.send_template_campaign.operation.perform';
const SEND_TO_CONTACTS = 'creates.send_sms_to_contacts.operation.perform';
const ADD_CONTACT = 'creates.add_contact.operation.perform';

/** Every request the stand-in received, as method, path and parsed body. */
const sent = () =>
  standIn().received.map(({ method, path, body }: ReceivedRequest) => ({
    method,
    path,
    body: body ? (JSON.parse(body) as unknown) : undefined,
  }));

/** The step stopped: its class, and the message the user reads. */
const stopped = (outcome: Outcome) => {
  expect(outcome.error).toBeDefined();
  return { name: outcome.error!.name, message: userMessage(outcome.error!).message };
};

/** BulkSMS accepts a batch, echoing its recipients. */
const bulkBatch = computed(({ body }) => ({
  status: 200,
  body: { id: 'b-1', name: null, routeId: 'mglobal', recipients: JSON.parse(body).recipients },
}));
/** Vortex accepts a send, counting its recipients. */
const vortexAccepts = (id: string) =>
  computed(({ body }) => ({
    status: 200,
    body: {
      success: true,
      record: {
        id,
        recipientCount: (JSON.parse(body) as { recipients: unknown[] }).recipients.length,
      },
    },
  }));

const DECIMAL = (part: string) =>
  `it ends in a decimal part ("${part}"), the way spreadsheets and code steps write numbers, and reading it as more digits would change the number. Map the number without it: in a spreadsheet, format the column as plain text or as a number with no decimal places; in a code step, output the number as text`;
const EXTENSION = (digits: string) =>
  `it has an extension (${digits}), which a text message cannot reach. Map the number without its extension`;

/** Send SMS halts on a number it cannot use when asked to (by default it goes on, issue 22). */
const STOP = { if_not_sent: 'stop' };

describe('#1 a decimal part is refused, never read as more digits', () => {
  it.each([
    [
      SEND_SMS,
      { from: 'Acme', message: 'Hi', to: '7700900123.0', default_country: 'GB', ...STOP },
      'To "7700900123.0"',
      '.0',
    ],
    [
      SEND_SMS,
      { from: 'Acme', message: 'Hi', to: 447700900123.5, ...STOP },
      'To "447700900123.5"',
      '.5',
    ],
    [
      'creates.add_optout.operation.perform',
      { mobile: '+61412345678.0' },
      'Mobile Number "+61412345678.0"',
      '.0',
    ],
    [
      'creates.delete_optout.operation.perform',
      {
        mobile: '\u0660\u0667\u0667\u0660\u0660\u0669\u0660\u0660\u0661\u0662\u0663.\u0660\u0660',
        default_country: 'GB',
      },
      'Mobile Number "\u0660\u0667\u0667\u0660\u0660\u0669\u0660\u0660\u0661\u0662\u0663.\u0660\u0660"',
      '.\u0660\u0660',
    ],
    [
      SEND_SMS,
      { from: 'Acme', message: 'Hi', to: "'+447700900123.00", ...STOP },
      'To "\'+447700900123.00"',
      '.00',
    ],
  ])('%s halts on %j and sends nothing', async (method, inputData, quoted, part) => {
    expect(stopped(await run(method, inputData))).toEqual({
      name: 'HaltedError',
      message: `${quoted} cannot be used: ${DECIMAL(part)}.`,
    });
    expect(sent()).toEqual([]);
  });

  it('Add or Update Contact halts on a number with a decimal part', async () => {
    const outcome = await run(ADD_CONTACT, { mobile: 447700900123.25, alias: 'jane' }, VORTEX);
    expect(stopped(outcome).message).toBe(
      `Mobile Number "447700900123.25" cannot be used: ${DECIMAL('.25')}.`,
    );
    expect(sent()).toEqual([]);
  });

  it('Send Batch SMS skips each number with a decimal part, saying why, and sends the rest', async () => {
    standIn().on('POST /send/batch', bulkBatch);
    const outcome = await run(SEND_BATCH, {
      from: 'Acme',
      message: 'Hi',
      default_country: 'GB',
      recipients: ['+61412345678.0', '7700900123', 7700900456.5],
      line_items: [{ line_recipient: '447700900789.00' }],
    });
    expect(outcome.result).toMatchObject({
      recipients_sent: 1,
      recipients_skipped: [
        `Recipient 1 ('+61412345678.0'): ${DECIMAL('.0')}`,
        `Recipient 3 ('7700900456.5'): ${DECIMAL('.5')}`,
        `Recipient 4 ('447700900789.00'): ${DECIMAL('.00')}`,
      ],
    });
    expect(sent()).toEqual([
      expect.objectContaining({
        path: '/send/batch',
        body: expect.objectContaining({
          recipients: [{ originator: 'Acme', recipient: '447700900123', text: 'Hi' }],
        }),
      }),
    ]);
  });

  it.each([
    ['+44.7700.900123', undefined],
    ['0044 7700.900.123', undefined],
    ['+44.7700900123', undefined],
    ['07700.900.123', 'GB'],
  ])('a dotted phone number %j is still read as the number', async (to, country) => {
    standIn().on(
      'POST /send/single',
      json(200, { id: 'm-1', originator: 'Acme', recipient: '447700900123', body: 'Hi' }),
    );
    const outcome = await run(SEND_SMS, {
      from: 'Acme',
      message: 'Hi',
      to,
      default_country: country,
    });
    expect(outcome.result).toMatchObject({ recipient: '447700900123' });
    expect(sent()).toEqual([
      expect.objectContaining({ body: expect.objectContaining({ recipient: '447700900123' }) }),
    ]);
  });
});

describe('#21 an extension stays with its number in a list, and is refused as in Send SMS', () => {
  it('Send SMS refuses "+1 (415) 555-0132, ext. 12"', async () => {
    const outcome = await run(SEND_SMS, {
      from: 'Acme',
      message: 'Hi',
      to: '+1 (415) 555-0132, ext. 12',
      ...STOP,
    });
    expect(stopped(outcome)).toEqual({
      name: 'HaltedError',
      message: `To "+1 (415) 555-0132, ext. 12" cannot be used: ${EXTENSION('12')}.`,
    });
    expect(sent()).toEqual([]);
  });

  it.each([
    ['+1 (415) 555-0132, ext. 12, +447700900123', '+1 (415) 555-0132, ext. 12', '12'],
    ['+1 415 555 0132;x7\n+447700900123', '+1 415 555 0132;x7', '7'],
    ['+1 415 555 0132\nextension 345\n+447700900123', '+1 415 555 0132\nextension 345', '345'],
    ['+1 415 555 0132, Ext: 44, +447700900123', '+1 415 555 0132, Ext: 44', '44'],
    ['+1 415 555 0132, #9; +447700900123', '+1 415 555 0132, #9', '9'],
  ])(
    'Send Batch SMS skips %j whole and sends only the other number',
    async (recipients, entry, digits) => {
      standIn().on('POST /send/batch', bulkBatch);
      const outcome = await run(SEND_BATCH, { from: 'Acme', message: 'Hi', recipients });
      expect(outcome.result).toMatchObject({
        recipients_sent: 1,
        recipients_skipped: [`Recipient 1 ('${entry}'): ${EXTENSION(digits)}`],
      });
      expect(sent()).toHaveLength(1);
      expect(sent()[0]!.body).toMatchObject({
        recipients: [{ originator: 'Acme', recipient: '447700900123', text: 'Hi' }],
      });
    },
  );

  it('with If a Number Is Invalid set to fail, sends nothing', async () => {
    const outcome = await run(SEND_BATCH, {
      from: 'Acme',
      message: 'Hi',
      recipients: ['+1 415 555 0132, ext 12', '+447700900123'],
      invalid_recipients: 'fail',
    });
    expect(stopped(outcome)).toEqual({
      name: 'AppError',
      message: `Nothing was sent: 1 of 2 recipients cannot be used. Recipient 1 ('+1 415 555 0132, ext 12'): ${EXTENSION('12')}.`,
    });
    expect(sent()).toEqual([]);
  });

  it('Send Template Campaign halts when the only number has an extension', async () => {
    const outcome = await run(
      SEND_TEMPLATE,
      { template_id: 't-1', recipients: '+14155550132, x 3' },
      VORTEX,
    );
    expect(stopped(outcome)).toEqual({
      name: 'HaltedError',
      message: `Nothing was sent: no recipient can be used. Recipient 1 ('+14155550132, x 3'): ${EXTENSION('3')}.`,
    });
    expect(sent()).toEqual([]);
  });
});

describe('#12 an alias with a comma is never read as two aliases', () => {
  it.each([
    ['Smith, John', 'a comma'],
    ['Smith; John', 'a semicolon'],
    ['Smith\nJohn', 'a line break'],
  ])('Add or Update Contact halts on the alias %j and sends nothing', async (alias, what) => {
    const outcome = await run(ADD_CONTACT, { mobile: '+447700900123', alias }, VORTEX);
    expect(stopped(outcome)).toEqual({
      name: 'HaltedError',
      message: `Alias "${alias}" cannot be used: it holds ${what}, which separates aliases in a list, so Send SMS to Contacts could not send to it. Use an alias without commas, semicolons and line breaks, like smith-john.`,
    });
    expect(sent()).toEqual([]);
  });

  const AMBIGUOUS =
    'so it could be one alias or several; nothing was sent to it. Put each alias in its own entry or on its own line';

  it.each([
    [
      ['Smith, John', 'mary'],
      ['mary'],
      ["Contact 1 ('Smith, John'): it holds a comma, " + AMBIGUOUS],
    ],
    [
      'mary\njohn;sue\njohn',
      ['mary', 'john'],
      ["Contact 2 ('john;sue'): it holds a semicolon, " + AMBIGUOUS],
    ],
    [['mary', 'john'], ['mary', 'john'], []],
  ])('Send SMS to Contacts given %j sends to exactly %j', async (aliases, recipients, skipped) => {
    standIn().on('POST /send/alias', vortexAccepts('a-1'));
    const outcome = await run(SEND_TO_CONTACTS, { from: 'Acme', message: 'Hi', aliases }, VORTEX);
    expect(outcome.result).toMatchObject({
      contacts_sent: recipients.length,
      contacts_skipped: skipped,
    });
    expect(sent()).toEqual([
      {
        method: 'POST',
        path: '/send/alias',
        body: expect.objectContaining({ recipients, text: 'Hi' }),
      },
    ]);
  });

  it('Send SMS to Contacts halts when every entry holds a comma', async () => {
    const outcome = await run(
      SEND_TO_CONTACTS,
      { from: 'Acme', message: 'Hi', aliases: 'Smith, John' },
      VORTEX,
    );
    expect(stopped(outcome)).toEqual({
      name: 'HaltedError',
      message: `Nothing was sent: no contact can be used. Contact 1 ('Smith, John'): it holds a comma, ${AMBIGUOUS}.`,
    });
    expect(sent()).toEqual([]);
  });
});

describe('#20 Personalized Recipients that are not a list halt before anything is sent', () => {
  const NOT_A_LIST = (what: string) =>
    `Nothing was sent: Personalized Recipients received ${what}, not a list of recipients. Map line items into it (one recipient each, with its own fields), or leave it empty and map the numbers into Recipients.`;

  it.each([
    [
      SEND_BATCH,
      { from: 'Acme', message: 'Hi', recipients: '+447700900123', line_items: '+447700900456' },
      '"+447700900456"',
    ],
    [SEND_BATCH, { from: 'Acme', message: 'Hi', line_items: 447700900456 }, '447700900456'],
    [
      SEND_TEMPLATE,
      {
        template_id: 't-1',
        line_items: { line_recipient: '+447700900456', line_fields: 'NAME=Jo' },
      },
      'an object with the fields line_recipient, line_fields',
    ],
  ])('%s with %j', async (method, inputData, what) => {
    expect(stopped(await run(method, inputData, VORTEX))).toEqual({
      name: 'HaltedError',
      message: NOT_A_LIST(what),
    });
    expect(sent()).toEqual([]);
  });

  it('an element that is not a line item is skipped with its reason, the others sent', async () => {
    standIn().on('POST /send/batch', bulkBatch);
    const outcome = await run(SEND_BATCH, {
      from: 'Acme',
      message: 'Hi',
      line_items: ['+447700900123', { line_recipient: '+447700900456', line_message: 'Hello' }],
    });
    expect(outcome.result).toMatchObject({
      recipients_sent: 1,
      recipients_skipped: [
        'Recipient 1: Personalized Recipients holds "+447700900123" here, not a recipient with its own fields. Map line items into Personalized Recipients, or numbers into Recipients',
      ],
    });
    expect(sent()).toHaveLength(1);
    expect(sent()[0]!.body).toMatchObject({
      recipients: [{ originator: 'Acme', recipient: '447700900456', text: 'Hello' }],
    });
  });

  it('Send Template Campaign sends the line items it can read', async () => {
    standIn().on('POST /send/template', vortexAccepts('t-1'));
    const outcome = await run(
      SEND_TEMPLATE,
      { template_id: 't-1', line_items: [7, { line_recipient: '+447700900456' }] },
      VORTEX,
    );
    expect(outcome.result).toMatchObject({
      recipients_sent: 1,
      recipients_skipped: [
        'Recipient 1: Personalized Recipients holds 7 here, not a recipient with its own fields. Map line items into Personalized Recipients, or numbers into Recipients',
      ],
    });
    expect(sent()).toEqual([
      {
        method: 'POST',
        path: '/send/template',
        body: { templateID: 't-1', recipients: [{ recipient: '447700900456' }] },
      },
    ]);
  });
});
