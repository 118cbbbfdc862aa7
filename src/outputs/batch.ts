import type { ChunkedSend } from '../mobivate';

/** What a batch-like send outputs about its batches (Send Batch SMS, to Contacts, templates). */

/** The ids of the accepted batches, and how many recipients Mobivate accepted in them. */
export const acceptedBatches = ({ accepted }: ChunkedSend) => {
  const ids = accepted.map((batch) => batch.id).filter(Boolean);
  return {
    batch_id: ids[0] ?? '',
    batch_ids: ids,
    accepted: accepted.reduce((sum, batch) => sum + batch.accepted, 0),
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
