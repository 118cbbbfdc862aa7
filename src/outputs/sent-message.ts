/** What a send outputs about the text itself: its character set and parts. */

/** How a text is sent, in words a marketer knows (handsets call them GSM-7 and UCS-2). */
export const characterSet = (encoding: 'GSM-7' | 'UCS-2') =>
  encoding === 'GSM-7' ? 'standard' : 'unicode';

export const characterSetField = {
  key: 'character_set',
  label: 'Characters (Standard, or Unicode for Emoji and Accents)',
  type: 'string',
} as const;

/** Send SMS's output: what a Zap maps next (docs/operations.md, "Outputs"). */
export const sentMessageOutputFields = [
  { key: 'id', label: 'Message ID', type: 'string' },
  { key: 'status', label: 'Status (Accepted)', type: 'string' },
  { key: 'recipient', label: 'To (Digits, With Country Code)', type: 'string' },
  { key: 'originator', label: 'From (Sender ID)', type: 'string' },
  { key: 'body', label: 'Message', type: 'string' },
  { key: 'reference', label: 'Reference', type: 'string' },
  { key: 'route_id', label: 'Route', type: 'string' },
  { key: 'campaign_id', label: 'Campaign', type: 'string' },
  characterSetField,
  { key: 'parts', label: 'SMS Parts (Each Billed)', type: 'integer' },
] as const;

export { default as sentMessageSample } from './sent-message.json';
