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

/**
 * Every sentence of the host's email, in one place, with `{placeholders}` as the skill's locale
 * resources have them. English only: neither the `Visitor Arrived` event nor the notifier's
 * settings say which language the office speaks (DESIGN.md, "Contracts"), so choosing another
 * needs a contract change first (a locale in the event, or a notifier setting).
 */
const HOST_MESSAGE_RESOURCES = {
  /** How the arrival time is written (`Intl.DateTimeFormat`). */
  dateLocale: 'en-US',
  subject: 'Your visitor {who} is here',
  visitorFromCompany: '{visitor} from {company}',
  greeting: 'Hello {host},',
  signedIn: '{who} signed in at the front desk to see you ({when}).',
  meetAt: 'Please meet them at {meetingPlace}.',
  signature: 'Front Desk at {officeName}',
} as const;

type Sentence = Exclude<keyof typeof HOST_MESSAGE_RESOURCES, 'dateLocale'>;

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

/**
 * A sentence with its placeholders filled. `literal` is applied to the sentence's own words only
 * (escaping them for HTML), never to the values, which the caller has already prepared.
 */
function fill(
  sentence: Sentence,
  values: Readonly<Record<string, string>>,
  literal: (words: string) => string = (words) => words,
): string {
  return HOST_MESSAGE_RESOURCES[sentence]
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name === undefined) return literal(part);
      const value = values[name];
      if (value === undefined) throw new Error(`The host message's "${sentence}" has no value for {${name}}`);
      return value;
    })
    .join('');
}

/** Line breaks and other control characters never reach a subject line (header injection). */
function oneLine(value: string): string {
  return value.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();
}

function arrivalTime(at: string, timeZone: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return new Intl.DateTimeFormat(HOST_MESSAGE_RESOURCES.dateLocale, {
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
  const { meetingPlace, officeName } = settings;
  const who = company ? fill('visitorFromCompany', { visitor, company }) : visitor;
  const text = [
    fill('greeting', { host }),
    '',
    fill('signedIn', { who, when }),
    fill('meetAt', { meetingPlace }),
    '',
    fill('signature', { officeName }),
  ].join('\n');

  const strong = (value: string) => `<strong>${escapeHtml(value)}</strong>`;
  const html = (sentence: Sentence, values: Readonly<Record<string, string>>) =>
    fill(sentence, values, escapeHtml);
  const whoHtml = company
    ? html('visitorFromCompany', { visitor: strong(visitor), company: strong(company) })
    : strong(visitor);
  const paragraphs = [
    html('greeting', { host: escapeHtml(host) }),
    html('signedIn', { who: whoHtml, when: escapeHtml(when) }),
    html('meetAt', { meetingPlace: escapeHtml(meetingPlace) }),
    html('signature', { officeName: escapeHtml(officeName) }),
  ];
  return {
    to: detail.host.email,
    subject: fill('subject', { who }),
    text,
    html: paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n'),
  };
}
