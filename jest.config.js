/**
 * Jest runs TypeScript through SWC: it only strips types, so the type check is a separate step
 * (`npm run typecheck`, part of `npm test`). ts-jest would type-check every file again per worker,
 * which triples the suite's time on two cores.
 * @type {import('jest').Config}
 */
module.exports = {
  /**
   * Nothing a test file leaves behind may hang the run or break another file, on any machine:
   * - Every file runs in a fresh worker process (`workerIdleMemoryLimit: 0` restarts the worker after
   *   each file, and SIGKILLs it if it does not go). Work a failed or timed-out file left running
   *   (a store still importing, a server still listening) dies with its process instead of throwing
   *   into the next file. It costs a process start per file: 0.2 s of CPU each, about 20 s of CPU
   *   for the suite, 10 s of the run on two idle cores (measured on test/unit, 57 files: 15 s of CPU
   *   reusing workers, 28 s restarting them).
   * - Workers are used on every machine: without them (jest's default on two cores is one worker,
   *   run in band) the tests run in jest's own process, which a single leaked handle keeps alive.
   * - The environment names what each file left open (test/support/leak-reporting-environment.ts).
   *   `--detectOpenHandles` also gives the stack that opened it, but it forces one process, so a
   *   leak hangs the run, and it slows every test: it is `npm run test:handles`, for diagnosis.
   *   `--forceExit` would end the run and say nothing about the leak.
   */
  testEnvironment: '<rootDir>/test/support/leak-reporting-environment.ts',
  workerIdleMemoryLimit: 0,
  maxWorkers: '100%',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // `npm run test:slow` (jest.slow.config.js) runs these; CI runs it after `npm test`.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/bench/'],
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
  // For hangs only: a test that needs longer on a loaded machine says so itself.
  testTimeout: 30000,
};
