import { IntentNames, SlotNames, SlotTypeNames } from '../../../lambda/src/interaction';
import { intentRequest } from '../../support/requests';
import { loadLanguageModel } from '../../support/skill-package';
import { buildTestSkill } from '../../support/test-skill';

const model = loadLanguageModel('en-US');
const modelIntents = model.intents.map((intent) => intent.name);
const codeIntents = Object.values(IntentNames) as string[];

describe('the code and the en-US interaction model agree', () => {
  it('every intent the code names is in the model', () => {
    expect(codeIntents.filter((name) => !modelIntents.includes(name))).toEqual([]);
  });

  it('every intent in the model is named by the code', () => {
    expect(modelIntents.filter((name) => !codeIntents.includes(name))).toEqual([]);
  });

  it('every slot and slot type in the model is named by the code, and the other way round', () => {
    const modelSlots = new Set(
      model.intents.flatMap((intent) => (intent.slots ?? []).map((slot) => slot.name)),
    );
    const modelTypes = new Set((model.types ?? []).map((type) => type.name));

    expect([...modelSlots].sort()).toEqual(Object.values(SlotNames).sort());
    expect([...modelTypes].sort()).toEqual(Object.values(SlotTypeNames).sort());
  });

  it.each(modelIntents.filter((name) => name !== IntentNames.fallback))(
    '%s is answered by its own handler, not the catch-all',
    async (intent) => {
      const { skill, logLines } = buildTestSkill();

      const response = await skill.invoke(intentRequest(intent));

      expect(response.response.outputSpeech).toBeDefined();
      expect(logLines.filter((line) => line.includes('No handler for intent'))).toEqual([]);
    },
  );
});
