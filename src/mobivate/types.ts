/**
 * The app's words for what Mobivate holds and does: what crosses the Mobivate layer's one entry
 * point (index.ts). Every time is an ISO-8601 UTC string (`2026-12-01T09:00:00.000Z`); mobile
 * numbers are international digits without "+"; Mobivate's own codes (MO/MT, senderReference,
 * msisdn) stay inside the layer.
 */

export type ApiPlatform = 'bulksms' | 'vortex';

/** What a connection can do, said once (capabilities.ts). */
export interface Capabilities {
  api: ApiPlatform;
  /** Contacts, groups, alias and template sends, placeholder fields per recipient (Vortex, §V5). */
  addressBook: boolean;
  /** Reading incoming messages (BulkSMS's log, §4.1; Vortex has none, §V6). */
  incomingMessages: boolean;
  /** A route and a campaign on a single send (BulkSMS, §3.1). */
  routes: boolean;
}

export type Capability = Exclude<keyof Capabilities, 'api'>;

/** What the connection holds (authentication.ts). */
export interface AuthData {
  api_key: string;
  api_url?: string;
  /** Which API generation the address speaks (absent in connections made before it existed). */
  api_platform: ApiPlatform;
}

/** Epoch milliseconds: a window of a list to read. */
export interface Window {
  start: number;
  end: number;
}

export const DAY_MS = 86_400_000;

export interface ScanLimits {
  maxRequests: number;
  budgetMs: number;
}

export interface ScanResult<Item> {
  /** The items read, in the order the API gave them, each key once. */
  items: Item[];
  /** The item `until` matched, if any. */
  match?: Item;
  /** False when the scan stopped at its bound before reading the whole window. */
  complete: boolean;
  requests: number;
  /** What could be read of each element that was skipped as unreadable (and logged). */
  skipped: Partial<Item>[];
}

export interface ScanOptions<Item> {
  /** Stops the scan at the first item for which this is true. */
  until?: (item: Item) => boolean;
  limits?: ScanLimits;
}

/** An opt-out as Mobivate returns it. */
export interface OptOutRecord {
  mobile: string;
  /** Where the opt-out came from, as Mobivate wrote it: `MO` (a STOP reply), `API`, … */
  note: string | null;
  /** The same in words for people ("Replied with an opt-out keyword"). */
  source: string | null;
  created: string;
}

/** An opt-out as the list returns it: always with an id, kept as text. */
export type ListedOptOut = OptOutRecord & { id: string };

/** `record` is absent when Mobivate refused a duplicate rather than return the opt-out. */
export interface AddedOptOut {
  record?: OptOutRecord;
  alreadyListed: boolean;
}

export type RemovedOptOut =
  | { removed: true; record?: OptOutRecord }
  | { removed: false; /** Mobivate's words, quoted. */ said: string };

export interface SingleMessage {
  originator: string;
  recipient: string;
  text: string;
  route?: string;
  reference?: string;
  campaignId?: string;
  shortenUrls: boolean;
}

export interface SentMessage {
  id: string;
  originator: string | null;
  recipient: string | null;
  body: string | null;
  route: string | null;
  reference: string | null;
  campaignId: string | null;
}

export interface BatchRecipient {
  /** International digits; a contact alias (alias sends); or a group id when `group` is set. */
  recipient: string;
  /** Unused by template sends, which take their text from the template. */
  text: string;
  reference?: string;
  /** The recipient is a contact group (Vortex "mailinglist"), sent to its members (§3.5). */
  group?: boolean;
  /** Values for this recipient's `{{KEY}}` placeholders (Vortex `meta`, §3.5, §3.6). */
  fields?: Record<string, string>;
  /** Which language version of a template this recipient gets (§3.6). */
  language?: string;
}

export interface BatchOptions {
  originator: string;
  name?: string;
  /** Epoch milliseconds, in the future. */
  scheduleAt?: number;
  excludeDuplicates: boolean;
  shortenUrls: boolean;
  spreadHours?: number;
}

export interface AcceptedBatch {
  /** Empty when Mobivate accepted the batch without naming it (§3.6: an undocumented answer). */
  id: string;
  name: string | null;
  accepted: number;
}

/** A batch that was not accepted: certainly not sent, or perhaps sent (the answer was lost). */
export interface FailedBatch {
  uncertain: boolean;
  /** Not started: the step had no time left for it. Certainly not sent. */
  notStarted: boolean;
  /** Why, in one sentence that promises nothing (no "Zapier will try again"). */
  reason: string;
  /** The error to throw when this was the step's only batch. */
  error: Error;
}

/** What became of one batch: accepted, failed (certainly or perhaps), or never sent. */
export type BatchOutcome = AcceptedBatch | FailedBatch | undefined;

/**
 * What a send in several batch requests did: every batch's outcome by its position, the batches
 * accepted (in order), and the first one in order that failed, if any.
 */
export interface ChunkedSend {
  chunks: BatchRecipient[][];
  outcomes: BatchOutcome[];
  accepted: AcceptedBatch[];
  stoppedAt?: FailedBatch;
}

export interface DeliveryStatus {
  /** For people: "Delivered to the phone". */
  description: string;
  final: boolean;
  failure: boolean;
}

export interface LoggedMessage {
  id: string;
  /** Null when Mobivate gave a time the app cannot read. */
  created: string | null;
  modified: string | null;
  originator: string | null;
  recipient: string | null;
  body: string | null;
  status: string | null;
  /** What the status means; null for a word this generation does not document. */
  statusMeaning: DeliveryStatus | null;
  /** `incoming`, `sent`, or an undocumented code as Mobivate sent it. */
  direction: string | null;
  inReplyTo: string | null;
  route: string | null;
  parts: number | null;
  cost: number | null;
  currency: string | null;
  reference: string | null;
  campaignId: string | null;
}

export interface MessageLogScan extends ScanOptions<LoggedMessage> {
  direction?: 'incoming' | 'sent';
}

/** A contact as the app sends it: `fields` is Vortex's `meta`, for `{{KEY}}` placeholders. */
export interface NewContact {
  alias: string;
  mobile: string;
  fields: Record<string, string>;
}

/** A contact as Vortex returns it; its id (a uuid) is kept as text. */
export interface Contact {
  id: string;
  alias: string | null;
  mobile: string | null;
  /** Undefined when the answer carries no `meta` (the documented list rows have none). */
  fields?: Record<string, string>;
  created: string | null;
}

/** `record` is absent when Mobivate answered `{"success": true}` alone. */
export type AddedContact =
  | { created: true; record?: Contact }
  | { created: false; /** Mobivate's words, quoted. */ said: string };

export type RemovedContact =
  { removed: true } | { removed: false; /** Mobivate's words, quoted. */ said: string };

/** A group Mobivate created; `id` is undefined when its answer named none. */
export interface CreatedGroup {
  id?: string;
  name: string;
}
