import { perform } from '../../src/creates/send-template-campaign';
import { appTester, failure, makeBundle, vortexAuth, vortexScope } from '../helpers';

const TEMPLATE = 'aaaaaaa-bbbbbbbb-cccccc-ddddddd-eee';
const GROUP = '3392287d-7a79-4789-9ef8-7dc174836688';
const run = (inputData: Record<string, unknown>) =>
  appTester(perform, makeBundle({ template_id: TEMPLATE, ...inputData }, vortexAuth()));
const accept = (id: string) => (_uri: string, body: { recipients: unknown[] }) => ({
  success: true,
  record: { id, type: 'TemplateSMS', recipientCount: body.recipients.length },
});

describe('Send Template Campaign', () => {
  it('on a BulkSMS connection, says it needs Vortex and sends nothing', async () => {
    expect(
      await failure(appTester(perform, makeBundle({ template_id: TEMPLATE, groups: [GROUP] }))),
    ).toMatchObject({
      name: 'AppError',
      code: 'NeedsVortex',
      message: expect.stringMatching(/^Send Template Campaign needs a Vortex connection/),
    });
  });

  it('skips unusable numbers and repeats, saying why, and sends the rest', async () => {
    vortexScope()
      .post('/send/template', {
        templateID: TEMPLATE,
        recipients: [
          { recipient: '447700900001' },
          { recipient: GROUP, meta: { type: 'mailinglist' } },
        ],
      })
      .reply(200, accept('t-1'));
    expect(
      await run({ recipients: ['+447700900001', 'abc', '+44 7700 900001'], groups: GROUP }),
    ).toEqual({
      batch_id: 't-1',
      batch_ids: ['t-1'],
      template_id: TEMPLATE,
      recipients_sent: 1,
      groups_sent: 1,
      recipients_accepted: 2,
      recipients_skipped_count: 2,
      recipients_skipped: [
        expect.stringMatching(/^Recipient 2 \('abc'\): /),
        "Recipient 3 ('+44 7700 900001'): a duplicate of recipient 1",
      ],
      recipients_skipped_summary: '2 skipped: 1 not a valid number, 1 duplicate',
      // Added on purpose (issue 23): the one send group, now, and no quiet hours.
      send_groups: [{ send_at: null, recipients: 2, batch_ids: ['t-1'] }],
      held_for_quiet_hours: false,
      time_zone_note: null,
    });
  });

  it.each([
    [{ template_id: ' ' }, 'HaltedError', /^Template ID is empty/],
    [{ groups: [] }, 'HaltedError', /^There are no recipients/],
    [{ recipients: ['abc'] }, 'HaltedError', /^Nothing was sent: no recipient can be used/],
    [
      { recipients: ['abc', '+447700900001'], invalid_recipients: 'fail' },
      'AppError',
      /^Nothing was sent: 1 of 2 recipients cannot be used/,
    ],
    [
      { line_items: [{ line_recipient: '+447700900001', line_fields: 'NAME=a; NAME=b' }] },
      'HaltedError',
      /its fields name NAME twice/,
    ],
  ])('stops before any request for %j', async (inputData, name, message) => {
    expect(await failure(run(inputData))).toMatchObject({
      name,
      message: expect.stringMatching(message),
    });
  });

  it('after a first accepted chunk, reports what was and was not sent', async () => {
    const recipients = Array.from(
      { length: 1001 },
      (_, i) => `+4477009${String(i).padStart(5, '0')}`,
    );
    vortexScope()
      .post('/send/template', (body: { recipients: unknown[] }) => body.recipients.length === 1000)
      .reply(200, accept('t-1'));
    vortexScope()
      .post('/send/template', (body: { recipients: unknown[] }) => body.recipients.length === 1)
      .reply(400, { success: false, error: 'Template not found' });
    expect(await failure(run({ recipients }))).toMatchObject({
      name: 'AppError',
      code: 'PartialBatch',
      message: expect.stringMatching(
        /^Only part of the batch was sent\. Batch 1 of 2 was accepted .*Batch 2 \(1 recipient\) was not sent: .*Template not found/,
      ),
    });
  });
});
