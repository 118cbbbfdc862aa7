/** The app's words for sends (types.ts re-exports them): texts, batches and what became of them. */

export interface SingleMessage {
  originator: string;
  recipient: string;
  text: string;
  route?: string;
  reference?: string;
  campaignId?: string;
  shortenUrls: boolean;
  /** Epoch milliseconds, in the future: Mobivate holds the text until then (quiet hours). */
  scheduleAt?: number;
}

/**
 * What became of one text: accepted, or not sent because Mobivate said the recipient opted out or
 * refused it (a failure status in the accepted record: REJECTED, INVALID_RECIPIENT, …).
 */
export type SingleSendOutcome =
  | { sent: true; message: SentMessage }
  | {
      sent: false;
      /** `already-sent`: Mobivate refused the text's reference as used before (replays.md). */
      reason: 'opted-out' | 'refused' | 'already-sent';
      /** What Mobivate said, quoted, for the message a user reads. */
      said: string;
    };

export interface SentMessage {
  id: string;
  originator: string | null;
  recipient: string | null;
  body: string | null;
  route: string | null;
  reference: string | null;
  campaignId: string | null;
  /** The status the record gives, if any (an accepted text has none, or an in-flight one). */
  status: string | null;
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
  /** How many recipients Mobivate said it accepted; null when it did not say. */
  accepted: number | null;
  /** Recipients Mobivate listed as refused in an accepted batch, with its reason. */
  refused: RefusedRecipient[];
}

export interface RefusedRecipient {
  /** International digits (or the alias, group id) when Mobivate named the recipient. */
  recipient: string | null;
  reason: string;
  /** True when the reason says, in Mobivate's words, that the recipient opted out. */
  optedOut?: boolean;
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
