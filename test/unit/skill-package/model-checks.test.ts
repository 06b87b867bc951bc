import { IntentNames } from '../../../lambda/src/interaction';
import { enUS } from '../../../lambda/src/speech/locales/en-US';
import { deDE } from '../../../lambda/src/speech/locales/de-DE';
import { Conversation } from '../../support/conversation';
import { intentRequest, launchRequest } from '../../support/requests';
import { speechOf } from '../../support/response-checks';
import { sampleContacts } from '../../support/sample-contacts';
import { loadLanguageModel, modelLocales } from '../../support/skill-package';
import { buildTestSkill } from '../../support/test-skill';

/**
 * The interaction model checks of issue 14, written for every intent, also those added later:
 * enough samples for Alexa to learn an intent, no sample two intents share, and no sample that is
 * a slot alone of a type that accepts any words, unless the skill answers out-of-domain speech
 * arriving through it with the fallback answer (proved below, for each such sample found).
 */

const MINIMUM_SAMPLES = 20;

/** Built-in slot types that take only their own kind of words (numbers, ordinals, dates, places). */
const CLOSED_BUILT_IN_TYPES = new Set([
  'AMAZON.Ordinal',
  'AMAZON.NUMBER',
  'AMAZON.DATE',
  'AMAZON.TIME',
  'AMAZON.DURATION',
  'AMAZON.US_STATE',
  'AMAZON.US_CITY',
  'AMAZON.PhoneNumber',
]);

/** Speech that is not for Front Desk, as it would arrive in a slot that takes any words. */
const OUT_OF_DOMAIN: Readonly<Record<'en' | 'de', readonly string[]>> = {
  en: ['order me a large pizza', 'play some music in the kitchen', 'what is the weather like in paris tomorrow'],
  de: ['bestell mir eine große pizza', 'spiel musik in der küche', 'wie wird das wetter morgen in paris'],
};

const BARE_SLOT = /^\{(\w+)\}$/;

function acceptsAnyWords(type: string): boolean {
  if (CLOSED_BUILT_IN_TYPES.has(type)) return false;
  // Custom slot types are not closed lists: words they do not list still arrive, as heard.
  return true;
}

/** Every sample that is one slot alone, of a type that accepts any words, in every locale's model. */
function bareOpenSlots(): { locale: string; intent: string; slot: string }[] {
  return modelLocales().flatMap((locale) => {
    return loadLanguageModel(locale).intents.flatMap((intent) =>
      (intent.samples ?? []).flatMap((sample) => {
        const slot = BARE_SLOT.exec(sample.trim())?.[1];
        const type = intent.slots?.find((declared) => declared.name === slot)?.type;
        return slot && type && acceptsAnyWords(type) ? [{ locale, intent: intent.name, slot }] : [];
      }),
    );
  });
}

describe('the interaction models', () => {
  it('give every custom intent at least 20 en-US samples', () => {
    const model = loadLanguageModel('en-US');

    const short = model.intents
      .filter((intent) => !intent.name.startsWith('AMAZON.'))
      .filter((intent) => (intent.samples ?? []).length < MINIMUM_SAMPLES)
      .map((intent) => `${intent.name}: ${(intent.samples ?? []).length} samples`);

    expect(short).toEqual([]);
  });

  it.each(modelLocales())('never give two intents of %s the same sample, even with other slot names', (locale) => {
    // Prepare: "{name}" and "{company}" are the same sample when both slots take the same type.
    const model = loadLanguageModel(locale);
    const owners = new Map<string, Set<string>>();

    // Act
    for (const intent of model.intents) {
      const typeOf = new Map((intent.slots ?? []).map((slot) => [slot.name, slot.type]));
      for (const sample of intent.samples ?? []) {
        const key = sample
          .toLowerCase()
          .replace(/\{(\w+)\}/g, (_, slot: string) => `{${typeOf.get(slot) ?? slot}}`)
          .replace(/\s+/g, ' ')
          .trim();
        owners.set(key, new Set([...(owners.get(key) ?? []), intent.name]));
      }
    }

    // Assess
    const shared = [...owners].filter(([, intents]) => intents.size > 1).map(([sample]) => sample);
    expect(shared).toEqual([]);
  });

  it('find the bare slot samples this check is about (so the proof below cannot pass empty)', () => {
    expect(bareOpenSlots()).toEqual(
      expect.arrayContaining([{ locale: 'en-US', intent: IntentNames.contactDetails, slot: 'name' }]),
    );
  });

  it.each(bareOpenSlots().map((found) => [found.locale, found.intent, found.slot] as const))(
    'answer out-of-domain speech reaching the bare sample of %s %s {%s} with the fallback, and keep the session',
    async (locale, intent, slot) => {
      // Prepare: a fresh session, and one with a "which one?" pending.
      const german = locale.startsWith('de');
      const fallback = (german ? deDE : enUS)['fallback.speech'];
      const phrases = OUT_OF_DOMAIN[german ? 'de' : 'en'];

      for (const phrase of phrases) {
        const fresh = new Conversation(buildTestSkill(sampleContacts()).skill);
        await fresh.send(launchRequest({ locale }));
        const pending = new Conversation(buildTestSkill(sampleContacts()).skill);
        await pending.send(launchRequest({ locale }));
        const asked = await pending.send(
          intentRequest(IntentNames.contactDetails, { name: 'jane doe' }, { locale }),
        );

        // Act
        const answer = await fresh.send(intentRequest(intent, { [slot]: phrase }, { locale }));
        const whilePending = await pending.send(intentRequest(intent, { [slot]: phrase }, { locale }));

        // Assess
        expect(speechOf(answer)).toContain(fallback);
        expect(speechOf(answer)).not.toContain(phrase);
        expect(answer.response.shouldEndSession).toBe(false);
        // The question pending is asked again, not lost, and the words are not said back as a name.
        expect(speechOf(asked)).toContain('Jane Doe');
        expect(speechOf(whilePending)).toContain(speechOf(asked).split(': ')[1] ?? '');
        expect(speechOf(whilePending)).not.toContain(phrase);
        expect(whilePending.response.shouldEndSession).toBe(false);
      }
    },
  );
});
