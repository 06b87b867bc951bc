import { createHash } from 'node:crypto';
import type { LogLevel } from './config';
import { currentRequestScope } from './request-scope';

/** Fields of a structured log line. Values are scrubbed of personal data before they are written. */
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (request id, intent). */
  child(fields: LogFields): Logger;
}

const ORDER: Readonly<Record<LogLevel, number>> = { DEBUG: 10, INFO: 20, WARN: 30, ERROR: 40, SILENT: 100 };

// Bounded parts (an address's local part is at most 64 characters, its domain 255) keep the scan
// linear: unbounded ones backtrack quadratically over a long value without an "@" (100 KB: 20 s).
const EMAIL = /[^\s@"'<>]{1,64}@[^\s@"'<>]{1,255}\.[a-z]{2,}/gi;
const PHONE = /\+?\d[\d\s().-]{7,}\d/g;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

/** Ten digits or more, and not a date or time ("2026-11-27T15:06"): phone numbers, masked. */
function looksLikePhoneNumber(match: string): boolean {
  return match.replace(/\D/g, '').length >= 10 && !ISO_DATE.test(match);
}
// Any Alexa id: `amzn1.` then dotted parts (a trailing dot ends a sentence, not the id). Any AWS
// ARN, whose 12-digit account id is no phone number: an access denial names the table by it. And
// any UUID, such as Lambda's request id, whose digit runs a phone pattern would take as well.
const ID_OR_ARN =
  /amzn1\.[A-Za-z0-9._-]*[A-Za-z0-9_-]|arn:aws[a-z-]*:[^\s"'<>,]*[^\s"'<>,.]|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const ARN_OR_UUID = /^(arn:|[0-9a-f]{8}-)/i;
// Request, session and skill ids name a request, a conversation and the skill, never a person:
// kept whole, so a line can be found by the id Alexa sent. Every other Alexa id (user, person,
// device, and any kind not known here) is pseudonymized.
const READABLE_ALEXA_ID = /^amzn1\.(echo-api\.(request|session)|ask\.skill)\./;

/** A short stable pseudonym for an Alexa user, person or device id: enough to correlate, not to identify. */
export function pseudonymize(id: string): string {
  return `#${createHash('sha256').update(id).digest('hex').slice(0, 12)}`;
}

function maskContactDetails(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(PHONE, (match) => (looksLikePhoneNumber(match) ? '[phone]' : match));
}

/**
 * Masks the text between Alexa ids and ARNs, never inside one: a request id's UUID and an ARN's
 * account id have digit runs a phone pattern would take (`amzn1.echo-api.request.[phone]`), so
 * they are cut out first; an ARN or a readable id is kept, any other Alexa id pseudonymized whole.
 */
function maskText(text: string): string {
  let masked = '';
  let from = 0;
  for (const match of text.matchAll(ID_OR_ARN)) {
    const id = match[0];
    masked += maskContactDetails(text.slice(from, match.index));
    masked += ARN_OR_UUID.test(id) || READABLE_ALEXA_ID.test(id) ? id : pseudonymize(id);
    from = match.index + id.length;
  }
  return masked + maskContactDetails(text.slice(from));
}

/** How much of one string value a log line keeps (after masking, so nothing is cut half-masked). */
const MAX_LOGGED_STRING = 1000;

/**
 * Masks email addresses and phone numbers anywhere in a value, pseudonymizes the Alexa ids of
 * people and devices (request, session and skill ids stay readable), and cuts long strings.
 */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    const masked = maskText(value);
    return masked.length > MAX_LOGGED_STRING
      ? `${masked.slice(0, MAX_LOGGED_STRING)}... (${masked.length} characters)`
      : masked;
  }
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: scrub(value.message, depth + 1) };
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => scrub(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item, depth + 1)]));
}

export interface LoggerOptions {
  readonly level: LogLevel;
  readonly base?: LogFields;
  /** Where lines go; stdout by default (CloudWatch in Lambda). */
  readonly write?: (line: string) => void;
}

/**
 * One JSON object per line, with level, timestamp and message, and never personal data. Written to
 * stdout directly rather than through `console`: with Lambda's JSON log format, a console line is
 * wrapped as the `message` of Lambda's own JSON object, while a JSON line on stdout is kept as it is
 * (and its `level` is used for Lambda's log-level filter). A line written
 * while a request is answered carries that request's fields (request id, type, intent), whichever
 * logger wrote it: a service's, a repository's or a handler's.
 */
export function createLogger(options: LoggerOptions): Logger {
  const threshold = ORDER[options.level];
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const base = options.base ?? {};
  const log =
    (level: Exclude<LogLevel, 'SILENT'>) =>
    (message: string, fields: LogFields = {}): void => {
      if (ORDER[level] < threshold) return;
      const scoped = currentRequestScope()?.logFields;
      const scrubbed = scrub({ message, ...scoped, ...base, ...fields }) as Record<string, unknown>;
      // `level` and `timestamp` (RFC 3339) are the keys Lambda's JSON log format reads from a line a
      // function writes itself: it filters by the level and dates the line by the timestamp.
      write(JSON.stringify({ level, timestamp: new Date().toISOString(), ...scrubbed }));
    };
  return {
    debug: log('DEBUG'),
    info: log('INFO'),
    warn: log('WARN'),
    error: log('ERROR'),
    child: (fields) => createLogger({ ...options, base: { ...base, ...fields } }),
  };
}

export const silentLogger: Logger = createLogger({ level: 'SILENT' });
