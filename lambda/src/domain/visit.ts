/**
 * A visit: someone from outside signed in at the front desk to see a host from the directory.
 * Visitor names are personal data: they are kept only as long as the office's retention says,
 * never logged, and spoken or shown to recognised staff only.
 */
export interface Visit {
  readonly id: string;
  /** The office's calendar day the visit began on (`YYYY-MM-DD` in the office's time zone). */
  readonly day: string;
  readonly visitor: { readonly name: string; readonly company?: string | undefined };
  readonly host: {
    readonly id: string;
    readonly name: string;
    readonly company?: string | undefined;
    readonly email?: string | undefined;
    readonly phone?: string | undefined;
  };
  /** ISO 8601, UTC. */
  readonly arrivedAt: string;
  /** Set once, when the visitor signs out; a closed visit is never reopened. */
  readonly leftAt?: string | undefined;
  /** When the store may delete the visit (epoch seconds: DynamoDB TTL). */
  readonly expiresAt: number;
}

/** How the stack can tell a host their visitor is here: an email (SES), a chat message (webhook). */
export const HOST_CHANNELS = ['email', 'chat'] as const;
export type HostChannel = (typeof HOST_CHANNELS)[number];

/**
 * Whether the deployment's channels reach this host: the chat channel reaches everyone (one room
 * for the office), email only a host with an address. Without either, nobody is told, whatever
 * was published.
 */
export function canTellHost(
  host: { readonly email?: string | undefined },
  channels: readonly HostChannel[],
): boolean {
  return channels.includes('chat') || (channels.includes('email') && Boolean(host.email));
}

/** The longest visitor name kept: a full name with a middle name fits many times over. */
export const MAX_VISITOR_NAME_LENGTH = 80;
/** The longest company name kept for a visitor. */
export const MAX_VISITOR_COMPANY_LENGTH = 80;

// Pictographs, their joiners and variation selectors, and control characters: none are part of a name.
const NOT_IN_NAMES = /\p{Extended_Pictographic}|\p{Cc}|\p{Cf}|\u{FE0E}|\u{FE0F}|[\u{1F3FB}-\u{1F3FF}]/gu;
const LETTER = /\p{L}/u;

/**
 * The visitor's name (or company) as it will be kept, or why it cannot be: what speech
 * recognition heard, without emoji or control characters, spaces collapsed. A name needs a letter;
 * an over-long one is refused rather than cut, so nobody is signed in under half a name.
 */
export function cleanVisitorText(
  raw: string | undefined,
  maxLength: number,
): { readonly kind: 'ok'; readonly value: string } | { readonly kind: 'empty' | 'tooLong' } {
  const value = (raw ?? '').replace(NOT_IN_NAMES, ' ').replace(/\s+/g, ' ').trim();
  if (!LETTER.test(value)) return { kind: 'empty' };
  if (value.length > maxLength) return { kind: 'tooLong' };
  return { kind: 'ok', value };
}

/** The first word of a visitor's name, for "Thanks, Sam." */
export function visitorFirstName(name: string): string {
  return name.split(' ')[0] ?? name;
}
