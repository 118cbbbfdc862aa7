/**
 * Quiet hours and replay-safe sends in `npm start` (issues 23 and 24): one text held until the
 * recipient's morning, one batch split by time zone, and a replayed Send SMS that sends nothing
 * the second time.
 */
import type { startDemo } from '../sandbox/demo';

type Demo = Awaited<ReturnType<typeof startDemo>>;
type Item = Record<string, unknown>;

const SEND = 'creates.send_sms.operation.perform';

/** Numbers whose zones span the globe: at any hour, one of them is at night. */
const AROUND_THE_WORLD = [
  { number: '+1 213 555 0143', zone: 'America/Los_Angeles' },
  { number: '+1 212 555 0143', zone: 'America/New_York' },
  { number: '+44 7700 900321', zone: 'Europe/London' },
  { number: '+81 90 1234 5678', zone: 'Asia/Tokyo' },
  { number: '+61 412 345 001', zone: 'Australia/Sydney' },
];

const hourIn = (zone: string) =>
  Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(
      new Date(),
    ),
  );

/** A text to someone for whom it is night now is held until their morning. */
export const heldText = async ({ run }: Demo) => {
  const asleep = AROUND_THE_WORLD.find(({ zone }) => hourIn(zone) < 8 || hourIn(zone) >= 21)!;
  const sent = await run<Item>(SEND, {
    inputData: {
      from: 'Acme',
      to: asleep.number,
      message: 'Your order has shipped.',
      quiet_hours: 'hold',
    },
  });
  console.log(
    `\nSend SMS to ${asleep.number} at ${hourIn(asleep.zone)}:xx their time, with Quiet Hours on Hold: status ${String(sent.status)}, held until ${String(sent.scheduled_at)} (08:00 in ${(sent.recipient_time_zones as string[]).join(', ')}).`,
  );
};

/** A batch over several time zones: one request now, the others scheduled. */
export const batchByTimeZone = async ({ run }: Demo) => {
  const batch = await run<Item>('creates.send_batch_sms.operation.perform', {
    inputData: {
      from: 'Acme',
      recipients: AROUND_THE_WORLD.map(({ number }) => number),
      message: 'Spring sale: 20% off today.',
      quiet_hours: 'hold',
    },
  });
  console.log('\nSend Batch SMS to five time zones, with Quiet Hours on Hold:');
  for (const group of batch.send_groups as Item[]) {
    console.log(
      `  ${group.send_at ? `at ${String(group.send_at)}` : 'now'}: ${String(group.recipients)} recipient(s), batch ${JSON.stringify(group.batch_ids)}`,
    );
  }
};

/** The same Send SMS run twice, as a replayed Zap run would: the second sends nothing. */
export const replayedSend = async ({ run, sandbox }: Demo) => {
  const sms = {
    from: 'Acme',
    to: '+44 7700 900888',
    message: 'Thanks for signing up!',
    reference: 'form-entry-4711',
  };
  const sends = () => sandbox.requests.filter((request) => request.path === '/send/single').length;
  const before = sends();
  const first = await run<Item>(SEND, { inputData: sms });
  const replay = await run<Item>(SEND, { inputData: sms });
  console.log(
    `\nSend SMS with Reference "form-entry-4711", then the same run replayed: ${sends() - before} text sent.\n  First run:  sent ${String(first.sent)}, id ${String(first.id)}\n  Replay:     sent ${String(replay.sent)}, already sent ${String(replay.already_sent)}, id ${String(replay.id)}: ${String(replay.not_sent_reason)}`,
  );
};
