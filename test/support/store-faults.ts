import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Store failures injected into a real AWS SDK v3 client, below its retry middleware, so the
 * SDK's own retries, the repositories' error translation and the services' recovery all run as
 * they would against a failing DynamoDB:
 * - `refuse`: the store answers with a non-retryable error (AccessDeniedException); nothing is written;
 * - `unreachable`: the connection is refused (retried by the SDK, then given up); nothing is written;
 * - `lostReply`: the request reaches the store and is applied, then the reply times out (the SDK
 *   retries it, which a conditional write then refuses).
 */
export type StoreFault = 'refuse' | 'unreachable' | 'lostReply';

export interface FaultRule {
  /** The low-level operation: 'PutItem', 'GetItem', 'Query'... */
  readonly operation: string;
  /** Picks the requests by their wire body (marshalled JSON), e.g. /"HISTORY#c005"/. */
  readonly body?: RegExp;
  readonly fault: StoreFault;
  /** How many matching requests go through untouched before the fault starts. */
  readonly skip?: number;
  /** How many matching requests fail; every one when unset. */
  readonly times?: number;
}

/** The request's serialized JSON, whether the SDK made it a string or bytes. */
function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  return '';
}

export interface InjectedFaults {
  /** How many requests each rule failed, in rule order. */
  readonly hits: number[];
  remove(): void;
}

let injections = 0;

function faultError(fault: Exclude<StoreFault, 'lostReply'>): Error {
  if (fault === 'refuse') {
    return Object.assign(new Error('User is not authorized to perform this action'), {
      name: 'AccessDeniedException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
  }
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1'), { code: 'ECONNREFUSED' });
}

export function injectStoreFaults(
  client: DynamoDBDocumentClient,
  rules: readonly FaultRule[],
): InjectedFaults {
  injections += 1;
  const name = `frontDeskTestFaults${injections}`;
  const hits = rules.map(() => 0);
  const seen = rules.map(() => 0);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const request = (args as { request?: { body?: unknown } }).request;
      const body = bodyText(request?.body);
      const operation = String(context.commandName ?? '').replace(/Command$/, '');
      const index = rules.findIndex(
        (rule) => rule.operation === operation && (rule.body === undefined || rule.body.test(body)),
      );
      const rule = rules[index];
      if (!rule) return next(args);
      seen[index] = (seen[index] ?? 0) + 1;
      const skipped = (seen[index] ?? 0) <= (rule.skip ?? 0);
      const spent = rule.times !== undefined && (hits[index] ?? 0) >= rule.times;
      if (skipped || spent) return next(args);
      hits[index] = (hits[index] ?? 0) + 1;
      if (rule.fault !== 'lostReply') throw faultError(rule.fault);
      await next(args);
      throw Object.assign(new Error('socket timed out waiting for the reply'), { name: 'TimeoutError' });
    },
    { step: 'deserialize', name, priority: 'high' },
  );
  return { hits, remove: () => client.middlewareStack.remove(name) };
}
