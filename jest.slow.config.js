/**
 * `npm run test:slow`: what is too slow to run on every `npm test`, and what CI runs after it. The
 * benchmark harness in miniature (every part of `npm run bench` with tiny counts, about 40 s of a
 * loaded two-core machine) and the directory import at 5,000 rows (`IMPORT_ROWS`, set by the script).
 * @type {import('jest').Config}
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/'],
  testMatch: [
    '<rootDir>/test/bench/**/*.test.ts',
    '<rootDir>/test/integration/scripts/directory-import/large-import.test.ts',
  ],
};
