import type { FrontDeskEvent } from '../src/domain/events';

/** The `Visitor Arrived` event's detail, as the contract gives it. */
export type VisitorArrivedDetail = Extract<
  FrontDeskEvent,
  { readonly detail: { readonly visitId: string } }
>['detail'];

/** What the office tells its hosts, set at deploy time. */
export interface MessageSettings {
  /** The office's name, as the message signs it ("Front Desk at Acme Corp."). */
  readonly officeName: string;
  /** Where host and visitor meet ("the reception on the 2nd floor"). */
  readonly meetingPlace: string;
  /** The zone the arrival time is written in. */
  readonly timeZone: string;
}

/** An email to the host: plain text and HTML, every value from the event escaped in the HTML. */
export interface HostMessage {
  readonly to: string | undefined;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** Line breaks and other control characters never reach a subject line (header injection). */
function oneLine(value: string): string {
  return value.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();
}

function arrivalTime(at: string, timeZone: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  }).format(date);
}

/**
 * The message a host receives when their visitor signs in: who, from which company, when, and
 * where to meet. The same text goes to the local outbox, the console and SES.
 */
export function renderHostMessage(detail: VisitorArrivedDetail, settings: MessageSettings): HostMessage {
  const visitor = oneLine(detail.visitor.name);
  const company = detail.visitor.company ? oneLine(detail.visitor.company) : undefined;
  const host = oneLine(detail.host.name);
  const when = arrivalTime(detail.at, settings.timeZone);
  const who = company ? `${visitor} from ${company}` : visitor;
  const subject = `Your visitor ${who} is here`;
  const text = [
    `Hello ${host},`,
    '',
    `${who} signed in at the front desk to see you (${when}).`,
    `Please meet them at ${settings.meetingPlace}.`,
    '',
    `Front Desk at ${settings.officeName}`,
  ].join('\n');
  const html = [
    `<p>Hello ${escapeHtml(host)},</p>`,
    `<p><strong>${escapeHtml(visitor)}</strong>${company ? ` from <strong>${escapeHtml(company)}</strong>` : ''} signed in at the front desk to see you (${escapeHtml(when)}).</p>`,
    `<p>Please meet them at ${escapeHtml(settings.meetingPlace)}.</p>`,
    `<p>Front Desk at ${escapeHtml(settings.officeName)}</p>`,
  ].join('\n');
  return { to: detail.host.email, subject, text, html };
}
