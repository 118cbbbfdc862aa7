/**
 * A mixed list of recipients for grouping tests and the quiet-hours benchmark: North American
 * numbers over several area codes, UK, Australian, Russian, Mexican, Brazilian and German mobiles,
 * and a few numbers whose zone is not known. Deterministic, so that runs compare.
 */
const AREA_CODES = ['212', '213', '208', '312', '416', '604', '808', '907', '787', '305'];
const PATTERNS = [
  (i: number) => `1${AREA_CODES[i % AREA_CODES.length]}555${String(i % 10_000).padStart(4, '0')}`,
  (i: number) => `+447700${String(i % 1_000_000).padStart(6, '0')}`,
  (i: number) => `614${String(i % 100_000_000).padStart(8, '0')}`,
  (i: number) => `79${String(i % 1_000_000_000).padStart(9, '0')}`,
  (i: number) => `52${['55', '664', '998'][i % 3]}${String(i % 10_000_000).padStart(7, '0')}`,
  (i: number) => `55${['11', '21', '92'][i % 3]}9${String(i % 100_000_000).padStart(8, '0')}`,
  (i: number) => `49151${String(i % 100_000_000).padStart(8, '0')}`,
  (i: number) => (i % 100 === 7 ? `999${i}` : `+1 213 555 ${String(i % 10_000).padStart(4, '0')}`),
];

export const mixedNumbers = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => PATTERNS[i % PATTERNS.length]!(i));
