import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What belongs to the request being answered, wherever the code runs while answering it (a
 * handler, a service, the store client's middleware), without passing it down every call.
 */
export interface RequestScope {
  /** Added to every log line written while the request is answered: its id, type and intent. */
  readonly logFields: Readonly<Record<string, unknown>>;
  /** When the store must have answered (epoch ms): a store call after it fails at once. */
  readonly storeDeadline?: number | undefined;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** Runs `work` (and everything it starts) within `scope`. */
export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return scopes.run(scope, work);
}

/** The scope of the request being answered, or undefined outside any request. */
export function currentRequestScope(): RequestScope | undefined {
  return scopes.getStore();
}
