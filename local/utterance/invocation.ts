import type { Token } from './tokens';
import { tokenize } from './tokens';

/**
 * How people start a skill (Alexa's "invoking a custom skill" forms):
 * - "open front desk", "launch front desk", "talk to front desk", "ask front desk": a LaunchRequest;
 * - "ask front desk for Bob's phone", "tell front desk to check me in", "open front desk and ...",
 *   "what's Bob's phone using front desk": a one-shot request on a new session.
 */
export type Invocation =
  | { readonly kind: 'launch' }
  | {
      readonly kind: 'one-shot';
      /** What follows the invocation, most likely reading first: without the connecting word, then with it. */
      readonly readings: readonly (readonly Token[])[];
    };

const LAUNCH_PHRASES = [
  'open',
  'launch',
  'start',
  'begin',
  'load',
  'run',
  'play',
  'use',
  'resume',
  'talk to',
  'speak to',
  'talk with',
  'speak with',
  'ask',
  'tell',
].map((phrase) => phrase.split(' '));

const ONE_SHOT_VERBS = new Set(['ask', 'tell']);
/** Words Alexa drops between the invocation name and the request ("ask front desk for ..."). */
const CONNECTING_WORDS = new Set(['to', 'for', 'about', 'if', 'whether', 'that', 'and', 'by', 'from']);
const POLITE_WORDS = new Set(['please', 'now']);

function keysEqual(tokens: readonly Token[], keys: readonly string[]): boolean {
  return tokens.length === keys.length && tokens.every((token, index) => token.key === keys[index]);
}

function indexOfName(tokens: readonly Token[], name: readonly string[]): number {
  for (let start = 0; start + name.length <= tokens.length; start += 1) {
    if (name.every((key, offset) => tokens[start + offset]?.key === key)) return start;
  }
  return -1;
}

/** Reads an invocation, or gives undefined when the text does not name the skill that way. */
export function parseInvocation(tokens: readonly Token[], invocationName: string): Invocation | undefined {
  const name = tokenize(invocationName).map((token) => token.key);
  if (name.length === 0) return undefined;
  const words = tokens[0]?.key === 'alexa' ? tokens.slice(1) : [...tokens];
  const at = indexOfName(words, name);
  if (at < 0) return undefined;
  const before = words.slice(0, at);
  const after = words.slice(at + name.length).filter((token, index, all) => {
    // "open front desk please" is still a launch; "please" inside a request stays.
    return !(POLITE_WORDS.has(token.key) && all.slice(index).every((rest) => POLITE_WORDS.has(rest.key)));
  });
  const isLaunchVerb = before.length === 0 || LAUNCH_PHRASES.some((phrase) => keysEqual(before, phrase));
  if (after.length === 0) {
    if (isLaunchVerb) return { kind: 'launch' };
    // "<request> using front desk"
    if (before.length > 1 && before.at(-1)?.key === 'using') {
      return { kind: 'one-shot', readings: [before.slice(0, -1)] };
    }
    return undefined;
  }
  const verb = before.length === 1 ? before[0]?.key : undefined;
  const oneShot =
    (verb !== undefined && ONE_SHOT_VERBS.has(verb)) || (isLaunchVerb && after[0]?.key === 'and');
  if (!oneShot) return undefined;
  const first = after[0];
  if (first && CONNECTING_WORDS.has(first.key) && after.length > 1) {
    return { kind: 'one-shot', readings: [after.slice(1), after] };
  }
  return { kind: 'one-shot', readings: [after] };
}
