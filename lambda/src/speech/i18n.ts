import { type SpeechValue, Ssml, toSsml } from './ssml';

/**
 * A locale's sentences. A value is a template with `{placeholders}`, a list of variants (one is
 * picked at random, so repeated prompts do not sound canned), or plural forms chosen by `count`.
 */
export type Template = string | readonly string[] | { readonly one: string; readonly other: string };
export type Resources = Readonly<Record<string, Template>>;

export type SpeechParams = Readonly<Record<string, SpeechValue | undefined>>;

/** Sentences by key. `Key` is the locale resources' keys, so a misspelt key fails the type check. */
export interface Translator<Key extends string = string> {
  readonly locale: string;
  /** Renders a sentence. Plain-text params are escaped; {@link Ssml} params are inserted as they are. */
  speak(key: Key, params?: SpeechParams): Ssml;
  /** The same sentence as plain text, for card titles and text. */
  text(key: Key, params?: SpeechParams): string;
}

export class MissingResourceError extends Error {
  public constructor(key: string, locale: string) {
    super(`No speech resource "${key}" for ${locale}`);
    this.name = 'MissingResourceError';
  }
}

export type Random = () => number;

function pickTemplate(template: Template, count: unknown, locale: string, random: Random): string {
  if (typeof template === 'string') return template;
  if (Array.isArray(template)) return template[Math.floor(random() * template.length)] ?? template[0] ?? '';
  const forms = template as { one: string; other: string };
  const category = typeof count === 'number' ? new Intl.PluralRules(locale).select(count) : 'other';
  return category === 'one' ? forms.one : forms.other;
}

function render(template: string, params: SpeechParams): Ssml {
  const ssml: string[] = [];
  const text: string[] = [];
  let cursor = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const literal = Ssml.text(template.slice(cursor, match.index));
    ssml.push(literal.ssml);
    text.push(literal.text);
    const value = params[match[1] as string];
    if (value === undefined) throw new Error(`Missing speech parameter "${match[1]}"`);
    const rendered = toSsml(value);
    ssml.push(rendered.ssml);
    text.push(rendered.text);
    cursor = (match.index ?? 0) + match[0].length;
  }
  const tail = Ssml.text(template.slice(cursor));
  ssml.push(tail.ssml);
  text.push(tail.text);
  return new Ssml(ssml.join(''), text.join(''));
}

/** A translator for `locale`, falling back key by key to `fallback` resources. */
export function createTranslator<Key extends string = string>(
  locale: string,
  resources: Readonly<Record<Key, Template>>,
  fallback: Readonly<Record<Key, Template>> = resources,
  random: Random = Math.random,
): Translator<Key> {
  const lookup = (key: Key): Template => {
    const template = resources[key] ?? fallback[key];
    if (template === undefined) throw new MissingResourceError(key, locale);
    return template;
  };
  const speak = (key: Key, params: SpeechParams = {}): Ssml =>
    render(pickTemplate(lookup(key), params.count, locale, random), params);
  return {
    locale,
    speak,
    text: (key, params) => speak(key, params).text,
  };
}
