import type { Bundle, ZObject } from 'zapier-platform-core';
import type { Readout } from './records';

/**
 * The one interface the operations call. Everything Mobivate-specific — paths, request bodies,
 * answer shapes, the contradictions in its docs (docs/mobivate-api.md) — sits behind it, one file
 * per resource, so that a second API generation is a second implementation chosen by the
 * connection, not an edit of every operation.
 */
export interface MobivateApi {
  connection: {
    /** Checks the key; resolves with Mobivate's words, or throws the error a user can act on. */
    test: (z: ZObject, bundle: Bundle) => Promise<{ message: string }>;
  };
  optOuts: {
    /** Adds a number; `alreadyListed` only when Mobivate's answer says so. */
    add: (z: ZObject, bundle: Bundle, mobile: string) => Promise<AddedOptOut>;
    /** Removes a number; `removed: false` only when Mobivate says it is not on the list. */
    remove: (z: ZObject, bundle: Bundle, mobile: string) => Promise<RemovedOptOut>;
    /** Reads the opt-outs of a window, stopping at the first `until` matches. */
    scan: (
      z: ZObject,
      bundle: Bundle,
      window: Window,
      until?: (record: ListedOptOut) => boolean,
      limits?: ScanLimits,
    ) => Promise<ScanResult<ListedOptOut>>;
  };
  messages: {
    /** Sends one text; halts when Mobivate says the recipient opted out. */
    sendSingle: (z: ZObject, bundle: Bundle, message: SingleMessage) => Promise<SentMessage>;
    /** Sends one batch of at most `maxBatchSize` recipients; never throws for its outcome. */
    sendBatch: (
      z: ZObject,
      bundle: Bundle,
      recipients: BatchRecipient[],
      options: BatchOptions,
    ) => Promise<AcceptedBatch | FailedBatch>;
    maxBatchSize: number;
    /** True when one batch request carries one text for all its recipients (Vortex, §V3). */
    oneTextPerBatch: boolean;
  };
  messageLog: {
    /** One message by its id; undefined when Mobivate says there is none. */
    get: (z: ZObject, bundle: Bundle, id: string) => Promise<LoggedMessage | undefined>;
    scan: (
      z: ZObject,
      bundle: Bundle,
      window: Window,
      options?: { direction?: 'incoming' | 'sent'; until?: (message: LoggedMessage) => boolean },
      limits?: ScanLimits,
    ) => Promise<ScanResult<LoggedMessage>>;
    /** What a status word means; undefined for a word this generation does not document. */
    describeStatus: (status: string) => DeliveryStatus | undefined;
  };
  /** Contact groups (Vortex only, §V5); absent where the generation has none (BulkSMS). */
  groups?: {
    /** Creates a group by its unique name; the id only when Mobivate's answer carries one. */
    create: (z: ZObject, bundle: Bundle, name: string) => Promise<CreatedGroup>;
  };
  /** Sends to contacts and groups by template or alias (Vortex only, §3.6, §3.7). */
  campaigns?: {
    /** Sends one text to one chunk of contact aliases; never throws for its outcome. */
    sendToAliases: (
      z: ZObject,
      bundle: Bundle,
      aliases: BatchRecipient[],
      options: BatchOptions,
    ) => Promise<AcceptedBatch | FailedBatch>;
    /** Sends a hub template to one chunk of numbers and groups; never throws for its outcome. */
    sendTemplate: (
      z: ZObject,
      bundle: Bundle,
      recipients: BatchRecipient[],
      templateId: string,
    ) => Promise<AcceptedBatch | FailedBatch>;
    maxBatchSize: number;
  };
  /**
   * The address book (Vortex only, §V5): undefined on BulkSMS, where the contact operations stop
   * with 'NeedsVortex' before any request.
   */
  contacts?: {
    /** Creates a contact; `created: false` only when Mobivate's words say it already exists. */
    add: (z: ZObject, bundle: Bundle, contact: NewContact) => Promise<AddedContact>;
    /** Updates a contact by its id, sending the whole `meta` map (§V5: merge or replace unknown). */
    update: (z: ZObject, bundle: Bundle, id: string, contact: NewContact) => Promise<Contact>;
    /** Reads the address book newest first, stopping at the first `until` match. */
    scan: (
      z: ZObject,
      bundle: Bundle,
      until?: (contact: Contact) => boolean,
    ) => Promise<ScanResult<Contact>>;
    /** Deletes by number (§9 #26); `removed: false` only when Mobivate says it has no such contact. */
    remove: (z: ZObject, bundle: Bundle, mobile: string) => Promise<RemovedContact>;
  };
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
  /** Epoch milliseconds; null when the answer gives no readable time. */
  created: number | null;
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

export interface DeliveryStatus {
  /** For people: "Delivered to the phone". */
  description: string;
  final: boolean;
  failure: boolean;
}

/** What the connection holds (authentication.ts). */
export interface AuthData {
  api_key: string;
  api_url?: string;
  /** Which API generation the address speaks (absent in connections made before it existed). */
  api_platform: ApiPlatform;
}

export type ApiPlatform = 'bulksms' | 'vortex';

/** Epoch milliseconds. */
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

/** An opt-out as Mobivate returns it, its mobile as international digits. */
export interface OptOutRecord {
  mobile: string;
  /** Where the opt-out came from: `MO` (a STOP reply), `API`, … */
  note: string | null;
  /** Epoch milliseconds. */
  created: number;
}

/** An opt-out as the list returns it: always with its id, kept as text. */
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
  id: string;
  name: string | null;
  accepted: number;
}

/** A batch that was not accepted: certainly not sent, or perhaps sent (the answer was lost). */
export interface FailedBatch {
  uncertain: boolean;
  /** Why, in one sentence that promises nothing (no "Zapier will try again"). */
  reason: string;
  /** The error to throw when this was the step's only batch. */
  error: Error;
}

export interface LoggedMessage {
  id: string;
  created: string;
  modified: string | null;
  originator: string | null;
  recipient: string | null;
  body: string | null;
  status: string | null;
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

export type { Readout };
