import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../errors';
import { currentRequestScope } from '../request-scope';

/** A store call that began after its request's store budget was spent, or ran past it. */
export class StoreDeadlineError extends StoreUnavailableError {
  public constructor(message: string) {
    super(message);
    this.name = 'StoreDeadlineError';
  }
}

/**
 * Holds every store call of a request to the request's deadline (`RequestScope.storeDeadline`):
 * however many calls a request makes and however the SDK retries them, together they end by the
 * deadline. A call after it fails at once; a call still running at it is abandoned (its socket is
 * closed by the client's own timeout shortly after). Added at the `initialize` step, outside the
 * SDK's retries. Calls made outside a request (tools, tests' setup) are not limited.
 */
export function limitStoreCallsToRequestDeadline(
  client: DynamoDBDocumentClient,
  now: () => number = Date.now,
): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const deadline = currentRequestScope()?.storeDeadline;
      if (deadline === undefined) return next(args);
      const remaining = deadline - now();
      if (remaining <= 0) throw new StoreDeadlineError("The request's store budget is spent");
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new StoreDeadlineError("The store did not answer within the request's budget")),
          remaining,
        );
      });
      try {
        return await Promise.race([next(args), late]);
      } finally {
        clearTimeout(timer);
      }
    },
    { step: 'initialize', name: 'frontDeskStoreDeadline', priority: 'high' },
  );
}
