import type { DeliveryStatus } from '../types';

const failed = (description: string): DeliveryStatus => ({
  description,
  final: true,
  failure: true,
});
const inFlight = (description: string): DeliveryStatus => ({
  description,
  final: false,
  failure: false,
});

/**
 * Vortex's status words, seen live (§V4; not BulkSMS's receipt statuses, §9 #32), in words for
 * people. The docs show "Delivered"; words are compared in capitals.
 */
const VORTEX_STATUSES: Readonly<Record<string, DeliveryStatus>> = {
  DELIVERED: { description: 'Delivered to the phone', final: true, failure: false },
  UNDELIVERABLE: failed('Could not be delivered (for example, the number does not exist)'),
  UNDELIVERED: failed('Not delivered'),
  OPTED_OUT: failed('Not sent: the recipient opted out'),
  EXPIRED: failed('Could not be delivered in time (for example, the phone was off)'),
  FAILED: failed('Failed'),
  REJECTED: failed('Rejected by the network'),
  FAILED_ROUTE_INVALID: failed('No network could take it to this number'),
  INVALID_RECIPIENT: failed('Not sent: the number is not valid'),
  NETWORK_NOT_COVERED: failed('Not sent: this mobile network is not covered'),
  SUBMIT_FAIL: failed('Not sent: the message could not be submitted'),
  UNKNOWN: failed('Failed with an unknown error'),
  LIMITS_EXCEEDED: failed('Not sent: the sending limit was reached'),
  CREATED: inFlight('Created, not yet sent'),
  SENT: inFlight('Sent to the network'),
  ACCEPTED: inFlight('Accepted by the mobile network'),
  ENROUTE: inFlight('On its way to the phone'),
  SCHEDULED: inFlight('Scheduled for later'),
};

export const vortexStatus = (status: string): DeliveryStatus | undefined => {
  const name = status.trim().toUpperCase();
  return Object.hasOwn(VORTEX_STATUSES, name) ? VORTEX_STATUSES[name] : undefined;
};
