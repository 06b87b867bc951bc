import type { Directive, Response } from 'ask-sdk-model';

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

const SPEAK_OPEN = '<speak>';
const SPEAK_CLOSE = '</speak>';

/**
 * Cuts an SSML body (without `<speak>`) to at most `budget` characters, at the last sentence end
 * (else the last space) that is outside every element, and appends `suffix` (already SSML).
 */
export function trimSsmlBody(body: string, budget: number, suffix = ''): string {
  if (body.length <= budget) return body;
  const room = Math.max(0, budget - suffix.length - 1);
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
  return `${body.slice(0, cut).trimEnd()}${suffix ? ` ${suffix}` : ''}`;
}

function trimSpeech(ssml: string, budget: number, suffix: string): string {
  if (ssml.length <= budget) return ssml;
  const body = ssml.startsWith(SPEAK_OPEN) && ssml.endsWith(SPEAK_CLOSE) ? ssml.slice(7, -8) : ssml;
  return `${SPEAK_OPEN}${trimSsmlBody(body, budget - SPEAK_OPEN.length - SPEAK_CLOSE.length, suffix)}${SPEAK_CLOSE}`;
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

export interface LimitOptions {
  /** SSML said after trimmed speech ("there is more..."). */
  readonly truncatedSuffix: string;
  /** Bytes the rest of the envelope (session attributes, version) takes. */
  readonly envelopeOverheadBytes: number;
}

/** An APL screen: what the response can best do without after the card. */
function isScreen(directive: Directive): boolean {
  return directive.type === 'Alexa.Presentation.APL.RenderDocument';
}

function byteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
}

/** Returns a response within Alexa's limits; the input is not modified. */
export function enforceResponseLimits(response: Response, options: LimitOptions): Response {
  const limited: Response = { ...response };
  const speech = limited.outputSpeech;
  if (speech?.type === 'SSML') {
    limited.outputSpeech = {
      ...speech,
      ssml: trimSpeech(speech.ssml, ALEXA_LIMITS.speechCharacters, options.truncatedSuffix),
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
  }
  const card = limited.card;
  if (card?.type === 'Standard' || card?.type === 'Simple') {
    const title = (card.title ?? '').slice(0, 200);
    const budget = ALEXA_LIMITS.cardCharacters - title.length;
    limited.card =
      card.type === 'Standard'
        ? { ...card, title, text: trimCardText(card.text ?? '', budget) }
        : { ...card, title, content: trimCardText(card.content ?? '', budget) };
  }
  // Over the whole-response budget (rare: huge session state or directives): shrink the card,
  // then drop it, then drop the screen; speech stays, because the user must hear something.
  // Directives count: the size is measured on the whole response, screens included.
  let excess = byteLength(limited) + options.envelopeOverheadBytes - ALEXA_LIMITS.responseBytes;
  if (excess > 0 && limited.card && (limited.card.type === 'Standard' || limited.card.type === 'Simple')) {
    const current =
      limited.card.type === 'Standard' ? (limited.card.text ?? '') : (limited.card.content ?? '');
    const shorter = trimCardText(current, Math.max(0, current.length - excess - 16));
    limited.card =
      limited.card.type === 'Standard'
        ? { ...limited.card, text: shorter }
        : { ...limited.card, content: shorter };
    excess = byteLength(limited) + options.envelopeOverheadBytes - ALEXA_LIMITS.responseBytes;
    if (excess > 0) delete limited.card;
  }
  // Still over: the screen goes next (the card already said the same in the Alexa app).
  excess = byteLength(limited) + options.envelopeOverheadBytes - ALEXA_LIMITS.responseBytes;
  if (excess > 0 && limited.directives?.some(isScreen)) {
    const others = limited.directives.filter((directive) => !isScreen(directive));
    if (others.length > 0) limited.directives = others;
    else delete limited.directives;
  }
  excess = byteLength(limited) + options.envelopeOverheadBytes - ALEXA_LIMITS.responseBytes;
  if (excess > 0 && limited.outputSpeech?.type === 'SSML') {
    const ssml = limited.outputSpeech.ssml;
    limited.outputSpeech = {
      ...limited.outputSpeech,
      ssml: trimSpeech(ssml, Math.max(64, ssml.length - excess - 64), options.truncatedSuffix),
    };
  }
  return limited;
}
