import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import type { EndOfDayReport } from '../../lambda/src/services/end-of-day-service';
import { UtteranceEngineError } from '../utterance/errors';
import { runRepl } from './repl';
import { runReplay } from './replay';
import { parseReplayScript, ReplayFormatError } from './replay-script';
import { DialogSession, type SkillInvoker } from './session';
import { ANSI_STYLE, PLAIN_STYLE, type Style } from './turn-format';

/** A skill to talk to, and how to let go of what it holds (a store). */
export interface DialogBackend {
  readonly invoke: SkillInvoker;
  /** The skill id requests must carry (`SKILL_ID`), when one is enforced. */
  readonly skillId?: string | undefined;
  /** One line for the tester: which store, which data. */
  readonly description: string;
  /** End of day on the backend's store, closing the office now (`.endofday`). */
  readonly endOfDay?: () => Promise<EndOfDayReport>;
  close(): Promise<void>;
}

export interface DialogCliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Colours and prompts only at a terminal. */
  readonly terminal: boolean;
  readonly cwd: string;
}

export interface DialogBackends {
  /** The REPL: the local store, as `npm start` uses it. */
  readonly interactive: () => Promise<DialogBackend>;
  /** Replays: a fresh store with the sample directory and fixed speech variants, so runs repeat. */
  readonly replay: () => Promise<DialogBackend>;
}

export const ExitCodes = { ok: 0, mismatch: 1, usage: 2 } as const;

export const USAGE = [
  'Usage: npm run dialog [-- [--locale en-US] [--replay FILE.dialog ...] [--quiet]]',
  '',
  '  (no options)       type what you would say; .help lists the commands',
  '  --replay FILE      play a scripted dialog and stop at the first mismatch (repeatable)',
  '  --locale xx-XX     the interaction model to use (default en-US)',
  '  --quiet            with --replay, print only mismatches and the summary',
].join('\n');

interface Options {
  readonly replays: string[];
  readonly locale: string | undefined;
  readonly quiet: boolean;
  readonly help: boolean;
}

class UsageError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

function parseArguments(argv: readonly string[]): Options {
  const replays: string[] = [];
  let locale: string | undefined;
  let quiet = false;
  let help = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    const value = (): string => {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${argument} needs a value`);
      index += 1;
      return next;
    };
    if (argument === '--replay') replays.push(value());
    else if (argument === '--locale') locale = value();
    else if (argument === '--quiet') quiet = true;
    else if (argument === '--help' || argument === '-h') help = true;
    else throw new UsageError(`Unknown argument ${argument}`);
  }
  return { replays, locale, quiet, help };
}

async function replayAll(
  options: Options,
  io: DialogCliIo,
  backends: DialogBackends,
  style: Style,
): Promise<number> {
  const out = (text: string) => io.stdout.write(`${text}\n`);
  let failures = 0;
  for (const file of options.replays) {
    const script = parseReplayScript(await readFile(file, 'utf8'), file);
    const backend = await backends.replay();
    try {
      const session = new DialogSession({
        invoke: backend.invoke,
        ...(backend.endOfDay ? { endOfDay: backend.endOfDay } : {}),
        ...(options.locale ? { locale: options.locale } : {}),
        identity: backend.skillId ? { skillId: backend.skillId } : {},
      });
      if (!options.quiet) out(style.bold(`▶ ${file}`));
      const result = await runReplay(script, session, {
        onStep: (step, turn) => {
          if (options.quiet) return;
          out(`${style.dim('U:')} ${step.said}`);
          if (turn?.speech) out(`${style.accent('A:')} ${turn.speech}`);
          if (turn?.card) out(`${style.dim(`   card: ${turn.card.title}`)}`);
        },
      });
      if (result.passed) out(style.accent(`✓ ${file}: ${result.stepsPlayed} steps`));
      else {
        failures += 1;
        io.stderr.write(`${style.warn(`✗ ${file}`)}\n${result.failure ?? ''}\n`);
        break;
      }
    } finally {
      await backend.close();
    }
  }
  return failures === 0 ? ExitCodes.ok : ExitCodes.mismatch;
}

/** `npm run dialog`: the REPL, or `--replay` files. Resolves with the exit code. */
export async function runDialogCli(
  argv: readonly string[],
  io: DialogCliIo,
  backends: DialogBackends,
): Promise<number> {
  const style = io.terminal ? ANSI_STYLE : PLAIN_STYLE;
  try {
    const options = parseArguments(argv);
    if (options.help) {
      io.stdout.write(`${USAGE}\n`);
      return ExitCodes.ok;
    }
    if (options.replays.length > 0) return await replayAll(options, io, backends, style);
    const backend = await backends.interactive();
    try {
      const session = new DialogSession({
        invoke: backend.invoke,
        ...(backend.endOfDay ? { endOfDay: backend.endOfDay } : {}),
        ...(options.locale ? { locale: options.locale } : {}),
        identity: backend.skillId ? { skillId: backend.skillId } : {},
      });
      io.stdout.write(`${style.dim(backend.description)}\n`);
      await runRepl(session, {
        input: io.stdin,
        output: io.stdout,
        style,
        cwd: io.cwd,
        terminal: io.terminal,
      });
    } finally {
      await backend.close();
    }
    return ExitCodes.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return ExitCodes.usage;
    }
    if (error instanceof ReplayFormatError || error instanceof UtteranceEngineError) {
      io.stderr.write(`${error.message}\n`);
      return ExitCodes.usage;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      io.stderr.write(`${(error as Error).message}\n`);
      return ExitCodes.usage;
    }
    throw error;
  }
}
