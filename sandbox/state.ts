/**
 * The sandbox account's data: its opt-out list and its message log (§4), with the counters that
 * number new records. The routes read and write it; tests and the demo change it directly.
 */
import { logTime } from './api';
import { OptOutList, logIndex } from './indexes';
import { createTimeline } from './timeline';

/** An opt-out list record (§2.1); `created` in epoch milliseconds. */
export interface SandboxOptOut {
  id: number;
  mobile: string;
  note: string;
  created: number;
}

/** An opt-out to put on the list: its id is assigned when missing. */
export type SandboxOptOutSeed = Omit<SandboxOptOut, 'id'> & { id?: number };

/** A message log record (§4.2). */
export interface SandboxMessage {
  id: string;
  created: string;
  modified: string;
  originator: string;
  recipient: string;
  body: string;
  status: string;
  direction: 'MT' | 'MO';
  inReplyTo: string | null;
  routeId: string | null;
  parts: number;
  cost: number;
  currency: string;
  senderReference: string | null;
  campaignId: string | null;
}

/** A message to put in the log: times in epoch milliseconds (default now), the rest as logged. */
export type SandboxMessageSeed = Pick<SandboxMessage, 'originator' | 'recipient' | 'body'> &
  Partial<Omit<SandboxMessage, 'created' | 'modified'>> & { created?: number; modified?: number };

const FIRST_OPT_OUT_ID = 1354505990;
const DEFAULT_ROUTE = 'mglobal';

/** A log record from a seed: the defaults of a single send, then the seed's own fields. */
const messageRecord = (
  number: number,
  { created, modified, ...fields }: SandboxMessageSeed,
  now: () => number,
): SandboxMessage => {
  const at = created ?? now();
  return {
    id: `9A0C23DD0A000A9D2FBD4671${String(number).padStart(8, '0')}`,
    status: 'ACCEPTED',
    direction: 'MT',
    inReplyTo: null,
    routeId: DEFAULT_ROUTE,
    parts: 1,
    cost: 0.01,
    currency: 'GBP',
    senderReference: null,
    campaignId: null,
    ...fields,
    created: logTime(at),
    modified: logTime(modified ?? at),
  };
};

/** The account at start: the seeds on the list and in the log, ids assigned where missing. */
export const createState = (
  now: () => number,
  optOutSeeds: SandboxOptOutSeed[] = [],
  messageSeeds: SandboxMessageSeed[] = [],
) => {
  let optOutId = FIRST_OPT_OUT_ID;
  // One sequence for message ids and batch ids, as both are numbered by the log.
  let messageNumber = 1;
  const nextOptOutId = () => optOutId++;
  const nextMessageNumber = () => messageNumber++;

  const optOuts = new OptOutList();
  for (const seed of optOutSeeds) {
    optOuts.set(seed.mobile, { ...seed, id: seed.id ?? nextOptOutId() });
  }

  const messages: SandboxMessage[] = [];
  // Ids are unique as the sandbox assigns them; a seed may repeat one, and the first is found.
  const byId = new Map<string, SandboxMessage>();
  const logMessage = (seed: SandboxMessageSeed) => {
    const message = messageRecord(nextMessageNumber(), seed, now);
    messages.push(message);
    if (!byId.has(message.id)) byId.set(message.id, message);
    return message;
  };
  for (const seed of messageSeeds) logMessage(seed);

  // Undocumented: how an incoming message's status and costs are logged. Kept plain.
  const receive = (fields: Omit<SandboxMessageSeed, 'direction'>) =>
    logMessage({ status: 'RECEIVED', routeId: null, cost: 0, ...fields, direction: 'MO' });

  /** A message by id; the log may have been added to directly, and is then searched. */
  const findMessage = (id: string) => {
    const indexed = byId.get(id);
    return indexed?.id === id ? indexed : messages.find((candidate) => candidate.id === id);
  };

  /** A new status for a sent message, changed at `at` (default now). */
  const setStatus = (id: string, status: string, at = now()) => {
    const message = findMessage(id);
    if (!message) throw new Error(`The sandbox's message log has no message ${id}`);
    Object.assign(message, { status, modified: logTime(at) });
    return message;
  };

  return {
    now,
    optOuts,
    messages,
    findMessage,
    /** The log's records created in [start, end), in log order, optionally of one direction. */
    messagesCreated: logIndex(messages),
    timeline: createTimeline(now),
    nextOptOutId,
    nextMessageNumber,
    logMessage,
    receive,
    setStatus,
  };
};

export type SandboxState = ReturnType<typeof createState>;
