import { type AlexaServerOptions, createAlexaServer } from '../../local/http-server';
import { AlexaRequestVerifier } from '../../local/request-verifier';

/** The local server with its test console, listening on a free port of 127.0.0.1. */
export interface ConsoleServer {
  /** `http://127.0.0.1:<port>`, with no slash at the end. */
  readonly base: string;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

/**
 * Starts the local server the way `npm start` wires it (the real request verifier), on a free
 * port, with no log lines: the skill it invokes and the console's routes are the test's.
 */
export async function startConsoleServer(
  options: Pick<AlexaServerOptions, 'invokeSkill' | 'devRoutes'>,
): Promise<ConsoleServer> {
  const server = createAlexaServer({
    invokeSkill: options.invokeSkill,
    verifier: new AlexaRequestVerifier(),
    devRoutes: options.devRoutes,
    log: () => undefined,
  });
  const address = await server.listen(0, '127.0.0.1');
  return { base: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}
