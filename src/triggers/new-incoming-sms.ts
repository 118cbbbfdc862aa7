import {
  defineInputFields,
  defineTrigger,
  type PollingTriggerPerform,
  type ZObject,
} from 'zapier-platform-core';
import { choiceInput } from '../inputs/read';
import { connectionsOnly, stepNeeds } from '../inputs/connection-fields';
import type { LoggedMessage } from '../mobivate';
import { e164Of, maybeE164Field } from '../outputs/phone';
import { pollMessageLog } from '../steps/message-log-poll';

/** Replies that ask to stop messages, compared whole, trimmed and case-insensitive. */
const OPT_OUT_KEYWORDS = new Set([
  'STOP',
  'STOPALL',
  'STOP ALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'OPTOUT',
  'OPT OUT',
  'OPT-OUT',
  'REVOKE',
]);

export const isOptOutKeyword = (body: string): boolean =>
  OPT_OUT_KEYWORDS.has(
    body
      .trim()
      .replace(/[.!]+$/, '')
      .replace(/\s+/g, ' ')
      .toUpperCase(),
  );

let segmenter: Intl.Segmenter | undefined;

/**
 * The words of a text as Unicode defines them (UAX #29, which also splits Chinese and Japanese),
 * case-folded: "Stopped" and "Yesterday" are one word each, "stop!" and "¡ARRÊT!" hold the words
 * "stop" and "arrêt". (The segmenter is made on first use: loading it with the app would slow every
 * start-up.)
 */
const words = (text: string): string[] => {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  return [...segmenter.segment(text.normalize('NFC'))]
    .filter((segment) => segment.isWordLike)
    .map((segment) => segment.segment.toUpperCase().toLowerCase());
};

/**
 * Whether a message has the keyword as a whole word, or a multi-word keyword as a whole phrase:
 * at its start ("starts_with", the default), or anywhere ("contains"). Punctuation and spacing
 * around and between the words do not matter. A keyword without letters or digits (an emoji) has
 * no words to match, so it is looked for as text.
 */
export const matchesKeyword = (body: string, keyword: string, position?: string): boolean => {
  const wanted = words(keyword);
  if (wanted.length === 0) {
    const text = body.trim().toLowerCase();
    const sought = keyword.trim().toLowerCase();
    return position === 'contains' ? text.includes(sought) : text.startsWith(sought);
  }
  const said = words(body);
  const at = (start: number) => wanted.every((word, i) => said[start + i] === word);
  if (position !== 'contains') return at(0);
  return said.some((_, start) => at(start));
};

const keywordPosition = choiceInput({
  key: 'keyword_match',
  label: 'Keyword Position',
  choices: {
    starts_with: 'The message starts with it (its first whole word or words)',
    contains: 'The message contains it as a whole word',
  },
  fallback: 'starts_with',
});

const inputFields = defineInputFields([
  // On a connection of the other API, one line that says so instead (connection-fields.ts).
  stepNeeds('incomingMessages', [
    {
      key: 'keyword',
      label: 'Keyword',
      type: 'string',
      required: false,
      helpText:
        'Only trigger for messages with this word or phrase as a **whole word**, in any case: STOP matches "stop" and "Stop!" but not "Stopped"; "opt out" matches the two words together. Leave empty for every message.',
    },
    keywordPosition.field,
  ]),
]);

/** A received message as the log has it (§4.2), under its own keys in snake_case. */
const toItem = (message: LoggedMessage) => [
  {
    id: message.id,
    originator: message.originator,
    originator_e164: e164Of(message.originator),
    recipient: message.recipient,
    // Your number, or a short code (no phone number: its twin is empty).
    recipient_e164: e164Of(message.recipient),
    // A reply of digits only ("1") may arrive as a number; the reader makes it text.
    body: message.body ?? '',
    created: message.created,
    in_reply_to: message.inReplyTo,
    is_opt_out_keyword: isOptOutKeyword(message.body ?? ''),
  },
];

type Item = ReturnType<typeof toItem>[number];

const keywordFilter = (z: ZObject, inputData: { keyword?: string; keyword_match?: string }) => {
  const position = keywordPosition.read(z, inputData);
  return (item: Item) =>
    !inputData.keyword?.trim() || matchesKeyword(item.body, inputData.keyword, position);
};

export const perform = (async (z, bundle) =>
  pollMessageLog(z, bundle, {
    direction: 'incoming',
    toItem,
    keep: keywordFilter(z, bundle.inputData),
  })) satisfies PollingTriggerPerform<typeof inputFields>;

export default defineTrigger({
  key: 'new_incoming_sms',
  noun: 'Incoming SMS',
  display: {
    label: 'New Incoming SMS',
    description: `Triggers when someone sends a text message to your number, for example a reply to one of your messages ${connectionsOnly('incomingMessages')}.`,
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: {
      id: '1C9A658F0A931B317B6A53BB42EC3571',
      originator: '447700900123',
      originator_e164: '+447700900123',
      recipient: '447700900000',
      recipient_e164: '+447700900000',
      body: 'STOP',
      created: '2023-09-01T00:30:36.000Z',
      in_reply_to: '961AEAEB0A000A9D2FBD4671D07705FE',
      is_opt_out_keyword: true,
    },
    outputFields: [
      { key: 'id', label: 'Message ID', type: 'string' },
      { key: 'originator', label: 'From (Sender’s Number)', type: 'string' },
      maybeE164Field('originator', 'From'),
      { key: 'recipient', label: 'To (Your Number)', type: 'string' },
      maybeE164Field('recipient', 'To'),
      { key: 'body', label: 'Message', type: 'string' },
      { key: 'created', label: 'Received At', type: 'datetime' },
      { key: 'in_reply_to', label: 'In Reply To Message ID', type: 'string' },
      {
        key: 'is_opt_out_keyword',
        label: 'Is an Opt-Out Keyword (STOP, UNSUBSCRIBE, …)',
        type: 'boolean',
      },
    ],
  },
});
