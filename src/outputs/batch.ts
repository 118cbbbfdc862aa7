import type { AcceptedBatch, ChunkedSend } from '../mobivate';

/** What a batch-like send outputs about its batches (Send Batch SMS, to Contacts, templates). */

/**
 * How many recipients Mobivate said it accepted in these batches: null when any batch's answer
 * did not say (never the number sent, which would claim what Mobivate did not).
 */
export const recipientsAccepted = (batches: AcceptedBatch[]): number | null =>
  batches.some((batch) => batch.accepted === null)
    ? null
    : batches.reduce((sum, batch) => sum + (batch.accepted ?? 0), 0);

/** The ids of the accepted batches, what Mobivate said it accepted, and whom it refused. */
export const acceptedBatches = ({ accepted }: ChunkedSend) => {
  const ids = accepted.map((batch) => batch.id).filter(Boolean);
  return {
    batch_id: ids[0] ?? '',
    batch_ids: ids,
    accepted: recipientsAccepted(accepted),
    refused: accepted.flatMap((batch) =>
      batch.refused.map(
        ({ recipient, reason }) =>
          `${recipient ? `Recipient ${recipient}` : 'A recipient'}: Mobivate refused it ("${reason}")`,
      ),
    ),
  };
};

export const batchIdOutputFields = (per: 'Recipients' | 'Contacts') =>
  [
    { key: 'batch_id', label: 'Batch ID', type: 'string' },
    { key: 'batch_ids', label: `Batch IDs (One per 1,000 ${per})`, type: 'string', list: true },
  ] as const;

/** The entries of Send Batch SMS and Send Template Campaign that were left out, and why. */
export const skippedRecipientsOutputFields = [
  { key: 'recipients_skipped_count', label: 'Recipients Skipped', type: 'integer' },
  { key: 'recipients_skipped', label: 'Skipped Recipients and Why', type: 'string', list: true },
] as const;

export { default as batchSample } from './batch.json';
export { default as contactsSendSample } from './contacts-send.json';
export { default as templateCampaignSample } from './template-campaign.json';
