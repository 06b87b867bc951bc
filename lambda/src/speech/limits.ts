import type { Response, ResponseEnvelope } from 'ask-sdk-model';
import { speakBody, speakDocument } from './ssml';

/**
 * Alexa's response limits, enforced here and nowhere else. Speech is trimmed at a sentence (or at
 * least a word) outside any SSML tag, so the result is always well-formed; cards at a line.
 */
export const ALEXA_LIMITS = {
  speechCharacters: 8000,
  repromptCharacters: 8000,
  cardCharacters: 8000,
  responseBytes: 24 * 1024,
} as const;

/** What `<speak>` and `</speak>` take of a speech budget. */
const SPEAK_WRAPPER_LENGTH = speakDocument('').length;

/**
 * Cuts an SSML body (without `<speak>`) to at most `budget` characters, at the last sentence end
 * (else the last space) that is outside every element, and appends `suffix` (already SSML).
 */
export function trimSsmlBody(body: string, budget: number, suffix = ''): string {
  if (body.length <= budget) return body;
  // A suffix that does not fit is left out rather than break the budget it is meant to respect.
  const ending = suffix.length + 1 <= budget ? suffix : '';
  const room = Math.max(0, budget - ending.length - 1);
  let depth = 0;
  let inTag = false;
  let lastSentence = -1;
  let lastSpace = -1;
  for (let index = 0; index < body.length && index <= room; index += 1) {
    const character = body[index];
    if (character === '<') {
      inTag = true;
      const closing = body[index + 1] === '/';
      const end = body.indexOf('>', index);
      const selfClosing = end > 0 && body[end - 1] === '/';
      if (closing) depth -= 1;
      else if (!selfClosing) depth += 1;
      continue;
    }
    if (character === '>') {
      inTag = false;
      continue;
    }
    if (inTag || depth > 0) continue;
    if (character === ' ') {
      lastSpace = index;
      const previous = body[index - 1];
      if (previous === '.' || previous === '?' || previous === '!') lastSentence = index;
    }
  }
  const cut = lastSentence > 0 ? lastSentence : Math.max(lastSpace, 0);
  return `${body.slice(0, cut).trimEnd()}${ending ? ` ${ending}` : ''}`;
}

function trimSpeech(ssml: string, budget: number, suffix: string): string {
  if (ssml.length <= budget) return ssml;
  return speakDocument(trimSsmlBody(speakBody(ssml), budget - SPEAK_WRAPPER_LENGTH, suffix));
}

/** Cuts plain card text at the last line (else word) that fits. */
export function trimCardText(text: string, budget: number): string {
  if (text.length <= budget) return text;
  const room = Math.max(0, budget - 1);
  const slice = text.slice(0, room);
  const lastLine = slice.lastIndexOf('\n');
  const lastSpace = slice.lastIndexOf(' ');
  const cut = lastLine > room / 2 ? lastLine : lastSpace > 0 ? lastSpace : room;
  return `${slice.slice(0, cut).trimEnd()}…`;
}

function byteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
}

function cardTextOf(card: Response['card']): string | undefined {
  if (card?.type === 'Standard') return card.text ?? '';
  if (card?.type === 'Simple') return card.content ?? '';
  return undefined;
}

function withCardText(card: NonNullable<Response['card']>, text: string): Response['card'] {
  if (card.type === 'Standard') return { ...card, text };
  if (card.type === 'Simple') return { ...card, content: text };
  return card;
}

/** Speech, reprompt and card each within their own limit; the input is not modified. */
function limitEachPart(response: Response, truncatedSuffix: string): Response {
  const limited: Response = { ...response };
  const speech = limited.outputSpeech;
  if (speech?.type === 'SSML') {
    limited.outputSpeech = {
      ...speech,
      ssml: trimSpeech(speech.ssml, ALEXA_LIMITS.speechCharacters, truncatedSuffix),
    };
  } else if (speech?.type === 'PlainText') {
    limited.outputSpeech = { ...speech, text: trimCardText(speech.text, ALEXA_LIMITS.speechCharacters) };
  }
  const reprompt = limited.reprompt?.outputSpeech;
  if (reprompt?.type === 'SSML') {
    limited.reprompt = {
      ...limited.reprompt,
      outputSpeech: { ...reprompt, ssml: trimSpeech(reprompt.ssml, ALEXA_LIMITS.repromptCharacters, '') },
    };
  } else if (reprompt?.type === 'PlainText') {
    limited.reprompt = {
      ...limited.reprompt,
      outputSpeech: { ...reprompt, text: trimCardText(reprompt.text, ALEXA_LIMITS.repromptCharacters) },
    };
  }
  const card = limited.card;
  const text = cardTextOf(card);
  if (card && text !== undefined) {
    const title = ('title' in card ? (card.title ?? '') : '').slice(0, 200);
    limited.card = withCardText(
      { ...card, title } as NonNullable<Response['card']>,
      trimCardText(text, ALEXA_LIMITS.cardCharacters - title.length),
    );
  }
  return limited;
}

export interface EnvelopeLimitOptions {
  /** SSML said after trimmed speech ("there is more..."). */
  readonly truncatedSuffix: string;
  /**
   * Session attributes that may go when the response is too large, first to last (what "repeat"
   * remembers, before what the conversation needs).
   */
  readonly expendableSessionAttributes?: readonly string[];
}

/** Directives a response can lose and keep its meaning: what a screen shows. */
function isVisualDirective(directive: unknown): boolean {
  const type = (directive as { type?: unknown } | null)?.type;
  return typeof type === 'string' && (type.startsWith('Alexa.Presentation.') || type.startsWith('Display.'));
}

type Envelope = ResponseEnvelope;
type Step = (envelope: Envelope, excess: number, options: EnvelopeLimitOptions) => Envelope;

function trimSpeechBy(envelope: Envelope, excess: number, floor: number, suffix: string): Envelope {
  const speech = envelope.response.outputSpeech;
  if (speech?.type !== 'SSML' || speech.ssml.length <= floor) return envelope;
  const budget = Math.max(floor, speech.ssml.length - excess - 16);
  return {
    ...envelope,
    response: {
      ...envelope.response,
      outputSpeech: { ...speech, ssml: trimSpeech(speech.ssml, budget, suffix) },
    },
  };
}

function trimRepromptBy(envelope: Envelope, excess: number, floor: number): Envelope {
  const reprompt = envelope.response.reprompt?.outputSpeech;
  if (reprompt?.type !== 'SSML' || reprompt.ssml.length <= floor) return envelope;
  const budget = Math.max(floor, reprompt.ssml.length - excess - 16);
  return {
    ...envelope,
    response: {
      ...envelope.response,
      reprompt: {
        ...envelope.response.reprompt,
        outputSpeech: { ...reprompt, ssml: trimSpeech(reprompt.ssml, budget, '') },
      },
    },
  };
}

/**
 * What goes, in order, while the response is over 24 KB. Speech goes last: the user must hear
 * something. The screen and the card are extras, "repeat" is a convenience, and a conversation
 * that loses its state can start again; a response Alexa refuses is silence.
 */
const SHRINK_STEPS: readonly Step[] = [
  (envelope, excess) => {
    const card = envelope.response.card;
    const text = cardTextOf(card);
    if (!card || text === undefined) return envelope;
    return {
      ...envelope,
      response: {
        ...envelope.response,
        card: withCardText(card, trimCardText(text, Math.max(0, text.length - excess - 16))),
      },
    };
  },
  (envelope) => {
    const { card: _card, ...response } = envelope.response;
    return { ...envelope, response };
  },
  (envelope) => {
    const directives = envelope.response.directives?.filter((directive) => !isVisualDirective(directive));
    if (!envelope.response.directives) return envelope;
    const { directives: _directives, ...response } = envelope.response;
    return {
      ...envelope,
      response: directives && directives.length > 0 ? { ...response, directives } : response,
    };
  },
  (envelope, _excess, options) => {
    if (!envelope.sessionAttributes) return envelope;
    const attributes = { ...envelope.sessionAttributes };
    for (const key of options.expendableSessionAttributes ?? []) {
      if (!(key in attributes)) continue;
      delete attributes[key];
      if (byteLength({ ...envelope, sessionAttributes: attributes }) <= ALEXA_LIMITS.responseBytes) break;
    }
    return { ...envelope, sessionAttributes: attributes };
  },
  (envelope, excess, options) => trimSpeechBy(envelope, excess, 1000, options.truncatedSuffix),
  (envelope, excess) => trimRepromptBy(envelope, excess, 1000),
  (envelope) => (envelope.sessionAttributes ? { ...envelope, sessionAttributes: {} } : envelope),
  (envelope, excess, options) => trimSpeechBy(envelope, excess, 64, options.truncatedSuffix),
  (envelope, excess) => trimRepromptBy(envelope, excess, 64),
  (envelope) => {
    const { directives: _directives, ...response } = envelope.response;
    return { ...envelope, response };
  },
];

/**
 * Returns a response envelope within Alexa's limits: speech and reprompt at most 8,000 characters
 * (trimmed at a sentence outside any SSML element), card text at most 8,000 (trimmed at a line),
 * and the whole envelope, session attributes and directives included, at most 24 KB. The input is
 * not modified.
 */
export function enforceEnvelopeLimits(
  envelope: ResponseEnvelope,
  options: EnvelopeLimitOptions,
): ResponseEnvelope {
  let limited: Envelope = {
    ...envelope,
    response: limitEachPart(envelope.response ?? {}, options.truncatedSuffix),
  };
  for (const step of SHRINK_STEPS) {
    const excess = byteLength(limited) - ALEXA_LIMITS.responseBytes;
    if (excess <= 0) break;
    limited = step(limited, excess, options);
  }
  return limited;
}
