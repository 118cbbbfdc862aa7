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

/** An opt-out in the app's words: its source described, its time as ISO-8601. */
export const optOutRecord = (mobile: string, note: string | null, created: number) => ({
  mobile,
  note,
  source: note ? describeOptOutSource(note) : null,
  created: new Date(created).toISOString(),
});
