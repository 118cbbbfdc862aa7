import { permissionSentence } from '../common/permissions';
import {
  defineInputFields,
  defineSearch,
  type SearchPerform,
  type ZObject,
} from 'zapier-platform-core';
import { appError } from '../common/error-codes';
import { formatCount } from '../common/text';
import { optionalText, recordProblem } from '../inputs/read';
import { DAY_MS, mobivate } from '../mobivate';
import { loggedMessageSample, messageOutput, messageOutputFields } from '../outputs/message';

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

/**
 * Records without a reference field (Vortex's documented history shape) cannot be ruled out:
 * "not found" would not follow from what Mobivate said.
 */
const cannotSearch = (z: ZObject, reference: string, without: number, read: number) =>
  appError(
    z,
    without === read ? 'MessageSearchUnsupported' : 'MessageSearchInconclusive',
    without === read
      ? `Cannot search by reference "${reference}": the message history Mobivate answers with for this account carries no references. Search by Message ID instead.`
      : `Could not tell whether a message with reference "${reference}" exists: ${formatCount(without)} of the ${formatCount(read)} messages Mobivate listed carry no reference, and it was not among the others. Search by Message ID instead.`,
  );

export const perform = (async (z, bundle) => {
  const messageId = optionalText(bundle.inputData.message_id);
  const reference = optionalText(bundle.inputData.reference);
  const api = mobivate(z, bundle);
  if (messageId) {
    const message = await api.messageLog.get(messageId);
    return message ? [messageOutput(message)] : [];
  }
  if (!reference) {
    throw recordProblem(z)('Fill in Message ID or Reference to find a message.');
  }
  const now = Date.now();
  const scan = await api.messageLog.scan(
    { start: now - REFERENCE_LOOKBACK_DAYS * DAY_MS, end: now + DAY_MS },
    { until: (message) => message.reference === reference },
  );
  if (scan.match) return [messageOutput(scan.match)];
  const withoutReference = scan.items.filter((message) => !message.carriesReference).length;
  if (withoutReference > 0) throw cannotSearch(z, reference, withoutReference, scan.items.length);
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
    description: `Finds a sent or received message by its ID or your reference, with its delivery status and cost. ${permissionSentence('find_message')}`,
  },
  operation: {
    inputFields,
    perform,
    sample: loggedMessageSample,
    outputFields: [...messageOutputFields],
  },
});
