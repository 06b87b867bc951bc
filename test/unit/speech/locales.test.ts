import type { Template } from '../../../lambda/src/speech/i18n';
import { DEFAULT_LOCALE, RESOURCES, translatorFor } from '../../../lambda/src/speech/locales';
import { enUS } from '../../../lambda/src/speech/locales/en-US';
import { spokenList } from '../../../lambda/src/speech/ssml';
import { spokenWhen } from '../../../lambda/src/speech/time-speech';

const LOCALES = Object.keys(RESOURCES);
const ENGLISH_KEYS = Object.keys(enUS).sort();
const NEW_YORK = 'America/New_York';

/** The placeholders of a template, in every variant and plural form. */
function placeholders(template: Template): string[] {
  const texts =
    typeof template === 'string' ? [template] : Array.isArray(template) ? template : Object.values(template);
  return [
    ...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))),
  ].sort();
}

const isPlural = (template: Template): boolean => typeof template === 'object' && !Array.isArray(template);

describe('the speech resources of every locale', () => {
  it('speaks six locales: five Englishes and German', () => {
    expect(LOCALES.sort()).toEqual(['de-DE', 'en-AU', 'en-CA', 'en-GB', 'en-IN', 'en-US']);
  });

  it.each(LOCALES)(
    '%s fills the same placeholders as English, with plural forms where English counts',
    (locale) => {
      // Every locale has every key: `satisfies` in the resources makes that a compile error.
      const resources: Readonly<Record<string, Template | undefined>> = RESOURCES[locale] ?? {};

      const mismatched = ENGLISH_KEYS.filter((key) => {
        const english = enUS[key as keyof typeof enUS] as Template;
        const translated = resources[key];
        return (
          translated === undefined ||
          placeholders(translated).join() !== placeholders(english).join() ||
          isPlural(translated) !== isPlural(english)
        );
      });

      expect(mismatched).toEqual([]);
    },
  );

  it('says every German sentence in German, not in English', () => {
    const german: Readonly<Record<string, Template | undefined>> = RESOURCES['de-DE'] ?? {};

    // Keys whose words are the same in both languages: names and punctuation only.
    const same = ENGLISH_KEYS.filter(
      (key) => JSON.stringify(german[key]) === JSON.stringify(enUS[key as keyof typeof enUS]),
    );

    expect(same.sort()).toEqual(
      [
        'board.left.entry',
        'browse.card.line',
        'browse.card.lineBare',
        'browse.entry.city',
        'browse.entry.plain',
        'browse.entry.title',
        'choose.optionNoCompany',
        'place.cityState',
        'summary.inPlace',
        'summary.intro',
        'visitor.name',
        'visitor.today.all',
      ].sort(),
    );
  });
});

describe('choosing the translator for a request', () => {
  it('speaks the locale asked for when Front Desk has it', () => {
    expect(translatorFor('de-DE').text('launch.welcome')).toBe('Willkommen beim Büroempfang.');
    expect(translatorFor('en-GB').locale).toBe('en-GB');
  });

  it('speaks the same language in another region, keeping that region for dates and times', () => {
    // Act
    const austrian = translatorFor('de-AT', () => 0);

    // Assess
    expect(austrian.locale).toBe('de-AT');
    expect(austrian.text('goodbye')).toBe('Auf Wiedersehen!');
  });

  it('falls back to American English for a language Front Desk does not speak, or no locale at all', () => {
    for (const locale of ['fr-FR', 'ja-JP', undefined, 'not a locale']) {
      const t = translatorFor(locale);

      expect(t.locale).toBe(DEFAULT_LOCALE);
      expect(t.text('launch.welcome')).toBe('Welcome to Front Desk.');
    }
  });
});

describe('locale touches', () => {
  const at = new Date('2025-01-14T22:10:00Z');
  const now = new Date('2025-01-15T14:00:00Z');

  it.each([
    ['en-US', 'at 5:10 PM yesterday'],
    ['en-GB', 'at 17:10 yesterday'],
    ['en-CA', 'at 5:10 p.m. yesterday'],
    ['en-AU', 'at 5:10 pm yesterday'],
    ['en-IN', 'at 5:10 pm yesterday'],
    ['de-DE', 'gestern um 17:10 Uhr'],
  ])('%s tells the time its own way: "%s"', (locale, expected) => {
    expect(spokenWhen(translatorFor(locale), at, now, NEW_YORK)).toBe(expected);
  });

  it('says dates in German the German way', () => {
    const t = translatorFor('de-DE');
    const march = new Date('2025-03-20T14:00:00Z');

    expect(spokenWhen(t, new Date('2025-03-17T12:30:00Z'), march, NEW_YORK)).toBe('am Montag um 8:30 Uhr');
    expect(spokenWhen(t, new Date('2025-03-03T13:30:00Z'), march, NEW_YORK)).toBe('am 3. März um 8:30 Uhr');
    expect(spokenWhen(translatorFor('en-GB'), new Date('2025-03-03T13:30:00Z'), march, NEW_YORK)).toBe(
      'on 3 March at 8:30',
    );
  });

  it('joins German lists with "und"', () => {
    const t = translatorFor('de-DE');

    expect(spokenList(['Jane Doe', 'Sean O’Neill', 'Robert Smith'], t.text('list.and')).text).toBe(
      'Jane Doe, Sean O’Neill und Robert Smith',
    );
  });

  it('asks for an email ID and a contact number in Indian English', () => {
    const t = translatorFor('en-IN');

    expect(t.text('detail.name.email')).toBe('email ID');
    expect(t.text('askName.questionWithDetail', { detail: t.text('detail.name.phone') })).toBe(
      'Whose contact number would you like?',
    );
  });
});
