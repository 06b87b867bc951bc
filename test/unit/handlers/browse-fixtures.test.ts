import { BROWSE_CONTACTS } from '../../fixtures/browse-contacts';
import { Conversation } from '../../support/conversation';
import { readFixture as fixture } from '../../support/fixtures';
import { cardOf, speechOf } from '../../support/response-checks';
import { buildTestSkill } from '../../support/test-skill';

describe('browse and "did you mean" requests replayed as Alexa sends them', () => {
  it('lists the company entity resolution matched', async () => {
    // Act
    const response = await new Conversation(buildTestSkill(BROWSE_CONTACTS).skill).send(
      fixture('browse-company-er-match'),
    );

    // Assess
    expect(speechOf(response)).toBe(
      "There are 2 people at Acme Corp.: Jane Doe, Sales Director and Sean O'Neill, Counsel. What else would you like to know?",
    );
  });

  it('lists a state, then goes on with AMAZON.MoreIntent to the last page', async () => {
    // Prepare
    const talk = new Conversation(buildTestSkill(BROWSE_CONTACTS).skill);

    // Act
    const first = await talk.send(fixture('browse-place-state'));
    const second = await talk.send(fixture('more'));
    const third = await talk.send(fixture('more'));

    // Assess
    expect(speechOf(first)).toMatch(/^There are 11 people in Texas: .* Do you want to hear more\?$/);
    expect(speechOf(second)).toMatch(/^The next 5: .* Do you want to hear more\?$/);
    expect(speechOf(third)).toBe(
      "And the last one: Sean O'Neill in Austin. What else would you like to know?",
    );
    expect(cardOf(third)?.text.split('\n')).toHaveLength(11);
  });

  it('lists the initial of a NATO word resolved to its letter', async () => {
    // Act
    const response = await new Conversation(buildTestSkill(BROWSE_CONTACTS).skill).send(
      fixture('browse-initial-nato'),
    );

    // Assess
    expect(speechOf(response)).toMatch(/^There are 4 people whose name starts with J: /);
  });

  it('offers the closest name when entity resolution matched nobody, and "yes" answers the question', async () => {
    // Prepare
    const talk = new Conversation(buildTestSkill(BROWSE_CONTACTS).skill);

    // Act
    const question = await talk.send(fixture('contact-details-misheard'));
    const which = await talk.send(fixture('yes'));

    // Assess
    expect(speechOf(question)).toBe("I couldn't find anyone called jon dough. Did you mean Jane Doe?");
    expect(speechOf(which)).toBe(
      'I found 2 people called Jane Doe: Jane Doe at Acme Corp. and Jane Doe at Globex. Which one?',
    );
  });
});
