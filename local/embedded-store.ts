import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

/**
 * A DynamoDB-compatible store in this process (dynalite on LevelDB, or in memory without a path).
 * It has no transactions, TTL or streams, which Front Desk does not rely on.
 */
export interface EmbeddedStore {
  /** The endpoint to give the AWS SDK, for example http://127.0.0.1:8000. */
  readonly endpoint: string;
  close(): Promise<void>;
}

export interface EmbeddedStoreOptions {
  /** Folder for the LevelDB files; in memory when omitted. */
  readonly path?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
}

export async function startEmbeddedStore(options: EmbeddedStoreOptions = {}): Promise<EmbeddedStore> {
  const host = options.host ?? '127.0.0.1';
  // Table creation is instant: the defaults wait half a second per table state change.
  const server = dynalite({
    ...(options.path ? { path: options.path } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
