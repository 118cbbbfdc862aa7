import type { Bundle, ZObject } from 'zapier-platform-core';
import { inChunks, sendChunks, type ChunkedSend } from './batches';
import { appError } from './error-codes';
import { mobivate, type AcceptedBatch, type BatchRecipient, type FailedBatch } from './mobivate';

/**
 * What exists only on a Vortex connection (contacts, groups, alias and template sends): the API's part, or,
 * on a BulkSMS connection, an error that says so before any request.
 */
export const vortexOnly = <Part extends 'contacts' | 'groups' | 'campaigns'>(
  z: ZObject,
  bundle: Bundle,
  part: Part,
  operation: string,
) => {
  const found = mobivate(bundle)[part];
  if (found) return found as NonNullable<ReturnType<typeof mobivate>[Part]>;
  throw appError(
    z,
    'NeedsVortex',
    `${operation} needs a Vortex connection: this connection uses the BulkSMS API, which has no address book, contact groups, aliases or templates. Nothing was sent to Mobivate. To use this step, connect with a Vortex API key and set Mobivate API to Vortex API in the connection.`,
  );
};

/**
 * Sends an alias or template campaign in chunks of `size`, one request at a time: these sends are
 * rare and small, so they take no concurrency. What became of each chunk is reported as for
 * Send Batch SMS (stoppedSendError in src/batches.ts).
 */
export const sendChunked = (
  recipients: BatchRecipient[],
  size: number,
  send: (chunk: BatchRecipient[]) => Promise<AcceptedBatch | FailedBatch>,
): Promise<ChunkedSend> => sendChunks(inChunks(recipients, size), send, 1);
