import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { isCommand, runCommand } from './commands';
import type { DialogSession } from './session';
import { formatTurn, type Style } from './turn-format';

export interface ReplIo {
  readonly input: Readable;
  readonly output: Writable;
  readonly style: Style;
  /** Where `.send` finds relative files. */
  readonly cwd: string;
  /** Whether the input is a terminal: prompts and line editing only then. */
  readonly terminal: boolean;
  /** The events the last turn published, one line each. */
  readonly published?: () => readonly string[];
}

/**
 * The `npm run dialog` loop, in the spirit of `ask dialog`: type what you would say, read what
 * Alexa says. Dot commands (`.reset`, `.locale`, `.json`, `.quit`) talk to the tool instead.
 */
export async function runRepl(session: DialogSession, io: ReplIo): Promise<void> {
  const write = (text: string): void => {
    io.output.write(`${text}\n`);
  };
  write(
    io.style.dim(
      `Talking to "${session.engine.invocationName}" (${session.state.locale}). Say "open ${session.engine.invocationName}", or ask straight away. .help lists commands.`,
    ),
  );
  const lines = createInterface({
    input: io.input,
    output: io.output,
    terminal: io.terminal,
    prompt: 'You  › ',
  });
  if (io.terminal) lines.prompt();
  for await (const line of lines) {
    const input = line.trim();
    if (input) {
      try {
        if (isCommand(input)) {
          const outcome = await runCommand(session, input, io.cwd);
          if (outcome.kind === 'quit') break;
          write(outcome.kind === 'turn' ? formatTurn(outcome.turn, io.style) : outcome.text);
        } else {
          write(formatTurn(await session.say(input), io.style));
        }
        for (const published of io.published?.() ?? []) write(io.style.dim(`  ${published}`));
      } catch (error) {
        write(io.style.warn(`  error: ${error instanceof Error ? error.message : String(error)}`));
      }
    }
    if (io.terminal) lines.prompt();
  }
  lines.close();
}
