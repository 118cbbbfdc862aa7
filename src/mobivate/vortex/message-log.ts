import type { Bundle, ZObject } from 'zapier-platform-core';
import { appError } from '../../common/error-codes';
import type { Generation } from '../generation';
import { scanList } from '../shared/paged-scan';
import {
  isObject,
  mobivateTimeToIso,
  optionalNumber,
  optionalString,
  tolerantId,
  tolerantTime,
  type Readout,
} from '../shared/records';
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
  const created = tolerantTime(body.created_at ?? body.sent_on ?? body.created);
  if (created === undefined)
    return { problem: 'it has no readable creation time', partial: { id } };
  const status = optionalString(body.status);
  const record: LoggedMessage = {
    id,
    created: mobivateTimeToIso(created) ?? null,
    modified: mobivateTimeToIso(tolerantTime(body.updated_at)) ?? null,
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
  const inWindow = (message: LoggedMessage) => {
    const at = Date.parse(message.created ?? '');
    return Number.isNaN(at) || (at >= window.start && at <= window.end);
  };
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
  if (found.complete) return undefined;
  throw appError(
    z,
    'MessageSearchIncomplete',
    `Could not finish searching the last ${ID_LOOKBACK_DAYS} days of messages for id "${id}" within Zapier's limits; whether the message exists is unknown.`,
  );
};

export const messageLog: Generation['messageLog'] = { get, scan };
