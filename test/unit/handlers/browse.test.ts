import { IntentNames } from '../../../lambda/src/interaction';
import { BROWSE_CONTACTS } from '../../fixtures/browse-contacts';
import { Conversation } from '../../support/conversation';
import { intentRequest } from '../../support/requests';
import { cardOf, repromptOf, speechOf } from '../../support/response-checks';
import { buildTestSkill } from '../../support/test-skill';

const conversation = () => new Conversation(buildTestSkill(BROWSE_CONTACTS).skill);
const company = (spoken: string, ids?: string[]) =>
  intentRequest(IntentNames.browseCompany, { company: ids ? { value: spoken, ids } : spoken });

describe('browsing a company', () => {
  it('says how many, reads five with their titles, asks about more, and lists them on the card', async () => {
    // Act
    const response = await conversation().send(company('initrode'));

    // Assess
    expect(speechOf(response)).toBe(
      'There are 12 people at Initrode Inc.: Ava Adams, Analyst; Ben Baker, Buyer; Cleo Cruz, Controller; Dev Desai, Developer and Eli Evans, Engineer. Do you want to hear more?',
    );
    expect(repromptOf(response)).toBe(
      'Do you want to hear more? Say yes to hear the next names, or no to stop.',
    );
    expect(cardOf(response)).toEqual({
      title: 'People at Initrode Inc.',
      text: [
        '1. Ava Adams: Analyst, Initrode Inc., Houston, Texas',
        '2. Ben Baker: Buyer, Initrode Inc., Houston, Texas',
        '3. Cleo Cruz: Controller, Initrode Inc., Dallas, Texas',
        '4. Dev Desai: Developer, Initrode Inc., Dallas, Texas',
        '5. Eli Evans: Engineer, Initrode Inc., El Paso, Texas',
        '7 more: say "more" to hear them.',
      ].join('\n'),
    });
    expect(response.response.shouldEndSession).toBe(false);
  });

  it('goes on with "more", then "yes", and says when the last page comes, with the whole list on its card', async () => {
    // Prepare
    const talk = conversation();
    await talk.send(company('initrode'));

    // Act
    const second = await talk.send(intentRequest(IntentNames.more));
    const third = await talk.send(intentRequest(IntentNames.yes));
    const after = await talk.send(intentRequest(IntentNames.next));

    // Assess
    expect(speechOf(second)).toBe(
      'The next 5: Fay Fox, Facilities Lead; Gus Gray, Greeter; Hal Hunt, HR Partner; Ivy Ito, Investor Relations and Jo Jensen, Janitor. Do you want to hear more?',
    );
    expect(speechOf(third)).toBe(
      'And the last 2: Kai Kumar, Keeper of Keys and Lea Lopez, Lawyer. What else would you like to know?',
    );
    expect(cardOf(third)?.text.split('\n')).toHaveLength(12);
    expect(cardOf(third)?.text).toMatch(
      /^1\. Ava Adams: .*\n12\. Lea Lopez: Lawyer, Initrode Inc\., Houston, Texas$/s,
    );
    expect(third.response.shouldEndSession).toBe(false);
    expect(speechOf(after)).toBe("There's no list to continue right now. What would you like to do?");
  });

  it('ends politely when the user does not want more', async () => {
    // Prepare
    const talk = conversation();
    await talk.send(company('initrode'));

    // Act
    const response = await talk.send(intentRequest(IntentNames.no));

    // Assess
    expect(speechOf(response)).toBe('Goodbye!');
    expect(response.response.shouldEndSession).toBe(true);
  });

  it('reads a short list whole and asks what else, without offering more', async () => {
    // Act
    const response = await conversation().send(company('Barnes and Noble', ['barnes and noble']));

    // Assess
    expect(speechOf(response)).toBe(
      'There is one person at Barnes & Noble: Robert Smith, Buyer <Books>. What else would you like to know?',
    );
    expect(cardOf(response)?.text).toBe('1. Robert Smith: Buyer <Books>, Barnes & Noble, Portland, Oregon');
  });

  it.each(['acme', 'Acme Corp', 'ACME corporation inc.'])('matches "%s" to Acme Corp.', async (spoken) => {
    // Act
    const response = await conversation().send(company(spoken));

    // Assess
    expect(speechOf(response)).toMatch(
      /^There are 2 people at Acme Corp\.: Jane Doe, Sales Director and Sean O'Neill, Counsel\./,
    );
  });

  it('says plainly when it knows nobody at a company, and keeps the session open', async () => {
    // Act
    const response = await conversation().send(company('Umbrella'));

    // Assess
    expect(speechOf(response)).toBe(
      "Sorry, I don't know anyone at Umbrella. You can ask who works at a company, who is in a city or a state, or for a name.",
    );
    expect(response.response.shouldEndSession).toBe(false);
  });

  it('asks which company when none was heard', async () => {
    // Act
    const response = await conversation().send(intentRequest(IntentNames.browseCompany));

    // Assess
    expect(speechOf(response)).toBe('Which company? For example, say: who works at Acme?');
    expect(response.response.shouldEndSession).toBe(false);
  });
});

describe('browsing a place or an initial', () => {
  it('lists a state with each person in their city', async () => {
    // Act
    const response = await new Conversation(buildTestSkill(BROWSE_CONTACTS).skill).send(
      intentRequest(IntentNames.browsePlace, { state: 'Texas' }),
    );

    // Assess
    expect(speechOf(response)).toBe(
      'There are 11 people in Texas: Ava Adams in Houston; Ben Baker in Houston; Cleo Cruz in Dallas; Dev Desai in Dallas and Jane Doe in Austin. Do you want to hear more?',
    );
  });

  it('lists a city with each person at their company', async () => {
    // Act
    const response = await conversation().send(intentRequest(IntentNames.browsePlace, { city: 'seattle' }));

    // Assess
    expect(speechOf(response)).toBe(
      'There is one person in Seattle: Jane Doe at Globex. What else would you like to know?',
    );
  });

  it('says plainly when it knows nobody in a place', async () => {
    // Act
    const response = await conversation().send(
      intentRequest(IntentNames.browsePlace, { city: 'Springfield' }),
    );

    // Assess
    expect(speechOf(response)).toContain("Sorry, I don't know anyone in Springfield.");
    expect(response.response.shouldEndSession).toBe(false);
  });

  it('takes a letter said the NATO way and spells the letter out', async () => {
    // Act
    const response = await conversation().send(
      intentRequest(IntentNames.browseInitial, { letter: { value: 'juliet', ids: ['J'] } }),
    );

    // Assess
    expect(speechOf(response)).toBe(
      'There are 4 people whose name starts with J: Jane Doe at Acme Corp.; Jane Doe at Globex; Jo Jensen at Initrode Inc. and Jane Smith at Initech. What else would you like to know?',
    );
    const ssml = response.response.outputSpeech?.type === 'SSML' ? response.response.outputSpeech.ssml : '';
    expect(ssml).toContain('<say-as interpret-as="characters">J</say-as>');
    expect(cardOf(response)?.title).toBe('Names starting with J');
  });

  it('says plainly when nobody has that initial', async () => {
    // Act
    const response = await conversation().send(intentRequest(IntentNames.browseInitial, { letter: 'q.' }));

    // Assess
    expect(speechOf(response)).toContain("Sorry, I don't know anyone whose name starts with Q.");
  });
});

describe('lists and the rest of the conversation', () => {
  it('lets a lookup interrupt a list, after which "yes" no longer reads the list', async () => {
    // Prepare
    const talk = conversation();
    await talk.send(company('initrode'));
    await talk.send(
      intentRequest(IntentNames.contactDetails, {
        name: 'sean oneill',
        detail: { value: 'phone', ids: ['phone'] },
      }),
    );

    // Act
    const response = await talk.send(intentRequest(IntentNames.yes));

    // Assess
    expect(speechOf(response)).toBe('Who would you like to know about?');
  });

  it('repeats the page just read', async () => {
    // Prepare
    const talk = conversation();
    const page = await talk.send(company('initrode'));

    // Act
    const response = await talk.send(intentRequest(IntentNames.repeat));

    // Assess
    expect(speechOf(response)).toBe(speechOf(page));
  });

  it('lets "more" go on with "who\'s in" too, not only with a browse list', async () => {
    // Prepare
    const people = Array.from({ length: 6 }, (_, index) => ({
      id: `p${index + 1}`,
      firstName: `Person${'ABCDEF'[index]}`,
      lastName: 'Tester',
      aliases: [],
    }));
    let now = new Date('2025-01-15T14:05:00Z');
    const test = buildTestSkill([...BROWSE_CONTACTS, ...people], { clock: () => now });
    for (const person of people) {
      now = new Date(now.getTime() + 60_000);
      await new Conversation(test.skill).send(
        intentRequest(IntentNames.checkIn, { name: `${person.firstName} tester`.toLowerCase() }),
      );
    }
    const talk = new Conversation(test.skill);
    await talk.send(intentRequest(IntentNames.whoIsIn));

    // Act
    const response = await talk.send(intentRequest(IntentNames.more));

    // Assess
    expect(speechOf(response)).toBe(
      "Next: PersonA Tester. That's everyone who's in. What else would you like to know?",
    );
  });
});
