import {
  defineInputFields,
  defineTrigger,
  type WebhookTriggerPerform,
  type WebhookTriggerPerformList,
  type ZObject,
} from 'zapier-platform-core';
import { readChoice } from '../fields';
import {
  DELIVERY_STATUSES,
  readDeliveryReceipt,
  receiptFromLog,
  type DeliveryReceipt,
} from '../mobivate';
import {
  isoOrNow,
  itemsFromHook,
  leaveRegistered,
  recentLoggedMessages,
  replaceWebhookField,
  subscribeTo,
} from '../webhooks';

const inputFields = defineInputFields([
  replaceWebhookField('delivery receipts'),
  {
    key: 'statuses',
    label: 'Statuses',
    type: 'string',
    required: false,
    default: 'all',
    choices: [
      { value: 'all', sample: 'all', label: 'Every status change' },
      { value: 'final', sample: 'final', label: 'Only final statuses (delivered or failed)' },
      { value: 'failures', sample: 'failures', label: 'Only failures' },
    ],
    helpText:
      'Mobivate sends a receipt at every status change of a message, so one message can trigger several times.',
  },
]);

const toItem = (receipt: DeliveryReceipt) => {
  const known = receipt.statusCode === null ? undefined : DELIVERY_STATUSES[receipt.statusCode];
  return {
    // One message has a receipt per status, so the status is part of the id.
    id: `${receipt.deliveryMessageId}:${receipt.statusCode ?? receipt.status ?? 'unknown'}`,
    ...receipt,
    created_at: isoOrNow(receipt.created),
    status: receipt.status ?? known?.status ?? null,
    status_code: receipt.statusCode,
    status_description: known?.description ?? receipt.status,
    // Unknown codes pass through as not final, and so not as failures either.
    is_final: known?.final ?? false,
    is_failure: known?.failure ?? false,
  };
};

type Item = ReturnType<typeof toItem>;

const wanted = (z: ZObject, inputData: { statuses?: string }) => {
  const statuses = readChoice(
    z,
    'Statuses',
    inputData.statuses,
    ['all', 'final', 'failures'],
    'all',
  );
  return (item: Item) =>
    statuses === 'final' ? item.is_final : statuses === 'failures' ? item.is_failure : true;
};

export const perform = (async (z, bundle) =>
  itemsFromHook(
    z,
    bundle,
    'a delivery receipt',
    readDeliveryReceipt,
    toItem,
    wanted(z, bundle.inputData),
  )) satisfies WebhookTriggerPerform<typeof inputFields>;

export const performList = (async (z, bundle) =>
  (await recentLoggedMessages(z, bundle, 'MT'))
    .map(receiptFromLog)
    .map(toItem)
    .filter(wanted(z, bundle.inputData))) satisfies WebhookTriggerPerformList<typeof inputFields>;

export const performSubscribe = subscribeTo('receipt');
export const performUnsubscribe = leaveRegistered;

export default defineTrigger({
  key: 'new_delivery_receipt',
  noun: 'Delivery Receipt',
  display: {
    label: 'New Delivery Receipt',
    description:
      'Triggers when the delivery status of a sent message changes, for example when it is delivered or fails.',
  },
  operation: {
    type: 'hook',
    inputFields,
    perform,
    performList,
    performSubscribe,
    performUnsubscribe,
    sample: {
      id: '9A85B95E0A000A9D2FBD46710388AD54:1',
      deliveryMessageId: '9A85B95E0A000A9D2FBD46710388AD54',
      batchId: '9A85B9110A000A9D2FBD4671D691C328',
      clientReference: 'order-123',
      created: '2023-07-28T03:23:22.000+00:00',
      created_at: '2023-07-28T03:23:22.000Z',
      status: 'DELIVERED',
      statusCode: 1,
      status_code: 1,
      status_description: 'Delivered to the handset',
      is_final: true,
      is_failure: false,
      parts: 1,
      hlr: null,
    },
    outputFields: [
      { key: 'id', label: 'Receipt ID', type: 'string' },
      { key: 'deliveryMessageId', label: 'Message ID', type: 'string' },
      { key: 'batchId', label: 'Batch ID', type: 'string' },
      { key: 'clientReference', label: 'Reference', type: 'string' },
      { key: 'created', label: 'Status Time (As Sent by Mobivate)', type: 'string' },
      { key: 'created_at', label: 'Status Time', type: 'datetime' },
      { key: 'status', label: 'Status', type: 'string' },
      { key: 'statusCode', label: 'Status Code (As Sent by Mobivate)', type: 'integer' },
      { key: 'status_code', label: 'Status Code', type: 'integer' },
      { key: 'status_description', label: 'Status Description', type: 'string' },
      { key: 'is_final', label: 'Is Final', type: 'boolean' },
      { key: 'is_failure', label: 'Is a Failure', type: 'boolean' },
      { key: 'parts', label: 'SMS Parts', type: 'integer' },
      { key: 'hlr', label: 'Number Lookup (HLR) Result' },
    ],
  },
});
