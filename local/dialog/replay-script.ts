/**
 * The scripted dialog format (`*.dialog`), read by `npm run dialog -- --replay FILE` and by the
 * repository's conversation tests. One line each:
 *
 *   # a comment
 *   U: what's bob smith's phone number     what the user says
 *   U: .reset                              a REPL command (.reset, .locale en-US, .send FILE.json,
 *                                          .speaker NAME|none, .endofday); A: checks what it printed
 *   A: ~ Robert Smith's phone number       Alexa's speech contains this
 *   A: = Goodbye!                          Alexa's speech is exactly this
 *   A: !~ Sorry                            Alexa's speech does not contain this
 *   A: none                                Alexa says nothing
 *   reprompt: ~ Who would you like         the same checks, on the reprompt
 *   card: ~ Acme Corp.                     the card's title or text contains this (also =, !~)
 *   card title: = Robert Smith             the card's title
" *   card: none                             no card (also "reprompt: none")
 *   session: open                          or closed
 *   intent: ContactDetailsIntent           the request sent (an intent, LaunchRequest, SessionEndedRequest)
 *   slot name: = bob smith's               a slot of that request (also ~, and "slot name: none")
 *
 * Checks apply to the answer to the `U:` line above them. Comparisons ignore runs of spaces and
 * the difference between straight and curly apostrophes, nothing else.
 */

export type CheckSubject = 'speech' | 'reprompt' | 'card' | 'card title' | 'session' | 'intent' | 'slot';
export type CheckOperator = 'contains' | 'equals' | 'lacks' | 'none';

export interface ReplayCheck {
  readonly line: number;
  readonly subject: CheckSubject;
  readonly slot?: string | undefined;
  readonly operator: CheckOperator;
  readonly expected: string;
  /** The line as written, for the mismatch report. */
  readonly source: string;
}

export interface ReplayStep {
  readonly line: number;
  /** What the user says, or a REPL command starting with a dot. */
  readonly said: string;
  readonly checks: readonly ReplayCheck[];
}

export interface ReplayScript {
  readonly file: string;
  readonly steps: readonly ReplayStep[];
}

/** The dialog file cannot be read as a script; the message names the file and line. */
export class ReplayFormatError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReplayFormatError';
  }
}

const SUBJECTS: Readonly<Record<string, CheckSubject>> = {
  a: 'speech',
  alexa: 'speech',
  reprompt: 'reprompt',
  card: 'card',
  'card title': 'card title',
  session: 'session',
  intent: 'intent',
};

const OPERATORS: readonly (readonly [string, CheckOperator])[] = [
  ['!~', 'lacks'],
  ['~', 'contains'],
  ['=', 'equals'],
];

function parseCheck(file: string, line: number, label: string, rest: string, source: string): ReplayCheck {
  const where = `${file}:${line}`;
  const slotLabel = /^slot\s+(\S+)$/.exec(label);
  const subject: CheckSubject | undefined = slotLabel ? 'slot' : SUBJECTS[label];
  if (!subject) {
    throw new ReplayFormatError(
      `${where}: unknown line "${label}:"; expected U:, A:, reprompt:, card:, card title:, session:, intent: or slot NAME:`,
    );
  }
  const slot = slotLabel?.[1];
  if (subject === 'session') {
    if (rest !== 'open' && rest !== 'closed')
      throw new ReplayFormatError(`${where}: session: must be open or closed`);
    return { line, subject, operator: 'equals', expected: rest, source };
  }
  if (subject === 'intent') {
    if (!rest) throw new ReplayFormatError(`${where}: intent: needs a name`);
    return { line, subject, operator: 'equals', expected: rest.replace(/^=\s*/, ''), source };
  }
  if (rest === 'none' && subject !== 'card title') {
    return { line, subject, slot, operator: 'none', expected: '', source };
  }
  const operator = OPERATORS.find(([prefix]) => rest.startsWith(prefix));
  if (!operator) {
    throw new ReplayFormatError(
      `${where}: start the expected text with "~ " (contains), "= " (exactly) or "!~ " (lacks)`,
    );
  }
  const expected = rest.slice(operator[0].length).trim();
  if (!expected) throw new ReplayFormatError(`${where}: nothing to compare after "${operator[0]}"`);
  return { line, subject, slot, operator: operator[1], expected, source };
}

export function parseReplayScript(text: string, file: string): ReplayScript {
  const steps: { line: number; said: string; checks: ReplayCheck[] }[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const source = raw.trim();
    if (!source || source.startsWith('#')) return;
    const colon = source.indexOf(':');
    if (colon < 0) throw new ReplayFormatError(`${file}:${line}: expected "LABEL: text", got "${source}"`);
    const label = source.slice(0, colon).trim().toLowerCase().replace(/\s+/g, ' ');
    const rest = source.slice(colon + 1).trim();
    if (label === 'u' || label === 'user') {
      if (!rest) throw new ReplayFormatError(`${file}:${line}: U: needs something to say`);
      steps.push({ line, said: rest, checks: [] });
      return;
    }
    const step = steps.at(-1);
    if (!step) throw new ReplayFormatError(`${file}:${line}: a check comes before any U: line`);
    step.checks.push(parseCheck(file, line, label, rest, source));
  });
  if (steps.length === 0) throw new ReplayFormatError(`${file}: no U: lines`);
  return { file, steps };
}
