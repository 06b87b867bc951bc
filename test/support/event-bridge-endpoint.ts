import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One entry of a PutEvents call, as the endpoint received it. */
export interface ReceivedEntry {
  readonly EventBusName?: string;
  readonly Source?: string;
  readonly DetailType?: string;
  readonly Detail?: string;
}

/**
 * A local EventBridge-compatible endpoint (the JSON 1.1 protocol's PutEvents): records each entry
 * it receives and answers as EventBridge does. `mode` makes it refuse the entries, or fail the call.
 */
export interface EventBridgeEndpoint {
  readonly url: string;
  readonly entries: ReceivedEntry[];
  /** The `X-Amz-Target` of every call. */
  readonly targets: string[];
  mode: 'accept' | 'refuse' | 'fail';
  close(): Promise<void>;
}

export async function startEventBridgeEndpoint(): Promise<EventBridgeEndpoint> {
  const entries: ReceivedEntry[] = [];
  const targets: string[] = [];
  const state = { mode: 'accept' as EventBridgeEndpoint['mode'] };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      targets.push(String(request.headers['x-amz-target'] ?? ''));
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        Entries?: ReceivedEntry[];
      };
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      if (state.mode === 'fail') {
        response.statusCode = 500;
        response.end(JSON.stringify({ __type: 'InternalException', message: 'The bus is down' }));
        return;
      }
      const received = body.Entries ?? [];
      if (state.mode === 'accept') entries.push(...received);
      response.end(
        JSON.stringify(
          state.mode === 'accept'
            ? {
                FailedEntryCount: 0,
                Entries: received.map((_, index) => ({ EventId: `event-${entries.length + index}` })),
              }
            : {
                FailedEntryCount: received.length,
                Entries: received.map(() => ({ ErrorCode: 'InternalFailure', ErrorMessage: 'refused' })),
              },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    entries,
    targets,
    get mode() {
      return state.mode;
    },
    set mode(mode) {
      state.mode = mode;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
