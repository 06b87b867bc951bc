import { IntentNames } from '../../../lambda/src/interaction';
import { Conversation } from '../../support/conversation';
import { intentRequest, launchRequest } from '../../support/requests';
import { cardOf, repromptOf, speechOf } from '../../support/response-checks';
import { buildTestSkill } from '../../support/test-skill';

const detailsOf = (name: string | undefined, detail?: string, nameIds?: string[]) =>
  intentRequest(IntentNames.contactDetails, {
    ...(name !== undefined ? { name: nameIds ? { value: name, ids: nameIds } : name } : {}),
    ...(detail ? { detail: { value: detail, ids: [detail] } } : {}),
  });

describe('asking for a contact detail', () => {
  it('speaks the phone number with say-as and shows the whole contact on a card', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill().skill);

    // Act
    const response = await conversation.send(detailsOf('sean oneill', 'phone'));

    // Assess
    expect(speechOf(response)).toBe(
      "Sean O'Neill's phone number is (512) 555-0105. What else would you like to know?",
    );
    const ssml = response.response.outputSpeech?.type === 'SSML' ? response.response.outputSpeech.ssml : '';
    expect(ssml).toContain("Sean O'Neill's phone number");
    expect(ssml).toContain('<say-as interpret-as="telephone">(512) 555-0105</say-as>');
    expect(cardOf(response)).toEqual({
      title: "Sean O'Neill",
      text: [
        'Company: Acme Corp.',
        'Title: Counsel',
        'Email: sean.oneill@acme.example.com',
        'Phone: (512) 555-0105',
        'Office: Austin, Texas',
      ].join('\n'),
    });
    expect(response.response.shouldEndSession).toBe(false);
    expect(repromptOf(response)).toContain('What would you like to know?');
  });

  it.each([
    ['email', "Bob Smith's email"],
    ['office', 'office'],
    ['company', 'company'],
    ['title', 'title'],
  ])('answers the %s', async (detail) => {
    // Prepare
    const conversation = new Conversation(buildTestSkill().skill);

    // Act
    const response = await conversation.send(detailsOf('bob', detail));

    // Assess
    const expected: Record<string, string> = {
      email: "Robert Smith's email is bob dot smith at bn dot example dot com.",
      office: "Robert Smith's office is in Portland, Oregon.",
      company: 'Robert Smith is with Barnes & Noble.',
      title: "Robert Smith's title is Buyer <Books>.",
    };
    expect(speechOf(response)).toContain(expected[detail]);
    expect(cardOf(response)?.title).toBe('Robert Smith');
  });

  it('gives a short summary when no detail is named', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill().skill);

    // Act
    const response = await conversation.send(detailsOf('zoe'));

    // Assess
    expect(speechOf(response)).toBe(
      'Zoë Smith-Jones, Designer at Globex, in Denver, Colorado. What else would you like to know?',
    );
  });

  it('says plainly when a detail is not known', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill().skill);

    // Act
    const response = await conversation.send(detailsOf('zoe', 'phone'));

    // Assess
    expect(speechOf(response)).toContain("I don't have a phone number for Zoë Smith-Jones.");
    expect(response.response.shouldEndSession).toBe(false);
  });

  it('answers "what about her email" for the person just asked about', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill().skill);
    await conversation.send(detailsOf('sean oneill', 'phone'));

    // Act
    const response = await conversation.send(detailsOf(undefined, 'email'));

    // Assess
    expect(speechOf(response)).toContain(
      "Sean O'Neill's email is sean dot oneill at acme dot example dot com.",
    );
  });

  it('asks who, then answers the question that was asked', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill().skill);

    // Act
    const question = await conversation.send(detailsOf(undefined, 'phone'));
    const answer = await conversation.send(detailsOf('bob smith'));

    // Assess
    expect(speechOf(question)).toBe('Whose phone number would you like?');
    expect(question.response.shouldEndSession).toBe(false);
    expect(speechOf(answer)).toContain("Robert Smith's phone number is (503) 555-0104.");
  });

  it('says so and keeps the session open when nobody matches', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill().skill);

    // Act
    const response = await conversation.send(detailsOf('Xavier Quux', 'phone'));

    // Assess
    expect(speechOf(response)).toBe(
      "Sorry, I couldn't find anyone called Xavier Quux. Who else can I look up?",
    );
    expect(response.response.shouldEndSession).toBe(false);
    expect(response.response.card).toBeUndefined();
  });

  it('escapes what it repeats back from the user', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill().skill);

    // Act
    const response = await conversation.send(detailsOf('<speak> & "friends"'));

    // Assess
    expect(speechOf(response)).toContain('called <speak> & "friends"');
  });
});

describe('when several people match', () => {
  it('names up to three with their companies, then answers "the second one"', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill().skill);

    // Act
    const question = await conversation.send(detailsOf('jane', 'phone'));
    const answer = await conversation.send(intentRequest(IntentNames.chooseContact, { ordinal: '2' }));

    // Assess
    expect(speechOf(question)).toBe(
      'I found 3 people called jane: Jane Doe at Acme Corp., Jane Doe at Globex and Jane Smith at Initech. Which one?',
    );
    expect(speechOf(answer)).toContain("Jane Doe's phone number is (206) 555-0102.");
    expect(cardOf(answer)?.text).toContain('Company: Globex');
  });

  it('takes a company as the answer', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill().skill);
    await conversation.send(detailsOf('jane doe', 'title', ['c001', 'c002']));

    // Act
    const answer = await conversation.send(intentRequest(IntentNames.chooseContact, { company: 'acme' }));

    // Assess
    expect(speechOf(answer)).toContain("Jane Doe's title is Sales Director.");
  });

  it('takes a name as the answer', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill().skill);
    await conversation.send(detailsOf('jane', 'email'));

    // Act
    const answer = await conversation.send(detailsOf('jane smith'));

    // Assess
    expect(speechOf(answer)).toContain(
      "Jane Smith's email is jane dot smith at initech dot example dot com.",
    );
  });

  it('asks again when the answer does not single one out', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill().skill);
    await conversation.send(detailsOf('jane'));

    // Act
    const answer = await conversation.send(intentRequest(IntentNames.chooseContact, { ordinal: '7' }));

    // Assess
    expect(speechOf(answer)).toMatch(/^Sorry, I didn't catch which one\. .* Which one\?$/);
    expect(answer.response.shouldEndSession).toBe(false);
  });
});

describe('the welcome', () => {
  it('says what Front Desk can do and asks a question with a reprompt', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill().skill);

    // Act
    const response = await conversation.send(launchRequest());

    // Assess
    expect(speechOf(response)).toBe(
      "Welcome to Front Desk. You can ask me for anyone's phone number, email, office, company or title, or check people in and out. What would you like to do?",
    );
    expect(repromptOf(response)).toContain('Who would you like to find?');
    expect(response.response.shouldEndSession).toBe(false);
  });

  it('greets a returning user by name from persistent attributes (an account, where devices are personal)', async () => {
    // Prepare
    const { skill, persistence } = buildTestSkill(undefined, { personalDevices: true });
    persistence.records.set('amzn1.ask.account.TESTUSER', {
      identity: { contactId: 'c001', firstName: 'Jane', fullName: 'Jane Doe' },
    });

    // Act
    const response = await new Conversation(skill).send(launchRequest());

    // Assess
    expect(speechOf(response)).toMatch(/^Welcome back, Jane\./);
  });
});
