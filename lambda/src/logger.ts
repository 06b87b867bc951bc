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
const ALEXA_ID = /amzn1\.ask\.(account|person|device)\.[A-Za-z0-9._-]+/g;

/** A short stable pseudonym for an Alexa user, person or device id: enough to correlate, not to identify. */
export function pseudonymize(id: string): string {
  return `#${createHash('sha256').update(id).digest('hex').slice(0, 12)}`;
}

/** How much of one string value a log line keeps (after masking, so nothing is cut half-masked). */
const MAX_LOGGED_STRING = 1000;

/** Fields that hold a visitor's name or company: free text no pattern can tell, so masked by name. */
const VISITOR_FIELDS = new Set(['visitor', 'visitorName', 'visitorCompany']);

/** Masks email addresses, phone numbers and Alexa ids anywhere in a value, and cuts long strings. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    const masked = value
      .replace(EMAIL, '[email]')
      .replace(ALEXA_ID, (id) => pseudonymize(id))
      .replace(PHONE, (match) => (looksLikePhoneNumber(match) ? '[phone]' : match));
    return masked.length > MAX_LOGGED_STRING
      ? `${masked.slice(0, MAX_LOGGED_STRING)}... (${masked.length} characters)`
      : masked;
  }
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: scrub(value.message, depth + 1) };
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => scrub(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      VISITOR_FIELDS.has(key) ? '[visitor]' : scrub(item, depth + 1),
    ]),
  );
}

export interface LoggerOptions {
  readonly level: LogLevel;
  readonly base?: LogFields;
  /** Where lines go; stdout by default (CloudWatch in Lambda). */
  readonly write?: (line: string) => void;
}

/**
 * One JSON object per line, with level, time and message, and never personal data. A line written
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
      write(JSON.stringify({ level, time: new Date().toISOString(), ...scrubbed }));
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
