import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { currentRequestScope } from '../request-scope';

/**
 * A monotonic clock in milliseconds. Not `performance.now()`: the first touch of the global
 * `performance` loads Node's perf_hooks (nine internal modules, about a millisecond of a cold start).
 */
function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Adds each store call's time (retries and backoff included, as the user waits for them) to the
 * request's `storeTime`, which the request's metric line reports: one number per request rather
 * than a line per call. A few additions per call, and nothing at all outside a request (tools,
 * tests' setup) or in a scope that does not ask for it. Added at the `initialize` step at low
 * priority, so it runs inside the request deadline and outside the SDK's retries.
 */
export function timeStoreCalls(client: DynamoDBDocumentClient, now: () => number = monotonicMs): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const storeTime = currentRequestScope()?.storeTime;
      if (!storeTime) return next(args);
      const started = now();
      try {
        return await next(args);
      } finally {
        storeTime.calls += 1;
        storeTime.milliseconds += now() - started;
      }
    },
    { step: 'initialize', name: 'frontDeskStoreTiming', priority: 'low' },
  );
}
