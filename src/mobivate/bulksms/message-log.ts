import type { Generation } from '../generation';
import { scanList } from '../shared/paged-scan';
import {
  isObject,
  optionalNumber,
  optionalString,
  tolerantId,
  type Readout,
} from '../shared/records';
import { isTime, readTime } from '../shared/times';
import { mobivateError, unexpectedAnswer } from '../transport/errors';
import { callMobivate } from '../transport/request';
import type { LoggedMessage } from '../types';
import { notThere } from '../words';
import { bulkSmsPaging } from './paging';
import { deliveryStatus } from './statuses';

/** Message log search (GET, §4.1); one message is `${MESSAGE_LOG_PATH}/{id}` (§4.2). */
const MESSAGE_LOG_PATH = '/message';

/** The log's direction codes (§4.1): MO is mobile-originated (incoming), MT mobile-terminated. */
const DIRECTIONS = { incoming: 'MO', sent: 'MT' } as const;
/** An undocumented code is passed on as it came, rather than dropped. */
const directionOf = (code: string | null): LoggedMessage['direction'] =>
  code === 'MO' ? 'incoming' : code === 'MT' ? 'sent' : code;

/** Reads a message log record (§4.2) tolerantly: only its id and creation time are required. */
export const readLoggedMessageRecord = (body: unknown): Readout<LoggedMessage> => {
  if (!isObject(body)) return { problem: 'it is not a JSON object' };
  const id = tolerantId(body.id);
  if (id === undefined) return { problem: 'it has no readable id' };
  const given = body.created;
  if (!isTime(given)) return { problem: 'it has no readable creation time', partial: { id } };
  const status = optionalString(body.status);
  const record: LoggedMessage = {
    id,
    created: readTime(given) ?? null,
    modified: readTime(body.modified) ?? null,
    originator: optionalString(body.originator),
    recipient: optionalString(body.recipient),
    body: optionalString(body.body),
    status,
    statusMeaning: status === null ? null : (deliveryStatus(status) ?? null),
    direction: directionOf(optionalString(body.direction)),
    inReplyTo: optionalString(body.inReplyTo),
    route: optionalString(body.routeId),
    parts: optionalNumber(body.parts),
    cost: optionalNumber(body.cost),
    currency: optionalString(body.currency),
    // The reference has three names (§9 #18); the log's is senderReference.
    reference: optionalString(body.senderReference),
    carriesReference: 'senderReference' in body,
    campaignId: optionalString(body.campaignId),
  };
  return { record };
};

/** "No such message" only when Mobivate says so (notThere); anything else is an error. */
const get: Generation['messageLog']['get'] = async (z, bundle, id) => {
  const answer = await callMobivate(z, bundle, {
    method: 'GET',
    path: `${MESSAGE_LOG_PATH}/${encodeURIComponent(id)}`,
    expectedErrorStatuses: [404],
  });
  if (answer.status === 404) {
    if (notThere(answer)) return undefined;
    throw mobivateError(z, answer, bundle);
  }
  const read = readLoggedMessageRecord(answer.data);
  // A record of another message is not this one's (ids are hex: compared in any case).
  if (!('record' in read) || read.record.id.toLowerCase() !== id.trim().toLowerCase()) {
    throw unexpectedAnswer(z, answer, bundle, `the message log record of ${id}`);
  }
  return read.record;
};

/** Reads the message log created in the window, optionally in one direction. */
const scan: Generation['messageLog']['scan'] = (z, bundle, window, options = {}) =>
  scanList(
    z,
    bundle,
    {
      path: MESSAGE_LOG_PATH,
      paging: bulkSmsPaging(
        window,
        options.direction ? { direction: DIRECTIONS[options.direction] } : {},
      ),
      read: readLoggedMessageRecord,
      noun: 'message log record',
      key: (message) => message.id,
      expected: 'a list of message log records ([{"id", "created", …}])',
      until: options.until,
    },
    options.limits,
  );

export const messageLog: Generation['messageLog'] = { get, scan };
