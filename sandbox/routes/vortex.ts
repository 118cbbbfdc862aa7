/**
 * The sandbox as Mobivate's Vortex API (docs/mobivate-api.md §V1–§V4): plural opt-out paths with
 * the number in the path, `text` sends with `{success, record}` answers, offset paging, and the
 * message history. List answers come in the shape seen live (`results`, `matches`, `created_at`)
 * or, with `shapes: 'documented'`, the documented one (`records`, `total`, `created_on`), so the
 * app is tried against both (§9 #24, #25).
 */
import type { Handler, Route } from '../api';
import { listing, type Listing } from '../indexes';
import type { SandboxMessage, SandboxOptOut, SandboxState } from '../state';
import { holdUntil, scheduledTime } from './scheduled';

export type VortexShapes = 'observed' | 'documented';

const vortexError = (status: number, message: string) => ({
  status,
  body: { success: false, error: message },
});
const isMobile = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{7,15}$/.test(value);
const iso = (millis: number) => new Date(millis).toISOString();

/** Offset paging; a limit above 5,000 answered 502 live (§V2). */
type Offsets = { offset: number; limit: number } | { status: number; html: string };
const readOffsets = (query: Record<string, string>): Offsets => {
  const offset = Number(query.offset ?? 0);
  const limit = Number(query.limit ?? 10);
  if (limit > 5000)
    return { status: 502, html: '<html><body><h1>502 Bad Gateway</h1></body></html>' };
  return { offset, limit };
};

const listAnswer = (
  shapes: VortexShapes,
  type: string,
  rows: Listing<unknown>,
  offset: number,
  limit: number,
) =>
  shapes === 'observed'
    ? {
        type,
        results: rows.slice(offset, offset + limit),
        scanned: rows.count,
        matches: rows.count,
        offset,
        limit,
      }
    : {
        success: true,
        records: rows.slice(offset, offset + limit),
        offset,
        limit,
        total: rows.count,
      };

/** A listing of records, shown as rows only for the page that is answered. */
const shown = <T>(records: Listing<T>, row: (record: T) => unknown): Listing<unknown> => ({
  count: records.count,
  slice: (start, end) => records.slice(start, end).map(row),
});

// Stable sorts: records of the same time stay in the list's order, whichever the direction.
const oldestFirst = (a: SandboxOptOut, b: SandboxOptOut) => a.created - b.created;
const newestFirst = (a: SandboxOptOut, b: SandboxOptOut) => b.created - a.created;

/** Each record's time as the list shows it, made once: a page is asked for again and again. */
const shownTimes = new WeakMap<SandboxOptOut, string>();
const createdAt = (record: SandboxOptOut) => {
  let time = shownTimes.get(record);
  if (time === undefined) shownTimes.set(record, (time = iso(record.created)));
  return time;
};

const optOutRows = ({ optOuts }: SandboxState, shapes: VortexShapes, newest: boolean) =>
  shown(listing(optOuts.sorted(newest ? newestFirst : oldestFirst)), (record) =>
    shapes === 'observed'
      ? {
          userID: 'u-1',
          msisdn: record.mobile,
          note: record.note,
          created_at: createdAt(record),
          updated_at: createdAt(record),
          id: String(record.id),
          group: null,
        }
      : { msisdn: record.mobile, created_on: createdAt(record) },
  );

const historyRow = (shapes: VortexShapes) => (message: SandboxMessage) =>
  shapes === 'observed'
    ? {
        id: message.id,
        reference: message.senderReference,
        status: message.status,
        price: message.cost,
        currency: message.currency,
        parts: message.parts,
        created_at: message.created.replace('+0000', 'Z'),
        updated_at: message.modified.replace('+0000', 'Z'),
        recipient: message.recipient,
        originator: message.originator,
        text: message.body,
      }
    : {
        id: message.id,
        recipient: message.recipient,
        originator: message.originator,
        text: message.body,
        status: message.status,
        sent_on: message.created.replace('+0000', 'Z'),
      };

/** Logs a send as the history has it: an opted-out recipient's message is OPTED_OUT, not sent. */
export const logSend = (
  state: SandboxState,
  originator: string,
  recipient: string,
  text: string,
  reference: unknown,
) =>
  state.logMessage({
    originator,
    recipient,
    body: text,
    routeId: null,
    senderReference: typeof reference === 'string' ? reference : null,
    status: state.optOuts.has(recipient) ? 'OPTED_OUT' : 'ACCEPTED',
  });

const sendSingle =
  (state: SandboxState): Handler =>
  ({ body }) => {
    const { originator, recipient, text, reference, scheduleDateTime } = (body ?? {}) as Record<
      string,
      unknown
    >;
    if (typeof originator !== 'string' || !originator)
      return vortexError(400, 'originator is required');
    if (!isMobile(recipient)) return vortexError(400, 'recipient is invalid');
    if (typeof text !== 'string' || !text) return vortexError(400, 'text is required');
    const message = logSend(state, originator, recipient, text, reference);
    holdUntil(state, message, scheduledTime(scheduleDateTime));
    return {
      status: 200,
      body: { success: true, record: { id: message.id, originator, recipient, text } },
    };
  };

/** A group's members, for batch recipients that are groups (§V3: `meta.type: "mailinglist"`). */
export type GroupMembers = (groupId: string) => string[] | undefined;

const sendBatch =
  (state: SandboxState, groupMembers: GroupMembers): Handler =>
  ({ body }) => {
    const { originator, text, recipients, name, scheduled } = (body ?? {}) as Record<
      string,
      unknown
    >;
    const at = scheduledTime(scheduled);
    if (typeof originator !== 'string' || typeof text !== 'string' || !Array.isArray(recipients)) {
      return vortexError(400, 'originator, text and recipients are required');
    }
    for (const item of recipients) {
      const { recipient, reference, meta } = (item ?? {}) as Record<string, unknown>;
      const group = (meta as { type?: unknown } | undefined)?.type === 'mailinglist';
      const numbers = group ? (groupMembers(String(recipient)) ?? []) : [recipient];
      for (const number of numbers) {
        if (isMobile(number))
          holdUntil(state, logSend(state, originator, number, text, reference), at);
      }
    }
    const id = `batch-${state.nextMessageNumber()}`;
    return {
      status: 200,
      body: {
        success: true,
        record: { id, type: 'BatchSMS', name: name ?? null, recipientCount: recipients.length },
      },
    };
  };

export const vortexRoutes = (
  state: SandboxState,
  shapes: VortexShapes,
  groupMembers: GroupMembers = () => undefined,
): Record<string, Route> => ({
  // 200 without a body for a valid key (§V1).
  '/auth/test': { GET: () => ({ status: 200 }) },
  '/addressbook/optouts': {
    GET: ({ query }) => {
      const paging = readOffsets(query);
      if ('status' in paging) return paging;
      const rows = optOutRows(state, shapes, query.sortDir?.toUpperCase() === 'DESC');
      return {
        status: 200,
        body: listAnswer(shapes, 'Optouts', rows, paging.offset, paging.limit),
      };
    },
    POST: ({ body }) => {
      const { msisdn } = (body ?? {}) as Record<string, unknown>;
      if (!isMobile(msisdn)) return vortexError(400, 'msisdn is invalid');
      if (state.optOuts.has(msisdn)) return vortexError(400, 'msisdn already exists in optouts');
      const record = {
        id: state.nextOptOutId(),
        mobile: msisdn,
        note: 'API',
        created: state.now(),
      };
      state.optOuts.set(msisdn, record);
      return {
        status: 200,
        body: { success: true, record: { msisdn, created_at: iso(record.created) } },
      };
    },
  },
  '/send/single': { POST: sendSingle(state) },
  '/send/batch': { POST: sendBatch(state, groupMembers) },
  '/messages/history': {
    GET: ({ query }) => {
      const paging = readOffsets(query);
      if ('status' in paging) return paging;
      const from = Date.parse(`${query.fromDate}T00:00:00Z`);
      // toDate leaves out the day it names, as seen live (§9 #30).
      const to = Date.parse(`${query.toDate}T00:00:00Z`);
      const rows = shown(state.messagesCreated(from, to, 'MT'), historyRow(shapes));
      return {
        status: 200,
        body: listAnswer(shapes, 'SingleSMS', rows, paging.offset, paging.limit),
      };
    },
  },
});

/** `DELETE /addressbook/optouts/{msisdn}`: 200 `{success: true}`, 404 when not listed (§V2). */
export const vortexOptOutRoute = (state: SandboxState, path: string): Route | undefined => {
  const match = /^\/addressbook\/optouts\/([^/]+)$/.exec(path);
  if (!match) return undefined;
  const msisdn = decodeURIComponent(match[1]!);
  return {
    DELETE: () => {
      if (!state.optOuts.delete(msisdn)) return vortexError(404, 'Optout not found');
      return { status: 200, body: { success: true } };
    },
  };
};
