/**
 * The accounts the trigger section polls (bench/scenarios/triggers.ts): what arrives when, planned
 * on the sandbox's timeline (sandbox/timeline.ts), and the items a poll should announce, each with
 * the time it arrived. Times are virtual; `start` is when the batch is sent or the first item
 * arrives. Random times come from a seeded generator, so every run plans the same account.
 */
import type { Sandbox } from '../sandbox/server';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type WorldName = 'delivery' | 'optouts' | 'incoming';
export type Generation = 'bulksms' | 'vortex';

export interface World {
  method: string;
  inputData: Record<string, unknown>;
  /** Every item to announce, by id, with the time it arrived. */
  expected: Map<string, number>;
  /** The last arrival, and how long to poll after it. */
  lastArrival: number;
  tailMs: number;
}

/** Mulberry32: a small seeded generator, 0 ≤ value < 1. */
export const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const pad = (value: number) => String(value).padStart(8, '0');

export const BATCH_SIZE = 100_000;
/** The batch is logged over its first minute, as a send of 100 requests would be. */
const SEND_MS = MINUTE;
const STATUS_SPREAD_MS = 2 * HOUR;
/** Every 20th message fails: 5,000 of 100,000. */
const fails = (index: number) => index % 20 === 7;
/** A documented failure status of each generation (BulkSMS has no plain FAILED). */
const FAILURE: Record<Generation, string> = { bulksms: 'UNDELIVERABLE', vortex: 'FAILED' };

/**
 * A 100,000-recipient batch, logged as ACCEPTED (the sandbox's first status on both APIs), whose
 * final statuses (95% DELIVERED, 5% a failure) arrive at seeded random times within 2 hours.
 * Items: for 'final' the final statuses, for 'failures' the failures, for 'all' the final
 * statuses and every message's first status (ACCEPTED): 200,000.
 */
const delivery = (sandbox: Sandbox, start: number, generation: Generation, statuses: string) => {
  const random = seeded(21);
  const expected = new Map<string, number>();
  let lastArrival = start;
  for (let index = 0; index < BATCH_SIZE; index++) {
    const id = `BE7C23DD0A000A9D2FBD4671${pad(index)}`;
    const created = start + Math.floor((index * SEND_MS) / BATCH_SIZE);
    sandbox.schedule(created, () =>
      sandbox.logMessage({
        id,
        originator: 'Acme',
        recipient: `4477${pad(index)}`,
        body: 'Spring sale: 20% off until Sunday. Reply STOP to opt out.',
        senderReference: `spring-${index}`,
        created,
      }),
    );
    const failed = fails(index);
    const status = failed ? FAILURE[generation] : 'DELIVERED';
    // Never before the message was logged.
    const at = Math.max(created + 1000, start + Math.floor(random() * STATUS_SPREAD_MS));
    sandbox.schedule(at, () => sandbox.setStatus(id, status, at));
    lastArrival = Math.max(lastArrival, at);
    if (statuses === 'all') expected.set(`${id}:ACCEPTED`, created);
    if (statuses !== 'failures' || failed) expected.set(`${id}:${status}`, at);
  }
  return {
    method: 'triggers.new_delivery_receipt.operation.perform',
    inputData: { statuses },
    expected,
    lastArrival,
    tailMs: 3 * HOUR,
  };
};

export const OPT_OUTS = 100_000;
const OPT_OUT_SPREAD_MS = 2 * DAY;

/** 100,000 opt-outs at an even rate over 2 days (one every 1.7 s), a third of them STOP replies. */
const optOuts = (sandbox: Sandbox, start: number) => {
  const expected = new Map<string, number>();
  let lastArrival = start;
  for (let index = 0; index < OPT_OUTS; index++) {
    const created = start + Math.floor((index * OPT_OUT_SPREAD_MS) / OPT_OUTS);
    const record = {
      id: 2_000_000_000 + index,
      mobile: `4479${pad(index)}`,
      note: index % 3 ? 'API' : 'MO',
      created,
    };
    sandbox.schedule(created, () => sandbox.optOuts.set(record.mobile, record));
    expected.set(String(record.id), created);
    lastArrival = created;
  }
  return {
    method: 'triggers.new_optout.operation.perform',
    inputData: {},
    expected,
    lastArrival,
    tailMs: HOUR,
  };
};

export const REPLIES = 40_000;
const REPLY_SPREAD_MS = HOUR;

/** 40,000 replies at an even rate over 1 hour (one every 90 ms), a tenth of them STOP. */
const incoming = (sandbox: Sandbox, start: number) => {
  const expected = new Map<string, number>();
  let lastArrival = start;
  for (let index = 0; index < REPLIES; index++) {
    const id = `1C9A658F0A931B317B6A53BB${pad(index)}`;
    const created = start + Math.floor((index * REPLY_SPREAD_MS) / REPLIES);
    sandbox.schedule(created, () =>
      sandbox.receive({
        id,
        originator: `4477${pad(index)}`,
        recipient: '447700900000',
        body: index % 10 ? 'Yes please, tell me more' : 'STOP',
        created,
      }),
    );
    expected.set(id, created);
    lastArrival = created;
  }
  return {
    method: 'triggers.new_incoming_sms.operation.perform',
    inputData: {},
    expected,
    lastArrival,
    tailMs: 3 * HOUR,
  };
};

/** Plans the world's arrivals on the sandbox; what to poll, and what should be announced. */
export const planWorld = (
  name: WorldName,
  sandbox: Sandbox,
  start: number,
  generation: Generation,
  statuses = 'all',
): World =>
  name === 'delivery'
    ? delivery(sandbox, start, generation, statuses)
    : name === 'optouts'
      ? optOuts(sandbox, start)
      : incoming(sandbox, start);

/** The most items that arrived between two polls (after one poll's start, up to the next's). */
export const mostArrivalsBetweenPolls = (
  expected: Map<string, number>,
  firstPoll: number,
  interval: number,
): number => {
  const perInterval = new Map<number, number>();
  for (const at of expected.values()) {
    const slot = Math.ceil((at - firstPoll) / interval);
    perInterval.set(slot, (perInterval.get(slot) ?? 0) + 1);
  }
  return Math.max(0, ...perInterval.values());
};
