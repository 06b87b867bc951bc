import { IntentNames } from '../../../lambda/src/interaction';
import { deDE } from '../../../lambda/src/speech/locales/de-DE';
import { enUS } from '../../../lambda/src/speech/locales/en-US';
import { Conversation } from '../../support/conversation';
import { intentRequest, launchRequest } from '../../support/requests';
import { speechOf } from '../../support/response-checks';
import { sampleContacts } from '../../support/sample-contacts';
import { buildTestSkill } from '../../support/test-skill';

/**
 * "Oregon" alone, in answer to "which Portland?". The models give BrowsePlaceIntent a bare
 * "{state}" sample, so Alexa sends the state there; it may still hear a bare word as a name, and
 * the answer then names the state asked about all the same.
 */
describe('a bare state in answer to "which Portland?"', () => {
  it('lists the people of the city in that state', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill(sampleContacts()).skill);
    await conversation.send(launchRequest());
    const question = await conversation.send(intentRequest(IntentNames.browsePlace, { city: 'Portland' }));

    // Act
    const answer = await conversation.send(intentRequest(IntentNames.contactDetails, { name: 'Oregon' }));

    // Assess
    expect(speechOf(question)).toContain('Do you mean Portland, Maine or Portland, Oregon?');
    expect(speechOf(answer)).toMatch(/^There are \d+ people in Portland, Oregon:/);
  });

  it('is an ordinary name lookup when no place question is pending', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill(sampleContacts()).skill);
    await conversation.send(launchRequest());

    // Act
    const answer = await conversation.send(intentRequest(IntentNames.contactDetails, { name: 'Oregon' }));

    // Assess
    expect(speechOf(answer)).not.toContain('people in Portland');
  });

  it.each([
    ['en-US', /^There are 4 people in Portland, Oregon:/],
    ['de-DE', /^In Portland, Oregon gibt es 4 Personen:/],
  ] as const)(
    'in %s, lists the city in that state when the state arrives in the bare {state} sample',
    async (locale, expected) => {
      // Prepare
      const conversation = new Conversation(buildTestSkill(sampleContacts()).skill);
      await conversation.send(launchRequest({ locale }));
      await conversation.send(intentRequest(IntentNames.browsePlace, { city: 'Portland' }, { locale }));

      // Act
      const answer = await conversation.send(
        intentRequest(IntentNames.browsePlace, { state: 'Oregon' }, { locale }),
      );

      // Assess
      expect(speechOf(answer)).toMatch(expected);
      expect(answer.response.shouldEndSession).toBe(false);
    },
  );

  it.each([
    [
      'en-US',
      'order me a large pizza',
      enUS['fallback.speech'],
      'Do you mean Portland, Maine or Portland, Oregon?',
    ],
    [
      'de-DE',
      'bestell mir eine große pizza',
      deDE['fallback.speech'],
      'Meinen Sie Portland, Maine oder Portland, Oregon?',
    ],
  ] as const)(
    'in %s, answers other speech arriving through the bare {state} sample with the fallback, and asks which Portland again',
    async (locale, phrase, fallback, question) => {
      // Prepare
      const conversation = new Conversation(buildTestSkill(sampleContacts()).skill);
      await conversation.send(launchRequest({ locale }));
      await conversation.send(intentRequest(IntentNames.browsePlace, { city: 'Portland' }, { locale }));

      // Act
      const answer = await conversation.send(
        intentRequest(IntentNames.browsePlace, { state: phrase }, { locale }),
      );

      // Assess
      expect(speechOf(answer)).toContain(fallback);
      expect(speechOf(answer)).toContain(question);
      expect(speechOf(answer)).not.toContain(phrase);
      expect(answer.response.shouldEndSession).toBe(false);
    },
  );
});
