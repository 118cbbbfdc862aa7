// The run of `npm run mutate`, against only the tests MUTATE_TESTS names (comma-separated globs
// from the project's root): MUTATE_TESTS='test/truthful/**' npx stryker run stryker.focused.mjs
// --mutate <file>. Fewer tests can only kill fewer mutants, so its score is a lower bound of the
// full run's, reached in a fraction of the time (docs/testing.md, "Mutation testing").
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('./stryker.config.json', import.meta.url), 'utf8'));
const testMatch = (process.env.MUTATE_TESTS ?? '')
  .split(',')
  .map((glob) => glob.trim())
  .filter(Boolean)
  .map((glob) => `<rootDir>/${glob}`);
if (testMatch.length === 0) throw new Error('MUTATE_TESTS names no tests: see docs/testing.md');

export default {
  ...base,
  jest: { ...base.jest, config: { ...base.jest.config, testMatch } },
};
