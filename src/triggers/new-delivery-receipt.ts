import { permissionSentence } from '../common/permissions';
import {
  defineInputFields,
  defineTrigger,
  type PollingTriggerPerform,
  type ZObject,
} from 'zapier-platform-core';
import { choiceInput, optionalText } from '../inputs/read';
import type { LoggedMessage } from '../mobivate';
import { statusMeaningOutput, statusMeaningOutputFields } from '../outputs/delivery-status';
import { e164Field, e164Of, maybeE164Field } from '../outputs/phone';
import { pollMessageLog } from '../steps/message-log-poll';

const statuses = choiceInput({
  key: 'statuses',
  label: 'Statuses',
  choices: {
    final: 'Only final statuses (delivered or failed)',
    all: 'Every status change',
    failures: 'Only failures',
  },
  // Zaps with nothing saved here get this default too (docs/operations.md, "Changes").
  fallback: 'final',
  helpText:
    'By default the Zap triggers once a message is delivered or has failed. Choose **Every status change** to trigger for each status on the way too (like accepted), so one message can trigger several times. Each check sees the latest status of every message sent in the last 3 days: a status replaced before the next check (accepted, then delivered a minute later) may be skipped, but the last one stays, so it triggers.',
});

const inputFields = defineInputFields([
  statuses.field,
  {
    key: 'reference',
    label: 'Reference',
    type: 'string',
    required: false,
    helpText:
      'Only trigger for messages sent with exactly this Reference (the one you gave Send SMS, for example an order number). Leave empty for every message.',
  },
  {
    key: 'originator',
    label: 'From',
    type: 'string',
    required: false,
    // The sender IDs the account sent from recently, as Send SMS's From; any other can be typed.
    dynamic: 'recent_sender_id.id.name',
    helpText:
      'Only trigger for messages sent from this sender ID: choose one your account sent from recently, or type it, like `Acme` (in any letter case; a phone number matches with or without `+` and spaces). Leave empty for messages from every sender.',
  },
]);

/**
 * A sent message's latest status as the log has it (§4.2). The id is the message's id and the
 * status, so each new status of a message triggers once. The time is the record's last update,
 * which is when the status changed.
 */
const toItem = (message: LoggedMessage) => {
  const status = message.status?.trim();
  // Nothing to announce yet: once a status arrives, its id is new and it triggers.
  if (!status) return [];
  return [
    {
      id: `${message.id}:${status.toUpperCase()}`,
      message_id: message.id,
      recipient: message.recipient,
      recipient_e164: e164Of(message.recipient),
      originator: message.originator,
      // A sender ID ("Acme") is not a phone number: its twin is empty.
      originator_e164: e164Of(message.originator),
      body: message.body,
      reference: message.reference,
      status,
      // The same words as Find Message's (src/outputs/delivery-status.ts).
      ...statusMeaningOutput(message),
      parts: message.parts,
      cost: message.cost,
      currency: message.currency,
      created: message.modified ?? message.created,
    },
  ];
};

type Item = ReturnType<typeof toItem>[number];

/** From matches a sender ID in any letter case, and a phone number however it is written. */
const sameSender = (wanted: string) => {
  const text = wanted.toLowerCase();
  const number = e164Of(wanted);
  return (originator: string | null) =>
    originator?.trim().toLowerCase() === text || (number !== null && e164Of(originator) === number);
};

/**
 * The trigger's filters, applied to what was read: the BulkSMS log has no filter by status,
 * reference or sender (§4.1), and the Vortex history's `originator` filter is only observed (§V4).
 */
const wanted = (z: ZObject, inputData: Record<string, unknown>) => {
  const chosen = statuses.read(z, inputData);
  const reference = optionalText(inputData.reference);
  const sender = optionalText(inputData.originator);
  const fromSender = sender === undefined ? () => true : sameSender(sender);
  return (item: Item) =>
    (chosen === 'final' ? item.is_final : chosen === 'failures' ? item.is_failure : true) &&
    (reference === undefined || item.reference === reference) &&
    fromSender(item.originator);
};

export const perform = (async (z, bundle) =>
  pollMessageLog(z, bundle, {
    direction: 'sent',
    toItem,
    keep: wanted(z, bundle.inputData),
  })) satisfies PollingTriggerPerform<typeof inputFields>;

export default defineTrigger({
  key: 'new_delivery_receipt',
  noun: 'Delivery Status',
  display: {
    label: 'New Delivery Status',
    description: `Triggers when the delivery status of a sent message changes, for example when it is delivered or fails. ${permissionSentence('new_delivery_receipt')}`,
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: {
      id: '9A0C23DD0A000A9D2FBD4671D780AFDA:DELIVERED',
      message_id: '9A0C23DD0A000A9D2FBD4671D780AFDA',
      recipient: '447700900123',
      recipient_e164: '+447700900123',
      originator: '447700900000',
      originator_e164: '+447700900000',
      body: 'Your order has shipped.',
      reference: 'order-123',
      status: 'DELIVERED',
      status_description: 'Delivered to the phone',
      is_final: true,
      is_failure: false,
      parts: 1,
      cost: 0.01,
      currency: 'GBP',
      created: '2023-07-01T01:10:39.000Z',
    },
    outputFields: [
      { key: 'id', label: 'Status ID (Message ID and Status)', type: 'string' },
      { key: 'message_id', label: 'Message ID', type: 'string' },
      { key: 'recipient', label: 'To (Recipient’s Number)', type: 'string' },
      e164Field('recipient', 'To'),
      { key: 'originator', label: 'From (Sender ID)', type: 'string' },
      maybeE164Field('originator', 'From'),
      { key: 'body', label: 'Message', type: 'string' },
      { key: 'reference', label: 'Reference', type: 'string' },
      { key: 'status', label: 'Status (for Filters, Like DELIVERED)', type: 'string' },
      ...statusMeaningOutputFields,
      { key: 'parts', label: 'SMS Parts', type: 'integer' },
      { key: 'cost', label: 'Cost', type: 'number' },
      { key: 'currency', label: 'Currency', type: 'string' },
      { key: 'created', label: 'Status Changed At', type: 'datetime' },
    ],
  },
});
