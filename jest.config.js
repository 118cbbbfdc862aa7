/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
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
};
