import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { mobivateError, unexpectedAnswer } from '../errors';
import { optionalText } from '../fields';
import { PATHS, mobivateTimeToIso, readLoggedMessage, type LoggedMessage } from '../mobivate';
import { callMobivate } from '../request';
import { scanMessageLog } from '../message-log';
import loggedMessageSample from '../samples/logged-message.json';
import { DAY_MS } from '../scan';
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

const messageOutput = (message: LoggedMessage) => ({
  ...message,
  created_at: mobivateTimeToIso(message.created) ?? null,
  modified_at: mobivateTimeToIso(message.modified) ?? null,
});

export const perform = (async (z, bundle) => {
  const messageId = optionalText(bundle.inputData.message_id);
  const reference = optionalText(bundle.inputData.reference);
  if (messageId) {
    const answer = await callMobivate(z, bundle, {
      method: 'GET',
      path: `${PATHS.messageLog}/${encodeURIComponent(messageId)}`,
      handles: [404],
    });
    if (answer.status === 404) {
      // "No such message" only when Mobivate says so; a bare "Not Found" is a wrong address.
      if (answer.error && !answer.error.generic) return [];
      throw mobivateError(z, answer, bundle);
    }
    const message = readLoggedMessage(answer.data);
    if (!message)
      throw unexpectedAnswer(z, answer, bundle, 'a message log record ({"id", "created", …})');
    return [messageOutput(message)];
  }
  if (!reference) {
    throw new z.errors.Error('Fill in Message ID or Reference to find a message.', 'NothingToFind');
  }
  const now = Date.now();
  const scan = await scanMessageLog(
    z,
    bundle,
    { start: now - REFERENCE_LOOKBACK_DAYS * DAY_MS, end: now + DAY_MS },
    { until: (message) => message.senderReference === reference },
  );
  if (scan.match) return [messageOutput(scan.match)];
  if (scan.complete) return [];
  throw new z.errors.Error(
    `Could not finish searching the message log for reference "${reference}": it read ${formatCount(scan.items.length)} messages of the last ${REFERENCE_LOOKBACK_DAYS} days in ${scan.requests} requests without finding it, then stopped to stay within Zapier's time limit. Whether the message exists is unknown; search by Message ID instead.`,
    'MessageSearchIncomplete',
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
      { key: 'created', label: 'Created (As Sent by Mobivate)', type: 'string' },
      { key: 'created_at', label: 'Created At', type: 'datetime' },
      { key: 'modified', label: 'Last Updated (As Sent by Mobivate)', type: 'string' },
      { key: 'modified_at', label: 'Last Updated At', type: 'datetime' },
      { key: 'originator', label: 'From', type: 'string' },
      { key: 'recipient', label: 'To', type: 'string' },
      { key: 'body', label: 'Message', type: 'string' },
      { key: 'status', label: 'Status', type: 'string' },
      { key: 'direction', label: 'Direction (MT Sent, MO Received)', type: 'string' },
      { key: 'inReplyTo', label: 'In Reply To Message ID', type: 'string' },
      { key: 'routeId', label: 'Route', type: 'string' },
      { key: 'parts', label: 'SMS Parts', type: 'integer' },
      { key: 'cost', label: 'Cost', type: 'number' },
      { key: 'currency', label: 'Currency', type: 'string' },
      { key: 'senderReference', label: 'Reference', type: 'string' },
      { key: 'campaignId', label: 'Campaign', type: 'string' },
    ],
  },
});
