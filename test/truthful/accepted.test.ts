/**
 * "Accepted by Mobivate" counts only what Mobivate said it accepted. Batch-like sends against the
 * stand-in, on both APIs, with answers that say less, or other, than a plain acceptance.
 */
import { failure } from '../helpers';
import { json } from '../standin/server';
import { runAgainst, useStandIn } from '../standin/use';

const standIn = useStandIn();
const vortex = { authData: { api_platform: 'vortex' } };
const template = (extra = {}) =>
  runAgainst(
    standIn(),
    'creates.send_template_campaign.operation.perform',
    { template_id: 't-1', recipients: ['+61412345678', '+61412345679'] },
    { ...vortex, ...extra },
  );
const batch = (extra = {}) =>
  runAgainst(
    standIn(),
    'creates.send_batch_sms.operation.perform',
    { from: 'Acme', recipients: ['+61412345678', '+61412345679', '+61412345670'], message: 'Hi' },
    extra,
  );

describe('Send Template Campaign', () => {
  it.each([
    [{ success: true, message: '0 recipients queued' }, 0],
    [{ success: true, message: '2 recipients queued' }, 2],
    [{ success: true }, null],
    [{ success: true, record: { id: 't-9' } }, null],
    [{ success: true, record: { id: 't-9', recipientCount: '1' } }, 1],
  ])('%j reports recipients_accepted %j', async (body, accepted) => {
    standIn().on('POST /send/template', json(200, body));
    expect((await template()).result).toMatchObject({
      recipients_sent: 2,
      recipients_accepted: accepted,
    });
  });

  it.each([
    { success: true, error: 'Template not found' },
    { success: true, error: { message: 'Template t-1 is not approved' } },
    { success: true, record: { id: 't-9' }, error: 'Language FR missing' },
  ])('%j contradicts itself: may or may not have been sent', async (body) => {
    standIn().on('POST /send/template', json(200, body));
    const outcome = await template();
    expect(outcome.result).toBeUndefined();
    expect(failure(outcome).message).toMatch(/may or may not have been sent/);
  });
});

describe('Send Batch SMS', () => {
  it('a partial batch lists whom Mobivate refused, and counts only what it said', async () => {
    standIn().on(
      'POST /send/batch',
      json(200, {
        success: true,
        record: { id: 'b-1', status: 'PARTIAL', recipientCount: 1 },
        errors: [
          { recipient: '61412345679', error: 'Invalid number' },
          { msisdn: '+61 412 345 670', message: 'Network not covered' },
        ],
      }),
    );
    expect((await batch(vortex)).result).toMatchObject({
      batch_id: 'b-1',
      recipients_sent: 3,
      recipients_accepted: 1,
      recipients_skipped_count: 2,
      recipients_skipped: [
        'Recipient 61412345679: Mobivate refused it ("Invalid number")',
        'Recipient 61412345670: Mobivate refused it ("Network not covered")',
      ],
    });
  });

  it.each([
    [
      'Vortex',
      vortex,
      { success: true, record: { id: 'b-2' }, errors: ['One number was invalid'] },
      null,
    ],
    ['BulkSMS', {}, { id: 'b-3', name: null }, null],
    ['BulkSMS', {}, { id: 'b-4', recipients: [{ recipient: '61412345678' }] }, 1],
  ])('%s: %j reports recipients_accepted %j', async (_api, extra, body, accepted) => {
    standIn().on('POST /send/batch', json(200, body));
    expect((await batch(extra)).result).toMatchObject({ recipients_accepted: accepted });
  });
});
