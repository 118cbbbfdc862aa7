/**
 * The app's words for what Mobivate holds and does: what crosses the Mobivate layer's one entry
 * point (index.ts). Every time is an ISO-8601 UTC string (`2026-12-01T09:00:00.000Z`); mobile
 * numbers are international digits without "+"; Mobivate's own codes (MO/MT, senderReference,
 * msisdn) stay inside the layer.
 */

export type * from './send-types';

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
export const HOUR_MS = 3_600_000;

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
  /** ISO-8601: UTC, or without a zone when Mobivate gave none (`2026-12-05T23:35:47`). */
  created: string;
}

/** An opt-out as the list returns it: always with an id, kept as text. */
export type ListedOptOut = OptOutRecord & { id: string };

/** `record` is absent when Mobivate refused a duplicate rather than return the opt-out. */
export interface AddedOptOut {
  record?: OptOutRecord;
  /** Null when Mobivate's answer does not show whether it was (listedBefore, opt-out-sources.ts). */
  alreadyListed: boolean | null;
}

export type RemovedOptOut =
  | { removed: true; record?: OptOutRecord }
  | { removed: false; /** Mobivate's words, quoted. */ said: string };

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
  /**
   * Whether the record has a reference field at all: Vortex's documented history rows have none
   * (§9 #25), and a search by reference cannot rule such a record out.
   */
  carriesReference: boolean;
  campaignId: string | null;
}

export interface MessageLogScan extends ScanOptions<LoggedMessage> {
  direction?: 'incoming' | 'sent';
}

/**
 * A contact as the app sends it: `fields` is Vortex's `meta`, for `{{KEY}}` placeholders; values
 * are what the user gave (text) or what Mobivate held (any JSON), sent as they are.
 */
export interface NewContact {
  alias: string;
  mobile: string;
  fields: Record<string, unknown>;
}

/** A contact as Vortex returns it; its id (a uuid) is kept as text. */
export interface Contact {
  id: string;
  alias: string | null;
  mobile: string | null;
  /** Its `meta`, values as Mobivate holds them; undefined when the answer carries none. */
  fields?: Record<string, unknown>;
  created: string | null;
}

/** `record` is absent when Mobivate answered `{"success": true}` alone. */
export type AddedContact =
  | { created: true; record?: Contact }
  | { created: false; /** Mobivate's words, quoted. */ said: string };

export type RemovedContact =
  { removed: true } | { removed: false; /** Mobivate's words, quoted. */ said: string };

/**
 * A group Create Group made (its id only when Mobivate's answer carries one), or not, because
 * Mobivate's words say a group has this name (`said`, quoted).
 */
export type CreatedGroup =
  { created: true; id?: string; name: string } | { created: false; said: string };

/** A group as the group list shows it (§V5: the list is not documented). */
export interface ListedGroup {
  id: string;
  name: string;
}
