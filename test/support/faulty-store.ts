import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';

/**
 * A DynamoDB endpoint on loopback that fails the way a real one can, placed in front of the
 * embedded store so that the real AWS SDK client, with its real timeouts and retries, meets the
 * failure on the wire:
 * - `pass`: forwarded to the store, answered as it answers;
 * - `hang`: accepted and never answered (a store that stopped responding);
 * - `reset`: the connection is reset (TCP RST) as soon as the request arrives;
 * - `error500`: HTTP 500 InternalServerError;
 * - `throttle`: HTTP 400 ProvisionedThroughputExceededException, as DynamoDB throttles;
 * - `stallBody`: the reply's headers come, then its body stops halfway;
 * - `applyThenHang`: forwarded and applied by the store, but the reply never comes back.
 */
export type EndpointFault =
  | 'pass'
  | 'hang'
  | 'reset'
  | 'error500'
  | 'throttle'
  | 'stallBody'
  | 'applyThenHang';

/** Picks the fault for one request: `operation` is DynamoDB's ("GetItem"), `body` the request JSON. */
export type FaultPlan = (operation: string, body: string) => EndpointFault;

export interface FaultyStore {
  readonly endpoint: string;
  /** Every request seen, as "Operation:fault". */
  readonly seen: string[];
  plan: FaultPlan;
  close(): Promise<void>;
}

const JSON_1_0 = 'application/x-amz-json-1.0';

function awsError(response: ServerResponse, status: number, type: string, message: string): void {
  const body = JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message });
  response.writeHead(status, { 'Content-Type': JSON_1_0, 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

function forward(
  upstream: URL,
  request: IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, host: upstream.host },
      },
      (reply) => {
        readBody(reply).then(
          (replyBody) =>
            resolve({
              status: reply.statusCode ?? 500,
              headers: Object.fromEntries(
                Object.entries(reply.headers).filter(
                  (entry): entry is [string, string] => typeof entry[1] === 'string',
                ),
              ),
              body: replyBody,
            }),
          reject,
        );
      },
    );
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}

/** Starts the endpoint in front of `upstream` (the embedded store's URL); `pass` for everything at first. */
export async function startFaultyStore(upstream: string): Promise<FaultyStore> {
  const target = new URL(upstream);
  const seen: string[] = [];
  const store: FaultyStore = {
    endpoint: '',
    seen,
    plan: () => 'pass',
    close: async () => undefined,
  };
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const operation = String(request.headers['x-amz-target'] ?? '').replace(/^DynamoDB_\d+\./, '');
      const fault = store.plan(operation, body.toString('utf8'));
      seen.push(`${operation}:${fault}`);
      switch (fault) {
        case 'hang':
          return;
        case 'reset':
          request.socket.resetAndDestroy();
          return;
        case 'error500':
          awsError(response, 500, 'InternalServerError', 'Internal server error');
          return;
        case 'throttle':
          awsError(
            response,
            400,
            'ProvisionedThroughputExceededException',
            'The level of configured provisioned throughput for the table was exceeded.',
          );
          return;
        case 'stallBody':
          response.writeHead(200, { 'Content-Type': JSON_1_0, 'Content-Length': '200' });
          response.write('{"Item":{');
          return;
        case 'applyThenHang':
          await forward(target, request, body);
          return;
        case 'pass': {
          const reply = await forward(target, request, body);
          response.writeHead(reply.status, reply.headers);
          response.end(reply.body);
          return;
        }
      }
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(store, {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** A loopback port nobody listens on: connecting to it is refused at once. */
export async function unreachableEndpoint(): Promise<string> {
  const server: Server = createTcpServer((socket: Socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
