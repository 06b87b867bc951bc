import { ContactDetails, SlotTypeNames } from '../../../lambda/src/interaction';
import { ENGLISH_VARIANTS, generateEnglishModels, SOURCE_LOCALE } from '../../../scripts/model-locales';
import { runModelSync } from '../../../scripts/model-sync';
import { modelUnderstands } from '../../support/model-understanding';
import {
  type LanguageModel,
  loadLanguageModel,
  loadSkillManifest,
  modelLocales,
  SAMPLE_DIRECTORY_CSV,
  type SlotType,
} from '../../support/skill-package';

const LOCALES = modelLocales();
const SLOT_REFERENCE = /\{([^{}]*)\}/g;

/** The built-in slot types the models may use: each is offered in all six locales. */
const BUILT_IN_SLOT_TYPES = new Set(['AMAZON.Ordinal', 'AMAZON.US_STATE', 'AMAZON.US_CITY', 'AMAZON.Person']);

/** What a sample may be written with, beyond slots: lower case letters of the language, spaces, ' . - */
const SAMPLE_LETTERS: Readonly<Record<string, RegExp>> = {
  en: /^[a-z' .-]*$/,
  de: /^[a-zäöüß' .-]*$/,
};

/** How each language opens and asks a skill, for the manifest's example phrases. */
const INVOCATION_PHRASES: Readonly<Record<string, { open: string; ask: string; connectors: RegExp }>> = {
  en: { open: 'alexa, open', ask: 'alexa, ask', connectors: /^(to|for|about|whether|if) / },
  de: { open: 'alexa, öffne', ask: 'alexa, frage', connectors: /^(nach|ob|wer) / },
};

/** Words an invocation name may not contain: wake words, launch phrases, "skill" and "app". */
const FORBIDDEN_INVOCATION_WORDS = [
  'alexa',
  'amazon',
  'echo',
  'skill',
  'app',
  'open',
  'ask',
  'tell',
  'launch',
  'öffne',
  'frage',
  'starte',
  'sage',
];

const languageOf = (locale: string): string => locale.split('-')[0] ?? '';

function typeNamed(model: LanguageModel, name: string): SlotType {
  const type = model.types?.find((candidate) => candidate.name === name);
  if (!type) throw new Error(`The model has no slot type ${name}`);
  return type;
}

function spokenNamesOf(value: SlotType['values'][number]): string[] {
  return [value.name.value, ...(value.name.synonyms ?? [])];
}

describe.each(LOCALES)('the %s interaction model', (locale) => {
  const model = loadLanguageModel(locale);

  it('has an invocation name of lower case words in its language, with no forbidden word', () => {
    const words = model.invocationName.split(' ');

    expect(model.invocationName).toBe(languageOf(locale) === 'de' ? 'büroempfang' : 'front desk');
    expect(model.invocationName).toMatch(SAMPLE_LETTERS[languageOf(locale)] as RegExp);
    expect(words.filter((word) => FORBIDDEN_INVOCATION_WORDS.includes(word))).toEqual([]);
  });

  it('declares every slot a sample refers to, and types each with a built-in or a defined type', () => {
    const undeclared = model.intents.flatMap((intent) =>
      (intent.samples ?? []).flatMap((sample) =>
        [...sample.matchAll(SLOT_REFERENCE)]
          .map((match) => match[1] ?? '')
          .filter((slot) => !intent.slots?.some((declared) => declared.name === slot))
          .map((slot) => `${intent.name}: "${sample}" uses {${slot}}`),
      ),
    );
    const defined = new Set((model.types ?? []).map((type) => type.name));
    const unknownTypes = model.intents
      .flatMap((intent) => (intent.slots ?? []).map((slot) => slot.type))
      .filter((type) => !defined.has(type) && !BUILT_IN_SLOT_TYPES.has(type));

    expect(undeclared).toEqual([]);
    expect(unknownTypes).toEqual([]);
  });

  it('never maps the same sample to two intents, or twice to one', () => {
    // Prepare
    const owners = new Map<string, string[]>();

    // Act
    for (const intent of model.intents) {
      for (const sample of intent.samples ?? []) {
        const key = sample.replace(/\s+/g, ' ').trim();
        owners.set(key, [...(owners.get(key) ?? []), intent.name]);
      }
    }

    // Assess
    expect([...owners].filter(([, intents]) => intents.length > 1)).toEqual([]);
  });

  it('writes samples in lower case letters of its language, with slots set apart', () => {
    const letters = SAMPLE_LETTERS[languageOf(locale)] as RegExp;

    const malformed = model.intents.flatMap((intent) =>
      (intent.samples ?? []).filter(
        (sample) =>
          !letters.test(sample.replace(SLOT_REFERENCE, ' ')) ||
          /[^\s]\{|\}[^\s]/.test(sample) ||
          sample !== sample.trim(),
      ),
    );

    expect(malformed).toEqual([]);
  });

  it('asks for contact details in at least forty ways, with and without a name and a detail', () => {
    const samples = model.intents.find((intent) => intent.name === 'ContactDetailsIntent')?.samples ?? [];

    expect(samples.length).toBeGreaterThanOrEqual(40);
    expect(samples.filter((sample) => sample.includes('{name}') && sample.includes('{detail}')).length).toBeGreaterThanOrEqual(10);
    expect(samples).toContain('{name}');
    expect(samples.some((sample) => sample.includes('{detail}') && !sample.includes('{name}'))).toBe(true);
  });

  it('hears each contact detail the code knows in words no other detail uses', () => {
    const values = typeNamed(model, SlotTypeNames.contactDetail).values;
    const words = values.flatMap((value) => spokenNamesOf(value).map((word) => word.toLowerCase()));

    expect(values.map((value) => value.id).sort()).toEqual([...ContactDetails].sort());
    expect(words.filter((word, index) => words.indexOf(word) !== index)).toEqual([]);
  });

  it('hears every letter from A to Z, each by itself and by other words', () => {
    const letters = typeNamed(model, SlotTypeNames.letter).values;

    expect(letters.map((value) => value.id)).toEqual([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ']);
    expect(letters.filter((value) => value.name.value !== value.id || !value.name.synonyms?.length)).toEqual([]);
  });

  it('knows the same people and companies as en-US, under the same ids', () => {
    const english = loadLanguageModel('en-US');
    const ids = (languageModel: LanguageModel, type: string) =>
      typeNamed(languageModel, type).values.map((value) => value.id);

    expect(ids(model, SlotTypeNames.contactName)).toEqual(ids(english, SlotTypeNames.contactName));
    expect(ids(model, SlotTypeNames.companyName)).toEqual(ids(english, SlotTypeNames.companyName));
  });
});

describe('the English variants of the model', () => {
  it('are exactly what npm run model:locales generates from en-US, so they cannot drift', async () => {
    const outdated = await generateEnglishModels({ check: true });

    expect(outdated).toEqual([]);
  });

  it('keep every sample and synonym of en-US, and add the locale touches', () => {
    const english = loadLanguageModel(SOURCE_LOCALE);
    const samples = (languageModel: LanguageModel) => languageModel.intents.flatMap((intent) => intent.samples ?? []);

    for (const locale of Object.keys(ENGLISH_VARIANTS)) {
      const variant = loadLanguageModel(locale);
      const zed = typeNamed(variant, SlotTypeNames.letter).values.find((value) => value.id === 'Z');

      expect(samples(english).filter((sample) => !samples(variant).includes(sample))).toEqual([]);
      expect(zed?.name.synonyms).toContain('zed');
    }
    expect(samples(loadLanguageModel('en-GB'))).toContain("i'm popping out");
  });
});

describe('npm run model:sync', () => {
  it('finds every model up to date with the sample directory, shared names joined in their language', async () => {
    // Act
    const outcome = await runModelSync({ file: SAMPLE_DIRECTORY_CSV, check: true });

    // Assess
    expect(outcome.models.map(({ model }) => model.replace(/^.*\//, '').replace('.json', '')).sort()).toEqual(LOCALES);
    expect(outcome.models.filter(({ changed }) => changed)).toEqual([]);
    const german = typeNamed(loadLanguageModel('de-DE'), SlotTypeNames.contactName).values;
    expect(german.find((value) => value.id === 'c001')?.name).toEqual({
      value: 'Jane Doe bei Acme Corp.',
      synonyms: ['Jane Doe'],
    });
  });
});

describe('the skill manifest', () => {
  const { manifest } = loadSkillManifest();

  it('publishes every locale that has a model, with its privacy links', () => {
    expect(Object.keys(manifest.publishingInformation.locales).sort()).toEqual(LOCALES);
    expect(Object.keys(manifest.privacyAndCompliance.locales).sort()).toEqual(LOCALES);
    expect(manifest.publishingInformation.locales['de-DE']?.name).toBe('Büroempfang');
  });

  it.each(LOCALES)('shows %s example phrases that the model understands', (locale) => {
    // Prepare
    const model = loadLanguageModel(locale);
    const publishing = manifest.publishingInformation.locales[locale];
    const phrases = INVOCATION_PHRASES[languageOf(locale)] as (typeof INVOCATION_PHRASES)[string];

    // Act
    const misunderstood = (publishing?.examplePhrases ?? []).filter((phrase) => {
      const spoken = phrase.toLowerCase().replace(/[.?!]+$/, '');
      if (spoken === `${phrases.open} ${model.invocationName}`) return false;
      const prefix = `${phrases.ask} ${model.invocationName} `;
      if (!spoken.startsWith(prefix)) return true;
      const request = spoken.slice(prefix.length);
      return !modelUnderstands(model, request) && !modelUnderstands(model, request.replace(phrases.connectors, ''));
    });

    // Assess
    expect(publishing?.examplePhrases.length).toBeGreaterThanOrEqual(1);
    expect(publishing?.examplePhrases.length).toBeLessThanOrEqual(3);
    expect(misunderstood).toEqual([]);
  });

  it('declares the APL interface, so Alexa accepts the screens, for round and rectangular hubs', () => {
    const apl = manifest.apis.custom.interfaces?.find((entry) => entry.type === 'ALEXA_PRESENTATION_APL');

    expect(apl?.supportedViewports?.map((viewport) => `${viewport.mode} ${viewport.shape}`)).toEqual(
      expect.arrayContaining(['HUB ROUND', 'HUB RECTANGLE']),
    );
  });
});
