import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestEnvelope } from 'ask-sdk-model';
import { endOfDayMessage } from '../dialog/commands';
import type { DialogSession, Turn } from '../dialog/session';
import { describeRequest } from '../dialog/turn-format';
import type { DevRoute, DevRouteRequest, DevRouteResponse } from '../http-server';

/**
 * The test console: a static page at `GET /` and the development routes it talks to. The server
 * answers these for loopback callers only; they drive a {@link DialogSession} that runs the skill
 * in process, so `POST /alexa` and its verification are untouched.
 *
 *   GET  /                  the page (and /console/app.js, /console/app.css)
 *   GET  /dev/state         the session, the locales, the invocation name
 *   POST /dev/utterance     {"text": "..."}: say something
 *   POST /dev/envelope      a request envelope, sent as is
 *   POST /dev/reset         forget the session
 *   POST /dev/locale        {"locale": "en-US"}: switch the interaction model
 *   POST /dev/device        {"device": "screen" | "headless"}: an Echo Show, or a device without a screen
 *   POST /dev/touch         {"arguments": ["openContact", "c002"]}: touch the screen (an APL UserEvent)
 *   POST /dev/speaker       {"speaker": "Priya"}: speak as that voice profile; {"speaker": null}: an unrecognised voice
 *   POST /dev/end-of-day    run end of day now: everyone still in is checked out
 */
export interface ConsoleOptions {
  readonly session: DialogSession;
  /** The locales with an interaction model, for the locale picker. */
  readonly locales: readonly string[];
  /** The skill's name in the page title and on cards. */
  readonly skillName?: string;
}

const ASSETS = path.join(__dirname, 'assets');
const JSON_TYPE = 'application/json; charset=utf-8';
/** The page loads only its own script and style; card images may come from anywhere over https. */
const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/** The console's request could not be used: bad JSON, a missing field. Answered with 400. */
export class ConsoleRequestError extends Error {
  public constructor(
    message: string,
    public readonly status = 400,
  ) {
    super(message);
    this.name = 'ConsoleRequestError';
  }
}

function json(status: number, payload: unknown): DevRouteResponse {
  return { status, contentType: JSON_TYPE, body: JSON.stringify(payload) };
}

function asset(file: string, contentType: string, headers: Record<string, string> = {}): DevRoute['handle'] {
  const body = readFileSync(path.join(ASSETS, file));
  return () => ({ status: 200, contentType, body, headers });
}

function readJson(request: DevRouteRequest): Record<string, unknown> {
  const type = String(request.headers['content-type'] ?? '');
  // A JSON content type cannot come from a plain HTML form, a second guard after the Origin check.
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new ConsoleRequestError('Send JSON (Content-Type: application/json)', 415);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body.toString('utf8') || '{}');
  } catch (error) {
    throw new ConsoleRequestError(`The body is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConsoleRequestError('The body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function checkEnvelope(value: Record<string, unknown>): RequestEnvelope {
  const request = value.request as Record<string, unknown> | undefined;
  if (value.version === undefined || typeof request?.type !== 'string' || typeof value.context !== 'object') {
    throw new ConsoleRequestError('A request envelope needs version, context and request.type');
  }
  return value as unknown as RequestEnvelope;
}

/** What the page shows for a turn: the bubbles, the JSON, the card and the session. */
export function turnView(turn: Turn, session: DialogSession) {
  const matched = turn.interpretation?.kind === 'intent' ? turn.interpretation.matched : undefined;
  return {
    said: turn.said,
    heard: describeRequest(turn),
    sample: matched?.sample || undefined,
    speech: turn.speech,
    reprompt: turn.reprompt,
    alexaPrompt: turn.alexaPrompt,
    note: turn.note,
    card: turn.card,
    screen: turn.screen,
    sessionOpen: turn.sessionOpen,
    exchanges: turn.exchanges,
    state: session.state,
  };
}

/** One request at a time: a session is a conversation, not a queue of parallel ones. */
function serialized<T>(): (work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
}

export function consoleRoutes(options: ConsoleOptions): DevRoute[] {
  const { session } = options;
  const inTurn = serialized<DevRouteResponse>();
  const guarded =
    (handle: (request: DevRouteRequest) => Promise<DevRouteResponse>): DevRoute['handle'] =>
    (request) =>
      inTurn(async () => {
        try {
          return await handle(request);
        } catch (error) {
          if (error instanceof ConsoleRequestError) return json(error.status, { error: error.message });
          // The skill or the engine failed: the tester needs the reason, on their own machine.
          const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          return json(500, { error: message });
        }
      });
  const stateView = () => ({
    state: session.state,
    locales: options.locales,
    invocationName: session.engine.invocationName,
    skillName: options.skillName ?? 'Front Desk',
  });
  return [
    { method: 'GET', path: '/', handle: asset('index.html', 'text/html; charset=utf-8', PAGE_HEADERS) },
    { method: 'GET', path: '/console/app.js', handle: asset('app.js', 'text/javascript; charset=utf-8') },
    { method: 'GET', path: '/console/app.css', handle: asset('app.css', 'text/css; charset=utf-8') },
    { method: 'GET', path: '/dev/state', handle: () => json(200, stateView()) },
    {
      method: 'POST',
      path: '/dev/utterance',
      handle: guarded(async (request) => {
        const { text } = readJson(request);
        if (typeof text !== 'string' || text.trim() === '')
          throw new ConsoleRequestError('Say something: {"text": "..."}');
        return json(200, turnView(await session.say(text), session));
      }),
    },
    {
      method: 'POST',
      path: '/dev/envelope',
      handle: guarded(async (request) => {
        const envelope = checkEnvelope(readJson(request));
        return json(200, turnView(await session.send(envelope), session));
      }),
    },
    {
      method: 'POST',
      path: '/dev/reset',
      handle: guarded(async () => {
        session.reset();
        return json(200, stateView());
      }),
    },
    {
      method: 'POST',
      path: '/dev/device',
      handle: guarded(async (request) => {
        const { device } = readJson(request);
        if (device !== 'screen' && device !== 'headless') {
          throw new ConsoleRequestError('Pick a device: {"device": "screen"} or {"device": "headless"}');
        }
        session.setDevice(device);
        return json(200, stateView());
      }),
    },
    {
      method: 'POST',
      path: '/dev/touch',
      handle: guarded(async (request) => {
        const touched = readJson(request).arguments;
        if (!Array.isArray(touched) || touched.length === 0) {
          throw new ConsoleRequestError(
            'Touch with the SendEvent arguments: {"arguments": ["openContact", "c002"]}',
          );
        }
        return json(200, turnView(await session.touch(touched), session));
      }),
    },
    {
      method: 'POST',
      path: '/dev/locale',
      handle: guarded(async (request) => {
        const { locale } = readJson(request);
        if (typeof locale !== 'string' || !options.locales.includes(locale)) {
          throw new ConsoleRequestError(`Pick one of: ${options.locales.join(', ')}`);
        }
        session.setLocale(locale);
        return json(200, stateView());
      }),
    },
    // The speaker picker and end of day (issue 18).
    {
      method: 'POST',
      path: '/dev/speaker',
      handle: guarded(async (request) => {
        const { speaker } = readJson(request);
        if (
          speaker !== null &&
          (typeof speaker !== 'string' || !/[A-Za-z0-9]/.test(speaker) || speaker.length > 40)
        ) {
          throw new ConsoleRequestError(
            'Pick a speaker: {"speaker": "Priya"}, or {"speaker": null} for an unrecognised voice',
          );
        }
        session.setSpeaker(speaker ?? undefined);
        return json(200, stateView());
      }),
    },
    {
      method: 'POST',
      path: '/dev/end-of-day',
      handle: guarded(async () => {
        const report = await session.runEndOfDay();
        return json(200, { ...stateView(), report, message: endOfDayMessage(report) });
      }),
    },
  ];
}
