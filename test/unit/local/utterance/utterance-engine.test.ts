import type { Intent } from 'ask-sdk-model';
import { UtteranceEngine } from '../../../../local/utterance/utterance-engine';
import { SKILL_PACKAGE } from '../../../support/skill-package';

const SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000';
const engine = UtteranceEngine.forLocale(SKILL_PACKAGE, 'en-US', { skillId: SKILL_ID });

function intentOf(text: string): Intent & { oneShot: boolean; sample: string } {
  const heard = engine.interpret(text);
  if (heard.kind !== 'intent') throw new Error(`"${text}" gave ${heard.kind}, not an intent`);
  return { ...heard.intent, oneShot: heard.oneShot, sample: heard.matched.sample };
}

/** The filled slots as name: value, the way a tester reads them. */
function valuesOf(intent: Intent): Record<string, string> {
  return Object.fromEntries(
    Object.values(intent.slots ?? {})
      .filter((slot) => slot.value !== undefined)
      .map((slot) => [slot.name, slot.value ?? '']),
  );
}

function resolvedIdsOf(intent: Intent, slot: string): string[] | 'no match' | 'none' {
  const authorities = intent.slots?.[slot]?.resolutions?.resolutionsPerAuthority ?? [];
  if (authorities.length === 0) return 'none';
  const matched = authorities.filter((authority) => authority.status.code === 'ER_SUCCESS_MATCH');
  if (matched.length === 0) return 'no match';
  return matched.flatMap((authority) => authority.values.map((value) => value.value.id));
}

describe('the utterance engine on the en-US model', () => {
  it.each([
    ["what's bob smith's phone number", { name: "bob smith's", detail: 'phone number' }],
    ['What’s Bob Smith’s phone number?', { name: "Bob Smith's", detail: 'phone number' }],
    ['what is the email for Jane Okafor', { name: 'Jane Okafor', detail: 'email' }],
    ['how do I reach Jane', { name: 'Jane' }],
    ['tell me about Zoë Laurent', { name: 'Zoë Laurent' }],
    ['email for Luca D’Angelo', { name: "Luca D'Angelo", detail: 'email' }],
    ['what about her email', { detail: 'email' }],
    ['jane doe', { name: 'jane doe' }],
  ])('hears "%s" as ContactDetailsIntent with %o', (text, slots) => {
    // Act
    const intent = intentOf(text);

    // Assess
    expect(intent.name).toBe('ContactDetailsIntent');
    expect(valuesOf(intent)).toEqual(slots);
  });

  it('sends every slot of the intent, the empty ones without a value', () => {
    // Act
    const intent = intentOf('how do I reach Jane');

    // Assess
    expect(Object.keys(intent.slots ?? {}).sort()).toEqual(['detail', 'name']);
    expect(intent.slots?.detail).toEqual({ name: 'detail', confirmationStatus: 'NONE', source: 'USER' });
  });

  it('resolves a synonym to its value, with name and id', () => {
    // Act
    const intent = intentOf('what is the phone number for Bob Smith');

    // Assess
    expect(intent.slots?.name?.resolutions?.resolutionsPerAuthority).toEqual([
      {
        authority: `amzn1.er-authority.echo-sdk.${SKILL_ID}.CONTACT_NAME`,
        status: { code: 'ER_SUCCESS_MATCH' },
        values: [{ value: { name: 'Robert Smith', id: 'c002' } }],
      },
    ]);
    expect(intent.slots?.detail?.resolutions?.resolutionsPerAuthority?.[0]?.values).toEqual([
      { value: { name: 'phone', id: 'phone' } },
    ]);
    expect(intent.slots?.name?.slotValue).toEqual({
      type: 'Simple',
      value: 'Bob Smith',
      resolutions: intent.slots?.name?.resolutions,
    });
  });

  it('gives every value that shares a synonym, as Alexa does for two people called Jane Doe', () => {
    expect(resolvedIdsOf(intentOf('how do i reach jane doe'), 'name')).toEqual(['c001', 'c008']);
  });

  it('reports no match for words that are no value or synonym, possessives included', () => {
    expect(resolvedIdsOf(intentOf('how do i reach zed quux'), 'name')).toBe('no match');
    expect(resolvedIdsOf(intentOf("what's jane okafor's email"), 'name')).toBe('no match');
  });

  it('matches names whatever the accents and apostrophes typed', () => {
    expect(resolvedIdsOf(intentOf('tell me about Zoe Laurent'), 'name')).toEqual(['c006']);
    expect(resolvedIdsOf(intentOf('tell me about josé garcía'), 'name')).toEqual(['c014']);
    expect(resolvedIdsOf(intentOf('who is Sean O’Neill'), 'name')).toEqual(['c005']);
    expect(resolvedIdsOf(intentOf('what is the title of Mary-Jane Smith-Jones'), 'name')).toEqual(['c010']);
  });

  it.each([
    ['the second one', { ordinal: '2' }],
    ['2nd', { ordinal: '2' }],
    ['number two', { ordinal: '2' }],
    ['the one at Globex', { company: 'Globex' }],
    ['Jane Doe from Globex', { name: 'Jane Doe', company: 'Globex' }],
    ['the one at barnes & noble', { company: 'barnes & noble' }],
  ])('hears "%s" as ChooseContactIntent with %o', (text, slots) => {
    // Act
    const intent = intentOf(text);

    // Assess
    expect(intent.name).toBe('ChooseContactIntent');
    expect(valuesOf(intent)).toEqual(slots);
  });

  it('resolves a company said with "&" to the value written with "and"', () => {
    expect(resolvedIdsOf(intentOf('the one at barnes & noble'), 'company')).toEqual(['barnes and noble']);
  });

  it('passes AMAZON.Ordinal without entity resolution', () => {
    expect(resolvedIdsOf(intentOf('the third one'), 'ordinal')).toBe('none');
  });

  it.each([
    ['help', 'AMAZON.HelpIntent'],
    ['what can I say', 'AMAZON.HelpIntent'],
    ['stop', 'AMAZON.StopIntent'],
    ['cancel', 'AMAZON.CancelIntent'],
    ['never mind', 'AMAZON.CancelIntent'],
    ['yes', 'AMAZON.YesIntent'],
    ['yeah', 'AMAZON.YesIntent'],
    ['no thanks', 'AMAZON.NoIntent'],
    ['repeat that', 'AMAZON.RepeatIntent'],
    ['say that again', 'AMAZON.RepeatIntent'],
    ['start over', 'AMAZON.StartOverIntent'],
    ['new search', 'AMAZON.StartOverIntent'],
    ['go home', 'AMAZON.NavigateHomeIntent'],
  ])('hears "%s" as %s, a built-in intent the model lists without those samples', (text, name) => {
    // Act
    const intent = intentOf(text);

    // Assess
    expect(intent.name).toBe(name);
    expect(intent.slots).toBeUndefined();
  });

  it.each(['order a pizza', 'zed quux', 'play some music'])(
    'sends "%s" to AMAZON.FallbackIntent: nothing in the model explains it',
    (text) => {
      expect(intentOf(text).name).toBe('AMAZON.FallbackIntent');
    },
  );

  it.each([
    'open front desk',
    'Alexa, launch Front Desk',
    'talk to front desk',
    'ask front desk',
    'front desk',
  ])('hears "%s" as a launch', (text) => {
    expect(engine.interpret(text)).toEqual({ kind: 'launch' });
  });

  it.each([
    [
      "ask front desk for Jane Doe's phone number",
      'ContactDetailsIntent',
      { name: "Jane Doe's", detail: 'phone number' },
    ],
    ['ask front desk about Liz Hale', 'ContactDetailsIntent', { name: 'Liz Hale' }],
    ['tell front desk to look up Bob', 'ContactDetailsIntent', { name: 'Bob' }],
    ['ask front desk what can you do', 'AMAZON.HelpIntent', {}],
    ['open front desk and find Priya Raman', 'ContactDetailsIntent', { name: 'Priya Raman' }],
    [
      'what is the email for Sarah Kim using front desk',
      'ContactDetailsIntent',
      { name: 'Sarah Kim', detail: 'email' },
    ],
  ])('hears "%s" as a one-shot %s with %o', (text, name, slots) => {
    // Act
    const intent = intentOf(text);

    // Assess
    expect(intent.oneShot).toBe(true);
    expect(intent.name).toBe(name);
    expect(valuesOf(intent)).toEqual(slots);
  });

  it('hears "exit" as the end of the session, which Alexa tells the skill', () => {
    expect(engine.interpret('exit')).toEqual({ kind: 'exit' });
  });

  it('says what matched, so a tester can see why', () => {
    expect(intentOf('what is the email for Jane Okafor').sample).toBe('what is the {detail} for {name}');
    expect(intentOf("what's the email for Jane Okafor").sample).toBe("what's the {detail} for {name}");
    expect(intentOf('help').sample).toBe('help');
  });

  it('reads nothing into empty text', () => {
    expect(engine.interpret('  ?! ').kind).toBe('nothing');
  });
});
