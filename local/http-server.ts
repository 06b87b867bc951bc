import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { ConfigurationError } from '../lambda/src/errors';
import { scrub } from '../lambda/src/logger';
import { isLoopbackAddress, isLoopbackHost, isLoopbackOrigin } from './loopback';
import { RequestAbortedError, RequestBodyTooLargeError, readRequestBody } from './request-body';
import { RequestVerificationError } from './request-verification-error';
import type { RequestVerifier } from './request-verifier';

export const ALEXA_PATH = '/alexa';
/** Alexa's requests are a few KB; its responses may be 24 KB. 256 KiB leaves room and no more. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';
const LOGGED_PATH_LENGTH = 80;

/** A development request, already checked to come from this machine. */
export interface DevRouteRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface DevRouteResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * A loopback-only route, such as the test console at `GET /`. The server refuses, before the
 * handler runs, any caller whose address, `Host` or `Origin` is not this machine.
 */
export interface DevRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Matched exactly, without the query string. */
  readonly path: string;
  handle(request: DevRouteRequest): Promise<DevRouteResponse> | DevRouteResponse;
}

export interface AlexaServerOptions {
  /** Runs the skill on a verified envelope: `buildSkill(...).invoke` in `npm start`. */
  readonly invokeSkill: (envelope: RequestEnvelope) => Promise<ResponseEnvelope>;
  readonly verifier: RequestVerifier;
  readonly devRoutes?: readonly DevRoute[];
  /** Default {@link DEFAULT_MAX_BODY_BYTES}; a larger body is answered with 413. */
  readonly maxBodyBytes?: number;
  /** Default: the system clock. */
  readonly clock?: () => Date;
  /** One line per request, with no request content. Default: `console.log`. */
  readonly log?: (line: string) => void;
}

export interface AlexaServer {
  readonly server: Server;
  /** Default host 127.0.0.1; port 0 picks a free port. Resolves with the bound address. */
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Stops accepting connections and closes open ones, keep-alive included. */
  close(): Promise<void>;
  address(): AddressInfo | null;
}

interface Reply {
  readonly status: number;
  readonly contentType: string;
  readonly body: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
  /** Short, content-free detail for the log line: a verification reason or an error name. */
  readonly note?: string;
}

function jsonReply(status: number, payload: unknown, extra: Partial<Reply> = {}): Reply {
  return { status, contentType: JSON_CONTENT_TYPE, body: JSON.stringify(payload), ...extra };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function checkDevRoutes(routes: readonly DevRoute[]): void {
  const seen = new Set<string>();
  for (const route of routes) {
    if (route.path === ALEXA_PATH) {
      throw new ConfigurationError(`A development route cannot take ${ALEXA_PATH}`);
    }
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) throw new ConfigurationError(`Development route ${key} is defined twice`);
    seen.add(key);
  }
}

/** Why a development route refuses this caller, or undefined when it comes from this machine. */
export function devRouteRefusal(request: IncomingMessage): string | undefined {
  if (!isLoopbackAddress(request.socket.remoteAddress)) return 'caller-not-loopback';
  if (!isLoopbackHost(request.headers.host)) return 'host-not-loopback';
  const origin = request.headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin)) return 'origin-not-loopback';
  return undefined;
}

/**
 * The local endpoint, on `node:http`:
 * - `POST /alexa` reads the raw body, verifies it as Alexa's certification requires (400 with a
 *   reason when it fails), runs the skill and answers its response as JSON (500, without details,
 *   when the skill throws);
 * - development routes (`devRoutes`) answer loopback callers only (403 for anyone else);
 * - any other path is 404, a known path with another method 405.
 *
 * It logs one line per request: method, path, status, time and a reason or error name, never the
 * body, headers or query, which can hold names and numbers.
 */
export function createAlexaServer(options: AlexaServerOptions): AlexaServer {
  const devRoutes = options.devRoutes ?? [];
  checkDevRoutes(devRoutes);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));

  async function handleAlexa(request: IncomingMessage): Promise<Reply> {
    if (request.method !== 'POST') {
      return jsonReply(405, { error: 'Method not allowed' }, { headers: { Allow: 'POST' } });
    }
    const body = await readRequestBody(request, maxBodyBytes);
    let envelope: RequestEnvelope;
    try {
      envelope = await options.verifier.verify({ headers: request.headers, body, now: clock() });
    } catch (error) {
      // Anything the verifier throws is a refusal: a bug in it never lets a request through.
      const reason = error instanceof RequestVerificationError ? error.reason : 'verification-error';
      return jsonReply(400, { error: 'Request verification failed', reason }, { note: `reason=${reason}` });
    }
    try {
      const response = await options.invokeSkill(envelope);
      return jsonReply(200, response);
    } catch (error) {
      return jsonReply(500, { error: 'Internal error' }, { note: `error=${errorName(error)}` });
    }
  }

  async function handleDev(
    request: IncomingMessage,
    path: string,
    query: string,
    routes: DevRoute[],
  ): Promise<Reply> {
    const refusal = devRouteRefusal(request);
    if (refusal !== undefined) return jsonReply(403, { error: 'Forbidden' }, { note: `reason=${refusal}` });
    const route = routes.find((candidate) => candidate.method === request.method);
    if (route === undefined) {
      const allow = routes.map((candidate) => candidate.method).join(', ');
      return jsonReply(405, { error: 'Method not allowed' }, { headers: { Allow: allow } });
    }
    const body = await readRequestBody(request, maxBodyBytes);
    try {
      return await route.handle({
        method: route.method,
        path,
        query: new URLSearchParams(query),
        headers: request.headers,
        body,
      });
    } catch (error) {
      return jsonReply(500, { error: 'Internal error' }, { note: `error=${errorName(error)}` });
    }
  }

  async function route(request: IncomingMessage, path: string, query: string): Promise<Reply> {
    try {
      if (path === ALEXA_PATH) return await handleAlexa(request);
      const routes = devRoutes.filter((candidate) => candidate.path === path);
      if (routes.length > 0) return await handleDev(request, path, query, routes);
      return jsonReply(404, { error: 'Not found' });
    } catch (error) {
      if (error instanceof RequestBodyTooLargeError) {
        // Close the connection: the rest of the body is not worth reading.
        return jsonReply(413, { error: 'Request body too large' }, { headers: { Connection: 'close' } });
      }
      if (error instanceof RequestAbortedError) {
        // Nobody reads this answer; it exists for the log line.
        return jsonReply(400, { error: 'Request aborted' }, { note: 'reason=client-aborted' });
      }
      return jsonReply(500, { error: 'Internal error' }, { note: `error=${errorName(error)}` });
    }
  }

  async function listener(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    // Split by hand: `new URL('//x/alexa', base)` would read `x` as a host.
    const target = request.url ?? '/';
    const queryAt = target.indexOf('?');
    const path = queryAt === -1 ? target : target.slice(0, queryAt);
    const query = queryAt === -1 ? '' : target.slice(queryAt + 1);
    const reply = await route(request, path, query);
    response.writeHead(reply.status, {
      'Content-Type': reply.contentType,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...reply.headers,
    });
    response.end(reply.body);
    const elapsed = (performance.now() - started).toFixed(1);
    // A client chooses the path: masked like any log value, so it cannot put an address in the log.
    const shownPath = String(
      scrub(path.length > LOGGED_PATH_LENGTH ? `${path.slice(0, LOGGED_PATH_LENGTH)}...` : path),
    );
    log(`${request.method} ${shownPath} ${reply.status} ${elapsed}ms${reply.note ? ` ${reply.note}` : ''}`);
  }

  const server = createServer({ requestTimeout: 15_000, headersTimeout: 10_000 }, (request, response) => {
    listener(request, response).catch(() => {
      // Only writing the reply can fail here (the client went away); there is no one left to tell.
      response.destroy();
    });
  });

  return {
    server,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      }),
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    address: () => {
      const address = server.address();
      return typeof address === 'object' ? address : null;
    },
  };
}
