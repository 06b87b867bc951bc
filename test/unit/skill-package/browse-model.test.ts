import { SPELLING_ALPHABET } from '../../../lambda/src/domain/letters';
import { IntentNames, SlotTypeNames } from '../../../lambda/src/interaction';
import { loadLanguageModel } from '../../support/skill-package';

const model = loadLanguageModel('en-US');
const samplesOf = (name: string): readonly string[] =>
  model.intents.find((intent) => intent.name === name)?.samples ?? [];

describe('the browse part of the en-US interaction model', () => {
  it('takes the ways people ask for a company, a place and an initial', () => {
    expect(samplesOf(IntentNames.browseCompany)).toEqual(
      expect.arrayContaining(['who works at {company}', 'who do we know at {company}', 'list the people at {company}']),
    );
    expect(samplesOf(IntentNames.browsePlace)).toEqual(
      expect.arrayContaining(['who is in {state}', "who's based in {city}", 'who do we have in {city}']),
    );
    expect(samplesOf(IntentNames.browseInitial)).toEqual(
      expect.arrayContaining(['whose name starts with {letter}', 'names beginning with {letter}']),
    );
    expect(samplesOf(IntentNames.more)).toEqual(expect.arrayContaining(['keep going', 'continue']));
  });

  it('always names the company, place or letter, so "who is in" alone is left to the in/out board', () => {
    // Act
    const slotless = [IntentNames.browseCompany, IntentNames.browsePlace, IntentNames.browseInitial].flatMap((name) =>
      samplesOf(name).filter((sample) => !/\{(company|city|state|letter)\}/.test(sample)),
    );

    // Assess
    expect(slotless).toEqual([]);
    // A city alone after "who is in" would take "who is in today"; a city with its state cannot.
    expect(
      samplesOf(IntentNames.browsePlace).filter((sample) => /^who('s| is) in \{city\}(?! \{state\})/.test(sample)),
    ).toEqual([]);
  });

  it('hears every letter by itself and by its spelling-alphabet words, resolving to the letter', () => {
    // Prepare
    const letters = model.types?.find((type) => type.name === SlotTypeNames.letter)?.values ?? [];

    // Act
    const heard = Object.fromEntries(
      letters.map((value) => [value.id, [value.name.value, ...(value.name.synonyms ?? [])]]),
    );

    // Assess
    expect(heard).toEqual(
      Object.fromEntries(Object.entries(SPELLING_ALPHABET).map(([letter, words]) => [letter, [letter, ...words]])),
    );
  });
});
