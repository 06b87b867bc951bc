import { DEFAULT_OFFICE_TIME_ZONE } from '../src/config';

/**
 * The notifier Lambda's settings, read once at load from its environment (set by the delivery
 * construct from deploy-time context): `SENDER_EMAIL` (an SES-verified identity), `OFFICE_NAME`,
 * `MEETING_PLACE` and `OFFICE_TIME_ZONE`. A missing sender fails loudly at load; the others fall
 * back to {@link NOTIFIER_DEFAULTS}.
 */
export interface NotifierConfig {
  readonly senderEmail: string;
  readonly officeName: string;
  readonly meetingPlace: string;
  readonly timeZone: string;
}

/**
 * What the host's email says when the deploy leaves a setting out. The one copy: the delivery
 * construct (infra/lib/visitor-delivery.ts) fills the function's environment from it, so the
 * template and a function without the variable cannot disagree. The time zone is the skill's own
 * default, as `OFFICE_TIME_ZONE` is one setting for both functions.
 */
export const NOTIFIER_DEFAULTS: Omit<NotifierConfig, 'senderEmail'> = {
  officeName: 'the office',
  meetingPlace: 'the front desk',
  timeZone: DEFAULT_OFFICE_TIME_ZONE,
};

export function loadNotifierConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): NotifierConfig {
  const senderEmail = env.SENDER_EMAIL?.trim();
  if (!senderEmail) throw new Error('Environment variable SENDER_EMAIL is required');
  return {
    senderEmail,
    officeName: env.OFFICE_NAME?.trim() || NOTIFIER_DEFAULTS.officeName,
    meetingPlace: env.MEETING_PLACE?.trim() || NOTIFIER_DEFAULTS.meetingPlace,
    timeZone: env.OFFICE_TIME_ZONE?.trim() || NOTIFIER_DEFAULTS.timeZone,
  };
}
