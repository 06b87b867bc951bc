import { type Token, tokenize } from './tokens';

/** A sample phrase compiled for matching: literal words and slot references, in order. */
export type PatternPart =
  | { readonly kind: 'word'; readonly key: string; readonly surface: string }
  | { readonly kind: 'slot'; readonly name: string };

export interface SamplePattern {
  readonly intent: string;
  /** The sample as written in the model, shown to testers as what matched. */
  readonly sample: string;
  readonly parts: readonly PatternPart[];
  /** Where the sample came from: the model, Alexa's built-in phrases, or an elicitation. */
  readonly origin: 'model' | 'built-in' | 'slot-sample';
}

/** The slot a capture fills and the tokens it covers, `to` exclusive. */
export interface Capture {
  readonly slot: string;
  readonly from: number;
  readonly to: number;
}

const SLOT_REFERENCE = /\{([^{}]+)\}/g;

export function compileSample(
  intent: string,
  sample: string,
  origin: SamplePattern['origin'] = 'model',
): SamplePattern {
  const parts: PatternPart[] = [];
  let last = 0;
  for (const reference of sample.matchAll(SLOT_REFERENCE)) {
    const index = reference.index ?? 0;
    for (const token of tokenize(sample.slice(last, index)))
      parts.push({ kind: 'word', key: token.key, surface: token.surface });
    parts.push({ kind: 'slot', name: (reference[1] ?? '').trim() });
    last = index + reference[0].length;
  }
  for (const token of tokenize(sample.slice(last)))
    parts.push({ kind: 'word', key: token.key, surface: token.surface });
  return { intent, sample, parts, origin };
}

export interface PatternMatch {
  readonly captures: readonly Capture[];
  /** Literal words written exactly as typed ("what is" typed, "what is" in the sample, not "what's"). */
  readonly exactWords: number;
}

/**
 * Every way the pattern covers all the tokens, each slot taking at least one word. "{name}
 * {detail}" covers "bob smith phone number" three ways; the engine ranks them.
 */
export function matchPattern(parts: readonly PatternPart[], tokens: readonly Token[]): PatternMatch[] {
  const results: PatternMatch[] = [];
  const captures: Capture[] = [];
  let exactWords = 0;
  const literalWordsAfter = parts.map(
    (_, index) => parts.slice(index).filter((part) => part.kind === 'word').length,
  );
  const walk = (part: number, token: number): void => {
    if (part === parts.length) {
      if (token === tokens.length) results.push({ captures: [...captures], exactWords });
      return;
    }
    // Not enough words left for the literal words still to come.
    if (tokens.length - token < (literalWordsAfter[part] ?? 0)) return;
    const current = parts[part];
    if (!current) return;
    if (current.kind === 'word') {
      const word = tokens[token];
      if (word?.key !== current.key) return;
      const exact = word.surface === current.surface ? 1 : 0;
      exactWords += exact;
      walk(part + 1, token + 1);
      exactWords -= exact;
      return;
    }
    for (let end = token + 1; end <= tokens.length; end += 1) {
      captures.push({ slot: current.name, from: token, to: end });
      walk(part + 1, end);
      captures.pop();
    }
  };
  walk(0, 0);
  return results;
}
