import type { Bundle, ZObject } from 'zapier-platform-core';
import type {
  AddedContact,
  AddedOptOut,
  BatchOptions,
  BatchRecipient,
  Capabilities,
  ChunkedSend,
  Contact,
  CreatedGroup,
  ListedGroup,
  ListedOptOut,
  LoggedMessage,
  MessageLogScan,
  NewContact,
  RemovedContact,
  RemovedOptOut,
  ScanOptions,
  ScanResult,
  SingleSendOutcome,
  SingleMessage,
  Window,
} from './types';

/**
 * What one API generation implements, each method taking the step's `z` and `bundle` first;
 * index.ts binds them to one step and checks capabilities before any call. The parts of the
 * address book exist exactly where `capabilities.addressBook` says so (a test checks it).
 */
export interface Generation {
  capabilities: Capabilities;
  connection: {
    /** Checks the key; resolves with Mobivate's words, or throws the error a user can act on. */
    test: (z: ZObject, bundle: Bundle) => Promise<{ message: string; account?: string }>;
  };
  optOuts: {
    /** Adds a number; `alreadyListed` only when Mobivate's answer says so. */
    add: (z: ZObject, bundle: Bundle, mobile: string) => Promise<AddedOptOut>;
    /** Removes a number; `removed: false` only when Mobivate says it is not on the list. */
    remove: (z: ZObject, bundle: Bundle, mobile: string) => Promise<RemovedOptOut>;
    /** Reads the opt-outs of a window. */
    scan: (
      z: ZObject,
      bundle: Bundle,
      window: Window,
      options?: ScanOptions<ListedOptOut>,
    ) => Promise<ScanResult<ListedOptOut>>;
  };
  messages: {
    /** Sends one text; says when Mobivate did not send it, and why. */
    sendSingle: (z: ZObject, bundle: Bundle, message: SingleMessage) => Promise<SingleSendOutcome>;
    /** Sends to many in batch requests of the API's size; never throws for their outcomes. */
    sendBatch: (
      z: ZObject,
      bundle: Bundle,
      recipients: BatchRecipient[],
      options: BatchOptions,
    ) => Promise<ChunkedSend>;
  };
  messageLog: {
    /** One message by its id; undefined when Mobivate says there is none. */
    get: (z: ZObject, bundle: Bundle, id: string) => Promise<LoggedMessage | undefined>;
    scan: (
      z: ZObject,
      bundle: Bundle,
      window: Window,
      options?: MessageLogScan,
    ) => Promise<ScanResult<LoggedMessage>>;
  };
  contacts?: {
    /** Creates a contact; `created: false` only when Mobivate's words say it already exists. */
    add: (z: ZObject, bundle: Bundle, contact: NewContact) => Promise<AddedContact>;
    /** Updates a contact by its id, sending the whole `meta` map (§V5: merge or replace unknown). */
    update: (z: ZObject, bundle: Bundle, id: string, contact: NewContact) => Promise<Contact>;
    /** Reads the address book newest first. */
    scan: (
      z: ZObject,
      bundle: Bundle,
      options?: ScanOptions<Contact>,
    ) => Promise<ScanResult<Contact>>;
    /** Deletes by number (§9 #26); `removed: false` only when Mobivate says it has no such contact. */
    remove: (z: ZObject, bundle: Bundle, mobile: string) => Promise<RemovedContact>;
  };
  groups?: {
    /** Creates a group by its unique name; the id only when Mobivate's answer carries one. */
    create: (z: ZObject, bundle: Bundle, name: string) => Promise<CreatedGroup>;
    /** Reads the group list for the group with this name; `match` when found. */
    find: (z: ZObject, bundle: Bundle, name: string) => Promise<ScanResult<ListedGroup>>;
  };
  /** Sends to contacts and groups by alias or template (§3.6, §3.7). */
  campaigns?: {
    sendToAliases: (
      z: ZObject,
      bundle: Bundle,
      aliases: BatchRecipient[],
      options: BatchOptions,
    ) => Promise<ChunkedSend>;
    sendTemplate: (
      z: ZObject,
      bundle: Bundle,
      recipients: BatchRecipient[],
      templateId: string,
    ) => Promise<ChunkedSend>;
  };
}
