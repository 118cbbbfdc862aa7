/**
 * Quiet hours on batches (issue 23), through core's handler on a mocked clock: a batch split by
 * the time each recipient may receive the text, one request per send time, scheduled when held,
 * and the send groups reported exactly (docs/quiet-hours.md, "Batches").
 */
import type nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import { authData, failure, mobivateScope, vortexAuth, vortexScope } from '../helpers';
import { runOn } from '../runner';

const BATCH = 'creates.send_batch_sms.operation.perform';
const TEMPLATE = 'creates.send_template_campaign.operation.perform';
const TEMPLATE_ID = 'aaaaaaa-bbbbbbbb-cccccc-ddddddd-eee';
const GROUP = '3392287d-7a79-4789-9ef8-7dc174836688';

// 2026-06-10 14:00 UTC: 10:00 in New York, 07:00 in Los Angeles, 15:00 in London, and between
// 20:30 (Cocos Islands) and 00:30 (Lord Howe) in Australia's zones.
const NOW = Date.UTC(2026, 5, 10, 14);
const NY = '+1 212 736 3100';
const LA = '+1 213 624 1234';
const AU = '+61 412 345 678';
const UK = '+44 7700 900123';
/** Inmarsat: a number whose time zone is not known. */
const SATELLITE = '+870 773 111 632';
const RU = '+7 914 123 4567';

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

/** The body of a BulkSMS batch of one text, scheduled when `at` is given. */
const bulkBody = (recipients: string[], at?: string) => ({
  routeId: 'mglobal',
  ...(at ? { scheduleDateTime: at } : {}),
  excludeOptouts: true,
  excludeDuplicates: true,
  shortenUrls: false,
  recipients: recipients.map((recipient) => ({ originator: 'Acme', recipient, text: 'Hi' })),
});

/** Expects one BulkSMS batch request with exactly this body, answered with the batch `id`. */
const expectBatch = (id: string, body: nock.RequestBodyMatcher) =>
  mobivateScope()
    .post('/send/batch', body)
    .reply(200, (_uri, sent) => ({
      id,
      name: null,
      recipients: (sent as { recipients: unknown[] }).recipients,
    }));

const hold = { from: 'Acme', message: 'Hi', quiet_hours: 'hold' };
/** A Zap in this time zone (bundle.meta.timezone). */
const zapIn = (timezone: string) => ({ meta: { timezone } }) as Partial<Bundle>;

describe('Send Batch SMS with Quiet Hours = Hold', () => {
  it('sends now to those in their allowed hours and schedules one request per later time', async () => {
    expectBatch('b-now', bulkBody(['12127363100', '447700900123']));
    expectBatch('b-la', bulkBody(['12136241234'], '2026-06-10T15:00:00+0000'));
    expectBatch('b-au', bulkBody(['61412345678'], '2026-06-11T01:30:00+0000'));

    const outcome = await runOn(authData(), BATCH, { ...hold, recipients: [NY, LA, AU, UK] });

    expect(outcome.result).toEqual({
      batch_id: 'b-now',
      batch_ids: ['b-now', 'b-la', 'b-au'],
      name: null,
      recipients_sent: 4,
      recipients_accepted: 4,
      recipients_skipped_count: 0,
      recipients_skipped: [],
      recipients_skipped_summary: '0 skipped',
      // Several send times: each is in Send Groups.
      scheduled_at: null,
      send_groups: [
        { send_at: null, recipients: 2, batch_ids: ['b-now'] },
        // 08:00 in Los Angeles.
        { send_at: '2026-06-10T15:00:00.000Z', recipients: 1, batch_ids: ['b-la'] },
        // 08:00 in the Cocos Islands, 11:30 in Sydney, 12:00 on Lord Howe.
        { send_at: '2026-06-11T01:30:00.000Z', recipients: 1, batch_ids: ['b-au'] },
      ],
      held_for_quiet_hours: true,
      time_zone_note: null,
    });
  });

  it('skips a number no time suits, with quiet hours’ message, and holds the others', async () => {
    // 09:00-10:00: 10:00 in New York is the end, so it waits for 09:00 tomorrow.
    expectBatch('b-1', bulkBody(['12127363100'], '2026-06-11T13:00:00+0000'));

    const outcome = await runOn(authData(), BATCH, {
      ...hold,
      allowed_hours: '09:00-10:00',
      recipients: [RU, NY],
    });

    expect(outcome.result).toMatchObject({
      recipients_sent: 1,
      recipients_skipped_count: 1,
      recipients_skipped: [
        "Recipient 1 ('+7 914 123 4567'): No time in the next 48 hours is between 09:00 and 10:00 in all of the number's possible time zones (Europe/Kaliningrad … Asia/Kamchatka, 33 zones): widen Allowed Hours, for example to 09:00-20:00, or send to this number without quiet hours.",
      ],
      recipients_skipped_summary: '1 skipped: 1 no time within Allowed Hours',
      scheduled_at: '2026-06-11T13:00:00.000Z',
      send_groups: [{ send_at: '2026-06-11T13:00:00.000Z', recipients: 1, batch_ids: ['b-1'] }],
      held_for_quiet_hours: true,
    });
  });

  it('stops before any request when no recipient has allowed time', async () => {
    const outcome = await runOn(authData(), BATCH, {
      ...hold,
      allowed_hours: '09:00-10:00',
      recipients: [RU],
    });
    expect(failure(outcome)).toEqual({
      name: 'HaltedError',
      message: expect.stringMatching(
        /^Nothing was sent: no recipient can get the text within Allowed Hours\. Recipient 1 \('\+7 914 123 4567'\): No time in the next 48 hours/,
      ),
    });
  });

  it('times a number of unknown zone by the Zap’s time zone, and says so', async () => {
    // 04:00 UTC: 06:00 in Paris, 05:00 in London.
    jest.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 5, 10, 4));
    expectBatch('b-1', bulkBody(['870773111632'], '2026-06-10T06:00:00+0000'));
    expectBatch('b-2', bulkBody(['447700900123'], '2026-06-10T07:00:00+0000'));

    const outcome = await runOn(
      authData(),
      BATCH,
      { ...hold, recipients: [SATELLITE, UK] },
      zapIn('Europe/Paris'),
    );

    expect(outcome.result).toMatchObject({
      send_groups: [
        { send_at: '2026-06-10T06:00:00.000Z', recipients: 1, batch_ids: ['b-1'] },
        { send_at: '2026-06-10T07:00:00.000Z', recipients: 1, batch_ids: ['b-2'] },
      ],
      held_for_quiet_hours: true,
      time_zone_note:
        "For 1 number: The number's time zone is not known, so quiet hours used the Zap's time zone, Europe/Paris.",
    });
  });

  it.each([
    [
      { schedule_at: '2026-06-12T10:00:00Z' },
      /^Send At and Quiet Hours = Hold cannot be used together: /,
    ],
    [
      { spread_hours: '3' },
      /^Spread Over Hours and Quiet Hours = Hold cannot be used together: spreading delivers texts up to 3 hours after/,
    ],
    [{ allowed_hours: '21:00-08:00' }, /^Allowed Hours must look like 08:00-21:00/],
  ])('refuses %j beside Hold before any request', async (inputs, message) => {
    const outcome = await runOn(authData(), BATCH, { ...hold, recipients: [UK], ...inputs });
    expect(failure(outcome)).toMatchObject({
      name: 'AppError',
      code: 'InvalidQuietHours',
      message: expect.stringMatching(message),
    });
  });

  it('reports a later group Mobivate did not accept with the batches by send time', async () => {
    expectBatch('b-now', bulkBody(['12127363100', '447700900123']));
    mobivateScope().post('/send/batch').reply(429, { code: 429, message: 'Slow down' });

    const outcome = await runOn(authData(), BATCH, { ...hold, recipients: [NY, LA, AU, UK] });

    expect(failure(outcome)).toMatchObject({
      name: 'AppError',
      code: 'PartialBatch',
      message:
        'Only part of the batch was sent. Batch 1 of 3 was accepted (2 recipients; batch id b-now). Batch 2 (1 recipient) was not sent: Mobivate answered with HTTP 429: "Slow down". Batch 3 (1 recipient) was not sent. By send time: batch 1 now; batch 2 at 2026-06-10T15:00:00.000Z; batch 3 at 2026-06-11T01:30:00.000Z. Do not replay this run as it is, or recipients get the message twice: check the message log in the Mobivate hub, then send to the recipients that were not sent in a new run.',
    });
  });

  it('fails as usual, with no other request, when the first group is refused', async () => {
    mobivateScope().post('/send/batch').reply(402, { code: 402, message: 'Insufficient funds' });
    const outcome = await runOn(authData(), BATCH, { ...hold, recipients: [NY, LA] });
    expect(failure(outcome).message).toMatch(/out of credit/);
  });
});

describe('Send Batch SMS on Vortex with Quiet Hours = Hold', () => {
  const vortexBody = (recipients: nock.DataMatcherMap[], at?: string): nock.DataMatcherMap => ({
    originator: 'Acme',
    text: 'Hi',
    ...(at ? { scheduled: at } : {}),
    shortenUrls: false,
    excludeOptOuts: true,
    excludeDuplicates: true,
    recipients,
  });
  const accept = (id: string) => ({
    success: true,
    record: { id, type: 'BatchSMS', recipientCount: 1 },
  });

  it('times groups by Quiet Hours Time Zone', async () => {
    vortexScope()
      .post('/send/batch', vortexBody([{ recipient: '12127363100' }]))
      .reply(200, accept('v-now'));
    // 23:00 in Tokyo now: 08:00 there is 23:00 UTC.
    vortexScope()
      .post(
        '/send/batch',
        vortexBody(
          [{ recipient: GROUP, meta: { type: 'mailinglist' } }],
          '2026-06-10T23:00:00.000Z',
        ),
      )
      .reply(200, accept('v-group'));

    const outcome = await runOn(vortexAuth(), BATCH, {
      ...hold,
      recipients: [NY],
      groups: [GROUP],
      quiet_hours_time_zone: 'Asia/Tokyo',
    });

    expect(outcome.result).toMatchObject({
      batch_ids: ['v-now', 'v-group'],
      send_groups: [
        { send_at: null, recipients: 1, batch_ids: ['v-now'] },
        { send_at: '2026-06-10T23:00:00.000Z', recipients: 1, batch_ids: ['v-group'] },
      ],
      held_for_quiet_hours: true,
      time_zone_note: null,
    });
  });

  it('times groups by the Zap’s time zone when none is chosen, in one request with numbers due then', async () => {
    vortexScope()
      .post(
        '/send/batch',
        vortexBody(
          [{ recipient: '12136241234' }, { recipient: GROUP, meta: { type: 'mailinglist' } }],
          '2026-06-10T15:00:00.000Z',
        ),
      )
      .reply(200, accept('v-1'));

    const outcome = await runOn(
      vortexAuth(),
      BATCH,
      { ...hold, recipients: [LA], groups: [GROUP] },
      zapIn('America/Los_Angeles'),
    );

    expect(outcome.result).toMatchObject({
      scheduled_at: '2026-06-10T15:00:00.000Z',
      send_groups: [{ send_at: '2026-06-10T15:00:00.000Z', recipients: 2, batch_ids: ['v-1'] }],
    });
  });
});

describe('Send Template Campaign with Quiet Hours = Hold', () => {
  it('sends now to those in their allowed hours and skips the others, saying when (no schedule)', async () => {
    vortexScope()
      .post('/send/template', {
        templateID: TEMPLATE_ID,
        recipients: [
          { recipient: '12127363100' },
          { recipient: GROUP, meta: { type: 'mailinglist' } },
        ],
      })
      .reply(200, {
        success: true,
        record: { id: 't-1', type: 'TemplateSMS', recipientCount: 40 },
      });

    const outcome = await runOn(vortexAuth(), TEMPLATE, {
      template_id: TEMPLATE_ID,
      quiet_hours: 'hold',
      recipients: [NY, LA],
      groups: [GROUP],
      quiet_hours_time_zone: 'Europe/London',
    });

    expect(outcome.result).toEqual({
      batch_id: 't-1',
      batch_ids: ['t-1'],
      template_id: TEMPLATE_ID,
      recipients_sent: 1,
      groups_sent: 1,
      recipients_accepted: 40,
      recipients_skipped_count: 1,
      recipients_skipped: [
        "Recipient 2 ('+1 213 624 1234'): it is outside Allowed Hours now; its earliest allowed time is 2026-06-10T15:00:00.000Z, and a template send cannot be scheduled (Mobivate documents no way to), so it was not sent. Send to it then, or with Quiet Hours set to Off",
      ],
      recipients_skipped_summary: '1 skipped: 1 outside Allowed Hours now',
      send_groups: [{ send_at: null, recipients: 2, batch_ids: ['t-1'] }],
      held_for_quiet_hours: false,
      time_zone_note: null,
    });
  });
});
