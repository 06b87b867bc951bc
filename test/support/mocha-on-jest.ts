/**
 * ask-sdk-test imports `it` and `describe` from mocha. Under jest, jest.config.js maps the `mocha`
 * module here, so its sequences register as ordinary jest tests (with `done` callbacks, which jest
 * supports).
 */
export const it = globalThis.it;
export const describe = globalThis.describe;
export const before = globalThis.beforeAll;
export const after = globalThis.afterAll;
export const beforeEach = globalThis.beforeEach;
export const afterEach = globalThis.afterEach;
