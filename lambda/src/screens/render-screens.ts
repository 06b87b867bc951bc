import type { interfaces, RequestEnvelope } from 'ask-sdk-model';
import { fullNameOf } from '../domain/contact';
import { phoneNumberOf, placeOf } from '../speech/contact-speech';
import type { ResourceKey, Translator } from '../speech/locales';
import contactDocument from './contact-screen.json';
import listDocument from './list-screen.json';
import type { Screen } from './screen';

/**
 * The one place screens become APL. The documents are fixed JSON in this folder; everything they
 * show arrives in the `screen` datasource, in the request's language, as escaped plain text.
 */

export const APL_INTERFACE = 'Alexa.Presentation.APL';
export const RENDER_DOCUMENT = 'Alexa.Presentation.APL.RenderDocument';
export const USER_EVENT = 'Alexa.Presentation.APL.UserEvent';
/** The SendEvent a touch on a listed person sends: `['openContact', contactId]`. */
export const OPEN_CONTACT_EVENT = 'openContact';

export const SCREEN_TOKENS = { contact: 'frontDesk.contact', list: 'frontDesk.list' } as const;

/** Both documents declare this APL version; a device whose runtime is older gets no screen. */
export const APL_DOCUMENT_VERSION = contactDocument.version;

export type RenderDocumentDirective = interfaces.alexa.presentation.apl.RenderDocumentDirective;

function versionParts(version: string): [number, number] {
  const [major, minor] = version.split('.').map((part) => Number.parseInt(part, 10));
  return [Number.isFinite(major) ? (major as number) : 0, Number.isFinite(minor) ? (minor as number) : 0];
}

/** Whether `version` ("1.9", "2023.3") is at least `required`. */
export function isVersionAtLeast(version: string, required: string): boolean {
  const [major, minor] = versionParts(version);
  const [requiredMajor, requiredMinor] = versionParts(required);
  return major > requiredMajor || (major === requiredMajor && minor >= requiredMinor);
}

/**
 * Whether the device the request came from shows APL: it lists the interface, and its runtime
 * (when it says) renders our documents' version.
 */
export function supportsScreens(envelope: RequestEnvelope): boolean {
  const interfaces = envelope.context?.System?.device?.supportedInterfaces as
    | Record<string, { runtime?: { maxVersion?: unknown } } | undefined>
    | undefined;
  const apl = interfaces?.[APL_INTERFACE];
  if (!apl || typeof apl !== 'object') return false;
  const maxVersion = apl.runtime?.maxVersion;
  return typeof maxVersion !== 'string' || isVersionAtLeast(maxVersion, APL_DOCUMENT_VERSION);
}

// APL Text reads its text as markup ("<b>", "&amp;"): a name like "R&D <Lab>" must show as written.
const APL_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are dropped from display text
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/** Plain text as APL Text shows it literally. */
export function aplText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '').replace(/[&<>]/g, (character) => APL_ESCAPES[character] ?? '');
}

function contactData(t: Translator, screen: Extract<Screen, { kind: 'contact' }>): Record<string, unknown> {
  const { contact } = screen;
  const subtitle =
    contact.title && contact.company
      ? t.text('summary.titleAtCompany', { title: contact.title, company: contact.company })
      : (contact.title ?? contact.company ?? '');
  const place = placeOf(t, contact);
  const rows: { label: string; value: string }[] = [];
  const add = (label: ResourceKey, value: string | undefined): void => {
    if (value) rows.push({ label: aplText(t.text(label)), value: aplText(value) });
  };
  add('screen.label.phone', phoneNumberOf(contact));
  add('screen.label.email', contact.email);
  add('screen.label.office', place);
  add('screen.label.company', contact.company);
  add('screen.label.title', contact.title);
  return {
    brand: aplText(t.text('screen.brand')),
    name: aplText(fullNameOf(contact)),
    subtitle: aplText(subtitle),
    rows,
  };
}

function listData(t: Translator, screen: Extract<Screen, { kind: 'list' }>): Record<string, unknown> {
  return {
    brand: aplText(t.text('screen.brand')),
    title: aplText(screen.title),
    hint: aplText(t.text('screen.listHint')),
    footer: aplText(screen.footer ?? ''),
    items: screen.items.map((item) => ({
      id: item.contactId,
      primaryText: aplText(item.primaryText),
      secondaryText: aplText(item.secondaryText ?? ''),
    })),
  };
}

/** The RenderDocument directive that shows `screen`, worded by `t`. */
export function renderScreen(t: Translator, screen: Screen): RenderDocumentDirective {
  if (screen.kind === 'contact') {
    return {
      type: RENDER_DOCUMENT,
      token: SCREEN_TOKENS.contact,
      document: contactDocument,
      datasources: { screen: contactData(t, screen) },
    };
  }
  return {
    type: RENDER_DOCUMENT,
    token: SCREEN_TOKENS.list,
    document: listDocument,
    datasources: { screen: listData(t, screen) },
  };
}

/** The contact id a touch on a listed person carries, or undefined for any other request. */
export function openedContactId(envelope: RequestEnvelope): string | undefined {
  const request = envelope.request as { type?: unknown; arguments?: unknown };
  if (request.type !== USER_EVENT || !Array.isArray(request.arguments)) return undefined;
  const [event, contactId] = request.arguments as unknown[];
  return event === OPEN_CONTACT_EVENT && typeof contactId === 'string' && contactId.length > 0
    ? contactId
    : undefined;
}
