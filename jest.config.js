/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // The whole project is in Jest's map, so that the tests related to a source file (Stryker's
  // `npm run mutate`, `jest --findRelatedTests`) include those that reach it through index.ts.
  roots: ['<rootDir>'],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  modulePathIgnorePatterns: [
    '<rootDir>/lib/',
    '<rootDir>/.tools/',
    '<rootDir>/build/',
    '<rootDir>/.stryker-tmp/',
    '<rootDir>/reports/',
  ],
  // .ts first: the root index.js is the compiled app's shim, tests run the TypeScript source.
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    // tsconfig sets isolatedModules, so ts-jest only transpiles; `npm run typecheck` checks types.
    '^.+\\.ts$': 'ts-jest',
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  collectCoverageFrom: ['index.ts', 'src/**/*.ts'],
  coverageThreshold: {
    global: { lines: 90 },
  },
  coverageReporters: ['text-summary', 'text'],
  // Core's handler exits a process that has run 250 invocations above 450 MB (memory-checker.js);
  // a worker that grew past this after a heavy file is replaced before the next one.
  workerIdleMemoryLimit: '300MB',
};
