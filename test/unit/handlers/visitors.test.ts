import type { Contact } from '../../../lambda/src/domain/contact';
import { StoreUnavailableError } from '../../../lambda/src/errors';
import { IntentNames } from '../../../lambda/src/interaction';
import { TEST_CONTACTS } from '../../fixtures/contacts';
import { Conversation } from '../../support/conversation';
import { intentRequest, launchRequest } from '../../support/requests';
import { cardOf, repromptOf, speechOf } from '../../support/response-checks';
import { buildTestSkill } from '../../support/test-skill';

/** 14:05 UTC on 15 January 2025: 9:05 AM in New York, the office. */
const NINE_OH_FIVE = new Date('2025-01-15T14:05:00Z');
const STAFF_VOICE = 'amzn1.ask.person.STAFF';
/** A host with no phone number, for the office's number. */
const NORA: Contact = {
  id: 'c900',
  firstName: 'Nora',
  lastName: 'Field',
  company: 'Acme Corp.',
  aliases: [],
};

/** A host whose number is in London, as the importer stores it. */
const AMELIA: Contact = {
  id: 'c901',
  firstName: 'Amelia',
  lastName: 'Clarke',
  company: 'Thames Valley Design',
  phone: '+442079460142',
  phoneNational: '020 7946 0142',
  phoneInternational: '+44 20 7946 0142',
  phoneCountry: 'GB',
  aliases: [],
};

function desk() {
  const test = buildTestSkill([...TEST_CONTACTS, NORA, AMELIA], { clock: () => NINE_OH_FIVE });
  return { ...test, conversation: () => new Conversation(test.skill) };
}

const arrive = (slots: Record<string, string>, options = {}) =>
  intentRequest(IntentNames.visitorArrival, slots, options);

/** A visitor in a session, asked their name after naming Sean O'Neill as their host. */
async function atTheNameQuestion(slots: Record<string, string> = {}) {
  const test = desk();
  const talk = test.conversation();
  await talk.send(launchRequest());
  await talk.send(arrive({ host: 'sean oneill', ...slots }));
  return { ...test, talk };
}

describe('a visitor signing in', () => {
  it('asks the name with Dialog.ElicitSlot, logs the visit, publishes Visitor Arrived and says the host was told', async () => {
    // Prepare
    const { conversation, visits, events } = desk();
    const talk = conversation();
    await talk.send(launchRequest());

    // Act
    const asked = await talk.send(arrive({ host: 'sean oneill' }));
    const answered = await talk.send(arrive({ visitorName: 'Sam Carter' }));

    // Assess
    expect(speechOf(asked)).toBe("You're here to see Sean O'Neill. What's your name, please?");
    expect(asked.response.directives).toEqual([
      expect.objectContaining({ type: 'Dialog.ElicitSlot', slotToElicit: 'visitorName' }),
    ]);
    expect(asked.response.shouldEndSession).toBe(false);
    expect(speechOf(answered)).toMatch(/^Thanks, Sam\. I've let Sean O'Neill know you're here\./);
    expect(cardOf(answered)).toBeUndefined();
    expect([...visits.visits.values()]).toEqual([
      expect.objectContaining({
        day: '2025-01-15',
        visitor: { name: 'Sam Carter' },
        host: expect.objectContaining({
          id: 'c005',
          name: "Sean O'Neill",
          email: 'sean.oneill@acme.example.com',
        }),
        arrivedAt: NINE_OH_FIVE.toISOString(),
        expiresAt: Math.floor(NINE_OH_FIVE.getTime() / 1000) + 30 * 86_400,
      }),
    ]);
    expect(events.events).toEqual([
      {
        type: 'Visitor Arrived',
        detail: {
          at: NINE_OH_FIVE.toISOString(),
          visitId: [...visits.visits.keys()][0],
          visitor: { name: 'Sam Carter' },
          host: {
            id: 'c005',
            name: "Sean O'Neill",
            company: 'Acme Corp.',
            email: 'sean.oneill@acme.example.com',
            phone: '+15125550105',
          },
        },
      },
    ]);
  });

  it('is at most 2 store round trips and one publish when the name comes with the host', async () => {
    const { conversation, visits, events, reader } = desk();
    const before = reader.calls.length;

    const response = await conversation().send(arrive({ host: 'sean oneill', visitorName: 'Sam Carter' }));

    expect(speechOf(response)).toBe("Thanks, Sam. I've let Sean O'Neill know you're here.");
    expect(response.response.shouldEndSession).toBe(true);
    expect(visits.calls).toEqual(['putVisit']);
    expect(reader.calls.length - before).toBeLessThanOrEqual(1);
    expect(events.events).toHaveLength(1);
  });

  it('gives the host phone as a lookup says it, the way a caller in the office dials it', async () => {
    // Prepare: Amelia Clarke's number is in London; the office is in New York.
    const { conversation, events } = desk();
    events.failing = true;
    const lookup = await conversation().send(
      intentRequest(IntentNames.contactDetails, {
        name: 'amelia clarke',
        detail: { value: 'phone number', ids: ['phone'] },
      }),
    );

    // Act
    const response = await conversation().send(arrive({ host: 'amelia clarke', visitorName: 'Sam Carter' }));

    // Assess
    expect(speechOf(lookup)).toMatch(/^Amelia Clarke's phone number is \+44 20 7946 0142\./);
    expect(speechOf(response)).toMatch(/You can call Amelia Clarke at \+44 20 7946 0142\.$/);
  });

  it('keeps the visit but never claims the host was told when the event cannot be published, and gives the host phone', async () => {
    const { conversation, visits, events, logLines } = desk();
    events.failing = true;

    const response = await conversation().send(arrive({ host: 'sean oneill', visitorName: 'Sam Carter' }));

    expect(speechOf(response)).toBe(
      "Thanks, Sam. You're signed in, but I couldn't reach Sean O'Neill just now. You can call Sean O'Neill at (512) 555-0105.",
    );
    expect(speechOf(response)).not.toMatch(/let .* know/);
    expect(visits.visits.size).toBe(1);
    const failure = logLines
      .map((line) => JSON.parse(line))
      .find((line) => line.message === 'Event not published');
    expect(failure).toMatchObject({ level: 'WARN', eventType: 'Visitor Arrived', failures: 1 });
    expect(logLines.join('\n')).not.toContain('Sam Carter');
  });

  it("gives the office's number when the host has none and could not be told", async () => {
    const { skill, events } = buildTestSkill([...TEST_CONTACTS, NORA], {
      clock: () => NINE_OH_FIVE,
      config: { officePhone: '+15125550199' },
    });
    events.failing = true;

    const response = await new Conversation(skill).send(arrive({ host: 'nora field', visitorName: 'Sam' }));

    expect(speechOf(response)).toContain(
      "Please call the front desk at (512) 555-0199, and they'll find Nora Field for you.",
    );
  });

  it.each([
    ['no channel is deployed', [], 'sean oneill', "Sean O'Neill", 'You can call'],
    [
      'email is the only channel and the host has no address',
      ['email'],
      'nora field',
      'Nora Field',
      'Please ask someone',
    ],
  ] as const)(
    'never says the host was told when %s, and says how to reach them',
    async (_case, channels, host, hostName, reach) => {
      // Prepare
      const { skill, events, visits } = buildTestSkill([...TEST_CONTACTS, NORA], {
        clock: () => NINE_OH_FIVE,
        config: { hostNotifications: channels },
      });

      // Act
      const response = await new Conversation(skill).send(arrive({ host, visitorName: 'Sam Carter' }));

      // Assess
      expect(speechOf(response)).toMatch(
        new RegExp(
          `^Thanks, Sam\\. You're signed in, but I have no way to send ${hostName} a message\\. ${reach}`,
        ),
      );
      expect(visits.visits.size).toBe(1);
      expect(events.events.map((event) => event.type)).toEqual(['Visitor Arrived']);
    },
  );

  it('says the host was told through chat, which reaches a host without an email address', async () => {
    const { skill } = buildTestSkill([...TEST_CONTACTS, NORA], {
      clock: () => NINE_OH_FIVE,
      config: { hostNotifications: ['chat'] },
    });

    const response = await new Conversation(skill).send(
      arrive({ host: 'nora field', visitorName: 'Sam Carter' }),
    );

    expect(speechOf(response)).toBe("Thanks, Sam. I've let Nora Field know you're here.");
  });

  it('says nothing was logged when the store refuses the visit, and publishes nothing', async () => {
    const { conversation, visits, events } = desk();
    visits.failing = true;

    const response = await conversation().send(arrive({ host: 'sean oneill', visitorName: 'Sam Carter' }));

    expect(speechOf(response)).toMatch(
      /^Sorry, I couldn't sign you in just now, so Sean O'Neill hasn't been told\./,
    );
    expect(events.events).toEqual([]);
  });

  it('asks who the visitor is here to see when the host is unknown, and logs nothing', async () => {
    const { conversation, visits, events } = desk();
    const talk = conversation();
    await talk.send(launchRequest());

    const response = await talk.send(arrive({ host: 'bruce quimby', visitorName: 'Sam Carter' }));

    expect(speechOf(response)).toContain('Who are you here to see?');
    expect(visits.visits.size).toBe(0);
    expect(events.events).toEqual([]);
  });

  it.each([
    ['an empty name', '   ', "Sorry, I didn't catch your name."],
    ['only emoji', '😀🎉', "Sorry, I didn't catch your name."],
    ['a name of 200 characters', 'Bartholomew '.repeat(17), "Sorry, that's more name than I can write down."],
  ])('asks again for %s, and writes nothing', async (_case, name, said) => {
    const { visits, events, talk } = await atTheNameQuestion();

    const response = await talk.send(arrive({ visitorName: name }));

    expect(speechOf(response)).toContain(said);
    expect(repromptOf(response)).toBe("What's your name, please?");
    expect(response.response.directives?.[0]).toMatchObject({ type: 'Dialog.ElicitSlot' });
    expect(visits.visits.size).toBe(0);
    expect(events.events).toEqual([]);
  });

  it.each([
    [
      'speech that was no answer',
      intentRequest(IntentNames.fallback),
      /^Sorry, Front Desk can't help with that\. What's your name, please\?$/,
    ],
    ['"help"', intentRequest(IntentNames.help), /What's your name, please\?$/],
    ['"yes"', intentRequest(IntentNames.yes), /^What's your name, please\?$/],
    [
      '"repeat"',
      intentRequest(IntentNames.repeat),
      /^You're here to see Sean O'Neill\. What's your name, please\?$/,
    ],
  ])(
    'asks the name again after %s, elicited, so the bare name still signs the visitor in',
    async (_case, detour, said) => {
      // Prepare
      const { visits, events, talk } = await atTheNameQuestion();

      // Act
      const again = await talk.send(detour);
      const answered = await talk.send(arrive({ visitorName: 'Sam Carter' }));

      // Assess
      expect(speechOf(again)).toMatch(said);
      expect(again.response.shouldEndSession).toBe(false);
      expect(again.response.directives).toEqual([
        expect.objectContaining({
          type: 'Dialog.ElicitSlot',
          slotToElicit: 'visitorName',
          updatedIntent: expect.objectContaining({ name: IntentNames.visitorArrival }),
        }),
      ]);
      expect(speechOf(answered)).toMatch(/^Thanks, Sam\. I've let Sean O'Neill know you're here\./);
      expect([...visits.visits.values()]).toEqual([
        expect.objectContaining({
          visitor: { name: 'Sam Carter' },
          host: expect.objectContaining({ id: 'c005' }),
        }),
      ]);
      expect(events.events).toHaveLength(1);
    },
  );

  it.each([
    ['a bare name', intentRequest(IntentNames.contactDetails, { name: 'sam carter' })],
    ['"my name is ..."', intentRequest(IntentNames.identify, { name: 'sam carter' })],
  ])("takes %s that missed the elicitation as the visitor's name, not a search", async (_case, answer) => {
    const { visits, talk } = await atTheNameQuestion({ visitorCompany: 'Wayne Enterprises' });

    const answered = await talk.send(answer);

    expect(speechOf(answered)).toMatch(/^Thanks, sam\. I've let Sean O'Neill know you're here\./i);
    expect([...visits.visits.values()]).toEqual([
      expect.objectContaining({
        visitor: { name: 'sam carter', company: 'Wayne Enterprises' },
        host: expect.objectContaining({ id: 'c005' }),
      }),
    ]);
  });

  it('apologizes and asks the name again, elicited, when the store fails on the answer', async () => {
    // Prepare
    const { reader, visits, talk } = await atTheNameQuestion();
    const getContact = reader.getContact.bind(reader);
    reader.getContact = async () => {
      throw new StoreUnavailableError('GetItem failed: TimeoutError');
    };

    // Act
    const failed = await talk.send(arrive({ visitorName: 'Sam Carter' }));
    reader.getContact = getContact;
    const answered = await talk.send(arrive({ visitorName: 'Sam Carter' }));

    // Assess
    expect(speechOf(failed)).toMatch(/^Sorry.* What's your name, please\?$/);
    expect(failed.response.directives).toEqual([
      expect.objectContaining({ type: 'Dialog.ElicitSlot', slotToElicit: 'visitorName' }),
    ]);
    expect(speechOf(answered)).toMatch(/^Thanks, Sam\./);
    expect(visits.visits.size).toBe(1);
  });

  it('takes "it\'s Sean O\'Neill" to "Who are you here to see?" as the host, keeping the visitor\'s name', async () => {
    // Prepare
    const { conversation, visits } = desk();
    const talk = conversation();
    await talk.send(launchRequest());
    await talk.send(arrive({ visitorName: 'Sam Carter' }));

    // Act
    const done = await talk.send(intentRequest(IntentNames.identify, { name: 'sean oneill' }));

    // Assess
    expect(speechOf(done)).toMatch(/^Thanks, Sam\. I've let Sean O'Neill know you're here\./);
    expect([...visits.visits.values()]).toEqual([
      expect.objectContaining({
        visitor: { name: 'Sam Carter' },
        host: expect.objectContaining({ id: 'c005' }),
      }),
    ]);
  });

  it('asks who the visitor is here to see when the host left the directory before the name came', async () => {
    const { reader, visits, talk } = await atTheNameQuestion();
    reader.getContact = async () => undefined;

    const response = await talk.send(intentRequest(IntentNames.contactDetails, { name: 'sam carter' }));

    expect(speechOf(response)).toBe('Who are you here to see?');
    expect(visits.visits.size).toBe(0);
  });

  it('keeps the company heard with the host when the bare name brings another', async () => {
    const { visits, talk } = await atTheNameQuestion({ visitorCompany: 'Wayne Enterprises' });

    await talk.send(intentRequest(IntentNames.contactDetails, { name: 'sam carter from acme' }));

    expect([...visits.visits.values()][0]?.visitor).toEqual({
      name: 'sam carter',
      company: 'Wayne Enterprises',
    });
  });

  it('speaks an SSML-like name as words and keeps it as heard', async () => {
    const { conversation, visits } = desk();

    const response = await conversation().send(
      arrive({ host: 'sean oneill', visitorName: '<b>Sam</b> & Co' }),
    );

    expect(response.response.outputSpeech).toMatchObject({
      ssml: expect.stringContaining('Thanks, &lt;b&gt;Sam&lt;/b&gt;.'),
    });
    expect([...visits.visits.values()][0]?.visitor.name).toBe('<b>Sam</b> & Co');
  });

  it('keeps emoji out of a name that has letters too', async () => {
    const { conversation, visits } = desk();

    await conversation().send(arrive({ host: 'sean oneill', visitorName: 'Sam 😀 Carter' }));

    expect([...visits.visits.values()][0]?.visitor.name).toBe('Sam Carter');
  });
});

describe('a visitor leaving', () => {
  it('"I\'m leaving" in the same session signs the visit out and publishes Visitor Left', async () => {
    const { conversation, visits, events } = desk();
    const talk = conversation();
    await talk.send(launchRequest());
    await talk.send(arrive({ host: 'sean oneill', visitorName: 'Sam Carter' }));

    const response = await talk.send(intentRequest(IntentNames.checkMeOut));

    expect(speechOf(response)).toMatch(/^Goodbye, Sam\./);
    expect([...visits.visits.values()][0]?.leftAt).toBe(NINE_OH_FIVE.toISOString());
    expect(events.events.map((event) => event.type)).toEqual(['Visitor Arrived', 'Visitor Left']);
  });

  it('"I\'m leaving" from another voice in the same session is that person\'s, and leaves the visit open', async () => {
    // Prepare: Zoë's voice is remembered; a visitor signs in, then Zoë speaks in the same session.
    const { conversation, visits, events, persistence } = desk();
    await persistence.saveAttributes(
      { context: { System: { person: { personId: STAFF_VOICE }, user: { userId: 'x' } } } } as never,
      { identity: { contactId: 'c006', firstName: 'Zoë', fullName: 'Zoë Smith-Jones' } },
    );
    await conversation().send(intentRequest(IntentNames.checkIn, { name: 'zoe smith jones' }));
    const talk = conversation();
    await talk.send(launchRequest());
    await talk.send(arrive({ host: 'sean oneill', visitorName: 'Sam Carter' }));

    // Act
    const response = await talk.send(intentRequest(IntentNames.checkMeOut, {}, { personId: STAFF_VOICE }));

    // Assess
    expect(speechOf(response)).toMatch(/^Zoë Smith-Jones has checked out/);
    expect([...visits.visits.values()][0]?.leftAt).toBeUndefined();
    expect(events.events.map((event) => event.type)).toEqual([
      'Checked In',
      'Visitor Arrived',
      'Checked Out',
    ]);
  });

  it('"check me out" without a visit in the session is the board\'s, as before', async () => {
    const { conversation } = desk();

    const response = await conversation().send(intentRequest(IntentNames.checkMeOut));

    expect(speechOf(response)).not.toContain('Goodbye');
  });

  it('signing out a visitor nobody signed in says so, and tells nothing about past visits', async () => {
    const { conversation, events } = desk();
    await conversation().send(arrive({ host: 'sean oneill', visitorName: 'Sam Carter' }));
    await conversation().send(intentRequest(IntentNames.visitorLeave, { visitorName: 'sam carter' }));

    const again = await conversation().send(
      intentRequest(IntentNames.visitorLeave, { visitorName: 'sam carter' }),
    );

    expect(speechOf(again)).toBe("I can't find anyone called sam carter signed in today.");
    expect(events.events.map((event) => event.type)).toEqual(['Visitor Arrived', 'Visitor Left']);
  });
});

describe('staff asking about visitors', () => {
  async function withVisits() {
    const test = desk();
    await test.conversation().send(arrive({ host: 'sean oneill', visitorName: 'Sam Carter from Wayne' }));
    await test.conversation().send(arrive({ host: 'zoe smith jones', visitorName: 'Ana Ruiz' }));
    return test;
  }

  it('tells a voice remembered as a directory contact, their own visitors first', async () => {
    const test = await withVisits();
    await test.persistence.saveAttributes(
      { context: { System: { person: { personId: STAFF_VOICE }, user: { userId: 'x' } } } } as never,
      { identity: { contactId: 'c006', firstName: 'Zoë', fullName: 'Zoë Smith-Jones' } },
    );

    const response = await test
      .conversation()
      .send(intentRequest(IntentNames.visitorsToday, {}, { personId: STAFF_VOICE }));

    expect(speechOf(response)).toBe(
      "2 visitors today. Yours: Ana Ruiz, who arrived at 9:05 AM. Others: Sam Carter from Wayne, visiting Sean O'Neill, arrived at 9:05 AM.",
    );
    expect(cardOf(response)?.title).toBe('Visitors today');
  });

  it('says the visitors again to the staff voice that asked, and to nobody else in the session', async () => {
    // Prepare
    const test = await withVisits();
    await test.persistence.saveAttributes(
      { context: { System: { person: { personId: STAFF_VOICE }, user: { userId: 'x' } } } } as never,
      { identity: { contactId: 'c006', firstName: 'Zoë', fullName: 'Zoë Smith-Jones' } },
    );
    const talk = test.conversation();
    await talk.send(launchRequest({ personId: STAFF_VOICE }));
    const told = await talk.send(intentRequest(IntentNames.visitorsToday, {}, { personId: STAFF_VOICE }));

    // Act
    const toSomeoneElse = await talk.send(intentRequest(IntentNames.repeat));
    const toAnotherVoice = await talk.send(
      intentRequest(IntentNames.repeat, {}, { personId: 'amzn1.ask.person.STRANGER' }),
    );
    const toTheAsker = await talk.send(intentRequest(IntentNames.repeat, {}, { personId: STAFF_VOICE }));

    // Assess
    expect(speechOf(told)).toMatch(/^2 visitors today\. Yours: Ana Ruiz/);
    for (const response of [toSomeoneElse, toAnotherVoice]) {
      expect(speechOf(response)).toMatch(/^That was only for the person who asked\. /);
      expect(speechOf(response)).not.toContain('Ana Ruiz');
      expect(response.response.shouldEndSession).toBe(false);
    }
    expect(speechOf(toTheAsker)).toBe(speechOf(told));
  });

  it.each([
    ['a voice Front Desk does not know', { personId: 'amzn1.ask.person.STRANGER' }],
    ['no voice profile at all, even on an account that remembers someone', {}],
  ])('tells %s only that visitor information is for staff', async (_case, options) => {
    const test = await withVisits();
    await test.persistence.saveAttributes(
      { context: { System: { user: { userId: 'amzn1.ask.account.TESTUSER' } } } } as never,
      { identity: { contactId: 'c006', firstName: 'Zoë', fullName: 'Zoë Smith-Jones' } },
    );

    for (const request of [
      intentRequest(IntentNames.visitorsToday, {}, options),
      intentRequest(IntentNames.visitorArrived, { visitorName: 'sam carter' }, options),
    ]) {
      const response = await test.conversation().send(request);
      expect(speechOf(response)).toMatch(/^Sorry, visitor information is for staff only\./);
      expect(JSON.stringify(response)).not.toMatch(/Sam|Ana|Wayne/);
      expect(cardOf(response)).toBeUndefined();
    }
  });
});
