import type { PlainOutputField } from 'zapier-platform-core';
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

/** One send-time group's requests: when they go (null: now), to how many, and their batch ids. */
export interface GroupSendOutcome {
  group: { sendAt: number | null; recipients: unknown[] };
  sent: ChunkedSend;
}

/**
 * Every group a batch step sent, by send time (docs/quiet-hours.md, "Batches"), whether quiet
 * hours held any, and the note on numbers timed by a fallback zone.
 */
export const sendGroupsOutput = (
  done: GroupSendOutcome[],
  quietHours: boolean,
  note: string | null,
) => ({
  send_groups: done.map(({ group, sent }) => ({
    send_at: group.sendAt === null ? null : new Date(group.sendAt).toISOString(),
    recipients: group.recipients.length,
    batch_ids: sent.accepted.map((batch) => batch.id).filter(Boolean),
  })),
  held_for_quiet_hours: quietHours && done.some(({ group }) => group.sendAt !== null),
  time_zone_note: note,
});

/** Line items: each group's keys under send_groups (Zapier shows them as line items). */
const sendGroupsField: PlainOutputField = {
  key: 'send_groups',
  label: 'Send Groups (One per Send Time)',
  children: [
    { key: 'send_at', label: 'Send At (Empty: Now)', type: 'datetime' },
    { key: 'recipients', label: 'Recipients', type: 'integer' },
    { key: 'batch_ids', label: 'Batch IDs', type: 'string', list: true },
  ],
};

export const sendGroupsOutputFields = [
  sendGroupsField,
  { key: 'held_for_quiet_hours', label: 'Held for Quiet Hours', type: 'boolean' },
  { key: 'time_zone_note', label: 'Time Zone Note', type: 'string' },
] as const;

export { default as batchSample } from './batch.json';
export { default as contactsSendSample } from './contacts-send.json';
export { default as templateCampaignSample } from './template-campaign.json';
