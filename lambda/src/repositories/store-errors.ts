import { ConflictError, StoreUnavailableError } from '../errors';

/**
 * Turns what the AWS SDK throws into Front Desk's domain errors: a lost conditional write becomes
 * a {@link ConflictError}; everything else (throttling, timeouts, network) is the store being
 * unavailable. Programming errors (validation) are rethrown as they are.
 */
export function translateStoreError(error: unknown, operation: string): Error {
  const name = error instanceof Error ? error.name : '';
  if (name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException') {
    return new ConflictError(`${operation} lost a conditional write`, { cause: error });
  }
  if (name === 'ValidationException' || name === 'ResourceNotFoundException') {
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
