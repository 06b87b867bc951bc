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
  /** Store time spent by this request so far, added to by the store client (`store-timing.ts`). */
  readonly storeTime?: StoreTime | undefined;
  /** Work started while answering that must settle before the answer goes out ({@link keepUntilAnswered}). */
  readonly unsettled?: Promise<unknown>[] | undefined;
}

/** The store calls of one request: how many, and their total time, retries included. */
export interface StoreTime {
  calls: number;
  milliseconds: number;
}

/**
 * What joins a skill log line to Lambda's own lines for the same invocation (START, REPORT, and any
 * `console` line, which Lambda's JSON format tags with `requestId`): the invocation's id, and
 * whether it was the container's first.
 */
export interface LambdaFields {
  readonly awsRequestId?: string;
  readonly coldStart: boolean;
}

/**
 * The log fields of a Lambda invocation, from its context (absent locally and in tests, where
 * there is no invocation id). Pure: the caller says whether this is the cold start
 * ({@link takeColdStart}), so the fields can be built again without using the flag up.
 */
export function lambdaFieldsOf(context: unknown, coldStart: boolean): LambdaFields {
  const awsRequestId = (context as { awsRequestId?: unknown } | null | undefined)?.awsRequestId;
  return typeof awsRequestId === 'string' ? { awsRequestId, coldStart } : { coldStart };
}

let coldStart = true;

/** True for the first request this process answers (module state lives as long as the container), false after. */
export function takeColdStart(): boolean {
  const first = coldStart;
  coldStart = false;
  return first;
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

/**
 * Keeps `work`, started while answering but not awaited by the answer, from outliving the request:
 * the skill's guard waits for it to settle before it returns the response, whether the answer
 * succeeded or failed (Lambda freezes the process once the handler returns, with whatever is still
 * under way). Outside a request scope that asks for it (tools, tests' setup), `work` just runs, and
 * the result says so: false when nothing will wait for it, so the caller can.
 */
export function keepUntilAnswered(work: Promise<unknown>): boolean {
  const unsettled = currentRequestScope()?.unsettled;
  unsettled?.push(work);
  return unsettled !== undefined;
}

/** Waits for everything {@link keepUntilAnswered} kept in `scope`, including work kept meanwhile. */
export async function settleKeptWork(scope: RequestScope): Promise<void> {
  const kept = scope.unsettled;
  if (!kept) return;
  for (let settled = 0; settled < kept.length; ) {
    const end = kept.length;
    await Promise.allSettled(kept.slice(settled, end));
    settled = end;
  }
}
