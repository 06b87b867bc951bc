import { createTranslator, type Random, type Resources, type Translator } from '../i18n';
import { enUS } from './en-US';

/** Every locale Front Desk speaks; others fall back to en-US. */
export const RESOURCES: Readonly<Record<string, Resources>> = {
  'en-US': enUS,
};

export const DEFAULT_LOCALE = 'en-US';

/** The translator for a request's locale: exact match, then same language, then en-US. */
export function translatorFor(locale: string | undefined, random?: Random): Translator {
  const requested = locale ?? DEFAULT_LOCALE;
  const language = requested.split('-')[0];
  const match =
    RESOURCES[requested] !== undefined
      ? requested
      : (Object.keys(RESOURCES).find((candidate) => candidate.split('-')[0] === language) ?? DEFAULT_LOCALE);
  return createTranslator(match, RESOURCES[match] ?? enUS, enUS, random);
}
