/**
 * What this app knows about the Mobivate BulkSMS REST API: where it lives, its paths, the shapes
 * of its answers and where its own documentation contradicts itself. Section numbers (§) refer to
 * the project's research notes on the API (shared/reference/mobivate-api.md).
 */
import { mayHoldCredential, scrubSecrets, type SecretHolder } from './secrets';

/** G1 production host (§0.2). Some accounts are given another address, hence the connection field. */
export const DEFAULT_API_URL = 'https://api.mobivatebulksms.com';

export const PATHS = {
  authTest: '/auth/test',
  /** List (GET), add (POST) and delete (DELETE) share this path (§2.1). */
  optOut: '/addressbook/optout',
  /**
   * §9 #1: the "Delete an OptOut" page's heading says /addressbook/optout, but its curl and Python
   * examples call /optout. We use the heading first and fall back to this path only when the
   * heading's route is missing (see creates/delete-optout.ts).
   */
  optOutLegacyDelete: '/optout',
  sendSingle: '/send/single',
  sendBatch: '/send/batch',
  /** Message log search (GET, §4.1); one message is `${messageLog}/{id}` (§4.2). */
  messageLog: '/message',
} as const;

/** An opt-out as add, delete and list return it (§2.1). `id` is only in list results. */
export interface OptOutRecord {
  mobile: string;
  /** Where the opt-out came from: `MO` (a STOP reply), `API`, … */
  note: string | null;
  /** Epoch milliseconds. */
  created: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An opt-out as the list returns it: always with its id (§2.1), kept as text. */
export type ListedOptOut = OptOutRecord & { id: string };

/**
 * A record read from a Mobivate answer, or why it cannot be read, in words that never quote it
 * (they go to the logs), with whatever of it could be read.
 */
export type Readout<T> = { record: T } | { problem: string; partial?: Partial<T> };

const NUMERIC_TEXT = /^-?\d+(?:\.\d+)?$/;
const PHONE_TEXT = /^[\d\s+().\-/]+$/;
/** The range of instants a JavaScript Date can hold. */
const MAX_MILLIS = 8.64e15;

/** A number where one is documented, also when sent as a numeric string ("2", "0.05"). */
export const tolerantNumber = (value: unknown): number | undefined => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' && NUMERIC_TEXT.test(value.trim())
    ? Number(value.trim())
    : undefined;
};

/** A string where one is documented, also when sent as a finite number (an id, a code). */
export const tolerantString = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' && Number.isFinite(value)
      ? String(value)
      : undefined;

/** An identifier: non-empty text, or a number. */
const tolerantId = (value: unknown): string | undefined =>
  tolerantString(value)?.trim() || undefined;

/**
 * A mobile number as Mobivate stores it, international digits without "+" (§2.1), however it was
 * formatted ("+44 7700 900123", "44-7700-900123", 447700900123). No country code starts with 0, so
 * a leading "00" can only be the international prefix.
 */
export const mobileDigits = (value: unknown): string | undefined => {
  const text =
    typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : '') : value;
  if (typeof text !== 'string' || !PHONE_TEXT.test(text)) return undefined;
  return text.replace(/\D/g, '').replace(/^00/, '') || undefined;
};

/** Opt-out `created`: epoch milliseconds (§2.1), also as a numeric string or a timestamp. */
const readEpochMillis = (value: unknown): number | undefined => {
  const millis = tolerantNumber(value) ?? Date.parse(mobivateTimeToIso(value) ?? '');
  return Number.isFinite(millis) && Math.abs(millis) <= MAX_MILLIS ? millis : undefined;
};

/** Reads an opt-out tolerantly (see tolerantNumber, tolerantString), with its mobile as digits. */
export const readOptOut = (body: unknown): Readout<OptOutRecord> => {
  if (!isObject(body)) return { problem: 'it is not a JSON object' };
  const mobile = mobileDigits(body.mobile);
  if (mobile === undefined) return { problem: 'it has no readable mobile number' };
  const created = readEpochMillis(body.created);
  if (created === undefined)
    return { problem: 'it has no readable creation time', partial: { mobile } };
  return { record: { mobile, note: optionalString(body.note), created } };
};

export const readListedOptOut = (body: unknown): Readout<ListedOptOut> => {
  const read = readOptOut(body);
  if (!('record' in read)) return read;
  const id = tolerantId(isObject(body) ? body.id : undefined);
  if (id === undefined) return { problem: 'it has no readable id', partial: read.record };
  return { record: { id, ...read.record } };
};

/** The list endpoint's page size limit (§2.1). */
export const MAX_PAGE_SIZE = 1000;

/**
 * `note` on an opt-out is its source. Only MO and API are seen in the docs (§2.1); other codes are
 * passed through unchanged.
 */
export const OPT_OUT_SOURCES: Record<string, string> = {
  MO: 'Replied with an opt-out keyword',
  API: 'Added through the API',
};

/**
 * Dates for the list endpoints' startDate/endDate (§2.1): `YYYY-MM-DDTHH:MM:SS+0000`, the offset
 * without a colon. Always UTC. (z.request encodes the "+" as %2B, as the docs require.)
 */
export const formatMobivateDate = (millis: number): string =>
  new Date(millis).toISOString().replace(/\.\d{3}Z$/, '+0000');

/** G1 opt-out timestamps are epoch milliseconds (§2.1, §9 #17); Zapier wants ISO-8601. */
export const epochMillisToIso = (millis: number): string => new Date(millis).toISOString();

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);
const isLoopback = (hostname: string): boolean =>
  LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);

const EXAMPLE_ADDRESS = DEFAULT_API_URL;

/**
 * Checks the connection's "API Address" and returns its origin (`https://host[:port]`), or a
 * sentence saying what is wrong with it. An empty value means the default production address.
 * The address is quoted only when it cannot hold a credential (Mobivate's own developer page
 * shows addresses ending in `?api_key=…`, and keys get pasted into the wrong field).
 */
export const resolveApiUrl = (
  raw: unknown,
  bundle: SecretHolder = {},
): { origin: string } | { problem: string } => {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!text) return { origin: DEFAULT_API_URL };
  const quoted = mayHoldCredential(text, bundle) ? '' : ` "${text}"`;

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      problem: `The API Address${quoted} is not a web address. Enter it like ${EXAMPLE_ADDRESS}, or leave it empty to use that address.`,
    };
  }
  if (url.username || url.password) {
    return {
      problem: `The API Address must not contain a user name or password. Enter only the address, like ${EXAMPLE_ADDRESS}; the API Key goes in its own field.`,
    };
  }
  if (/(^|&)(api_?key|key|token|access_token)=/i.test(url.search.slice(1))) {
    return {
      problem: `The API Address must not contain the API key (it ends in "?api_key=…", not repeated here). Enter only the address, like ${EXAMPLE_ADDRESS}, and put the key in the API Key field.`,
    };
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return {
      problem: `The API Address${quoted} must start with https:// (plain http:// is accepted only for a local test server on 127.0.0.1 or localhost).`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      problem: `The API Address${quoted} must start with https://, like ${EXAMPLE_ADDRESS}.`,
    };
  }
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(text)) {
    return {
      problem: `The API Address${quoted} must be only https:// and the host name (and port, if any), like ${EXAMPLE_ADDRESS}: remove everything after the host.`,
    };
  }
  if (scrubSecrets(text, bundle) !== text) {
    return {
      problem: `The API Address looks like it contains an API key or another secret (it is not repeated here). Enter only the address, like ${EXAMPLE_ADDRESS}, and put the key in the API Key field.`,
    };
  }
  return { origin: url.origin };
};

/** The G1 route the docs and every client use (§3.1, §11). */
export const DEFAULT_ROUTE = 'mglobal';

/** G1 batch sends take at most 1,000 messages per request (§3.3, §8.3). */
export const MAX_BATCH_SIZE = 1000;

/**
 * G2 wraps answers as {"success": true, "record": {…}} (§8.2), observed on the hosts some accounts
 * are given; G1 answers with the record itself. Accept both.
 */
const unwrapRecord = (body: unknown): unknown =>
  isObject(body) && body.success === true && isObject(body.record) ? body.record : body;

/** The "message record" a single send answers with (§3.1). */
export interface SentMessage {
  id: string;
  originator: string | null;
  recipient: string | null;
  body: string | null;
  routeId: string | null;
  reference: string | null;
  campaignId: string | null;
}

const optionalString = (value: unknown): string | null => tolerantString(value) ?? null;
const optionalNumber = (value: unknown): number | null => tolerantNumber(value) ?? null;

/** Timestamps are documented as text (§9 #17); a number is read as epoch milliseconds. */
const tolerantTime = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim() ? value : undefined;
  const millis = tolerantNumber(value);
  return millis !== undefined && Math.abs(millis) <= MAX_MILLIS
    ? epochMillisToIso(millis)
    : undefined;
};

export const readSentMessage = (body: unknown): SentMessage | undefined => {
  const record = unwrapRecord(body);
  if (!isObject(record) || typeof record.id !== 'string' || !record.id) return undefined;
  return {
    id: record.id,
    originator: optionalString(record.originator),
    recipient: optionalString(record.recipient),
    // G2 names the text `text` (§9 #6).
    body: optionalString(record.body ?? record.text),
    routeId: optionalString(record.routeId),
    reference: optionalString(record.reference),
    campaignId: optionalString(record.campaignId),
  };
};

/** One recipient of a batch send. */
export interface BatchRecipient {
  recipient: string;
  text: string;
  reference?: string;
}

export interface BatchOptions {
  originator: string;
  name?: string;
  scheduleDateTime?: string;
  excludeDuplicates: boolean;
  shortenUrls: boolean;
  spreadHours?: number;
}

/**
 * The body of one `POST /send/batch` (§3.3, §9 #6 and #7). The G1 page's table and example call
 * the list `messages`, but its own response, the archived copy of the same page, the campaign
 * page and G2 all call it `recipients`, and every one of them names each text `text`. So: a
 * `recipients` list of objects that each carry originator, recipient and text (what the archived
 * G1 page requires and G2 accepts as per-recipient overrides), plus G1's required `routeId`.
 * Sending both keys would risk a double send, so only `recipients` is sent.
 */
export const batchRequestBody = (recipients: BatchRecipient[], options: BatchOptions) => ({
  routeId: DEFAULT_ROUTE,
  ...(options.name ? { name: options.name } : {}),
  ...(options.scheduleDateTime ? { scheduleDateTime: options.scheduleDateTime } : {}),
  // Always: Zapier rejects features that send to people who opted out, so there is no switch.
  excludeOptouts: true,
  excludeDuplicates: options.excludeDuplicates,
  shortenUrls: options.shortenUrls,
  ...(options.spreadHours !== undefined ? { spreadHours: options.spreadHours } : {}),
  recipients: recipients.map(({ recipient, text, reference }) => ({
    originator: options.originator,
    recipient,
    text,
    ...(reference ? { reference } : {}),
  })),
});

/** What a batch send answers: G1 echoes the campaign (§3.3), G2 a record with a count (§3.5). */
export const readBatchAnswer = (
  body: unknown,
): { id: string; name: string | null; accepted: number | undefined } | undefined => {
  const record = unwrapRecord(body);
  if (!isObject(record) || typeof record.id !== 'string' || !record.id) return undefined;
  const accepted = Array.isArray(record.recipients)
    ? record.recipients.length
    : typeof record.recipientCount === 'number'
      ? record.recipientCount
      : undefined;
  return { id: record.id, name: optionalString(record.name), accepted };
};

/** A message log record (§4.2). */
export interface LoggedMessage {
  id: string;
  created: string;
  modified: string | null;
  originator: string | null;
  recipient: string | null;
  body: string | null;
  status: string | null;
  direction: string | null;
  inReplyTo: string | null;
  routeId: string | null;
  parts: number | null;
  cost: number | null;
  currency: string | null;
  senderReference: string | null;
  campaignId: string | null;
}

/** Reads a message log record tolerantly: only its id and creation time are required. */
export const readLoggedMessageRecord = (body: unknown): Readout<LoggedMessage> => {
  if (!isObject(body)) return { problem: 'it is not a JSON object' };
  const id = tolerantId(body.id);
  if (id === undefined) return { problem: 'it has no readable id' };
  const created = tolerantTime(body.created);
  if (created === undefined)
    return { problem: 'it has no readable creation time', partial: { id } };
  const record: LoggedMessage = {
    id,
    created,
    modified: tolerantTime(body.modified) ?? null,
    originator: optionalString(body.originator),
    recipient: optionalString(body.recipient),
    body: optionalString(body.body),
    status: optionalString(body.status),
    direction: optionalString(body.direction),
    inReplyTo: optionalString(body.inReplyTo),
    routeId: optionalString(body.routeId),
    parts: optionalNumber(body.parts),
    cost: optionalNumber(body.cost),
    currency: optionalString(body.currency),
    senderReference: optionalString(body.senderReference),
    campaignId: optionalString(body.campaignId),
  };
  return { record };
};

export const readLoggedMessage = (body: unknown): LoggedMessage | undefined => {
  const read = readLoggedMessageRecord(body);
  return 'record' in read ? read.record : undefined;
};

/**
 * Mobivate's timestamps come in several forms (§9 #17): `2023-07-28T03:23:22.000+00:00` (receipts),
 * `2023-09-01T00:30:36+0000` (incoming, logs), `…Z` (G2) and epoch milliseconds (opt-outs).
 * Returns ISO-8601 UTC, or undefined when the value is none of them.
 */
export const mobivateTimeToIso = (value: unknown): string | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return epochMillisToIso(value);
  if (typeof value !== 'string') return undefined;
  const match =
    /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      value.trim(),
    );
  if (!match) return undefined;
  const [, date, time, zone = 'Z'] = match;
  const offset = /^[+-]\d{4}$/.test(zone)
    ? `${zone.slice(0, 3)}:${zone.slice(3)}`
    : zone.toUpperCase();
  const millis = Date.parse(`${date}T${time}${offset}`);
  return Number.isNaN(millis) ? undefined : new Date(millis).toISOString();
};

/**
 * Sender IDs (`originator`): at most 11 characters if alphanumeric, at most 15 digits if numeric
 * (§3.1, §3.4). Returns the originator to send (a numeric one without its "+"), or the problem.
 */
export const readOriginator = (raw: string): { originator: string } | { problem: string } => {
  const text = raw.trim();
  if (!text) return { problem: 'it is empty. Enter the sender name or number recipients will see' };
  if (/^\+?[\d\s]+$/.test(text)) {
    const digits = text.replace(/\D/g, '');
    return digits.length <= 15
      ? { originator: digits }
      : { problem: `a numeric sender ID has at most 15 digits, and this one has ${digits.length}` };
  }
  if (!/^[A-Za-z0-9 .&_-]+$/.test(text)) {
    return {
      problem:
        'an alphanumeric sender ID may only use the letters A to Z, digits, spaces and . & _ -',
    };
  }
  return text.length <= 11
    ? { originator: text }
    : {
        problem: `an alphanumeric sender ID has at most 11 characters, and this one has ${text.length}`,
      };
};

type DeliveryStatus = { description: string; final: boolean; failure: boolean };
const failed = (description: string): DeliveryStatus => ({
  description,
  final: true,
  failure: true,
});
const interim = (description: string): DeliveryStatus => ({
  description,
  final: false,
  failure: false,
});

/**
 * Delivery statuses by the name the message log gives (§5.3, which also numbers them). Whether one
 * is final is not documented: ACCEPTED, INTERIM_QUEUED, INTERIM_ACKNOWLEDGED and RETRY read as
 * interim, every other as final. The descriptions are for people, in the words of the docs' table.
 */
export const DELIVERY_STATUSES: Readonly<Record<string, DeliveryStatus>> = {
  DELIVERED: { description: 'Delivered to the phone', final: true, failure: false },
  ACCEPTED: interim('Accepted by the mobile network'),
  EXPIRED: failed('Could not be delivered in time (for example, the phone was off)'),
  DELETED: failed('Deleted before delivery'),
  UNDELIVERABLE: failed('Could not be delivered (for example, the number does not exist)'),
  UNKNOWN: failed('Failed with an unknown error'),
  REJECTED: failed('Rejected by the network'),
  INTERIM_QUEUED: interim('Queued by a partner network'),
  INTERIM_ACKNOWLEDGED: interim('Acknowledged by a partner network'),
  RETRY: interim('Delivery will be retried'),
  FAILED_NACK: failed('Accepted but not delivered'),
  FAILED_NOROUTE: failed('No network could take it to this number'),
  FAILED_INSUFFICIENT_CREDIT: failed('Not sent: account credit too low'),
  FAILED_ORIGINATOR_RECIPIENT_EQUAL: failed('Not sent: sender and recipient are the same'),
  FAILED_RECIPIENT_BLACKLISTED: failed('Not sent: the recipient’s number is blocked'),
  FAILED_ORIGINATOR_REJECTED: failed('Not sent: the sender ID was rejected'),
  FAILED_ROUTE_INVALID: failed('The chosen route cannot reach this number'),
  FAILED_LIMITS_EXCEEDED: failed('Not sent: account sending limits exceeded'),
  FAILED_EXHAUSTED: failed('Failed after every retry'),
  FAILED_INTERNAL_ERROR: failed('Failed with an internal error'),
  FAILED_UNKNOWN: failed('Failed for an unknown reason'),
};

/** What is known of a status name, in any letter case; undefined for a name not in the table. */
export const deliveryStatus = (status: string): DeliveryStatus | undefined => {
  const name = status.trim().toUpperCase();
  return Object.hasOwn(DELIVERY_STATUSES, name) ? DELIVERY_STATUSES[name] : undefined;
};
