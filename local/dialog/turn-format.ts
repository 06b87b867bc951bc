import type { Slot } from 'ask-sdk-model';
import type { Turn } from './session';

/** How the REPL colours its output: ANSI at a terminal, plain when piped. */
export interface Style {
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
  readonly accent: (text: string) => string;
  readonly warn: (text: string) => string;
}

const ansi = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;

export const ANSI_STYLE: Style = { dim: ansi(2), bold: ansi(1), accent: ansi(36), warn: ansi(33) };
const same = (text: string) => text;
export const PLAIN_STYLE: Style = { dim: same, bold: same, accent: same, warn: same };

function slotSummary(slot: Slot): string {
  const authorities = slot.resolutions?.resolutionsPerAuthority ?? [];
  const matched = authorities.flatMap((authority) =>
    authority.status.code === 'ER_SUCCESS_MATCH' ? authority.values.map((value) => value.value.id) : [],
  );
  let resolution = '';
  if (matched.length > 0) resolution = ` → ${matched.join(' | ')}`;
  else if (authorities.length > 0) resolution = ' (no match)';
  return `${slot.name}="${slot.value}"${resolution}`;
}

/** What Alexa heard and sent, in one line: "ContactDetailsIntent name="bob" → c002 (new session)". */
export function describeRequest(turn: Turn): string | undefined {
  const request = turn.exchanges[0]?.request;
  if (!request) return undefined;
  const body = request.request;
  let text: string = body.type;
  if (body.type === 'IntentRequest') {
    const slots = Object.values(body.intent.slots ?? {}).filter((slot) => slot.value !== undefined);
    text = [body.intent.name, ...slots.map(slotSummary)].join('  ');
    if (body.intent.confirmationStatus !== 'NONE')
      text += `  (${body.intent.confirmationStatus.toLowerCase()})`;
    if (body.dialogState) text += `  [${body.dialogState}]`;
  } else if (body.type === 'SessionEndedRequest') {
    text += ` (${body.reason})`;
  } else if (body.type === 'Alexa.Presentation.APL.UserEvent') {
    text += `  ${((body as { arguments?: unknown[] }).arguments ?? []).join(' ')}`;
  }
  if (request.session?.new) text += '  (new session)';
  return text;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? line : `${prefix}${line}`))
    .join('\n');
}

/** A turn as the REPL prints it: what was heard, what Alexa said, the card, the session. */
export function formatTurn(turn: Turn, style: Style): string {
  const lines: string[] = [];
  const heard = describeRequest(turn);
  if (heard) {
    const matched = turn.interpretation?.kind === 'intent' ? turn.interpretation.matched : undefined;
    const sample = matched?.sample ? style.dim(`  ‹${matched.sample}›`) : '';
    lines.push(style.dim(`  heard  ${heard}`) + sample);
  }
  if (turn.note) lines.push(style.warn(`  (${turn.note})`));
  if (turn.speech)
    lines.push(
      `${style.accent('  Alexa  ')}${turn.alexaPrompt ? style.dim('[dialog model] ') : ''}${turn.speech}`,
    );
  else if (turn.exchanges.length > 0) lines.push(style.dim('  Alexa  (says nothing)'));
  if (turn.card) {
    const card = [style.bold(turn.card.title), turn.card.text].filter(Boolean).join('\n');
    lines.push(`${style.accent('  Card   ')}${indent(card, '         ')}`);
  }
  if (turn.screen) {
    const screen = [
      style.bold(turn.screen.heading),
      ...(turn.screen.subheading ? [turn.screen.subheading] : []),
      ...turn.screen.lines.map((line) => {
        // A list line can be touched: "1. Jane Doe  Sales Director  (.touch openContact c001)".
        if (line.touch) {
          const detail = line.detail ? `  ${line.detail}` : '';
          return `${line.text}${detail}${style.dim(`  (.touch ${line.touch.join(' ')})`)}`;
        }
        return line.detail ? `${line.detail}: ${line.text}` : line.text;
      }),
      ...(turn.screen.footer ? [turn.screen.footer] : []),
    ].join('\n');
    lines.push(`${style.accent('  Screen ')}${indent(screen, '         ')}`);
  }
  if (turn.exchanges.length > 0 || turn.alexaPrompt) {
    lines.push(style.dim(turn.sessionOpen ? '  [session open]' : '  [session closed]'));
  }
  return lines.join('\n');
}
