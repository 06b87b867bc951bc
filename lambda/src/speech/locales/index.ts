import { createTranslator, type Translator as KeyedTranslator, type Random, type Template } from '../i18n';
import { deDE } from './de-DE';
import { enUS, type ResourceKey } from './en-US';
import { enAU, enCA, enGB, enIN } from './english-variants';

export type { ResourceKey } from './en-US';

/** Front Desk's translator: only the keys of its resources can be spoken. */
export type Translator = KeyedTranslator<ResourceKey>;

type LocaleResources = Readonly<Record<ResourceKey, Template>>;

/** Every locale Front Desk speaks, each with an interaction model; others fall back to en-US. */
export const RESOURCES: Readonly<Record<string, LocaleResources>> = {
  'en-US': enUS,
  'en-GB': enGB,
  'en-CA': enCA,
  'en-AU': enAU,
  'en-IN': enIN,
  'de-DE': deDE,
};

export const SUPPORTED_LOCALES = Object.keys(RESOURCES);

export const DEFAULT_LOCALE = 'en-US';

/**
 * The translator for a request's locale: exact match, then same language, then en-US. Within
 * its language a locale keeps its own formats ("de-AT" speaks German and tells the time as
 * Austria does); a locale that falls back to en-US speaks and formats as en-US.
 */
export function translatorFor(locale: string | undefined, random?: Random): Translator {
  const requested = locale ?? DEFAULT_LOCALE;
  const language = requested.split('-')[0];
  if (RESOURCES[requested] !== undefined) {
    return createTranslator(requested, RESOURCES[requested], enUS, random);
  }
  const sameLanguage = SUPPORTED_LOCALES.find((candidate) => candidate.split('-')[0] === language);
  if (sameLanguage !== undefined && isFormattableLocale(requested)) {
    return createTranslator(requested, RESOURCES[sameLanguage] ?? enUS, enUS, random);
  }
  const fallback = sameLanguage ?? DEFAULT_LOCALE;
  return createTranslator(fallback, RESOURCES[fallback] ?? enUS, enUS, random);
}

/** Whether Intl takes the tag, so a malformed locale from a request cannot break formatting. */
function isFormattableLocale(locale: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}
