/**
 * "Already opted out" only on evidence: the time Mobivate gives the opt-out it answers with, read
 * as given. Through core's handler against the stand-in, on both APIs.
 */
import { json } from '../standin/server';
import { runAgainst, useStandIn } from '../standin/use';

const standIn = useStandIn();
const MINUTE = 60_000;
const vortex = { authData: { api_platform: 'vortex' } };
const add = (extra = {}) =>
  runAgainst(standIn(), 'creates.add_optout.operation.perform', { mobile: '+61412345678' }, extra);

describe('Add Opt-Out on BulkSMS: already_opted_out from the record’s time', () => {
  it.each([
    ['2.5 minutes behind Zapier’s clock', () => Date.now() - 2.5 * MINUTE, false],
    ['a minute ahead', () => Date.now() + MINUTE, false],
    ['half an hour before', () => Date.now() - 30 * MINUTE, null],
    ['two days before', () => Date.now() - 2 * 1440 * MINUTE, true],
    [
      'two days before, in epoch seconds',
      () => Math.round((Date.now() - 2880 * MINUTE) / 1000),
      true,
    ],
    ['now, in epoch seconds', () => Math.round(Date.now() / 1000), false],
  ])('%s: %j', async (_when, created, already) => {
    standIn().on(
      'POST /addressbook/optout',
      json(200, { mobile: '61412345678', note: 'API', created: created() }),
    );
    expect((await add()).result).toMatchObject({ already_opted_out: already });
  });

  it('outputs a time in epoch seconds as the instant it is', async () => {
    standIn().on(
      'POST /addressbook/optout',
      json(200, { mobile: '61412345678', note: 'API', created: 1_780_000_000 }),
    );
    expect((await add()).result).toMatchObject({ created: '2026-05-28T20:26:40.000Z' });
  });
});

describe('Add Opt-Out on Vortex: a time without a zone is not given one', () => {
  const local = (millis: number) => new Date(millis).toISOString().slice(0, 19).replace('T', ' ');

  it.each([
    ['now', () => Date.now(), null],
    ['five hours ago', () => Date.now() - 5 * 60 * MINUTE, null],
    ['three days ago', () => Date.now() - 3 * 1440 * MINUTE, true],
  ])('created_at %s, without a zone: already %j', async (_when, at, already) => {
    const created = local(at());
    standIn().on(
      'POST /addressbook/optouts',
      json(200, { success: true, record: { msisdn: '61412345678', created_at: created } }),
    );
    expect((await add(vortex)).result).toMatchObject({
      created: created.replace(' ', 'T'),
      already_opted_out: already,
    });
  });
});

describe('New Opt-Out on Vortex keeps an opt-out whose time has no zone when it may be new', () => {
  it('reads it, outputs its time as given, and leaves out one far older than the window', async () => {
    const local = (millis: number) => new Date(millis).toISOString().slice(0, 19);
    const recent = local(Date.now() - 60 * MINUTE);
    standIn().on(
      'GET /addressbook/optouts',
      json(200, {
        results: [
          { id: 'a', msisdn: '61412345678', created_at: recent },
          { id: 'b', msisdn: '61412345679', created_at: local(Date.now() - 10 * 1440 * MINUTE) },
        ],
        matches: 2,
      }),
    );
    const outcome = await runAgainst(
      standIn(),
      'triggers.new_optout.operation.perform',
      {},
      vortex,
    );
    expect(outcome.result).toEqual([
      {
        id: 'a',
        mobile: '61412345678',
        mobile_e164: '+61412345678',
        note: null,
        source: null,
        created: recent,
      },
    ]);
  });
});
