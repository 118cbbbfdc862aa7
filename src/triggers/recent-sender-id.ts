import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { DAY_MS, SCAN_LIMITS, mobivate } from '../mobivate';
import { descending } from '../steps/message-log-poll';

/** The From dropdown offers the sender IDs of the messages sent in this many days. */
export const SENDER_LOOKBACK_DAYS = 30;

/**
 * At most this many pages (of 1,000 messages): a dropdown must open fast, and it only suggests
 * (any sender ID can be typed), so a busy account's partial read is enough and is not an error.
 */
export const SENDER_PAGES = 2;

/** One item per sender ID used recently, the most recently used first. */
export const perform = (async (z, bundle) => {
  const now = Date.now();
  const { items } = await mobivate(z, bundle).messageLog.scan(
    { start: now - SENDER_LOOKBACK_DAYS * DAY_MS, end: now + DAY_MS },
    { direction: 'sent', limits: { ...SCAN_LIMITS, maxRequests: SENDER_PAGES } },
  );
  const lastUsed = new Map<string, string>();
  for (const message of items) {
    const sender = message.originator?.trim();
    if (!sender) continue;
    const at = message.created ?? '';
    if ((lastUsed.get(sender) ?? '') <= at) lastUsed.set(sender, at);
  }
  return [...lastUsed]
    .sort(([a, aAt], [b, bAt]) => descending(aAt, bAt) || descending(b, a))
    .map(([sender]) => ({ id: sender, name: sender }));
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'recent_sender_id',
  noun: 'Sender ID',
  display: {
    label: 'New Sender ID',
    description:
      'Triggers when a sender ID is used to send a message; lists the recent ones for the From dropdown.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    perform,
    outputFields: [
      { key: 'id', label: 'Sender ID', type: 'string' },
      { key: 'name', label: 'Sender Name', type: 'string' },
    ],
  },
});
