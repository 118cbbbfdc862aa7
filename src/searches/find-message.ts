import { appError } from '../error-codes';
import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { optionalText, recordProblem } from '../inputs';
import { DAY_MS, mobivate, type LoggedMessage } from '../mobivate';
import { mobivateTimeToIso } from '../mobivate/records';
import loggedMessageSample from '../samples/logged-message.json';
import { formatCount } from '../text';

/** A reference is looked up in the message log of this many days (sends are usually recent). */
export const REFERENCE_LOOKBACK_DAYS = 30;

const inputFields = defineInputFields([
  {
    key: 'message_id',
    label: 'Message ID',
    type: 'string',
    required: false,
    helpText:
      'The Message ID that Send SMS returned. Fill in this or Reference; when both are filled in, the Message ID is used and Reference is ignored.',
  },
  {
    key: 'reference',
    label: 'Reference',
    type: 'string',
    required: false,
    helpText: `The Reference you gave the message when sending it. Looks through the last ${REFERENCE_LOOKBACK_DAYS} days of sent and received messages.`,
  },
]);

/** The log record's facts under its own keys (snake_case), times as ISO-8601, no MO/MT codes. */
const DIRECTIONS: Record<string, string> = { sent: 'sent', incoming: 'received' };
const messageOutput = (message: LoggedMessage) => ({
  id: message.id,
  created: mobivateTimeToIso(message.created) ?? null,
  modified: mobivateTimeToIso(message.modified) ?? null,
  originator: message.originator,
  recipient: message.recipient,
  body: message.body,
  status: message.status,
  direction: message.direction && (DIRECTIONS[message.direction] ?? message.direction),
  in_reply_to: message.inReplyTo,
  route_id: message.route,
  parts: message.parts,
  cost: message.cost,
  currency: message.currency,
  reference: message.reference,
  campaign_id: message.campaignId,
});

export const perform = (async (z, bundle) => {
  const messageId = optionalText(bundle.inputData.message_id);
  const reference = optionalText(bundle.inputData.reference);
  const api = mobivate(bundle);
  if (messageId) {
    const message = await api.messageLog.get(z, bundle, messageId);
    return message ? [messageOutput(message)] : [];
  }
  if (!reference) {
    throw recordProblem(z)('Fill in Message ID or Reference to find a message.');
  }
  const now = Date.now();
  const scan = await api.messageLog.scan(
    z,
    bundle,
    { start: now - REFERENCE_LOOKBACK_DAYS * DAY_MS, end: now + DAY_MS },
    { until: (message) => message.reference === reference },
  );
  if (scan.match) return [messageOutput(scan.match)];
  // "Not found" only when every record of the window was read: a skipped one may be the match.
  if (scan.complete && scan.skipped.length === 0) return [];
  if (scan.complete) {
    throw appError(
      z,
      'MessageSearchInconclusive',
      `Could not tell whether a message with reference "${reference}" exists: ${formatCount(scan.skipped.length)} of the messages Mobivate listed could not be read (the log says why), and it was not among the others. Search by Message ID instead, or send this message to Mobivate support.`,
    );
  }
  throw appError(
    z,
    'MessageSearchIncomplete',
    `Could not finish searching the message log for reference "${reference}": it read ${formatCount(scan.items.length)} messages of the last ${REFERENCE_LOOKBACK_DAYS} days in ${scan.requests} requests without finding it, then stopped to stay within Zapier's limits. Whether the message exists is unknown; search by Message ID instead.`,
  );
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_message',
  noun: 'Message',
  display: {
    label: 'Find Message',
    description:
      'Finds a sent or received message by its ID or your reference, with its delivery status and cost.',
  },
  operation: {
    inputFields,
    perform,
    sample: loggedMessageSample,
    outputFields: [
      { key: 'id', label: 'Message ID', type: 'string' },
      { key: 'created', label: 'Created At', type: 'datetime' },
      { key: 'modified', label: 'Last Updated At', type: 'datetime' },
      { key: 'originator', label: 'From', type: 'string' },
      { key: 'recipient', label: 'To', type: 'string' },
      { key: 'body', label: 'Message', type: 'string' },
      { key: 'status', label: 'Status', type: 'string' },
      { key: 'direction', label: 'Direction (Sent or Received)', type: 'string' },
      { key: 'in_reply_to', label: 'In Reply To Message ID', type: 'string' },
      { key: 'route_id', label: 'Route', type: 'string' },
      { key: 'parts', label: 'SMS Parts', type: 'integer' },
      { key: 'cost', label: 'Cost', type: 'number' },
      { key: 'currency', label: 'Currency', type: 'string' },
      { key: 'reference', label: 'Reference', type: 'string' },
      { key: 'campaign_id', label: 'Campaign', type: 'string' },
    ],
  },
});
