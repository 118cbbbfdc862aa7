import type { DeliveryStatus } from '../types';

const failed = (description: string): DeliveryStatus => ({
  description,
  final: true,
  failure: true,
});
const interim = (description: string): DeliveryStatus => ({
  description,
  final: false,
  failure: false,
});

/**
 * Delivery statuses by the name the message log gives (§5.3, which also numbers them). Whether one
 * is final is not documented: ACCEPTED, INTERIM_QUEUED, INTERIM_ACKNOWLEDGED and RETRY read as
 * interim, every other as final. The descriptions are for people, in the words of the docs' table.
 */
export const DELIVERY_STATUSES: Readonly<Record<string, DeliveryStatus>> = {
  DELIVERED: { description: 'Delivered to the phone', final: true, failure: false },
  ACCEPTED: interim('Accepted by the mobile network'),
  EXPIRED: failed('Could not be delivered in time (for example, the phone was off)'),
  DELETED: failed('Deleted before delivery'),
  UNDELIVERABLE: failed('Could not be delivered (for example, the number does not exist)'),
  UNKNOWN: failed('Failed with an unknown error'),
  REJECTED: failed('Rejected by the network'),
  INTERIM_QUEUED: interim('Queued by a partner network'),
  INTERIM_ACKNOWLEDGED: interim('Acknowledged by a partner network'),
  RETRY: interim('Delivery will be retried'),
  FAILED_NACK: failed('Accepted but not delivered'),
  FAILED_NOROUTE: failed('No network could take it to this number'),
  FAILED_INSUFFICIENT_CREDIT: failed('Not sent: account credit too low'),
  FAILED_ORIGINATOR_RECIPIENT_EQUAL: failed('Not sent: sender and recipient are the same'),
  FAILED_RECIPIENT_BLACKLISTED: failed('Not sent: the recipient’s number is blocked'),
  FAILED_ORIGINATOR_REJECTED: failed('Not sent: the sender ID was rejected'),
  FAILED_ROUTE_INVALID: failed('The chosen route cannot reach this number'),
  FAILED_LIMITS_EXCEEDED: failed('Not sent: account sending limits exceeded'),
  FAILED_EXHAUSTED: failed('Failed after every retry'),
  FAILED_INTERNAL_ERROR: failed('Failed with an internal error'),
  FAILED_UNKNOWN: failed('Failed for an unknown reason'),
};

/** What is known of a status name, in any letter case; undefined for a name not in the table. */
export const deliveryStatus = (status: string): DeliveryStatus | undefined => {
  const name = status.trim().toUpperCase();
  return Object.hasOwn(DELIVERY_STATUSES, name) ? DELIVERY_STATUSES[name] : undefined;
};
