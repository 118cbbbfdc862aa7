import { e164Field, maybeE164Field, withE164Twins } from './phone';

/** What a send outputs about the text itself: its character set and parts. */

/** How a text is sent, in words a marketer knows (handsets call them GSM-7 and UCS-2). */
export const characterSet = (encoding: 'GSM-7' | 'UCS-2') =>
  encoding === 'GSM-7' ? 'standard' : 'unicode';

export const characterSetField = {
  key: 'character_set',
  label: 'Characters (Standard, or Unicode for Emoji and Accents)',
  type: 'string',
} as const;

/** Send SMS's output with the E.164 twins of its numbers beside them (a sender ID's is empty). */
export const sentMessageOutput = <Sent extends { recipient: unknown; originator: unknown }>(
  sent: Sent,
) => withE164Twins(sent, ['recipient', 'originator']);

/** Send SMS's output: what a Zap maps next (docs/operations.md, "Outputs"). */
export const sentMessageOutputFields = [
  { key: 'id', label: 'Message ID', type: 'string' },
  { key: 'status', label: 'Status (Accepted, or Why Not Sent)', type: 'string' },
  { key: 'sent', label: 'Sent', type: 'boolean' },
  { key: 'not_sent_reason', label: 'Why It Was Not Sent', type: 'string' },
  { key: 'already_sent', label: 'Already Sent Before (Same Reference)', type: 'boolean' },
  { key: 'first_sent_at', label: 'First Sent At (When Already Sent)', type: 'datetime' },
  { key: 'recipient', label: 'To (Digits, With Country Code)', type: 'string' },
  e164Field('recipient', 'To'),
  { key: 'originator', label: 'From (Sender ID)', type: 'string' },
  maybeE164Field('originator', 'From'),
  { key: 'body', label: 'Message', type: 'string' },
  { key: 'reference', label: 'Reference', type: 'string' },
  { key: 'route_id', label: 'Route', type: 'string' },
  { key: 'campaign_id', label: 'Campaign', type: 'string' },
  characterSetField,
  { key: 'parts', label: 'SMS Parts (Each Billed)', type: 'integer' },
  { key: 'scheduled_at', label: 'Held Until (Quiet Hours)', type: 'datetime' },
  { key: 'held_for_quiet_hours', label: 'Held for Quiet Hours', type: 'boolean' },
  {
    key: 'recipient_time_zones',
    label: 'Recipient’s Possible Time Zones',
    type: 'string',
    list: true,
  },
  { key: 'time_zone_note', label: 'Time Zone Note', type: 'string' },
] as const;

export { default as sentMessageSample } from './sent-message.json';
