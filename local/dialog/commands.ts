import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RequestEnvelope } from 'ask-sdk-model';
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
  '.json             show the last request and response',
  '.help             this list',
  '.quit             leave (typing "exit" says exit to Alexa instead)',
].join('\n');

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
