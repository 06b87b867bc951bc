import { IntentNames } from '../../../lambda/src/interaction';
import { Conversation } from '../../support/conversation';
import { intentRequest, launchRequest, sessionEndedRequest } from '../../support/requests';
import { repromptOf, speechOf } from '../../support/response-checks';
import { buildTestSkill } from '../../support/test-skill';

describe('the built-in intents', () => {
  it('help says what to ask and keeps listening', async () => {
    // Act
    const response = await new Conversation(buildTestSkill().skill).send(intentRequest(IntentNames.help));

    // Assess
    expect(speechOf(response)).toContain("Ask for someone's phone number, email, office, company or title");
    expect(speechOf(response)).toMatch(/\?$/);
    expect(response.response.shouldEndSession).toBe(false);
  });

  it.each([
    ['help', IntentNames.help, /^Front Desk knows the people.* Who should I check in\?$/],
    ['yes', IntentNames.yes, /^Who should I check in\?$/],
  ])(
    '%s in answer to "Who should I check in?" asks that again, and the name then checks them in',
    async (_case, intent, said) => {
      // Prepare
      const test = buildTestSkill();
      const talk = new Conversation(test.skill);
      await talk.send(launchRequest());
      const asked = await talk.send(intentRequest(IntentNames.checkIn));

      // Act
      const again = await talk.send(intentRequest(intent));
      const done = await talk.send(intentRequest(IntentNames.contactDetails, { name: 'jane smith' }));

      // Assess
      expect(speechOf(again)).toMatch(said);
      expect(repromptOf(again)).toBe(repromptOf(asked));
      expect(speechOf(done)).toMatch(/^Jane Smith has checked in\./);
      expect(test.presence.presence.get('c003')?.status).toBe('IN');
    },
  );

  it.each([IntentNames.stop, IntentNames.cancel, IntentNames.navigateHome])(
    '%s says goodbye and ends',
    async (intent) => {
      // Act
      const response = await new Conversation(buildTestSkill().skill).send(intentRequest(intent));

      // Assess
      expect(speechOf(response)).toBe('Goodbye!');
      expect(response.response.shouldEndSession).toBe(true);
    },
  );

  it('fallback says what Front Desk can do, and asks', async () => {
    // Act
    const response = await new Conversation(buildTestSkill().skill).send(intentRequest(IntentNames.fallback));

    // Assess
    expect(speechOf(response)).toMatch(/^Sorry, Front Desk can't help with that\..*\?$/);
    expect(response.response.shouldEndSession).toBe(false);
  });

  it('an intent the skill does not know gets the same answer, not an error', async () => {
    // Prepare
    const { skill, logLines } = buildTestSkill();

    // Act
    const response = await new Conversation(skill).send(intentRequest('OrderPizzaIntent'));

    // Assess
    expect(speechOf(response)).toMatch(/^Sorry, Front Desk can't help with that\./);
    expect(logLines.some((line) => line.includes('No handler for intent'))).toBe(true);
  });

  it('repeat says the last answer again, word for word', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill().skill);
    const first = await conversation.send(
      intentRequest(IntentNames.contactDetails, { name: 'bob', detail: { value: 'phone', ids: ['phone'] } }),
    );

    // Act
    const repeated = await conversation.send(intentRequest(IntentNames.repeat));

    // Assess
    expect(speechOf(repeated)).toBe(speechOf(first));
    expect(repromptOf(repeated)).toBe(repromptOf(first));
  });

  it('repeat on an Echo Show says the answer again without showing its card or screen again, and remembers it still', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill().skill);
    const onScreen = { device: 'screen' } as const;
    const first = await conversation.send(
      intentRequest(
        IntentNames.contactDetails,
        { name: 'bob', detail: { value: 'phone', ids: ['phone'] } },
        onScreen,
      ),
    );
    const remembered = structuredClone(conversation.sessionAttributes.lastSpeech);

    // Act
    const repeated = await conversation.send(intentRequest(IntentNames.repeat, {}, onScreen));

    // Assess
    expect(first.response.directives).toHaveLength(1);
    expect(speechOf(repeated)).toBe(speechOf(first));
    expect(repeated.response.shouldEndSession).toBe(false);
    expect(repeated.response.card).toBeUndefined();
    expect(repeated.response.directives).toBeUndefined();
    expect(conversation.sessionAttributes.lastSpeech).toEqual(remembered);
  });

  it('repeat of something said without a reprompt asks what to do next', async () => {
    // Prepare
    const said = { lastSpeech: { ssml: '<speak>Jane Doe checked in at 9:05 AM.</speak>' } };

    // Act
    const response = await buildTestSkill().skill.invoke(
      intentRequest(IntentNames.repeat, {}, { attributes: said }),
    );

    // Assess
    expect(speechOf(response)).toBe('Jane Doe checked in at 9:05 AM.');
    expect(repromptOf(response)).toBe(
      "Who would you like to find? For example, say: what's Jane Doe's phone number?",
    );
    expect(response.response.shouldEndSession).toBe(false);
  });

  it('repeat with nothing said yet explains and asks', async () => {
    // Act
    const response = await new Conversation(buildTestSkill().skill).send(intentRequest(IntentNames.repeat));

    // Assess
    expect(speechOf(response)).toBe("I haven't said anything yet. What would you like to do?");
  });

  it('start over forgets a pending question', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill().skill);
    await conversation.send(intentRequest(IntentNames.contactDetails, { name: 'jane' }));

    // Act
    const response = await conversation.send(intentRequest(IntentNames.startOver));

    // Assess
    expect(speechOf(response)).toBe('What would you like to do?');
    expect(conversation.sessionAttributes.pending).toBeUndefined();
  });

  it('"no" to "anything else?" ends politely; "yes" asks who', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill().skill);
    await conversation.send(intentRequest(IntentNames.contactDetails, { name: 'bob' }));

    // Act
    const yes = await conversation.send(intentRequest(IntentNames.yes));
    const no = await conversation.send(intentRequest(IntentNames.no));

    // Assess
    expect(speechOf(yes)).toBe('Who would you like to know about?');
    expect(speechOf(no)).toBe('Goodbye!');
    expect(no.response.shouldEndSession).toBe(true);
  });

  it('fallback during "which one?" asks the question again', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill().skill);
    await conversation.send(intentRequest(IntentNames.contactDetails, { name: 'jane' }));

    // Act
    const response = await conversation.send(intentRequest(IntentNames.fallback));

    // Assess
    expect(speechOf(response)).toMatch(/^Sorry, I didn't catch which one\. I found 3 people called jane/);
  });

  it('a session ended by an error gets an empty response and is logged', async () => {
    // Prepare
    const { skill, logLines } = buildTestSkill();

    // Act
    const response = await skill.invoke(sessionEndedRequest('ERROR'));

    // Assess
    expect(response.response.outputSpeech).toBeUndefined();
    expect(logLines.some((line) => line.includes('Session ended with an error'))).toBe(true);
  });
});

describe('remembering the last contact across sessions', () => {
  const voice = { personId: 'amzn1.ask.person.JANE' };

  it('stores it once when the session ends, and the same voice\'s new session can ask "what about her email"', async () => {
    // Prepare
    const { skill, persistence } = buildTestSkill();
    const first = new Conversation(skill);
    await first.send(
      intentRequest(
        IntentNames.contactDetails,
        { name: 'bob', detail: { value: 'phone', ids: ['phone'] } },
        voice,
      ),
    );
    expect(persistence.saves).toBe(0);
    await first.send(intentRequest(IntentNames.stop, {}, voice));

    // Act
    const next = new Conversation(skill);
    await next.send(launchRequest(voice));
    const response = await next.send(
      intentRequest(IntentNames.contactDetails, { detail: { value: 'email', ids: ['email'] } }, voice),
    );

    // Assess
    expect(persistence.saves).toBe(1);
    expect(speechOf(response)).toContain("Robert Smith's email is");
  });

  it('keeps it for the session only for a voice Alexa does not know on a shared device: the next one is asked whose', async () => {
    // Prepare
    const { skill, persistence } = buildTestSkill();
    const first = new Conversation(skill);
    await first.send(
      intentRequest(IntentNames.contactDetails, { name: 'bob', detail: { value: 'phone', ids: ['phone'] } }),
    );
    const sameSession = await first.send(
      intentRequest(IntentNames.contactDetails, { detail: { value: 'email', ids: ['email'] } }),
    );
    await first.send(intentRequest(IntentNames.stop));

    // Act
    const next = new Conversation(skill);
    await next.send(launchRequest());
    const response = await next.send(
      intentRequest(IntentNames.contactDetails, { detail: { value: 'email', ids: ['email'] } }),
    );

    // Assess
    expect(speechOf(sameSession)).toContain("Robert Smith's email is");
    expect(persistence.saves).toBe(0);
    expect(speechOf(response)).toBe('Whose email would you like?');
  });

  it('still carries on across sessions where the deployment says devices are personal', async () => {
    const { skill } = buildTestSkill(undefined, { personalDevices: true });
    const first = new Conversation(skill);
    await first.send(intentRequest(IntentNames.contactDetails, { name: 'bob' }));
    await first.send(intentRequest(IntentNames.stop));

    const response = await new Conversation(skill).send(
      intentRequest(IntentNames.contactDetails, { detail: { value: 'email', ids: ['email'] } }),
    );

    expect(speechOf(response)).toContain("Robert Smith's email is");
  });
});

describe('when something fails', () => {
  it('apologises in speech and keeps the session open', async () => {
    // Prepare
    const { skill, reader } = buildTestSkill();
    reader.findContactsBySpokenForm = async () => {
      throw new Error('boom');
    };

    // Act
    const response = await new Conversation(skill).send(
      intentRequest(IntentNames.contactDetails, { name: 'bob' }),
    );

    // Assess
    expect(speechOf(response)).toBe(
      'Sorry, something went wrong on my side. Please try again. Who would you like to find?',
    );
    expect(response.response.shouldEndSession).toBe(false);
  });
});
