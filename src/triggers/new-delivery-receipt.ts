import {
  defineInputFields,
  defineTrigger,
  type PollingTriggerPerform,
  type ZObject,
} from 'zapier-platform-core';
import { choiceInput } from '../inputs/read';
import type { LoggedMessage } from '../mobivate';
import { pollMessageLog } from '../steps/message-log-poll';

const statuses = choiceInput({
  key: 'statuses',
  label: 'Statuses',
  choices: {
    all: 'Every status change',
    final: 'Only final statuses (delivered or failed)',
    failures: 'Only failures',
  },
  fallback: 'all',
  helpText:
    'Each check sees the latest status of every message sent in the last 3 days, so one message can trigger several times as its status changes. A status replaced before the next check (accepted, then delivered a minute later) may be skipped; the last one stays, so it triggers.',
});

const inputFields = defineInputFields([statuses.field]);

/**
 * A sent message's latest status as the log has it (§4.2). The id is the message's id and the
 * status, so each new status of a message triggers once. The time is the record's last update,
 * which is when the status changed.
 */
const toItem = (message: LoggedMessage) => {
  const status = message.status?.trim();
  // Nothing to announce yet: once a status arrives, its id is new and it triggers.
  if (!status) return [];
  const known = message.statusMeaning;
  return [
    {
      id: `${message.id}:${status.toUpperCase()}`,
      message_id: message.id,
      recipient: message.recipient,
      originator: message.originator,
      body: message.body,
      reference: message.reference,
      status,
      status_description: known?.description ?? `${status} (a status not in the documented list)`,
      // An unknown status is passed on as neither final nor a failure.
      is_final: known?.final ?? false,
      is_failure: known?.failure ?? false,
      parts: message.parts,
      cost: message.cost,
      currency: message.currency,
      created: message.modified ?? message.created,
    },
  ];
};

type Item = ReturnType<typeof toItem>[number];

const wanted = (z: ZObject, inputData: Record<string, unknown>) => {
  const chosen = statuses.read(z, inputData);
  return (item: Item) =>
    chosen === 'final' ? item.is_final : chosen === 'failures' ? item.is_failure : true;
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
    description:
      'Triggers when the delivery status of a sent message changes, for example when it is delivered or fails.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: {
      id: '9A0C23DD0A000A9D2FBD4671D780AFDA:DELIVERED',
      message_id: '9A0C23DD0A000A9D2FBD4671D780AFDA',
      recipient: '447700900123',
      originator: 'Acme',
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
      { key: 'originator', label: 'From (Sender ID)', type: 'string' },
      { key: 'body', label: 'Message', type: 'string' },
      { key: 'reference', label: 'Reference', type: 'string' },
      { key: 'status', label: 'Status (for Filters, Like DELIVERED)', type: 'string' },
      { key: 'status_description', label: 'Status Description', type: 'string' },
      { key: 'is_final', label: 'Is Final (Delivered or Failed)', type: 'boolean' },
      { key: 'is_failure', label: 'Is a Failure', type: 'boolean' },
      { key: 'parts', label: 'SMS Parts', type: 'integer' },
      { key: 'cost', label: 'Cost', type: 'number' },
      { key: 'currency', label: 'Currency', type: 'string' },
      { key: 'created', label: 'Status Changed At', type: 'datetime' },
    ],
  },
});
