import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCAL_STORE_CREDENTIALS } from '../../lambda/src/repositories/dynamodb-client';

/** Where `npm start` serves its embedded store, and so where the admin tools go by default. */
export const LOCAL_ENDPOINT = 'http://127.0.0.1:8000';
export const DEFAULT_REGION = 'us-east-1';

export interface StoreConnection {
  /** A DynamoDB endpoint URL; the local store by default. */
  readonly endpoint?: string;
  readonly region?: string;
}

/** True for the loopback addresses, where no AWS credentials exist or are needed. */
export function isLocalEndpoint(endpoint: string): boolean {
  try {
    const { hostname } = new URL(endpoint);
    return ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(hostname);
  } catch {
    return false;
  }
}

/**
 * A DynamoDB client for the admin tools. A local endpoint gets dummy credentials (the embedded store
 * ignores them); any other endpoint uses the normal AWS credential chain (environment, profile, SSO).
 */
export function createStoreClient(connection: StoreConnection = {}): DynamoDBClient {
  const endpoint = connection.endpoint ?? LOCAL_ENDPOINT;
  return new DynamoDBClient({
    endpoint,
    region: connection.region ?? DEFAULT_REGION,
    ...(isLocalEndpoint(endpoint) ? { credentials: LOCAL_STORE_CREDENTIALS } : {}),
  });
}

export function documentClientOf(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
