import { IntentNames } from '../../../lambda/src/interaction';
import { TEST_CONTACTS } from '../../fixtures/contacts';
import { Conversation } from '../../support/conversation';
import { intentRequest } from '../../support/requests';
import { cardOf, repromptOf, speechOf } from '../../support/response-checks';
import { buildTestSkill } from '../../support/test-skill';

const JOHN_DOE = {
  id: 'c100',
  firstName: 'John',
  lastName: 'Doe',
  company: 'Initech',
  phone: '+12125550199',
  aliases: [],
};

const askFor = (name: string, detail?: string) =>
  intentRequest(IntentNames.contactDetails, {
    name: { value: name, noMatch: true },
    ...(detail ? { detail: { value: detail, ids: [detail] } } : {}),
  });

describe('a misheard name', () => {
  it('offers the closest name, and "yes" answers the question first asked about that person', async () => {
    // Prepare
    const talk = new Conversation(buildTestSkill([...TEST_CONTACTS, JOHN_DOE]).skill);

    // Act
    const question = await talk.send(askFor('jon dough', 'phone'));
    const answer = await talk.send(intentRequest(IntentNames.yes));

    // Assess
    expect(speechOf(question)).toBe("I couldn't find anyone called jon dough. Did you mean John Doe?");
    expect(repromptOf(question)).toBe('Did you mean John Doe? Please say yes or no.');
    expect(question.response.shouldEndSession).toBe(false);
    expect(speechOf(answer)).toBe(
      "John Doe's phone number is (212) 555-0199. What else would you like to know?",
    );
    expect(cardOf(answer)?.title).toBe('John Doe');
  });

  it('asks for the name again after "no", and still answers the detail first asked for', async () => {
    // Prepare
    const talk = new Conversation(buildTestSkill().skill);
    await talk.send(askFor('shawn oneil', 'email'));

    // Act
    const again = await talk.send(intentRequest(IntentNames.no));
    const answer = await talk.send(intentRequest(IntentNames.contactDetails, { name: 'bob' }));

    // Assess
    expect(speechOf(again)).toBe('Sorry about that. Whose email would you like?');
    expect(again.response.shouldEndSession).toBe(false);
    expect(speechOf(answer)).toContain("Robert Smith's email is bob dot smith at bn dot example dot com.");
  });

  it('asks which one after "yes" when two people share the name offered, then takes "the second one"', async () => {
    // Prepare
    const talk = new Conversation(buildTestSkill().skill);
    await talk.send(askFor('jon dough', 'title'));

    // Act
    const which = await talk.send(intentRequest(IntentNames.yes));
    const answer = await talk.send(intentRequest(IntentNames.chooseContact, { ordinal: '2' }));

    // Assess
    expect(speechOf(which)).toBe(
      'I found 2 people called Jane Doe: Jane Doe at Acme Corp. and Jane Doe at Globex. Which one?',
    );
    expect(speechOf(answer)).toBe("Jane Doe's title is Engineer. What else would you like to know?");
  });

  it('says nobody matched when nothing sounds alike', async () => {
    // Prepare
    const talk = new Conversation(buildTestSkill().skill);

    // Act
    const response = await talk.send(askFor('xavier quux'));

    // Assess
    expect(speechOf(response)).toBe(
      "Sorry, I couldn't find anyone called xavier quux. Who else can I look up?",
    );
  });

  it('checks in the person offered after "yes" when the name was misheard in a check-in', async () => {
    // Prepare
    const talk = new Conversation(buildTestSkill([...TEST_CONTACTS, JOHN_DOE]).skill);

    // Act
    const question = await talk.send(
      intentRequest(IntentNames.checkIn, { name: { value: 'jon dough', noMatch: true } }),
    );
    const done = await talk.send(intentRequest(IntentNames.yes));

    // Assess
    expect(speechOf(question)).toBe("I couldn't find anyone called jon dough. Did you mean John Doe?");
    expect(speechOf(done)).toContain('John Doe has checked in.');
  });
});
