/**
 * What Mobivate's error words say, where an outcome depends on them (docs/truthful-outcomes.md).
 * Both API generations refuse a duplicate opt-out, if they do, in words: only words that say the
 * number is already listed count; "Route does not exist" or a bare "Conflict" do not.
 */
export const saysAlreadyListed = (message: string | undefined): boolean =>
  !!message &&
  /\b(already|duplicate|exists)\b/i.test(message) &&
  !/\b(not|never|no such)\b|n['’]t\b/i.test(message) &&
  !/\b(route|campaign|sender|originator|api key|user|group|contact|template)\b/i.test(message);
