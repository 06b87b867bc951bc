/**
 * The notifier Lambda's settings, read once at load from its environment (set by the delivery
 * construct from deploy-time context): `SENDER_EMAIL` (an SES-verified identity), `OFFICE_NAME`,
 * `MEETING_PLACE` and `OFFICE_TIME_ZONE`. A missing sender fails loudly at load.
 */
export interface NotifierConfig {
  readonly senderEmail: string;
  readonly officeName: string;
  readonly meetingPlace: string;
  readonly timeZone: string;
}

export function loadNotifierConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): NotifierConfig {
  const senderEmail = env.SENDER_EMAIL?.trim();
  if (!senderEmail) throw new Error('Environment variable SENDER_EMAIL is required');
  return {
    senderEmail,
    officeName: env.OFFICE_NAME?.trim() || 'the office',
    meetingPlace: env.MEETING_PLACE?.trim() || 'the front desk',
    timeZone: env.OFFICE_TIME_ZONE?.trim() || 'America/New_York',
  };
}
