import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { EndOfDayReport } from '../../lambda/src/services/end-of-day-service';
import type { DialogSession, Turn } from './session';

/** What a dot command did: a turn with the skill, something to tell the tester, or leave. */
export type CommandOutcome =
  | { readonly kind: 'turn'; readonly turn: Turn }
  | { readonly kind: 'message'; readonly text: string }
  | { readonly kind: 'quit' };

export const COMMAND_HELP = [
  '.reset            forget the session; the next utterance starts a new one',
  '.locale [xx-XX]   show or switch the interaction model (a new session)',
  '.device [screen|headless]  show or switch the device: an Echo Show (APL) or one without a screen',
  '.touch ARG...     touch the screen: send a UserEvent with these arguments (.touch openContact c002)',
  '.send FILE.json   send a request envelope exactly as written in the file',
  '.speaker [NAME|none]  show or switch who speaks: a voice profile by name, or none (a voice Alexa does not recognise)',
  '.endofday         run end of day now: everyone still in is checked out ("end of day")',
  '.json             show the last request and response',
  '.help             this list',
  '.quit             leave (typing "exit" says exit to Alexa instead)',
].join('\n');

function speakerLabel(speaker: string | undefined): string {
  return speaker === undefined
    ? 'an unrecognised voice (the account only, as on a shared device)'
    : `${speaker} (a voice profile)`;
}

/** What the tester reads after `.endofday`. */
export function endOfDayMessage(report: EndOfDayReport): string {
  const visitors = report.visitors
    ? `, ${report.visitors.signedOut} visitor${report.visitors.signedOut === 1 ? '' : 's'} signed out`
    : '';
  // Only what the store refused is worth a rerun: an unsent event's check-out stands.
  const problems = [
    ...(report.failed > 0 ? [`${report.failed} failed: run it again`] : []),
    ...(report.eventsFailed > 0 ? [`${report.eventsFailed} events unsent`] : []),
  ];
  const told = problems.length > 0 ? ` (${problems.join('; ')})` : '';
  return `End of day: ${report.checkedOut} checked out${visitors}, ${report.leftAsIs} left as they were${told}.`;
}

export function isCommand(input: string): boolean {
  return input.trimStart().startsWith('.');
}

/**
 * Runs a dot command of the REPL and of replay files. `baseDir` is where `.send` looks for a
 * relative file: the current directory at the REPL, the dialog file's folder in a replay.
 */
export async function runCommand(
  session: DialogSession,
  input: string,
  baseDir: string,
): Promise<CommandOutcome> {
  const [name = '', ...args] = input.trim().split(/\s+/);
  const argument = args.join(' ');
  switch (name.toLowerCase()) {
    case '.reset':
      session.reset();
      return { kind: 'message', text: 'Session reset: the next utterance starts a new session.' };
    case '.locale':
      if (!argument) return { kind: 'message', text: `Locale: ${session.state.locale}` };
      session.setLocale(argument);
      return { kind: 'message', text: `Locale: ${argument} (new session)` };
    case '.device':
      if (!argument) return { kind: 'message', text: `Device: ${session.state.device}` };
      if (argument !== 'screen' && argument !== 'headless')
        return { kind: 'message', text: 'Usage: .device screen|headless' };
      session.setDevice(argument);
      return { kind: 'message', text: `Device: ${argument}` };
    case '.touch':
      if (args.length === 0)
        return { kind: 'message', text: 'Usage: .touch ARG... (.touch openContact c002)' };
      return { kind: 'turn', turn: await session.touch(args) };
    case '.send': {
      if (!argument) return { kind: 'message', text: 'Usage: .send FILE.json' };
      const file = path.resolve(baseDir, argument);
      const envelope = JSON.parse(await readFile(file, 'utf8')) as RequestEnvelope;
      return { kind: 'turn', turn: await session.send(envelope) };
    }
    case '.speaker': {
      if (!argument) return { kind: 'message', text: `Speaker: ${speakerLabel(session.state.speaker)}` };
      const unrecognised = /^(none|nobody|unrecogni[sz]ed|unknown)$/i.test(argument);
      session.setSpeaker(unrecognised ? undefined : argument);
      return { kind: 'message', text: `Speaker: ${speakerLabel(session.state.speaker)}` };
    }
    case '.endofday':
    case '.end-of-day':
      return { kind: 'message', text: endOfDayMessage(await session.runEndOfDay()) };
    case '.json': {
      const last = { request: session.lastRequest, response: session.lastResponse };
      if (!last.request) return { kind: 'message', text: 'Nothing was sent yet.' };
      return { kind: 'message', text: JSON.stringify(last, null, 2) };
    }
    case '.help':
      return { kind: 'message', text: COMMAND_HELP };
    case '.quit':
    case '.exit':
      return { kind: 'quit' };
    default:
      return { kind: 'message', text: `Unknown command ${name}. Commands:\n${COMMAND_HELP}` };
  }
}
