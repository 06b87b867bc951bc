import type { LanguageModel, ModelIntent, SlotType } from './skill-package';

/**
 * Whether an interaction model maps an utterance to some intent, as far as its samples and slot
 * values can tell: the skill manifest's example phrases must be things the model understands.
 */

const SLOT_REFERENCE = /\{([^{}]*)\}/g;

/** What a built-in slot type hears, as far as the example phrases need it. */
const BUILT_IN_VALUES: Record<string, RegExp> = {
  'AMAZON.Ordinal': /^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)$/,
};

function spokenNamesOf(value: SlotType['values'][number]): string[] {
  return [value.name.value, ...(value.name.synonyms ?? [])];
}

/**
 * Whether the model maps this utterance to some intent with every slot holding something its type
 * knows. Tries every way of splitting the words between the slots, as "{name} {detail}" must split
 * "bob smith phone number" after "smith", not after "phone".
 */
export function modelUnderstands(languageModel: LanguageModel, utterance: string): boolean {
  const words = utterance.split(' ');
  const known = (typeName: string, heard: string): boolean => {
    const type = languageModel.types?.find((candidate) => candidate.name === typeName);
    if (!type) return BUILT_IN_VALUES[typeName]?.test(heard) ?? false;
    return type.values.some((value) => spokenNamesOf(value).some((name) => name.toLowerCase() === heard));
  };
  const matches = (intent: ModelIntent, parts: string[], part: number, word: number): boolean => {
    if (part === parts.length) return word === words.length;
    const text = parts[part] ?? '';
    if (part % 2 === 0) {
      const literal = text.split(' ').filter((token) => token.length > 0);
      const fits = literal.every((token, offset) => words[word + offset] === token);
      return fits && matches(intent, parts, part + 1, word + literal.length);
    }
    const type = intent.slots?.find((slot) => slot.name === text)?.type ?? '';
    for (let end = word + 1; end <= words.length; end += 1) {
      if (known(type, words.slice(word, end).join(' ')) && matches(intent, parts, part + 1, end)) return true;
    }
    return false;
  };
  return languageModel.intents.some((intent) =>
    (intent.samples ?? []).some((sample) => matches(intent, sample.split(SLOT_REFERENCE), 0, 0)),
  );
}
