import { northAmericanFormat } from '../domain/phone';

/**
 * SSML building blocks. Text never enters SSML except through {@link escapeSsml}, and every piece
 * carries its plain-text twin for cards, logs of shape and the test console.
 */

// Values only ever go into element content, never into attribute values, so quotes and
// apostrophes stay as they are ("O'Neill" reads the same in the SSML and in the card).
const SSML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};

// Control characters and lone surrogates (half a character, which no encoding can carry) are not
// allowed in XML 1.0 and make Alexa reject the whole response.
const XML_INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeSsml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>]/g, (character) => SSML_ESCAPES[character] ?? '');
}

/** A fragment of SSML (without the `<speak>` wrapper) and the same words as plain text. */
export class Ssml {
  public constructor(
    public readonly ssml: string,
    public readonly text: string,
  ) {}

  public static text(value: string): Ssml {
    const clean = value.replace(XML_INVALID, '');
    return new Ssml(escapeSsml(clean), clean);
  }

  public static join(parts: readonly Ssml[], separator = ' '): Ssml {
    return new Ssml(
      parts.map((part) => part.ssml).join(separator),
      parts.map((part) => part.text).join(separator),
    );
  }

  /**
   * SSML said before (a stored `<speak>` document, such as the last reprompt): its body as it was,
   * and its text without the tags.
   */
  public static fromDocument(document: string): Ssml {
    const body = speakBody(document);
    return new Ssml(body, body.replace(/<[^>]*>/g, ''));
  }

  public get isEmpty(): boolean {
    return this.text.trim().length === 0 && this.ssml.trim().length === 0;
  }
}

const SPEAK_OPEN = '<speak>';
const SPEAK_CLOSE = '</speak>';

/** A body as the `<speak>` document Alexa takes. */
export function speakDocument(body: string): string {
  return `${SPEAK_OPEN}${body}${SPEAK_CLOSE}`;
}

/** What a `<speak>` document holds; a string that is not one is returned as it is. */
export function speakBody(ssml: string): string {
  return ssml.startsWith(SPEAK_OPEN) && ssml.endsWith(SPEAK_CLOSE)
    ? ssml.slice(SPEAK_OPEN.length, ssml.length - SPEAK_CLOSE.length)
    : ssml;
}

export type SpeechValue = string | number | Ssml;

export function toSsml(value: SpeechValue): Ssml {
  return value instanceof Ssml ? value : Ssml.text(String(value));
}

/**
 * A phone number read digit by digit the way people say them: E.164 ("+15125550100", read in
 * its North American form) or the form a caller dials ("020 7946 0142", "+44 20 7946 0142").
 */
export function telephone(number: string): Ssml {
  const spoken = nationalFormat(number);
  return new Ssml(`<say-as interpret-as="telephone">${escapeSsml(spoken)}</say-as>`, spoken);
}

/** "+15125550100" as "(512) 555-0100"; anything else as it is. */
export function nationalFormat(e164: string): string {
  return northAmericanFormat(e164);
}

/** How a language reads "@" and "." aloud in an address. */
export interface EmailWords {
  readonly at: string;
  readonly dot: string;
}

/** "jane.doe@example.com" read as "jane dot doe at example dot com" (in `words`' language). */
export function emailAddress(email: string, words: EmailWords = { at: 'at', dot: 'dot' }): Ssml {
  const spoken = email
    .replace(/@/g, ` ${words.at} `)
    .replace(/\./g, ` ${words.dot} `)
    .replace(/\s+/g, ' ')
    .trim();
  return new Ssml(escapeSsml(spoken), email);
}

/** "A", "A and B", "A, B and C": `conjunction` comes from the locale. */
export function spokenList(items: readonly SpeechValue[], conjunction: string): Ssml {
  const parts = items.map(toSsml);
  if (parts.length <= 1) return parts[0] ?? new Ssml('', '');
  const head = Ssml.join(parts.slice(0, -1), ', ');
  const last = parts[parts.length - 1] as Ssml;
  return Ssml.join([head, toSsml(conjunction), last], ' ');
}

const TAG = /^<(\/?)([A-Za-z][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/;
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[\da-fA-F]{1,6});/;

/**
 * Whether `ssml` is a well-formed `<speak>` document: balanced elements, attributes quoted, `&`
 * only in entities, no `]]>` and no character XML forbids. Not a full SSML validator (which tags
 * Alexa knows is the speech resources' business); it catches what makes Alexa refuse a response
 * outright, so a remembered or garbled speech never reaches Alexa.
 */
export function isWellFormedSsml(ssml: string): boolean {
  if (!ssml.startsWith(SPEAK_OPEN) || !ssml.endsWith(SPEAK_CLOSE)) return false;
  if (new RegExp(XML_INVALID.source).test(ssml) || ssml.includes(']]>')) return false;
  const open: string[] = [];
  let index = 0;
  while (index < ssml.length) {
    const character = ssml[index];
    if (character === '<') {
      const tag = TAG.exec(ssml.slice(index, index + 1000));
      if (!tag) return false;
      const [whole, closing, name, attributes, selfClosing] = tag;
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[\da-fA-F]{1,6});)/.test(attributes ?? '')) return false;
      if (closing) {
        if (selfClosing || open.pop() !== name) return false;
      } else if (!selfClosing) {
        open.push(name as string);
      }
      index += whole.length;
      if (open.length === 0 && index < ssml.length) return false;
      continue;
    }
    if (character === '&' && !ENTITY.test(ssml.slice(index, index + 12))) return false;
    index += 1;
  }
  return open.length === 0;
}
