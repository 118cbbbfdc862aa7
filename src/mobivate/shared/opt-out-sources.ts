import { instantRange } from './times';

/**
 * What an opt-out's `note` says about where it came from, in words for people. BulkSMS documents
 * MO and API (§2.1); Vortex writes sentences, seen live (§V2). Other notes are passed through.
 */
const BY_CODE: Record<string, string> = {
  MO: 'Replied with an opt-out keyword',
  API: 'Added through the API',
};

const BY_WORDS: [RegExp, string][] = [
  [/\b3x\s*undeliverable\b/i, 'Opted out by Mobivate after 3 undeliverable messages'],
  [/\bopted out via\b|\bqwt\d*\.me\b/i, 'Tapped the opt-out link in a message'],
  [/\bpasted\b/i, 'Pasted into the Mobivate hub'],
  [/\bfile upload\b/i, 'Uploaded in a file to the Mobivate hub'],
];

/** The codes a New Opt-Out filter can offer. */
export const OPT_OUT_SOURCES: Readonly<Record<string, string>> = BY_CODE;

export const describeOptOutSource = (note: string): string =>
  BY_CODE[note.trim().toUpperCase()] ?? BY_WORDS.find(([words]) => words.test(note))?.[1] ?? note;

/** An opt-out in the app's words: its source described, its time as read (times.ts). */
export const optOutRecord = (mobile: string, note: string | null, created: string) => ({
  mobile,
  note,
  source: note ? describeOptOutSource(note) : null,
  created,
});

/** An opt-out made this long before the request was there before it, whatever the clocks. */
const LISTED_BEFORE_MS = 86_400_000;
/** An opt-out this recent is the request's own, allowing for a clock that runs behind. */
const MADE_NOW_MS = 10 * 60_000;

/**
 * Whether an added number was already opted out, from the time Mobivate gives its opt-out
 * (§2.1 documents no answer for a duplicate): true when it is a day or more before the request,
 * false when it is within minutes of it, and null (unknown) in between or for a time without a
 * zone that may lie in either (docs/truthful-outcomes.md).
 */
export const listedBefore = (created: string, sentAt: number): boolean | null => {
  const { earliest, latest } = instantRange(created);
  if (latest < sentAt - LISTED_BEFORE_MS) return true;
  if (earliest >= sentAt - MADE_NOW_MS) return false;
  return null;
};
