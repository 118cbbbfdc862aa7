import type { LoggedMessage } from '../mobivate';
import { statusMeaningOutput, statusMeaningOutputFields } from './delivery-status';
import { e164Of, maybeE164Field } from './phone';

/** A message of the log, as Find Message outputs it (docs/operations.md, "Outputs"). */

/** The log record's facts under its own keys (snake_case), times as ISO-8601, no MO/MT codes. */
const DIRECTIONS: Record<string, string> = { sent: 'sent', incoming: 'received' };

export const messageOutput = (message: LoggedMessage) => ({
  id: message.id,
  created: message.created,
  modified: message.modified,
  originator: message.originator,
  // A sender ID ("Acme") or a short code is not a phone number: its twin is empty.
  originator_e164: e164Of(message.originator),
  recipient: message.recipient,
  recipient_e164: e164Of(message.recipient),
  body: message.body,
  status: message.status,
  ...statusMeaningOutput(message),
  direction: message.direction && (DIRECTIONS[message.direction] ?? message.direction),
  in_reply_to: message.inReplyTo,
  route_id: message.route,
  parts: message.parts,
  cost: message.cost,
  currency: message.currency,
  reference: message.reference,
  campaign_id: message.campaignId,
});

export const messageOutputFields = [
  { key: 'id', label: 'Message ID', type: 'string' },
  { key: 'created', label: 'Created At', type: 'datetime' },
  { key: 'modified', label: 'Last Updated At', type: 'datetime' },
  { key: 'originator', label: 'From', type: 'string' },
  maybeE164Field('originator', 'From'),
  { key: 'recipient', label: 'To', type: 'string' },
  maybeE164Field('recipient', 'To'),
  { key: 'body', label: 'Message', type: 'string' },
  { key: 'status', label: 'Status', type: 'string' },
  ...statusMeaningOutputFields,
  { key: 'direction', label: 'Direction (Sent or Received)', type: 'string' },
  { key: 'in_reply_to', label: 'In Reply To Message ID', type: 'string' },
  { key: 'route_id', label: 'Route', type: 'string' },
  { key: 'parts', label: 'SMS Parts', type: 'integer' },
  { key: 'cost', label: 'Cost', type: 'number' },
  { key: 'currency', label: 'Currency', type: 'string' },
  { key: 'reference', label: 'Reference', type: 'string' },
  { key: 'campaign_id', label: 'Campaign', type: 'string' },
] as const;

export { default as loggedMessageSample } from './logged-message.json';
