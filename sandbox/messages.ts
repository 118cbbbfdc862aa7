/**
 * The sandbox's messaging: single and batch sends (§3.1, §3.3) and the message log they write
 * (§4), which also holds the incoming messages and the delivery statuses a test or the demo adds.
 */
import { error, logTime, parseMobivateDate, readPaging, readWindow, type Handler } from './api';

const DEFAULT_ROUTE = 'mglobal';
const MAX_BATCH = 1000;

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

/** The message log and the routes that write and read it. */
export const createMessaging = (
  now: () => number,
  optOuts: ReadonlyMap<string, unknown>,
  seeds: SandboxMessageSeed[] = [],
) => {
  const messages: SandboxMessage[] = [];
  let nextMessage = 1;
  const logMessage = ({ created, modified, ...fields }: SandboxMessageSeed) => {
    const at = created ?? now();
    const message: SandboxMessage = {
      id: `9A0C23DD0A000A9D2FBD4671${String(nextMessage++).padStart(8, '0')}`,
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
    messages.push(message);
    return message;
  };
  for (const seed of seeds) logMessage(seed);

  // Undocumented: how an incoming message's status and costs are logged. Kept plain.
  const receive = (fields: Omit<SandboxMessageSeed, 'direction'>) =>
    logMessage({ status: 'RECEIVED', routeId: null, cost: 0, ...fields, direction: 'MO' });

  const setStatus = (id: string, status: string) => {
    const message = messages.find((candidate) => candidate.id === id);
    if (!message) throw new Error(`The sandbox's message log has no message ${id}`);
    Object.assign(message, { status, modified: logTime(now()) });
    return message;
  };
  const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

  const sendSingle: Handler = ({ body }) => {
    const {
      originator,
      recipient,
      body: text,
      routeId,
      reference,
      campaignId,
    } = (body ?? {}) as Record<string, unknown>;
    if (!isText(originator)) return error(400, 'originator: may not be empty');
    if (!isText(recipient) || !/^\d{7,15}$/.test(recipient))
      return error(400, 'Invalid mobile number');
    if (!isText(text)) return error(400, 'body: may not be empty');
    if (!isText(routeId)) return error(400, 'routeId: may not be empty');
    if (optOuts.has(recipient)) return error(403, `Recipient is opted out: ${recipient}`);
    const message = logMessage({
      originator,
      recipient,
      body: text,
      routeId,
      senderReference: isText(reference) ? reference : null,
      campaignId: isText(campaignId) ? campaignId : null,
    });
    return {
      status: 200,
      body: {
        id: message.id,
        originator,
        recipient,
        body: text,
        routeId,
        reference: message.senderReference,
        campaignId: message.campaignId,
      },
    };
  };

  const sendBatch: Handler = ({ body }) => {
    const campaign = (body ?? {}) as Record<string, unknown>;
    const list = campaign.recipients;
    if (!Array.isArray(list) || list.length === 0)
      return error(400, 'recipients: may not be empty');
    if (list.length > MAX_BATCH) return error(400, `recipients: at most ${MAX_BATCH} per request`);
    const excludeOptouts = campaign.excludeOptouts !== false;
    const excludeDuplicates = campaign.excludeDuplicates !== false;
    const seen = new Set<string>();
    const accepted: Record<string, unknown>[] = [];
    for (const item of list as Record<string, unknown>[]) {
      const { originator, recipient, text, reference } = item ?? {};
      if (
        !isText(originator) ||
        !isText(recipient) ||
        !isText(text) ||
        !/^\d{7,15}$/.test(recipient)
      ) {
        return error(400, 'Invalid recipient');
      }
      if ((excludeOptouts && optOuts.has(recipient)) || (excludeDuplicates && seen.has(recipient)))
        continue;
      seen.add(recipient);
      logMessage({
        originator,
        recipient,
        body: text,
        senderReference: isText(reference) ? reference : null,
      });
      accepted.push({
        originator,
        recipient,
        text,
        reference: isText(reference) ? reference : null,
        routeId: null,
      });
    }
    return {
      status: 200,
      body: {
        id: `fd9157b74bd3475d8716a6968306${String(nextMessage++).padStart(4, '0')}`,
        name: isText(campaign.name) ? campaign.name : null,
        routeId: campaign.routeId ?? null,
        shortenUrls: campaign.shortenUrls === true,
        spreadHours: typeof campaign.spreadHours === 'number' ? campaign.spreadHours : 0,
        excludeOptouts,
        excludeDuplicates,
        scheduleDateTime: campaign.scheduleDateTime ?? null,
        recipients: accepted,
      },
    };
  };

  const searchMessages: Handler = ({ query }) => {
    const window = readWindow(query);
    if ('status' in window) return window;
    const paging = readPaging(query);
    if ('status' in paging) return paging;
    const matching = messages.filter((message) => {
      const created = parseMobivateDate(message.created)!;
      return (
        created >= window.start &&
        created <= window.end &&
        (!query.direction || message.direction === query.direction)
      );
    });
    const { page, pageSize } = paging;
    return { status: 200, body: matching.slice((page - 1) * pageSize, page * pageSize) };
  };

  const messageById =
    (id: string): Handler =>
    () => {
      const message = messages.find((candidate) => candidate.id === id);
      return message ? { status: 200, body: message } : error(404, 'Message not found');
    };

  const routes: Record<string, Partial<Record<string, Handler>>> = {
    '/send/single': { POST: sendSingle },
    '/send/batch': { POST: sendBatch },
    '/message': { GET: searchMessages },
  };
  return { messages, receive, setStatus, routes, messageById };
};
