import path from 'node:path';
import { NOTIFIER_DEFAULTS } from '../lambda/notifier/notifier-config';

/**
 * Settings of the local development server, read once here: `PORT` (default 3000) for the skill,
 * `DYNAMODB_PORT` (default 8000, where `npm run import` looks by default) for the embedded store.
 * The skill's own settings (`SKILL_ID`, `OFFICE_TIME_ZONE`, `LOG_LEVEL`) pass through to
 * `loadConfig`, with the table names and the store endpoint filled in for the local store.
 */
export interface LocalSettings {
  readonly port: number;
  readonly host: string;
  readonly storePort: number;
  /** Where the embedded store keeps its files. */
  readonly dataDir: string;
  readonly seedFile: string;
  /** Environment for `loadConfig`, without the parts the local server decides. */
  readonly skillEnvironment: Readonly<Record<string, string | undefined>>;
  /** Where the in-process notifier writes the hosts' messages (`.data/outbox/`). */
  readonly outboxDir: string;
  /** What the in-process notifier signs its messages with (`OFFICE_NAME`, `MEETING_PLACE`). */
  readonly notifier: { readonly officeName: string; readonly meetingPlace: string };
}

/** The bus name local runs publish to; with no `EVENTBRIDGE_ENDPOINT`, the in-process bus takes it. */
export const LOCAL_EVENT_BUS_NAME = 'front-desk-local';

export const PROJECT_ROOT = path.resolve(__dirname, '..');

function port(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new Error(`Environment variable ${name} must be a port number, not "${value}"`);
  }
  return parsed;
}

export function loadLocalSettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
): LocalSettings {
  return {
    port: port(env.PORT, 'PORT', 3000),
    host: '127.0.0.1',
    storePort: port(env.DYNAMODB_PORT, 'DYNAMODB_PORT', 8000),
    dataDir: path.join(PROJECT_ROOT, '.data'),
    seedFile: path.join(PROJECT_ROOT, 'data/sample-directory.csv'),
    skillEnvironment: {
      SKILL_ID: env.SKILL_ID,
      OFFICE_TIME_ZONE: env.OFFICE_TIME_ZONE,
      LOG_LEVEL: env.LOG_LEVEL,
      EVENT_BUS_NAME: env.EVENT_BUS_NAME ?? LOCAL_EVENT_BUS_NAME,
      EVENTBRIDGE_ENDPOINT: env.EVENTBRIDGE_ENDPOINT,
      VISITOR_RETENTION_DAYS: env.VISITOR_RETENTION_DAYS,
      OFFICE_PHONE: env.OFFICE_PHONE,
      // The in-process bus writes each host's email to the outbox, as the stack's email delivery
      // would send it; a bus at EVENTBRIDGE_ENDPOINT delivers what its own stack does.
      // Blank means the default, as for the notifier's settings.
      HOST_NOTIFICATIONS:
        env.HOST_NOTIFICATIONS?.trim() || (env.EVENTBRIDGE_ENDPOINT?.trim() ? undefined : 'email'),
    },
    outboxDir: path.join(PROJECT_ROOT, '.data/outbox'),
    notifier: {
      // Read as the deployed notifier reads them: blank means the default.
      officeName: env.OFFICE_NAME?.trim() || NOTIFIER_DEFAULTS.officeName,
      meetingPlace: env.MEETING_PLACE?.trim() || NOTIFIER_DEFAULTS.meetingPlace,
    },
  };
}
