import path from 'node:path';
import type { IntentRequest } from 'ask-sdk-model';
import { isCommand, runCommand } from './commands';
import type { ReplayCheck, ReplayScript, ReplayStep } from './replay-script';
import type { DialogSession, Turn } from './session';

export interface ReplayResult {
  readonly file: string;
  readonly passed: boolean;
  /** Steps played, the failing one included. */
  readonly stepsPlayed: number;
  /** A readable report of the first mismatch. */
  readonly failure?: string | undefined;
}

export interface ReplayOptions {
  /** Called after each step, for a transcript. */
  readonly onStep?: (step: ReplayStep, turn: Turn | undefined) => void;
}

/** Straight apostrophes and single spaces: what a comparison ignores. */
export function comparable(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function requestOf(turn: Turn | undefined): IntentRequest | undefined {
  const request = turn?.exchanges[0]?.request.request;
  return request?.type === 'IntentRequest' ? (request as IntentRequest) : undefined;
}

/** The value a check looks at, or undefined when it is absent (no card, no such slot). */
function actualOf(check: ReplayCheck, turn: Turn | undefined): string | undefined {
  switch (check.subject) {
    case 'speech':
      return turn?.speech || undefined;
    case 'reprompt':
      return turn?.reprompt || undefined;
    case 'card':
      return turn?.card ? `${turn.card.title}\n${turn.card.text}` : undefined;
    case 'card title':
      return turn?.card?.title;
    case 'session':
      return turn?.sessionOpen ? 'open' : 'closed';
    case 'intent': {
      const request = turn?.exchanges[0]?.request.request;
      if (!request) return '(nothing was sent)';
      return request.type === 'IntentRequest' ? (request as IntentRequest).intent.name : request.type;
    }
    case 'slot':
      return requestOf(turn)?.intent.slots?.[check.slot ?? '']?.value;
  }
}

const SUBJECT_NAMES: Readonly<Record<ReplayCheck['subject'], string>> = {
  speech: "Alexa's speech",
  reprompt: 'the reprompt',
  card: 'the card',
  'card title': 'the card title',
  session: 'the session',
  intent: 'the request',
  slot: 'the slot',
};

const OPERATOR_WORDS: Readonly<Record<ReplayCheck['operator'], string>> = {
  contains: 'to contain',
  equals: 'to be exactly',
  lacks: 'not to contain',
  none: 'to be absent',
};

/** What the check compares: the card's "=" looks at its text, as its title has a check of its own. */
function comparedPart(check: ReplayCheck, actual: string): string {
  return check.subject === 'card' && check.operator === 'equals'
    ? actual.split('\n').slice(1).join('\n')
    : actual;
}

function passes(check: ReplayCheck, actual: string | undefined): boolean {
  if (check.operator === 'none') return actual === undefined;
  if (actual === undefined) return check.operator === 'lacks';
  const have = comparable(comparedPart(check, actual));
  const want = comparable(check.expected);
  if (check.operator === 'equals') return have === want;
  if (check.operator === 'contains') return have.includes(want);
  return !have.includes(want);
}

/** Where two texts part, shown with a caret under the first difference. */
function caretLine(expected: string, actual: string, indent: string): string {
  let at = 0;
  while (at < expected.length && at < actual.length && expected[at] === actual[at]) at += 1;
  return `${indent}${' '.repeat(at)}^ first difference, at character ${at + 1}`;
}

function report(
  script: ReplayScript,
  step: ReplayStep,
  check: ReplayCheck,
  actual: string | undefined,
): string {
  const subject = SUBJECT_NAMES[check.subject] + (check.slot ? ` ${check.slot}` : '');
  const expected = comparable(check.expected);
  const got = actual === undefined ? '(none)' : comparable(comparedPart(check, actual).replace(/\n/g, ' / '));
  const lines = [
    `${script.file}:${check.line}: ${check.source}`,
    `  after "U: ${step.said}" (line ${step.line}), expected ${subject} ${OPERATOR_WORDS[check.operator]}:`,
  ];
  if (check.operator !== 'none') lines.push(`  - ${expected}`);
  lines.push(`  + ${got}`);
  if (check.operator === 'equals' && actual !== undefined) lines.push(caretLine(expected, got, '    '));
  return lines.join('\n');
}

/** Plays a script against a session and stops at the first mismatch. */
export async function runReplay(
  script: ReplayScript,
  session: DialogSession,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  const baseDir = path.dirname(path.resolve(script.file));
  let played = 0;
  for (const step of script.steps) {
    played += 1;
    let turn: Turn | undefined;
    if (isCommand(step.said)) {
      const outcome = await runCommand(session, step.said, baseDir);
      if (outcome.kind === 'turn') turn = outcome.turn;
      // What a command printed (".endofday": "End of day: 2 checked out ...") is checked as A: lines.
      if (outcome.kind === 'message') {
        turn = { exchanges: [], speech: outcome.text, reprompt: '', sessionOpen: session.state.open };
      }
      if (outcome.kind === 'quit') break;
    } else {
      turn = await session.say(step.said);
    }
    options.onStep?.(step, turn);
    for (const check of step.checks) {
      const actual = actualOf(check, turn);
      if (!passes(check, actual)) {
        return {
          file: script.file,
          passed: false,
          stepsPlayed: played,
          failure: report(script, step, check, actual),
        };
      }
    }
  }
  return { file: script.file, passed: true, stepsPlayed: played };
}
