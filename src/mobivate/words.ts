/**
 * Every reading of Mobivate's words that an outcome depends on (docs/truthful-outcomes.md): one
 * table of what an error message can say, read by `says`, and the one rule for a 404, `notThere`.
 * Words count only when they say the thing plainly; anything else is an error that quotes them.
 */
import type { MobivateAnswer } from './transport/answer';

export type Claim = 'generic' | 'opted-out' | 'already-listed' | 'contact-exists';

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
   * The recipient opted out (403 on a send, §8.1). Mobivate also answers 403 for a key without a
   * permission (§9 #10, §V7), so words about permissions, scopes or the key never count.
   */
  'opted-out': {
    says: [/\bopt(ed|s)?[\s_-]?out\b|\boptout\b|\bunsubscribed\b/i],
    unless: [/\bpermi(tted|ssion)|\bscope\b|\bapi key\b/i, SCOPE],
  },
  /** The number is already on the opt-out list; not a route, campaign, sender or key problem. */
  'already-listed': {
    says: [/\b(already|duplicate|exists)\b/i],
    unless: [
      NEGATION,
      /\b(route|campaign|sender|originator|api key|user|group|contact|template)\b/i,
    ],
  },
  /** The contact's alias or number is taken (§V5 documents a 400 without its words). */
  'contact-exists': {
    says: [/\b(already|duplicate|exists?|taken|in use)\b|\b(must be|not) unique\b/i],
    unless: [/\b(does not|doesn['’]t|do not|don['’]t|never|no such|not found|not exist)\b/i],
  },
};

/**
 * Whether Mobivate's message says `claim`, by one of its patterns and none of its exceptions. No
 * message says nothing, except that an empty one is generic.
 */
export const says = (message: string | undefined, claim: Claim): boolean => {
  if (!message) return claim === 'generic';
  const { says: patterns, unless } = CLAIMS[claim];
  return patterns.some((pattern) => pattern.test(message)) && !unless.some((p) => p.test(message));
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
