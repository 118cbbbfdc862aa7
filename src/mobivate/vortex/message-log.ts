import type { Bundle, ZObject } from 'zapier-platform-core';
import { appError } from '../../common/error-codes';
import type { Generation } from '../generation';
import { scanList } from '../shared/paged-scan';
import {
  isObject,
  optionalNumber,
  optionalString,
  tolerantId,
  type Readout,
} from '../shared/records';
import { isTime, mayBeIn, readTime } from '../shared/times';
import { DAY_MS, type LoggedMessage } from '../types';
import { vortexPaging } from './paging';
import { vortexStatus } from './statuses';

const HISTORY_PATH = '/messages/history';
/** Find Message by id reads the history of this many days: Vortex cannot fetch one message. */
const ID_LOOKBACK_DAYS = 30;

/**
 * A history row: documented `{id, recipient, originator, text, status, sent_on}`, seen live
 * `{id, reference, status, price, currency, parts, created_at, updated_at, …}` (§9 #25).
 */
export const readHistoryRow = (body: unknown): Readout<LoggedMessage> => {
  if (!isObject(body)) return { problem: 'it is not a JSON object' };
  const id = tolerantId(body.id);
  if (id === undefined) return { problem: 'it has no readable id' };
  const given = body.created_at ?? body.sent_on ?? body.created;
  if (!isTime(given)) return { problem: 'it has no readable creation time', partial: { id } };
  const status = optionalString(body.status);
  const record: LoggedMessage = {
    id,
    created: readTime(given) ?? null,
    modified: readTime(body.updated_at) ?? null,
    originator: optionalString(body.originator),
    recipient: optionalString(body.recipient),
    body: optionalString(body.text ?? body.body),
    status,
    statusMeaning: status === null ? null : (vortexStatus(status) ?? null),
    // The history holds sent messages only; Vortex has no incoming messages API (§V6).
    direction: 'sent',
    inReplyTo: null,
    route: null,
    parts: optionalNumber(body.parts),
    cost: optionalNumber(body.price ?? body.cost),
    currency: optionalString(body.currency),
    reference: optionalString(body.reference ?? body.clientReference),
    carriesReference: 'reference' in body || 'clientReference' in body,
    campaignId: null,
  };
  return { record };
};

/** `YYYY-MM-DD` in UTC. */
const day = (millis: number) => new Date(millis).toISOString().slice(0, 10);

/**
 * `GET /messages/history` by day (§V4). `toDate` leaves out the day it names (§9 #30), so the end
 * is padded by a day; rows are kept to the window afterwards. The history holds sent messages
 * only (no incoming: capabilities, index.ts).
 */
const scan: Generation['messageLog']['scan'] = async (z, bundle, window, options = {}) => {
  const inWindow = (message: LoggedMessage) =>
    message.created === null || mayBeIn(message.created, window);
  const result = await scanList(
    z,
    bundle,
    {
      path: HISTORY_PATH,
      paging: vortexPaging({ fromDate: day(window.start), toDate: day(window.end + DAY_MS) }),
      read: readHistoryRow,
      noun: 'message',
      key: (message) => message.id,
      expected: 'a list of messages ({"results": […]} or {"records": […]})',
      until: options.until && ((message) => inWindow(message) && options.until!(message)),
    },
    options.limits,
  );
  return { ...result, items: result.items.filter(inWindow) };
};

/** No `GET /messages/{id}` exists (§V4): the id is looked up in the recent history. */
const get = async (z: ZObject, bundle: Bundle, id: string) => {
  const now = Date.now();
  const found = await scan(
    z,
    bundle,
    { start: now - ID_LOOKBACK_DAYS * DAY_MS, end: now + DAY_MS },
    { until: (message) => message.id === id },
  );
  if (found.match) return found.match;
  // A row that could not be read may be this one: "not found" only when every row was read.
  const couldBe = found.skipped.filter((row) => row.id === undefined || row.id === id);
  if (found.complete && couldBe.length === 0) return undefined;
  if (found.complete) {
    throw appError(
      z,
      'MessageSearchInconclusive',
      `Could not tell whether a message with id "${id}" exists: ${couldBe.length} of the messages Mobivate listed could not be read (the log says why), and it was not among the others. Send this message to Mobivate support.`,
    );
  }
  throw appError(
    z,
    'MessageSearchIncomplete',
    `Could not finish searching the last ${ID_LOOKBACK_DAYS} days of messages for id "${id}" within Zapier's limits; whether the message exists is unknown.`,
  );
};

export const messageLog: Generation['messageLog'] = { get, scan };
