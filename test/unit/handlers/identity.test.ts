import type { RequestEnvelope } from 'ask-sdk-model';
import { StoreUnavailableError } from '../../../lambda/src/errors';
import { IntentNames } from '../../../lambda/src/interaction';
import { TEST_CONTACTS } from '../../fixtures/contacts';
import { Conversation } from '../../support/conversation';
import { MemoryPersistenceAdapter } from '../../support/fakes';
import { intentRequest, launchRequest, TEST_USER_ID } from '../../support/requests';
import { repromptOf, speechOf } from '../../support/response-checks';
import { buildTestSkill } from '../../support/test-skill';

const NINE_OH_FIVE = new Date('2025-01-15T14:05:00Z');
const JANE = 'amzn1.ask.person.JANE';
const SEAN = 'amzn1.ask.person.SEAN';
const BOB = 'amzn1.ask.person.BOB';

const asPerson = (personId: string | undefined) => (personId ? { personId } : {});
const identify = (name: string, personId?: string) =>
  intentRequest(IntentNames.identify, { name }, asPerson(personId));
const yes = (personId?: string) => intentRequest(IntentNames.yes, {}, asPerson(personId));
const intent = (name: string, personId?: string) => intentRequest(name, {}, asPerson(personId));

function skillOf(personalDevices = false) {
  return buildTestSkill(TEST_CONTACTS, { clock: () => NINE_OH_FIVE, personalDevices });
}

async function remembered(test: ReturnType<typeof skillOf>, name: string, personId?: string): Promise<void> {
  const talk = new Conversation(test.skill);
  await talk.send(identify(name, personId));
  await talk.send(yes(personId));
}

describe('"remember me"', () => {
  it('asks which Jane Doe, confirms, and remembers her for her voice profile only', async () => {
    // Prepare
    const { skill, persistence } = skillOf();
    const talk = new Conversation(skill);

    // Act
    const which = await talk.send(identify('jane doe', JANE));
    const confirm = await talk.send(
      intentRequest(IntentNames.chooseContact, { company: 'globex' }, { personId: JANE }),
    );
    const done = await talk.send(yes(JANE));

    // Assess
    expect(speechOf(which)).toBe(
      'I found 2 people called jane doe: Jane Doe at Acme Corp. and Jane Doe at Globex. Which one?',
    );
    expect(speechOf(confirm)).toBe('Should I remember you as Jane Doe from Globex?');
    expect(speechOf(done)).toBe("Thanks, Jane. I'll remember you. What else would you like to know?");
    expect(persistence.records.get(JANE)).toEqual({
      identity: { contactId: 'c002', firstName: 'Jane', fullName: 'Jane Doe' },
    });
    expect(persistence.records.has(TEST_USER_ID)).toBe(false);
  });

  it('welcomes the remembered voice profile by name, and nobody else', async () => {
    const test = skillOf();
    await remembered(test, 'sean oneill', SEAN);

    const sean = await new Conversation(test.skill).send(launchRequest({ personId: SEAN }));
    const someoneElse = await new Conversation(test.skill).send(launchRequest({ personId: JANE }));
    const account = await new Conversation(test.skill).send(launchRequest());

    expect(speechOf(sean)).toMatch(/^Welcome back, Sean\./);
    expect(speechOf(someoneElse)).toMatch(/^Welcome to Front Desk\./);
    expect(speechOf(account)).toMatch(/^Welcome to Front Desk\./);
  });

  it('remembers the account when Alexa did not recognise the speaker, where devices are personal', async () => {
    const test = skillOf(true);

    await remembered(test, 'bob');

    expect(test.persistence.records.get(TEST_USER_ID)).toEqual({
      identity: { contactId: 'c004', firstName: 'Robert', fullName: 'Robert Smith' },
    });
    expect(speechOf(await new Conversation(test.skill).send(launchRequest()))).toMatch(
      /^Welcome back, Robert\./,
    );
  });

  it('remembers nothing when the answer is no', async () => {
    const { skill, persistence } = skillOf();
    const talk = new Conversation(skill);
    await talk.send(identify('bob', BOB));

    const response = await talk.send(intentRequest(IntentNames.no, {}, { personId: BOB }));

    expect(speechOf(response)).toBe("Okay, I won't remember that. What else would you like to know?");
    expect(persistence.records.size).toBe(0);
  });

  it.each([
    ['yes', IntentNames.yes, "Sean O'Neill has checked in. What else would you like to know?", 'IN'],
    ['no', IntentNames.no, 'Sorry about that. Who should I check in?', undefined],
  ])(
    'after "no" to being remembered, asks whether to still check them in, and "%s" settles it',
    async (_case, answer, said, status) => {
      // Prepare
      const test = skillOf();
      const talk = new Conversation(test.skill);
      await talk.send(intent(IntentNames.checkMeIn, SEAN));
      await talk.send(identify('sean oneill', SEAN));

      // Act
      const declined = await talk.send(intentRequest(IntentNames.no, {}, { personId: SEAN }));
      const settled = await talk.send(intentRequest(answer, {}, { personId: SEAN }));

      // Assess
      expect(speechOf(declined)).toBe("Okay, I won't remember you. Should I still check in Sean O'Neill?");
      expect(repromptOf(declined)).toBe("Should I still check in Sean O'Neill?");
      expect(declined.response.shouldEndSession).toBe(false);
      expect(speechOf(settled)).toBe(said);
      expect(test.presence.presence.get('c005')?.status).toBe(status);
      expect(test.persistence.saves).toBe(0);
    },
  );

  it('answers "no" plainly when the session holds a follow-up Front Desk never writes', async () => {
    const { skill } = skillOf();

    const response = await skill.invoke(
      intentRequest(
        IntentNames.no,
        {},
        {
          personId: SEAN,
          newSession: false,
          attributes: {
            pending: {
              type: 'confirmIdentity',
              identity: { contactId: 'c005', firstName: 'Sean', fullName: "Sean O'Neill" },
              followUp: 'visit',
            },
          },
        },
      ),
    );

    expect(speechOf(response)).not.toMatch(/^Sorry/);
    expect(speechOf(response)).not.toContain('still');
  });

  it('does not ask again when the speaker is already who they say', async () => {
    const test = skillOf();
    await remembered(test, 'bob', BOB);

    const response = await new Conversation(test.skill).send(identify('bob', BOB));

    expect(speechOf(response)).toBe('I already know you as Robert Smith.');
  });

  it('says who the speaker is, or asks, for "who am I"', async () => {
    const test = skillOf();
    const before = await new Conversation(test.skill).send(intent(IntentNames.identify, BOB));
    await remembered(test, 'bob', BOB);

    const after = await new Conversation(test.skill).send(intent(IntentNames.identify, BOB));

    expect(speechOf(before)).toBe("I don't know who you are yet. Who are you?");
    expect(speechOf(after)).toBe('As far as I know, you are Robert Smith.');
  });

  it('forgets the speaker on "forget me", and says so when there was nobody to forget', async () => {
    const test = skillOf();
    await remembered(test, 'sean oneill', SEAN);
    test.persistence.records.set(SEAN, { ...test.persistence.records.get(SEAN), lastContactId: 'c004' });

    const forgotten = await new Conversation(test.skill).send(intent(IntentNames.forgetMe, SEAN));
    const again = await new Conversation(test.skill).send(intent(IntentNames.forgetMe, SEAN));
    const welcome = await new Conversation(test.skill).send(launchRequest({ personId: SEAN }));

    expect(speechOf(forgotten)).toBe("Okay, I've forgotten that you are Sean O'Neill.");
    expect(speechOf(again)).toBe("I didn't know who you were, so there's nothing to forget.");
    expect(test.persistence.records.get(SEAN)).toEqual({ lastContactId: 'c004' });
    expect(speechOf(welcome)).toMatch(/^Welcome to Front Desk\./);
  });
});

describe('"check me in"', () => {
  it('asks who the speaker is first, then remembers them and checks them in', async () => {
    // Prepare
    const { skill, presence, persistence } = skillOf();
    const talk = new Conversation(skill);

    // Act
    const who = await talk.send(intent(IntentNames.checkMeIn, SEAN));
    const confirm = await talk.send(identify('sean oneill', SEAN));
    const done = await talk.send(yes(SEAN));

    // Assess
    expect(speechOf(who)).toBe("I don't know who you are yet. Who are you?");
    expect(who.response.shouldEndSession).toBe(false);
    expect(speechOf(confirm)).toBe("Should I remember you as Sean O'Neill from Acme Corp.?");
    expect(speechOf(done)).toBe(
      "Thanks, Sean. I'll remember you. Sean O'Neill has checked in. What else would you like to know?",
    );
    expect(presence.presence.get('c005')?.status).toBe('IN');
    expect(persistence.records.get(SEAN)).toMatchObject({ identity: { contactId: 'c005' } });
  });

  it('accepts a bare name as the answer to "who are you?"', async () => {
    const { skill, presence } = skillOf();
    const talk = new Conversation(skill);
    await talk.send(intent(IntentNames.checkMeOut, SEAN));
    await talk.send(intentRequest(IntentNames.contactDetails, { name: 'zoe' }, { personId: SEAN }));

    const done = await talk.send(yes(SEAN));

    expect(speechOf(done)).toBe(
      "Thanks, Zoë. I'll remember you. Zoë Smith-Jones hasn't checked in, so there's nothing to check out. What else would you like to know?",
    );
    expect(presence.presence.size).toBe(0);
  });

  it('checks a remembered speaker in and out, and answers "am I checked in"', async () => {
    const test = skillOf();
    const bob = 'amzn1.ask.person.BOB';
    await remembered(test, 'bob', bob);

    const checkedIn = await new Conversation(test.skill).send(intent(IntentNames.checkMeIn, bob));
    const amIIn = await new Conversation(test.skill).send(intent(IntentNames.amIIn, bob));
    const checkedOut = await new Conversation(test.skill).send(intent(IntentNames.checkMeOut, bob));
    const amIInNow = await new Conversation(test.skill).send(intent(IntentNames.amIIn, bob));

    expect(speechOf(checkedIn)).toBe('Robert Smith has checked in.');
    expect(speechOf(amIIn)).toBe('Yes, you checked in at 9:05 AM.');
    expect(speechOf(checkedOut)).toBe('Robert Smith has checked out!');
    expect(speechOf(amIInNow)).toBe('No, you checked out at 9:05 AM.');
  });

  it('asks again when the remembered person has left the directory', async () => {
    const test = skillOf();
    test.persistence.records.set(BOB, {
      identity: { contactId: 'c999', firstName: 'Max', fullName: 'Max Gone' },
    });

    const response = await new Conversation(test.skill).send(intent(IntentNames.checkMeIn, BOB));

    expect(speechOf(response)).toBe("I can't find Max Gone in the directory any more. Who are you?");
    expect(response.response.shouldEndSession).toBe(false);
  });

  it('still checks the speaker in when their identity could not be saved, and says it was not saved', async () => {
    // Prepare: the users table refuses every write.
    class RefusingAdapter extends MemoryPersistenceAdapter {
      public override async saveAttributes(_request: RequestEnvelope): Promise<void> {
        throw new StoreUnavailableError('saveAttributes failed: ProvisionedThroughputExceededException');
      }
    }
    const { skill, persistence, presence } = buildTestSkill(TEST_CONTACTS, {
      clock: () => NINE_OH_FIVE,
      persistence: new RefusingAdapter(),
    });
    const talk = new Conversation(skill);
    await talk.send(intent(IntentNames.checkMeIn, BOB));
    await talk.send(identify('bob', BOB));

    // Act
    const done = await talk.send(yes(BOB));

    // Assess
    expect(speechOf(done)).toBe(
      "Sorry, I couldn't save that just now, so I won't remember you yet. Please try again later. Robert Smith has checked in. What else would you like to know?",
    );
    expect(presence.presence.get('c004')?.status).toBe('IN');
    expect(persistence.records.size).toBe(0);
  });
});

describe('"me" is a voice: a shared device and an unrecognised voice', () => {
  /** Pat said "I'm Robert Smith" on the front-desk Echo before voices mattered: kept per account. */
  function withAccountIdentity(personalDevices: boolean) {
    const test = skillOf(personalDevices);
    test.persistence.records.set(TEST_USER_ID, {
      identity: { contactId: 'c004', firstName: 'Robert', fullName: 'Robert Smith' },
    });
    test.presence.presence.set('c004', {
      contactId: 'c004',
      status: 'IN',
      changedAt: '2025-01-15T13:00:00.000Z',
      version: 1,
      changeId: 'in-1',
      requester: 'x',
      fullName: 'Robert Smith',
      firstName: 'Robert',
    });
    return test;
  }

  it('asks who to check out, every time, and never acts as the account remembered', async () => {
    // Prepare
    const test = withAccountIdentity(false);

    // Act
    const first = await new Conversation(test.skill).send(intent(IntentNames.checkMeOut));
    const second = await new Conversation(test.skill).send(intent(IntentNames.checkMeOut));
    const checkIn = await new Conversation(test.skill).send(intent(IntentNames.checkMeIn));
    const amIIn = await new Conversation(test.skill).send(intent(IntentNames.amIIn));

    // Assess
    expect(speechOf(first)).toBe('Who should I check out?');
    expect(first.response.shouldEndSession).toBe(false);
    expect(speechOf(second)).toBe('Who should I check out?');
    expect(speechOf(checkIn)).toBe('Who should I check in?');
    expect(speechOf(amIIn)).toBe('Who would you like to know about?');
    expect(test.presence.presence.get('c004')?.status).toBe('IN');
  });

  it('checks out whoever is named, and remembers nobody', async () => {
    const test = withAccountIdentity(false);
    const talk = new Conversation(test.skill);
    await talk.send(intent(IntentNames.checkMeOut));

    const done = await talk.send(intentRequest(IntentNames.contactDetails, { name: 'sean oneill' }));

    expect(speechOf(done)).toMatch(/^Sean O'Neill hasn't checked in/);
    expect(test.presence.presence.get('c004')?.status).toBe('IN');
    expect(test.persistence.records.get(TEST_USER_ID)).toMatchObject({ identity: { contactId: 'c004' } });
  });

  it('takes "it\'s Sean O\'Neill" in answer to "Who should I check in?" as whom to check in', async () => {
    // Prepare
    const test = withAccountIdentity(false);
    const talk = new Conversation(test.skill);
    await talk.send(intent(IntentNames.checkMeIn));

    // Act
    const done = await talk.send(identify('sean oneill'));

    // Assess
    expect(speechOf(done)).toBe("Sean O'Neill has checked in. What else would you like to know?");
    expect(test.presence.presence.get('c005')?.status).toBe('IN');
    expect(test.persistence.saves).toBe(0);
  });

  it('says "remember me" needs a voice profile, and how to set one up, and saves nothing', async () => {
    const test = skillOf();

    const response = await new Conversation(test.skill).send(identify('bob'));
    const whoAmI = await new Conversation(test.skill).send(intent(IntentNames.identify));

    expect(speechOf(response)).toBe(
      "I only remember people by their voice, and I don't recognize yours on this device. To set up a voice profile, say: Alexa, learn my voice. Or, in the Alexa app, go to Settings, Your Profile, Voice ID. Until then, just say a name, like: check in Jane Doe.",
    );
    expect(speechOf(whoAmI)).toBe(speechOf(response));
    expect(test.persistence.saves).toBe(0);
  });

  it('does not welcome the account by name, nor forget it, on a shared device', async () => {
    const test = withAccountIdentity(false);

    const welcome = await new Conversation(test.skill).send(launchRequest());
    const forget = await new Conversation(test.skill).send(intent(IntentNames.forgetMe));

    expect(speechOf(welcome)).toMatch(/^Welcome to Front Desk\./);
    expect(speechOf(forget)).toBe(
      "I only remember people by their voice, and I don't recognize yours, so there's nothing to forget.",
    );
    expect(test.persistence.records.get(TEST_USER_ID)).toMatchObject({ identity: { contactId: 'c004' } });
  });

  it('keeps using the account identity where the deployment says devices are personal', async () => {
    const test = withAccountIdentity(true);

    const welcome = await new Conversation(test.skill).send(launchRequest());
    const out = await new Conversation(test.skill).send(intent(IntentNames.checkMeOut));

    expect(speechOf(welcome)).toMatch(/^Welcome back, Robert\./);
    expect(speechOf(out)).toBe('Robert Smith has checked out!');
  });

  it('keeps two voice profiles on one account apart, and neither is the account', async () => {
    const test = withAccountIdentity(false);
    await remembered(test, 'sean oneill', SEAN);
    await remembered(test, 'jane smith', JANE);

    const sean = await new Conversation(test.skill).send(intent(IntentNames.checkMeIn, SEAN));
    const jane = await new Conversation(test.skill).send(intent(IntentNames.checkMeIn, JANE));
    const nobody = await new Conversation(test.skill).send(intent(IntentNames.checkMeIn));

    expect(speechOf(sean)).toBe("Sean O'Neill has checked in.");
    expect(speechOf(jane)).toBe('Jane Smith has checked in.');
    expect(speechOf(nobody)).toBe('Who should I check in?');
  });

  it('checks in whoever a recognised voice names in answer to "Who should I check in?", without asking to remember them', async () => {
    const test = skillOf();
    const talk = new Conversation(test.skill);
    await talk.send(intent(IntentNames.checkIn, SEAN));

    const done = await talk.send(identify('robert smith', SEAN));

    expect(speechOf(done)).toBe('Robert Smith has checked in. What else would you like to know?');
    expect(test.presence.presence.get('c004')?.status).toBe('IN');
    expect(test.persistence.saves).toBe(0);
  });

  it('remembers nothing when another voice says "yes", but still does what was asked', async () => {
    // Prepare: Sean asks to be checked in and says who he is; Jane's voice answers the question.
    const test = skillOf();
    const talk = new Conversation(test.skill);
    await talk.send(intent(IntentNames.checkMeIn, SEAN));
    await talk.send(identify('sean oneill', SEAN));

    // Act
    const done = await talk.send(yes(JANE));
    const jane = await new Conversation(test.skill).send(launchRequest({ personId: JANE }));
    const sean = await new Conversation(test.skill).send(launchRequest({ personId: SEAN }));

    // Assess
    expect(speechOf(done)).toBe(
      "That sounded like someone else, so I haven't remembered anyone. Sean O'Neill has checked in. What else would you like to know?",
    );
    expect(test.persistence.saves).toBe(0);
    expect(test.presence.presence.get('c005')?.status).toBe('IN');
    expect(speechOf(jane)).toMatch(/^Welcome to Front Desk\./);
    expect(speechOf(sean)).toMatch(/^Welcome to Front Desk\./);
  });

  it('remembers nothing when the voice is no longer recognised at "yes", but still does what was asked', async () => {
    const test = skillOf();
    const talk = new Conversation(test.skill);
    await talk.send(intent(IntentNames.checkMeIn, SEAN));
    await talk.send(identify('sean oneill', SEAN));

    const done = await talk.send(yes());

    expect(speechOf(done)).toMatch(/^I only remember people by their voice.* Sean O'Neill has checked in\./);
    expect(test.persistence.saves).toBe(0);
    expect(test.presence.presence.get('c005')?.status).toBe('IN');
  });
});
