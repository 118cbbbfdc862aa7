/**
 * Quiet hours on Send SMS (issue 23, docs/quiet-hours.md): a text that would arrive outside the
 * recipient's allowed hours is held until the earliest allowed time in every zone their number may
 * be in. On a mocked clock, through core's handler; BulkSMS holds it as a scheduled batch of one.
 */
import { authData, failure, mobivateScope, vortexAuth, vortexScope } from '../helpers';
import { runOn, userMessage } from '../runner';

const SEND = 'creates.send_sms.operation.perform';
const hold = { from: 'Acme', message: 'Hi', quiet_hours: 'hold' };
const at = (iso: string) => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(iso));

afterEach(() => jest.restoreAllMocks());

describe('Send SMS with Quiet Hours on Hold, on BulkSMS', () => {
  it('holds a Los Angeles number at 23:00 local until 08:00 local, as a scheduled batch of one', async () => {
    at('2026-07-15T06:00:00Z'); // 23:00 on the 14th in Los Angeles (UTC−7)
    mobivateScope()
      .post('/send/batch', {
        routeId: 'mglobal',
        scheduleDateTime: '2026-07-15T15:00:00+0000',
        excludeOptouts: true,
        excludeDuplicates: false,
        shortenUrls: false,
        recipients: [{ originator: 'Acme', recipient: '12135550143', text: 'Hi' }],
      })
      .reply(200, { id: 'B-held', recipients: [{ recipient: '12135550143' }] });

    const { result } = await runOn(authData(), SEND, { ...hold, to: '+1 213 555 0143' });

    expect(result).toMatchObject({
      id: 'B-held',
      status: 'scheduled',
      sent: true,
      scheduled_at: '2026-07-15T15:00:00.000Z',
      held_for_quiet_hours: true,
      recipient_time_zones: ['America/Los_Angeles'],
      time_zone_note: null,
    });
  });

  it('sends a New York number at 10:00 local now, as a single send', async () => {
    at('2026-07-15T14:00:00Z'); // 10:00 in New York (UTC−4)
    mobivateScope()
      .post(
        '/send/single',
        (body) => body.recipient === '12125550143' && !('scheduleDateTime' in body),
      )
      .reply(200, { id: 'S-now' });

    const { result } = await runOn(authData(), SEND, { ...hold, to: '+1 212 555 0143' });

    expect(result).toMatchObject({
      id: 'S-now',
      status: 'accepted',
      scheduled_at: null,
      held_for_quiet_hours: false,
      recipient_time_zones: ['America/New_York'],
    });
  });

  it('times a number of unknown zone by the Zap’s time zone, and says so', async () => {
    at('2026-07-15T12:00:00Z'); // 14:00 in Berlin
    mobivateScope().post('/send/single').reply(200, { id: 'S-1' });

    const { result } = await runOn(authData(), SEND, { ...hold, to: '+882 1234 5678' }, {
      meta: { timezone: 'Europe/Berlin' },
    } as never);

    expect(result).toMatchObject({
      held_for_quiet_hours: false,
      recipient_time_zones: ['Europe/Berlin'],
    });
    expect((result as { time_zone_note: string }).time_zone_note).toMatch(/Europe\/Berlin/);
  });

  it('refuses a window it cannot meet in 48 hours, saying how to widen it', async () => {
    at('2026-07-15T12:00:00Z');

    const outcome = await runOn(authData(), SEND, {
      ...hold,
      to: '+7 914 555 0143',
      allowed_hours: '09:00-10:00',
    });

    expect(outcome.result).toMatchObject({ sent: false, status: 'outside_allowed_hours' });
    expect((outcome.result as { not_sent_reason: string }).not_sent_reason).toMatch(
      /widen Allowed Hours/i,
    );
  });

  it('refuses an inverted window before any request, showing the expected form', async () => {
    const outcome = await runOn(authData(), SEND, {
      ...hold,
      to: '+1 212 555 0143',
      allowed_hours: '21-8',
    });
    expect(failure(outcome).code).toBe('InvalidQuietHours');
    expect(userMessage(outcome.error!).message).toMatch(/08:00-21:00/);
  });
});

describe('Send SMS with Quiet Hours on Hold, on Vortex', () => {
  it('schedules the single send itself (scheduleDateTime)', async () => {
    at('2026-07-15T06:00:00Z');
    vortexScope()
      .post('/send/single', (body) => body.scheduleDateTime === '2026-07-15T15:00:00.000Z')
      .reply(200, { success: true, record: { id: 'v-held' } });

    const { result } = await runOn(vortexAuth(), SEND, { ...hold, to: '+1 213 555 0143' });

    expect(result).toMatchObject({ id: 'v-held', status: 'scheduled', held_for_quiet_hours: true });
  });
});
