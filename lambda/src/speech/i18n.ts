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
  const category = typeof count === 'number' ? pluralRulesOf(locale).select(count) : 'other';
  return category === 'one' ? forms.one : forms.other;
}

// Building an Intl.PluralRules costs tens of microseconds and kilobytes of garbage: once per locale.
const pluralRules = new Map<string, Intl.PluralRules>();

function pluralRulesOf(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
}

/** A template cut at its placeholders once: `literals` has one more entry than `names`. */
interface ParsedTemplate {
  readonly literals: readonly Ssml[];
  readonly names: readonly string[];
}

// Templates come from the locale resources, a fixed set, so this holds at most one entry each.
const parsedTemplates = new Map<string, ParsedTemplate>();

function parsedTemplate(template: string): ParsedTemplate {
  const known = parsedTemplates.get(template);
  if (known) return known;
  const literals: Ssml[] = [];
  const names: string[] = [];
  let cursor = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    literals.push(Ssml.text(template.slice(cursor, match.index)));
    names.push(match[1] as string);
    cursor = (match.index ?? 0) + match[0].length;
  }
  literals.push(Ssml.text(template.slice(cursor)));
  const parsed = { literals, names };
  parsedTemplates.set(template, parsed);
  return parsed;
}

function render(template: string, params: SpeechParams): Ssml {
  const { literals, names } = parsedTemplate(template);
  const first = literals[0] as Ssml;
  let ssml = first.ssml;
  let text = first.text;
  for (let index = 0; index < names.length; index += 1) {
    const name = names[index] as string;
    const value = params[name];
    if (value === undefined) throw new Error(`Missing speech parameter "${name}"`);
    const rendered = toSsml(value);
    const literal = literals[index + 1] as Ssml;
    ssml += rendered.ssml + literal.ssml;
    text += rendered.text + literal.text;
  }
  return new Ssml(ssml, text);
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
