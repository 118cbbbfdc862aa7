/**
 * Groups, alias and template sends on a Vortex connection, through core's handler: exact request
 * bodies (the group's form body as raw text), `{{placeholders}}` reaching Mobivate untouched, and
 * the documented and observed answer envelopes (docs/mobivate-api.md §V5, §3.5–3.7).
 */
import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import { API_KEY, authData, failure, VORTEX_URL, vortexAuth, vortexScope } from '../../helpers';
import { runMethod, runOn } from '../../runner';

const NOW = Date.UTC(2026, 10, 27, 12);
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

/** A scope for the one form-encoded request: Mobivate's key and Accept, the form's type. */
const vortexForm = () =>
  nock(VORTEX_URL, {
    reqheaders: {
      authorization: `Bearer ${API_KEY}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
  });

const GROUP = '3392287d-7a79-4789-9ef8-7dc174836688';

describe('Create Group', () => {
  const create = (name: string) =>
    runOn(vortexAuth(), 'creates.create_group.operation.perform', { name });

  it('posts the name form-encoded (raw text checked), not JSON', async () => {
    const bodies: string[] = [];
    const scope = vortexForm()
      .post('/addressbook/groups')
      .reply(200, { success: true, record: { id: GROUP, name: 'Spring & {{VIP}}' } });
    // The raw text as it went on the wire (a body matcher would see nock's parsed form).
    scope.on('request', (_req: unknown, _interceptor: unknown, body: string) => bodies.push(body));
    const { result } = await create('Spring & {{VIP}}');
    expect(bodies).toEqual(['name=Spring+%26+%7B%7BVIP%7D%7D']);
    expect(result).toEqual({
      id: GROUP,
      name: 'Spring & {{VIP}}',
      note: '',
      already_existed: false,
    });
  });

  it.each([
    ['the create envelope', { success: true, record: { id: GROUP } }],
    ['a top-level id', { id: GROUP }],
    ['a top-level group_id', { group_id: GROUP }],
    ['a group_id in the record', { success: true, record: { group_id: GROUP } }],
    ['a groupID', { success: true, groupID: GROUP }],
  ])('reads the id from %s', async (_shape, answer) => {
    vortexForm().post('/addressbook/groups', 'name=VIP').reply(200, answer);
    expect((await create('VIP')).result).toEqual({
      id: GROUP,
      name: 'VIP',
      note: '',
      already_existed: false,
    });
  });

  it.each([
    ['an empty body (the docs show none)', ''],
    ['{"success": true} alone', { success: true }],
    ['a record without an id', { success: true, record: { name: 'VIP' } }],
  ])(
    'with %s, says the group was created and its id is unknown, inventing none',
    async (_s, answer) => {
      vortexForm().post('/addressbook/groups', 'name=VIP').reply(200, answer);
      expect((await create('VIP')).result).toEqual({
        id: '',
        name: 'VIP',
        note: expect.stringMatching(/created the group but did not say its id\. Find the group/),
        already_existed: false,
      });
    },
  );

  // Issue 22: a taken name gives that group (test/creates/create-group.test.ts), or an error.
  it('quotes Mobivate when the name is taken (400) and the group cannot be found', async () => {
    vortexForm()
      .post('/addressbook/groups', 'name=VIP')
      .reply(400, { success: false, error: 'A group with this name already exists' });
    vortexScope()
      .get('/addressbook/groups')
      .query({ offset: '0', limit: '1000' })
      .reply(200, { success: true, records: [], total: 0 });
    expect(failure(await create('VIP'))).toMatchObject({
      name: 'AppError',
      code: 'GroupNotFound',
      message: expect.stringContaining('"A group with this name already exists"'),
    });
  });

  it('names the permission for a key without create:Groups', async () => {
    vortexForm()
      .post('/addressbook/groups', 'name=VIP')
      .reply(403, { error: 'API Key is not permitted to perform this action. (create:Groups)' });
    expect(failure(await create('VIP')).message).toMatch(/lacks the permission create:Groups/);
  });

  it.each([
    ['null', 'null'],
    ['a list', [{ id: GROUP }]],
    ['a page that is not JSON', '<html>ok</html>'],
  ])('refuses %s as an answer', async (_shape, answer) => {
    vortexForm().post('/addressbook/groups', 'name=VIP').reply(200, answer);
    expect(failure(await create('VIP')).message).toMatch(/but not with the group/);
  });
});

describe('Send SMS to Contacts', () => {
  const input = {
    from: 'Acme',
    aliases: ['john', 'mary'],
    message: 'Hi {{name}}, sent at {{time}}',
  };

  it('posts the aliases with the text untouched and opt-outs excluded', async () => {
    vortexScope()
      .post('/send/alias', {
        recipients: ['john', 'mary'],
        text: 'Hi {{name}}, sent at {{time}}',
        originator: 'Acme',
        excludeOptouts: true,
        shortenUrls: false,
      })
      .reply(200, { success: true, record: { id: 'a-1', type: 'AliasSMS', recipientCount: 2 } });
    const { result } = await runOn(
      vortexAuth(),
      'creates.send_sms_to_contacts.operation.perform',
      input,
    );
    expect(result).toEqual({
      batch_id: 'a-1',
      batch_ids: ['a-1'],
      name: null,
      text: 'Hi {{name}}, sent at {{time}}',
      contacts_sent: 2,
      contacts_accepted: 2,
      contacts_skipped: [],
      character_set: 'standard',
      parts: 1,
      scheduled_at: null,
    });
  });

  it('sends every option: name, scheduleDateTime (not scheduled), shortenUrls, spreadHours', async () => {
    vortexScope()
      .post('/send/alias', {
        recipients: ['john'],
        text: 'Hi {{name}}',
        originator: 'Acme',
        name: 'Spring',
        scheduleDateTime: '2026-12-01T09:00:00.000Z',
        excludeOptouts: true,
        shortenUrls: true,
        spreadHours: 3,
      })
      .reply(200, { success: true, record: { id: 'a-2', name: 'Spring', recipientCount: 1 } });
    const { result } = await runOn(vortexAuth(), 'creates.send_sms_to_contacts.operation.perform', {
      from: 'Acme',
      aliases: 'john',
      message: 'Hi {{name}}',
      name: 'Spring',
      schedule_at: '2026-12-01T09:00:00Z',
      shorten_urls: 'true',
      spread_hours: '3',
    });
    expect(result).toMatchObject({
      batch_id: 'a-2',
      name: 'Spring',
      scheduled_at: '2026-12-01T09:00:00.000Z',
    });
  });

  // Changed on purpose (issue 20): the count accepted is only what Mobivate said, never the
  // number sent, so a bare {"success": true} accepts an unknown number.
  it('takes a bare {"success": true} at its word, without inventing a batch id or a count', async () => {
    vortexScope().post('/send/alias').reply(200, { success: true });
    const { result } = await runOn(
      vortexAuth(),
      'creates.send_sms_to_contacts.operation.perform',
      input,
    );
    expect(result).toMatchObject({ batch_id: '', batch_ids: [], contacts_accepted: null });
  });

  it.each([
    [{ success: true, message: '0 recipients queued' }, 0],
    [{ success: true, message: 'Queued 2 messages' }, 2],
  ])('counts what %j says it accepted', async (body, count) => {
    vortexScope().post('/send/alias').reply(200, body);
    const { result } = await runOn(
      vortexAuth(),
      'creates.send_sms_to_contacts.operation.perform',
      input,
    );
    expect(result).toMatchObject({ contacts_accepted: count });
  });

  it('says the outcome is unclear for an answer without a batch', async () => {
    vortexScope().post('/send/alias').reply(200, { note: 'MO' });
    const outcome = await runOn(
      vortexAuth(),
      'creates.send_sms_to_contacts.operation.perform',
      input,
    );
    expect(failure(outcome).message).toMatch(
      /but not with the campaign.*may or may not have been sent/,
    );
  });

  it('names the permission for a key without create:AliasSMS', async () => {
    vortexScope()
      .post('/send/alias')
      .reply(403, { error: 'API Key is not permitted to perform this action. (create:AliasSMS)' });
    const outcome = await runOn(
      vortexAuth(),
      'creates.send_sms_to_contacts.operation.perform',
      input,
    );
    expect(failure(outcome).message).toMatch(/lacks the permission create:AliasSMS/);
  });

  it('quotes a refusal (400)', async () => {
    vortexScope()
      .post('/send/alias')
      .reply(400, { success: false, error: 'recipients is required' });
    const outcome = await runOn(
      vortexAuth(),
      'creates.send_sms_to_contacts.operation.perform',
      input,
    );
    expect(failure(outcome).message).toMatch(/"recipients is required"/);
  });
});

describe('Send Template Campaign', () => {
  it('posts templateID, numbers with fields, language and reference, and groups as mailing lists', async () => {
    vortexScope()
      .post('/send/template', {
        templateID: 'aaaaaaa-bbbbbbbb-cccccc-ddddddd-eee',
        recipients: [
          { recipient: '33790000001' },
          {
            recipient: '33790000002',
            reference: 'f1',
            language: 'FR',
            meta: { NAME: 'John', CITY: 'Paris' },
          },
          { recipient: GROUP, meta: { type: 'mailinglist' } },
        ],
      })
      .reply(200, {
        success: true,
        record: { id: 't-1', type: 'TemplateSMS', recipientCount: 42 },
      });
    const { result } = await runOn(
      vortexAuth(),
      'creates.send_template_campaign.operation.perform',
      {
        template_id: 'aaaaaaa-bbbbbbbb-cccccc-ddddddd-eee',
        recipients: ['+33 7 90 00 00 01'],
        groups: [GROUP],
        line_items: [
          {
            line_recipient: '+33790000002',
            line_fields: 'NAME=John; CITY=Paris',
            line_language: 'FR',
            line_reference: 'f1',
          },
        ],
        // Changed on purpose (issue 24): the replay check of References is tested on its own
        // (test/creates/batch-replay.test.ts); this test is about the request's shape.
        if_already_sent: 'send',
      },
    );
    expect(result).toEqual({
      batch_id: 't-1',
      batch_ids: ['t-1'],
      template_id: 'aaaaaaa-bbbbbbbb-cccccc-ddddddd-eee',
      recipients_sent: 2,
      groups_sent: 1,
      recipients_accepted: 42,
      recipients_skipped_count: 0,
      recipients_skipped: [],
      recipients_skipped_summary: '0 skipped',
      // Added on purpose (issue 23): the one send group, now, and no quiet hours.
      send_groups: [{ send_at: null, recipients: 3, batch_ids: ['t-1'] }],
      held_for_quiet_hours: false,
      time_zone_note: null,
    });
  });

  it('quotes Mobivate for an unknown template (400)', async () => {
    vortexScope()
      .post('/send/template')
      .reply(400, { success: false, error: 'Template not found' });
    const outcome = await runOn(vortexAuth(), 'creates.send_template_campaign.operation.perform', {
      template_id: 'nope',
      groups: [GROUP],
    });
    expect(failure(outcome).message).toMatch(/"Template not found"/);
  });

  it('names the permission for a key without create:TemplateSMS', async () => {
    vortexScope().post('/send/template').reply(403, {
      error: 'API Key is not permitted to perform this action. (create:TemplateSMS)',
    });
    const outcome = await runOn(vortexAuth(), 'creates.send_template_campaign.operation.perform', {
      template_id: 'tpl',
      groups: [GROUP],
    });
    expect(failure(outcome).message).toMatch(/lacks the permission create:TemplateSMS/);
  });
});

describe('Send Batch SMS on Vortex: groups and per-recipient fields', () => {
  it('sends groups as mailing lists and fields as meta, with {{KEY}} untouched', async () => {
    vortexScope()
      .post('/send/batch', {
        originator: 'Acme',
        text: 'Hello {{NAME}}, how is {{CITY}}?',
        shortenUrls: false,
        excludeOptOuts: true,
        excludeDuplicates: true,
        recipients: [
          { recipient: '61400000001', reference: 'j', meta: { NAME: 'John', CITY: 'London' } },
          { recipient: '61400000002' },
          { recipient: GROUP, meta: { type: 'mailinglist' } },
        ],
      })
      .reply(200, { success: true, record: { id: 'b-1', type: 'BatchSMS', recipientCount: 52 } });
    const { result } = await runOn(vortexAuth(), 'creates.send_batch_sms.operation.perform', {
      from: 'Acme',
      message: 'Hello {{NAME}}, how is {{CITY}}?',
      line_items: [
        {
          line_recipient: '+61400000001',
          line_reference: 'j',
          line_fields: 'NAME=John\nCITY=London',
        },
        { line_recipient: '+61400000002' },
      ],
      groups: [GROUP, GROUP],
      // Changed on purpose (issue 24): the replay check has its own tests (batch-replay.test.ts).
      if_already_sent: 'send',
    });
    expect(result).toMatchObject({
      batch_id: 'b-1',
      recipients_sent: 3,
      recipients_accepted: 52,
      recipients_skipped: [`Group 2 ('${GROUP}'): a duplicate of group 1`],
    });
  });

  it('halts when a group has no message to send, before any request', async () => {
    const outcome = await runOn(vortexAuth(), 'creates.send_batch_sms.operation.perform', {
      from: 'Acme',
      groups: [GROUP],
    });
    expect(failure(outcome)).toEqual({
      name: 'HaltedError',
      message: `Nothing was sent: no recipient can be used. Group 1 ('${GROUP}'): it has no message. Fill in Message.`,
    });
  });

  it('skips a recipient whose fields are not KEY=value, saying why', async () => {
    vortexScope()
      .post('/send/batch', (body: { recipients: unknown[] }) => body.recipients.length === 1)
      .reply(200, { success: true, record: { id: 'b-2', recipientCount: 1 } });
    const { result } = await runOn(vortexAuth(), 'creates.send_batch_sms.operation.perform', {
      from: 'Acme',
      message: 'Hi {{NAME}}',
      line_items: [
        { line_recipient: '+61400000001', line_fields: 'John' },
        { line_recipient: '+61400000002', line_fields: 'NAME=Ann' },
      ],
    });
    expect((result as { recipients_skipped: string[] }).recipients_skipped).toEqual([
      expect.stringMatching(
        /^Recipient 1 \('\+61400000001'\): its fields .*John.* are not KEY=value/,
      ),
    ]);
  });
});

describe('Send Batch SMS on BulkSMS: groups and fields are refused before any request', () => {
  it.each([
    [{ groups: [GROUP] }, /^Nothing was sent: Groups need a Vortex connection/],
    [
      { line_items: [{ line_recipient: '+447700900001', line_fields: 'NAME=Ann' }] },
      /^Nothing was sent: Recipient’s Fields need a Vortex connection/,
    ],
    [
      { groups: GROUP, line_items: [{ line_recipient: '+447700900001', line_fields: 'A=b' }] },
      /^Nothing was sent: Groups and Recipient’s Fields need a Vortex connection.*Empty them/,
    ],
  ])('%j', async (inputData, message) => {
    // No nock scope: any request would be a stray and fail the test (test/setup.ts).
    const outcome = await runMethod('creates.send_batch_sms.operation.perform', {
      authData: authData(),
      inputData: { from: 'Acme', recipients: ['+447700900002'], message: 'Hi', ...inputData },
    } as Partial<Bundle>);
    expect(failure(outcome)).toEqual({
      name: 'AppError',
      code: 'NeedsVortex',
      message: expect.stringMatching(message),
    });
  });
});
