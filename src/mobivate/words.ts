/**
 * Every reading of Mobivate's words that an outcome depends on (docs/truthful-outcomes.md): one
 * table of what an error message can say, read by `says`, and the one rule for a 404, `notThere`.
 * Words count only when they say the thing plainly; anything else is an error that quotes them.
 */
import type { MobivateAnswer } from './transport/answer';

export type Claim =
  | 'generic'
  | 'opted-out'
  | 'already-listed'
  | 'contact-exists'
  | 'group-exists'
  | 'key-refused'
  | 'duplicate-reference';

/** A permission scope named in Mobivate's words, like "(read:Optouts)" (§V7). */
const SCOPE = /\b((?:create|read|update|delete):[A-Za-z]+)\b/;
const NEGATION = /\b(not|never|no such)\b|n['’]t\b/i;
const HTTP_PHRASES =
  'not found|method not allowed|forbidden|unauthori[sz]ed|bad request|internal server error|bad gateway|service unavailable|gateway time-?out|conflict|unprocessable entity|too many requests|no content';

/** What a message must say (`says`), and what keeps it from saying that (`unless`). */
const CLAIMS: Record<Claim, { says: RegExp[]; unless: RegExp[] }> = {
  /**
   * A bare HTTP phrase or a router's words ("Not Found", "HTTP 404 Not Found", "Cannot DELETE
   * /x", "No route found"), as web frameworks and proxies answer for a path they do not know: it
   * does not show that Mobivate looked at the request.
   */
  generic: {
    says: [
      // "HTTP 404 Not Found", "404", "Error 405: Method Not Allowed", "Not Found."
      new RegExp(`^(http\\s*)?(error\\s*)?(\\d{3}\\b)?[\\s:-]*(${HTTP_PHRASES})?\\.?$`, 'i'),
      /^(cannot|can't) (get|post|put|patch|delete|head|options) \//i,
      /\b(no|unknown|unrecognized|unmatched) (route|endpoint|handler|resource|path)\b/i,
      /\b(could not|unable to|failed to) (find|match|resolve) (the )?(route|resource|path|handler)\b/i,
      /\bresource not found\b|\bpage not found\b|\bpath not found\b|\bnot found on this server\b/i,
    ],
    unless: [],
  },
  /**
   * This recipient opted out (403 on a send, §8.1: "Recipient is opted out: 44…"). Mobivate also
   * answers 403 for a key without a permission (§9 #10, §V7), and messages that mention opting out
   * may be about something else ("must include opt-out instructions", "too many recipients opted
   * out this week"): only a statement that the recipient is opted out counts, and one that names a
   * number counts only for that number (`says`, `about`).
   */
  'opted-out': {
    says: [
      /\b(is|has been|has|was|are)\s+(already\s+)?(opted[\s_-]?out|unsubscribed)\b/i,
      /\b(on|in)\s+(the\s+|an?\s+|your\s+)?(opt[\s_-]?out|unsubscribe|suppression|block)\s*list\b/i,
      /\b(opted[\s_-]?out|unsubscribed)\s+(recipient|number|mobile|msisdn|destination|subscriber)\b/i,
      /^\W*((recipient|number|msisdn|mobile)\s+)?(opted[\s_-]?out|optout|unsubscribed)\W*$/i,
    ],
    unless: [
      /\bpermi(tted|ssion)|\bscope\b|\bapi key\b/i,
      SCOPE,
      /\b(instructions?|must|include|too many|suspend(ed)?|account|limit|keyword|reserved)\b/i,
      /\b\d[\d,]*\s+(recipients|numbers|contacts|people)\b/i,
    ],
  },
  /** The number is already on the opt-out list; not a route, campaign, sender or key problem. */
  'already-listed': {
    says: [/\b(already|duplicate|exists)\b/i],
    unless: [
      NEGATION,
      /\b(route|campaign|sender|originator|api key|user|group|contact|template)\b/i,
    ],
  },
  /**
   * The key check's answer refuses the key, although in a 200 (`{"message": "API Key is
   * invalid"}`): a 200 is not enough to call a connection good.
   */
  'key-refused': {
    says: [
      /\b(invalid|unauthori[sz]ed|denied|forbidden|expired|revoked|disabled|incorrect|wrong|failed|failure|unknown)\b/i,
      /\bnot (valid|authori[sz]ed|recogni[sz]ed|found|allowed|permitted|active)\b/i,
    ],
    unless: [],
  },
  /** The contact's alias or number is taken (§V5 documents a 400 without its words). */
  'contact-exists': {
    says: [/\b(already|duplicate|exists?|taken|in use)\b|\b(must be|not) unique\b/i],
    unless: [/\b(does not|doesn['’]t|do not|don['’]t|never|no such|not found|not exist)\b/i],
  },
  /**
   * A group with this name exists (§V5: "400 when missing or taken", its words not shown; the
   * sandbox says "A group with this name already exists", frameworks "The name has already been
   * taken"). A missing name, a permission or a key is something else.
   */
  'group-exists': {
    says: [
      /\b(already (been )?(exists?|taken|used|in use)|duplicate|name (is )?(taken|in use))\b|\b(must be|not) unique\b/i,
    ],
    unless: [
      /\b(does not|doesn['’]t|do not|don['’]t|never|no such|not found|not exist|required|missing)\b/i,
      /\bpermi(tted|ssion)|\bscope\b|\bapi key\b/i,
      SCOPE,
    ],
  },
  /**
   * A reference already used: an archived Mobivate page says a recipient reference is unique when
   * given (§3.4); its refusal's words are not documented. Only words about the reference count.
   */
  'duplicate-reference': {
    says: [
      /\breference\b.*\b(already (been )?(used|exists?|sent|taken)|duplicate|must be unique|not unique)\b/i,
      /\b(duplicate|repeated)\s+(sender\s+|client\s+)?reference\b/i,
    ],
    unless: [/\b(does not|doesn['’]t|never|no such|not found|missing|required|invalid)\b/i],
  },
};

/** The phone numbers a message names: runs of 7 digits or more, separators allowed. */
const numbersIn = (message: string): string[] =>
  [...message.matchAll(/\+?\d[\d\s().-]{5,}\d/g)]
    .map(([run]) => run.replace(/\D/g, ''))
    .filter((digits) => digits.length >= 7);

/**
 * Whether Mobivate's message says `claim`, by one of its patterns and none of its exceptions;
 * with `about` (a number as international digits), only when every number the message names is
 * that one (in full or in its national form). No message says nothing, except that an empty one
 * is generic.
 */
export const says = (message: string | undefined, claim: Claim, about?: string): boolean => {
  if (!message) return claim === 'generic';
  const { says: patterns, unless } = CLAIMS[claim];
  const aboutIt =
    about === undefined ||
    numbersIn(message).every((named) => about.endsWith(named.replace(/^0+/, '')));
  return (
    aboutIt &&
    patterns.some((pattern) => pattern.test(message)) &&
    !unless.some((p) => p.test(message))
  );
};

/** The permission scope a message names, if any. */
export const scopeIn = (message: string | undefined): string | undefined =>
  SCOPE.exec(message ?? '')?.[1];

/**
 * The one reading of a 404, on every request and both generations: "not there" only in
 * Mobivate's own words (an error body whose message is not generic). A framework's or proxy's
 * 404, an HTML page or an empty body did not come from anything that looked at the request: the
 * caller turns it into an error that quotes it.
 */
export const notThere = (answer: MobivateAnswer): boolean =>
  answer.status === 404 && !says(answer.error?.message, 'generic');
