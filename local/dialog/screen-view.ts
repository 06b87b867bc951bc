import type { ResponseEnvelope } from 'ask-sdk-model';
import { OPEN_CONTACT_EVENT, RENDER_DOCUMENT } from '../../lambda/src/screens/render-screens';

/**
 * What an Echo Show would show for a response, read from its APL RenderDocument directive: the
 * heading and lines of Front Desk's `screen` datasource, as plain text, and what touching a line
 * sends. The REPL prints it; the test console draws it and turns a click into a touch.
 */
export interface ScreenView {
  readonly token?: string | undefined;
  readonly heading: string;
  readonly subheading?: string | undefined;
  readonly lines: readonly ScreenLine[];
  readonly footer?: string | undefined;
  /** The datasource as sent, for the JSON view. */
  readonly data: unknown;
}

export interface ScreenLine {
  readonly text: string;
  readonly detail?: string | undefined;
  /** The SendEvent arguments a touch on this line sends, when it can be touched. */
  readonly touch?: readonly string[] | undefined;
}

interface ScreenData {
  readonly title?: string;
  readonly name?: string;
  readonly subtitle?: string;
  readonly footer?: string;
  readonly items?: readonly {
    readonly id?: string;
    readonly primaryText?: string;
    readonly secondaryText?: string;
  }[];
  readonly rows?: readonly { readonly label?: string; readonly value?: string }[];
}

/** The datasource's text as the screen shows it: APL reads "&amp;" as "&". */
function shown(text: string | undefined): string {
  return (text ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function screenView(envelope: ResponseEnvelope | undefined): ScreenView | undefined {
  const directive = envelope?.response?.directives?.find((candidate) => candidate.type === RENDER_DOCUMENT) as
    | { token?: string; datasources?: { screen?: ScreenData } }
    | undefined;
  const data = directive?.datasources?.screen;
  if (!directive || !data) return undefined;
  const lines: ScreenLine[] = [
    ...(data.items ?? []).map((item) => ({
      text: shown(item.primaryText),
      detail: shown(item.secondaryText) || undefined,
      touch: item.id ? [OPEN_CONTACT_EVENT, item.id] : undefined,
    })),
    ...(data.rows ?? []).map((row) => ({ text: shown(row.value), detail: shown(row.label) || undefined })),
  ];
  return {
    token: directive.token,
    heading: shown(data.title ?? data.name),
    subheading: shown(data.subtitle) || undefined,
    lines,
    footer: shown(data.footer) || undefined,
    data: directive.datasources,
  };
}
