import { type ClockTime, DEFAULT_CLOSING_TIME, parseClockTime } from './domain/closing-time';
import { countryOfTimeZone, isCountryCode } from './domain/phone';
import { isTimeZone } from './domain/time-zones';
import { HOST_CHANNELS, type HostChannel } from './domain/visit';
import { ConfigurationError } from './errors';

/** Everything the skill is configured with. Parsed once; nothing else reads the environment. */
export interface Config {
  readonly directoryTable: string;
  readonly usersTable: string;
  /** When set, requests for any other skill are rejected. */
  readonly skillId: string | undefined;
  /** IANA zone used when the device's own zone is unknown. */
  readonly officeTimeZone: string;
  /**
   * The office's country (ISO 3166 alpha-2): phone numbers of that country are said and shown in
   * their national form, others in their international form. `OFFICE_COUNTRY`, by default the
   * country of `OFFICE_TIME_ZONE` (US when the zone is not in the table of `domain/phone.ts`).
   */
  readonly officeCountry: string;
  /** Local stores only (dynalite); unset in AWS. */
  readonly dynamoDbEndpoint: string | undefined;
  readonly logLevel: LogLevel;
  /** `OFFICE_CLOSING_TIME`: when end of day clears the board, on the office's clocks (default 19:00). */
  readonly officeClosingTime: ClockTime;
  /**
   * `PERSONAL_DEVICES`: the deployment's devices each belong to one person (a desk Echo), so an
   * account may stand for its owner when Alexa recognises no voice. Default false: a shared
   * front-desk Echo is not a person, and "me" is only ever a recognised voice profile.
   */
  readonly personalDevices: boolean;
  /** The EventBridge bus every accepted change is published to (locally: a bus name for the in-process publisher). */
  readonly eventBusName: string;
  /** Local and tests only: an EventBridge-compatible endpoint; unset in AWS (and locally: the in-process publisher). */
  readonly eventBridgeEndpoint: string | undefined;
  /** How many days a visit is kept (DynamoDB TTL in AWS; reads ignore expired visits). */
  readonly visitorRetentionDays: number;
  /** The office's front-desk number, spoken to a visitor whose host has none and could not be told. */
  readonly officePhone: string | undefined;
  /**
   * `HOST_NOTIFICATIONS`: how the stack delivers a Visitor Arrived event to the host, `email`,
   * `chat`, both (`email,chat`) or `none` (the default, which the stack sets from what it deploys).
   * The visitor is told "I've let your host know" only when a channel reaches that host.
   */
  readonly hostNotifications: readonly HostChannel[];
}

/**
 * The environment variable behind each setting: the one list, read by {@link loadConfig} below and
 * by the stack, whose tests check that the function gets every variable here.
 */
export const ConfigVariables: { readonly [K in keyof Config]: string } = {
  directoryTable: 'DIRECTORY_TABLE',
  usersTable: 'USERS_TABLE',
  skillId: 'SKILL_ID',
  officeTimeZone: 'OFFICE_TIME_ZONE',
  officeCountry: 'OFFICE_COUNTRY',
  dynamoDbEndpoint: 'DYNAMODB_ENDPOINT',
  logLevel: 'LOG_LEVEL',
  officeClosingTime: 'OFFICE_CLOSING_TIME',
  personalDevices: 'PERSONAL_DEVICES',
  eventBusName: 'EVENT_BUS_NAME',
  eventBridgeEndpoint: 'EVENTBRIDGE_ENDPOINT',
  visitorRetentionDays: 'VISITOR_RETENTION_DAYS',
  officePhone: 'OFFICE_PHONE',
  hostNotifications: 'HOST_NOTIFICATIONS',
};

/** Settings a deployed function never has: they point the skill at a local store. */
export const LocalOnlySettings: ReadonlyArray<keyof Config> = ['dynamoDbEndpoint', 'eventBridgeEndpoint'];

export const LogLevels = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT'] as const;
export type LogLevel = (typeof LogLevels)[number];

export const DEFAULT_OFFICE_TIME_ZONE = 'America/New_York';
export const DEFAULT_VISITOR_RETENTION_DAYS = 30;
/** Ten years: longer than any office keeps a visitors' book, and short of TTL arithmetic trouble. */
const MAX_VISITOR_RETENTION_DAYS = 3650;

type Environment = Readonly<Record<string, string | undefined>>;

function required(env: Environment, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigurationError(`Environment variable ${name} is required`);
  return value;
}

function optional(env: Environment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/**
 * Parses the contract's environment variables into a typed {@link Config}.
 * Throws {@link ConfigurationError} naming the variable when one is missing or invalid.
 */
export function loadConfig(env: Environment = process.env): Config {
  const names = ConfigVariables;
  const officeTimeZone = optional(env, names.officeTimeZone) ?? DEFAULT_OFFICE_TIME_ZONE;
  if (!isTimeZone(officeTimeZone)) {
    throw new ConfigurationError(
      `Environment variable ${names.officeTimeZone} is not an IANA time zone: ${officeTimeZone}`,
    );
  }
  const officeCountry = (
    optional(env, names.officeCountry) ?? countryOfTimeZone(officeTimeZone)
  ).toUpperCase();
  if (!isCountryCode(officeCountry)) {
    throw new ConfigurationError(
      `Environment variable ${names.officeCountry} is not a two-letter country code (US, GB, DE): ${officeCountry}`,
    );
  }
  const logLevel = (optional(env, names.logLevel) ?? 'INFO').toUpperCase();
  if (!(LogLevels as readonly string[]).includes(logLevel)) {
    throw new ConfigurationError(
      `Environment variable ${names.logLevel} must be one of ${LogLevels.join(', ')}`,
    );
  }
  const dynamoDbEndpoint = optional(env, names.dynamoDbEndpoint);
  if (dynamoDbEndpoint !== undefined && !/^https?:\/\//.test(dynamoDbEndpoint)) {
    throw new ConfigurationError(`Environment variable ${names.dynamoDbEndpoint} must be an http(s) URL`);
  }
  const closingText = optional(env, names.officeClosingTime) ?? DEFAULT_CLOSING_TIME;
  const officeClosingTime = parseClockTime(closingText);
  if (!officeClosingTime) {
    throw new ConfigurationError(
      'Environment variable OFFICE_CLOSING_TIME must be HH:MM (24-hour), like 19:00',
    );
  }
  const personalText = (optional(env, names.personalDevices) ?? 'false').toLowerCase();
  if (personalText !== 'true' && personalText !== 'false') {
    throw new ConfigurationError('Environment variable PERSONAL_DEVICES must be true or false');
  }
  const eventBridgeEndpoint = optional(env, names.eventBridgeEndpoint);
  if (eventBridgeEndpoint !== undefined && !/^https?:\/\//.test(eventBridgeEndpoint)) {
    throw new ConfigurationError(`Environment variable ${names.eventBridgeEndpoint} must be an http(s) URL`);
  }
  const retention = optional(env, names.visitorRetentionDays);
  const visitorRetentionDays = retention === undefined ? DEFAULT_VISITOR_RETENTION_DAYS : Number(retention);
  if (
    !Number.isInteger(visitorRetentionDays) ||
    visitorRetentionDays < 1 ||
    visitorRetentionDays > MAX_VISITOR_RETENTION_DAYS
  ) {
    throw new ConfigurationError(
      `Environment variable ${names.visitorRetentionDays} must be a whole number of days from 1 to ${MAX_VISITOR_RETENTION_DAYS}`,
    );
  }
  const hostNotifications = hostChannelsOf(optional(env, names.hostNotifications) ?? 'none');
  if (!hostNotifications) {
    throw new ConfigurationError(
      `Environment variable ${names.hostNotifications} must be none, or email, chat or both separated by a comma`,
    );
  }
  return {
    directoryTable: required(env, names.directoryTable),
    usersTable: required(env, names.usersTable),
    skillId: optional(env, names.skillId),
    officeTimeZone,
    officeCountry,
    dynamoDbEndpoint,
    logLevel: logLevel as LogLevel,
    officeClosingTime,
    personalDevices: personalText === 'true',
    eventBusName: required(env, names.eventBusName),
    eventBridgeEndpoint,
    visitorRetentionDays,
    officePhone: optional(env, names.officePhone),
    hostNotifications,
  };
}

/** `email,chat` as a list of channels; `none` as none; undefined for anything else. */
function hostChannelsOf(text: string): HostChannel[] | undefined {
  if (text.toLowerCase() === 'none') return [];
  const channels = text.split(',').map((part) => part.trim().toLowerCase());
  if (
    !channels.every((channel): channel is HostChannel =>
      (HOST_CHANNELS as readonly string[]).includes(channel),
    )
  ) {
    return undefined;
  }
  return [...new Set(channels)];
}
