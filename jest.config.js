/**
 * Jest runs TypeScript through SWC: it only strips types, so the type check is a separate step
 * (`npm run typecheck`, part of `npm test`). ts-jest would type-check every file again per worker,
 * which triples the suite's time on two cores.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
    // double-metaphone ships only as an ES module, which jest on Node 20 cannot require as it is.
    '/node_modules/double-metaphone/.+\\.js$': [
      '@swc/jest',
      { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!double-metaphone/)'],
  // ask-sdk-test registers its sequences with mocha's `it`; under jest that import is jest's own.
  moduleNameMapper: { '^mocha$': '<rootDir>/test/support/mocha-on-jest.ts' },
  testTimeout: 30000,
};
