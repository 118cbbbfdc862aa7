/**
 * The sandbox honours schedules (issue 23): a text Mobivate holds for quiet hours is in the log as
 * SCHEDULED until its time, then ACCEPTED; and the app finds it there, so a replay before its time
 * does not hold it again.
 */
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { resultOf, runOn, sandboxAuth } from '../runner';
import { allowLoopback } from './loopback';

allowLoopback();

let sandbox: Sandbox;
afterEach(() => sandbox.close());

const LATE_IN_LOS_ANGELES = Date.parse('2026-07-15T06:00:00Z'); // 23:00 on the 14th
const MORNING = Date.parse('2026-07-15T15:00:00Z'); // 08:00 in Los Angeles

describe.each(['bulksms', 'vortex'] as const)('on the %s sandbox', (api) => {
  it('logs a held text as SCHEDULED until its time, and a replay finds it', async () => {
    let now = LATE_IN_LOS_ANGELES;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    sandbox = await startSandbox({ generation: api, now: () => now });
    const sms = {
      from: 'Acme',
      to: '+1 213 555 0143',
      message: 'Hi',
      quiet_hours: 'hold',
      reference: 'lead-42',
    };

    const held = resultOf(
      await runOn(sandboxAuth(sandbox, api), 'creates.send_sms.operation.perform', sms),
    );
    const replay = resultOf(
      await runOn(sandboxAuth(sandbox, api), 'creates.send_sms.operation.perform', sms),
    );

    expect(held).toMatchObject({ status: 'scheduled', scheduled_at: '2026-07-15T15:00:00.000Z' });
    expect(replay).toMatchObject({ already_sent: true, sent: false });
    expect(sandbox.messages.map((message) => message.status)).toEqual(['SCHEDULED']);
    now = MORNING;
    await runOn(sandboxAuth(sandbox, api), 'searches.find_message.operation.perform', {
      reference: 'lead-42',
    });
    expect(sandbox.messages.map((message) => message.status)).toEqual(['ACCEPTED']);
    jest.restoreAllMocks();
  });
});
