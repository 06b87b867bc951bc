import { IntentNames, SlotNames, SlotTypeNames } from '../../../lambda/src/interaction';
import { SUPPORTED_LOCALES } from '../../../lambda/src/speech/locales';
import { intentRequest } from '../../support/requests';
import { loadLanguageModel, modelLocales } from '../../support/skill-package';
import { buildTestSkill } from '../../support/test-skill';

const codeIntents = Object.values(IntentNames) as string[];

describe('every locale Front Desk speaks has an interaction model, and every model a language', () => {
  it('pairs the speech resources and the models one to one', () => {
    expect(modelLocales()).toEqual([...SUPPORTED_LOCALES].sort());
  });
});

describe.each(modelLocales())('the code and the %s interaction model agree', (locale) => {
  const model = loadLanguageModel(locale);
  const modelIntents = model.intents.map((intent) => intent.name);

  it('every intent the code names is in the model', () => {
    expect(codeIntents.filter((name) => !modelIntents.includes(name))).toEqual([]);
  });

  it('every intent in the model is named by the code', () => {
    expect(modelIntents.filter((name) => !codeIntents.includes(name))).toEqual([]);
  });

  it('every slot and slot type in the model is named by the code, and the other way round', () => {
    // Act
    const modelSlots = new Set(
      model.intents.flatMap((intent) => (intent.slots ?? []).map((slot) => slot.name)),
    );
    const modelTypes = new Set((model.types ?? []).map((type) => type.name));

    // Assess
    expect([...modelSlots].sort()).toEqual(Object.values(SlotNames).sort());
    expect([...modelTypes].sort()).toEqual(Object.values(SlotTypeNames).sort());
  });

  it('gives each intent the same slots, of the same custom types, as en-US', () => {
    // Prepare
    const english = loadLanguageModel('en-US');
    const slotsOf = (intents: typeof model.intents, name: string) =>
      (intents.find((intent) => intent.name === name)?.slots ?? [])
        .map((slot) => `${slot.name}:${slot.type.startsWith('AMAZON.') ? 'built-in' : slot.type}`)
        .sort();

    // Act
    const different = modelIntents.filter(
      (name) => slotsOf(model.intents, name).join() !== slotsOf(english.intents, name).join(),
    );

    // Assess
    expect(different).toEqual([]);
  });

  it.each(modelIntents.filter((name) => name !== IntentNames.fallback))(
    '%s is answered by its own handler, not the catch-all',
    async (intent) => {
      // Prepare
      const { skill, logLines } = buildTestSkill();

      // Act
      const response = await skill.invoke(intentRequest(intent, {}, { locale }));

      // Assess
      expect(response.response.outputSpeech).toBeDefined();
      expect(logLines.filter((line) => line.includes('No handler for intent'))).toEqual([]);
    },
  );
});
