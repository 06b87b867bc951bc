import { IntentNames } from '../../../lambda/src/interaction';
import { TEST_CONTACTS } from '../../fixtures/contacts';
import { Conversation } from '../../support/conversation';
import { intentRequest, launchRequest } from '../../support/requests';
import { cardOf, speechOf } from '../../support/response-checks';
import { buildTestSkill } from '../../support/test-skill';

/** 21:10 UTC on 15 January 2025: 4:10 PM in New York, the office. */
const TEN_PAST_FOUR = new Date('2025-01-15T21:10:00Z');

describe('answering in the language of the request', () => {
  it('welcomes in German for de-DE, and in American English for a locale Front Desk does not speak', async () => {
    const { skill } = buildTestSkill();

    const german = await new Conversation(skill).send(launchRequest({ locale: 'de-DE' }));
    const french = await new Conversation(skill).send(launchRequest({ locale: 'fr-FR' }));

    expect(speechOf(german)).toBe(
      'Willkommen beim Büroempfang. Sie können mich nach der Telefonnummer, E-Mail-Adresse, dem Büro, der Firma oder der Position einer Person fragen, oder Leute an- und abmelden. Was möchten Sie tun?',
    );
    expect(speechOf(french)).toMatch(/^Welcome to Front Desk\. /);
  });

  it('says the time of a check-in the way each locale does', async () => {
    // Prepare
    const test = buildTestSkill(TEST_CONTACTS, { clock: () => TEN_PAST_FOUR });
    await new Conversation(test.skill).send(intentRequest(IntentNames.checkIn, { name: 'bob' }));
    const isBobIn = (locale: string) => intentRequest(IntentNames.isIn, { name: 'bob' }, { locale });

    // Act
    const american = await new Conversation(test.skill).send(isBobIn('en-US'));
    const british = await new Conversation(test.skill).send(isBobIn('en-GB'));
    const german = await new Conversation(test.skill).send(isBobIn('de-DE'));

    // Assess
    expect(speechOf(american)).toBe('Yes, Robert Smith checked in at 4:10 PM.');
    expect(speechOf(british)).toBe('Yes, Robert Smith checked in at 16:10.');
    expect(speechOf(german)).toBe('Ja, Robert Smith hat sich um 16:10 Uhr angemeldet.');
    expect(cardOf(german)).toEqual({
      title: 'Anwesenheitstafel',
      text: 'Robert Smith hat sich um 16:10 Uhr angemeldet.',
    });
  });

  it('reads a German list with "und" and a German card', async () => {
    const response = await new Conversation(buildTestSkill().skill).send(
      intentRequest(IntentNames.browseCompany, { company: 'acme' }, { locale: 'de-DE' }),
    );

    expect(speechOf(response)).toBe(
      "Bei Acme Corp. gibt es 2 Personen: Jane Doe, Sales Director und Sean O'Neill, Counsel. Was möchten Sie noch wissen?",
    );
    expect(cardOf(response)?.title).toBe('Personen bei Acme Corp.');
  });
});
