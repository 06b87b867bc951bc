import { ConflictError, StoreUnavailableError } from '../errors';

/**
 * The store refused a call because the function's IAM role does not allow it: a deployment
 * defect, not an outage. Still a {@link StoreUnavailableError}, so every caller keeps apologizing
 * as it would for an outage, but its own kind, so it is logged at ERROR with the action and
 * resource that were refused and counted under its own reason, instead of looking like DynamoDB
 * having a bad minute.
 */
export class StoreAccessDeniedError extends StoreUnavailableError {
  public constructor(
    operation: string,
    /** The IAM action refused (`dynamodb:UpdateItem`), when AWS named it. */
    public readonly action: string | undefined,
    /** The ARN it was refused on, when AWS named it. */
    public readonly resource: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      `${operation} was refused by IAM: the role may not ${action ?? 'make this call'}${
        resource ? ` on ${resource}` : ''
      }`,
      options,
    );
    this.name = 'StoreAccessDeniedError';
  }
}

// AWS's wording: "User: arn:... is not authorized to perform: dynamodb:UpdateItem on resource:
// arn:aws:dynamodb:...:table/... because no identity-based policy allows ...".
const NOT_AUTHORIZED = /perform: (\S+) on resource: (\S+)/;

/**
 * Turns what the AWS SDK throws into Front Desk's domain errors: a lost conditional write becomes
 * a {@link ConflictError}; a call IAM refused a {@link StoreAccessDeniedError}; a missing table and
 * everything else (throttling, timeouts, network) is the store being unavailable.
 *
 * A `ValidationException` is rethrown as it is: DynamoDB says the request itself is malformed (an
 * expression, a key, an item too large), which is a bug in the code, not the store failing. The
 * error handler then gives the generic apology and drops the pending question, which would only
 * fail the same way again; mapped to "unavailable", it would invite the user to retry forever.
 */
export function translateStoreError(error: unknown, operation: string): Error {
  const name = error instanceof Error ? error.name : '';
  if (name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException') {
    return new ConflictError(`${operation} lost a conditional write`, { cause: error });
  }
  if (name === 'ValidationException') return error as Error;
  if (name === 'AccessDeniedException') {
    const [, action, resource] = NOT_AUTHORIZED.exec((error as Error).message) ?? [];
    return new StoreAccessDeniedError(operation, action, resource, { cause: error });
  }
  if (name === 'ResourceNotFoundException') {
    return new StoreUnavailableError(`${operation} was refused by the store (${name})`, { cause: error });
  }
  return new StoreUnavailableError(`${operation} failed: ${name || 'unknown error'}`, { cause: error });
}

/** Runs one store call, translating its failure. */
export async function storeCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw translateStoreError(error, operation);
  }
}
