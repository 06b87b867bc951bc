import { StoreUnavailableError } from '../../../lambda/src/errors';
import { IntentNames } from '../../../lambda/src/interaction';
import { TEST_CONTACTS } from '../../fixtures/contacts';
import { Conversation } from '../../support/conversation';
import { FakeAlexaApi } from '../../support/fakes';
import { intentRequest, launchRequest } from '../../support/requests';
import { cardOf, repromptOf, speechOf } from '../../support/response-checks';
import { buildTestSkill, type TestSkill, type TestSkillOptions } from '../../support/test-skill';

/** 14:05 UTC on 15 January 2025: 9:05 AM in New York, the office. */
const NINE_OH_FIVE = new Date('2025-01-15T14:05:00Z');

function board(options: TestSkillOptions = {}) {
  let now = NINE_OH_FIVE;
  const test = buildTestSkill(TEST_CONTACTS, { clock: () => now, ...options });
  return {
    ...test,
    conversation: () => new Conversation(test.skill),
    setTime: (iso: string) => {
      now = new Date(iso);
    },
  };
}

const checkIn = (name?: string) => intentRequest(IntentNames.checkIn, name ? { name } : {});
const checkOut = (name?: string) => intentRequest(IntentNames.checkOut, name ? { name } : {});
const isIn = (name: string) => intentRequest(IntentNames.isIn, { name });
const whoIsIn = () => intentRequest(IntentNames.whoIsIn);

/**
 * A skill whose directory also has `count` people called PersonA Tester, PersonB Tester and on,
 * each checked in, all at 9:05 or a minute apart from it (the clock stays at the last).
 */
async function peopleCheckedIn(count: number, options: { minuteApart?: boolean } = {}) {
  const many = Array.from({ length: count }, (_, index) => ({
    id: `p${index + 1}`,
    firstName: `Person${String.fromCharCode(65 + index)}`,
    lastName: 'Tester',
    aliases: [],
  }));
  let now = NINE_OH_FIVE;
  const test = buildTestSkill([...TEST_CONTACTS, ...many], { clock: () => now });
  for (const [index, person] of many.entries()) {
    if (options.minuteApart) now = new Date(NINE_OH_FIVE.getTime() + index * 60_000);
    await new Conversation(test.skill).send(checkIn(`${person.firstName} tester`.toLowerCase()));
  }
  return test;
}

/** Checks out PersonA Tester, PersonB Tester... for each of `letters`, each in a session of its own. */
async function checkOutTesters(test: TestSkill, letters: string): Promise<void> {
  for (const letter of letters) {
    await new Conversation(test.skill).send(checkOut(`person${letter.toLowerCase()} tester`));
  }
}

describe('checking people in and out', () => {
  it('checks someone in, and a one-shot request ends there', async () => {
    const { conversation, presence } = board();

    const response = await conversation().send(checkIn('sean oneill'));

    expect(speechOf(response)).toBe("Sean O'Neill has checked in.");
    expect(response.response.shouldEndSession).toBe(true);
    expect(presence.presence.get('c005')).toMatchObject({ status: 'IN', version: 1 });
  });

  it('checks someone out with the words the board was built for', async () => {
    const { conversation } = board();
    await conversation().send(checkIn('bob'));

    const response = await conversation().send(checkOut('bob'));

    expect(speechOf(response)).toBe('Robert Smith has checked out!');
  });

  it('says when someone already in checked in, rather than checking them in again', async () => {
    const { conversation, setTime, presence } = board();
    await conversation().send(checkIn('bob'));
    setTime('2025-01-15T16:00:00Z');

    const response = await conversation().send(checkIn('bob'));

    expect(speechOf(response)).toBe('Robert Smith already checked in at 9:05 AM.');
    expect(presence.changesOf('c004')).toHaveLength(1);
  });

  it('says that someone who never checked in cannot be checked out', async () => {
    const { conversation } = board();

    const response = await conversation().send(checkOut('zoe'));

    expect(speechOf(response)).toBe("Zoë Smith-Jones hasn't checked in, so there's nothing to check out.");
  });

  it('asks which Jane Doe, and checks in only the one chosen', async () => {
    // Prepare
    const { conversation, presence } = board();
    const talk = conversation();

    // Act
    const question = await talk.send(checkIn('jane doe'));
    const checkedInBeforeChoosing = presence.presence.size;
    const answer = await talk.send(intentRequest(IntentNames.chooseContact, { company: 'globex' }));

    // Assess
    expect(speechOf(question)).toBe(
      'I found 2 people called jane doe: Jane Doe at Acme Corp. and Jane Doe at Globex. Which one?',
    );
    expect(checkedInBeforeChoosing).toBe(0);
    expect(speechOf(answer)).toMatch(/^Jane Doe has checked in\./);
    expect([...presence.presence.keys()]).toEqual(['c002']);
  });

  it('asks who when no name was heard, and checks in the name given next', async () => {
    const { conversation, presence } = board();
    const talk = conversation();

    const question = await talk.send(checkIn());
    const answer = await talk.send(intentRequest(IntentNames.contactDetails, { name: 'bob' }));

    expect(speechOf(question)).toBe('Who should I check in?');
    expect(question.response.shouldEndSession).toBe(false);
    expect(speechOf(answer)).toMatch(/^Robert Smith has checked in\./);
    expect(presence.presence.get('c004')?.status).toBe('IN');
  });

  it('keeps asking who to check out after a name it does not know', async () => {
    const { conversation, presence } = board();
    const talk = conversation();
    await talk.send(checkIn('bob'));

    const notFound = await talk.send(checkOut('bobby tables'));
    const answer = await talk.send(intentRequest(IntentNames.contactDetails, { name: 'bob' }));

    expect(speechOf(notFound)).toBe(
      "Sorry, I couldn't find anyone called bobby tables. Who should I check out?",
    );
    expect(speechOf(answer)).toMatch(/^Robert Smith has checked out!/);
    expect(presence.presence.get('c004')?.status).toBe('OUT');
  });

  it('in a conversation, answers and asks what else, and "her email" is about the person just checked in', async () => {
    const { conversation } = board();
    const talk = conversation();
    await talk.send(launchRequest());

    const checkedIn = await talk.send(checkIn('zoe'));
    const followUp = await talk.send(
      intentRequest(IntentNames.contactDetails, { detail: { value: 'title', ids: ['title'] } }),
    );

    expect(speechOf(checkedIn)).toBe('Zoë Smith-Jones has checked in. What else would you like to know?');
    expect(checkedIn.response.shouldEndSession).toBe(false);
    expect(speechOf(followUp)).toContain("Zoë Smith-Jones's title is Designer.");
  });
});

describe('asking whether someone is in', () => {
  it('says yes with the time they checked in, and shows it on a card', async () => {
    const { conversation, setTime } = board();
    await conversation().send(checkIn('sean oneill'));
    setTime('2025-01-15T18:00:00Z');

    const response = await conversation().send(isIn('sean oneill'));

    expect(speechOf(response)).toBe("Yes, Sean O'Neill checked in at 9:05 AM.");
    expect(cardOf(response)).toEqual({ title: 'In/out board', text: "Sean O'Neill checked in at 9:05 AM." });
  });

  it('says no with the time and "yesterday" when they checked out the day before', async () => {
    const { conversation, setTime } = board();
    await conversation().send(checkIn('sean oneill'));
    setTime('2025-01-15T22:10:00Z');
    await conversation().send(checkOut('sean oneill'));
    setTime('2025-01-16T14:00:00Z');

    const response = await conversation().send(isIn('sean oneill'));

    expect(speechOf(response)).toBe("No, Sean O'Neill checked out at 5:10 PM yesterday.");
  });

  it('remembers who a one-shot "is Robert Smith in" was about, also when the board fails before any call goes out', async () => {
    // Prepare: the board refuses at once, as when the request's store budget is already spent.
    const test = buildTestSkill(TEST_CONTACTS, { clock: () => NINE_OH_FIVE });
    test.presence.getPresence = async () => {
      throw new StoreUnavailableError('The board is down');
    };
    const oneShot = { newSession: true, personId: 'amzn1.ask.person.DESK' };

    // Act
    const apology = await new Conversation(test.skill).send(
      intentRequest(IntentNames.isIn, { name: 'robert smith' }, oneShot),
    );
    const next = await new Conversation(test.skill).send(
      intentRequest(IntentNames.contactDetails, { detail: { value: 'email', ids: ['email'] } }, oneShot),
    );

    // Assess
    expect(speechOf(apology)).toMatch(/^Sorry/);
    expect(speechOf(next)).toMatch(/^Robert Smith's email is /);
  });

  it("says someone hasn't checked in yet when the board has never seen them", async () => {
    const { conversation } = board();

    const response = await conversation().send(isIn('zoe'));

    expect(speechOf(response)).toBe("Zoë Smith-Jones hasn't checked in yet.");
  });
});

describe('the time zone times are said in', () => {
  it("uses the device's zone from the Alexa Settings API", async () => {
    // Prepare
    const { conversation, alexaApi } = board({ deviceTimeZone: 'Europe/Berlin' });
    await conversation().send(checkIn('sean oneill'));

    // Act
    const response = await conversation().send(isIn('sean oneill'));

    // Assess
    expect(speechOf(response)).toBe("Yes, Sean O'Neill checked in at 3:05 PM.");
    const asked = alexaApi.requests.at(-1);
    expect(asked?.url).toBe(
      'https://api.amazonalexa.com/v2/devices/amzn1.ask.device.TESTDEVICE/settings/System.timeZone',
    );
    expect(asked?.headers).toEqual(
      expect.arrayContaining([{ key: 'Authorization', value: 'Bearer test-token' }]),
    );
  });

  it("falls back to the office's zone when the API does not permit it", async () => {
    const { conversation, alexaApi } = board();
    await conversation().send(checkIn('sean oneill'));

    const response = await conversation().send(isIn('sean oneill'));

    expect(alexaApi.requests).toHaveLength(1);
    expect(speechOf(response)).toBe("Yes, Sean O'Neill checked in at 9:05 AM.");
  });

  it("falls back to the office's zone when the API fails or answers with something that is not a zone", async () => {
    for (const alexaApi of [new FakeAlexaApi({ fail: true }), new FakeAlexaApi({ timeZone: 'Not/AZone' })]) {
      const test = buildTestSkill(TEST_CONTACTS, { clock: () => NINE_OH_FIVE, alexaApi });
      await new Conversation(test.skill).send(checkIn('sean oneill'));

      const response = await new Conversation(test.skill).send(isIn('sean oneill'));

      expect(test.alexaApi.requests.length).toBeGreaterThan(0);
      expect(speechOf(response)).toBe("Yes, Sean O'Neill checked in at 9:05 AM.");
    }
  });

  it('asks the API once per session', async () => {
    const { conversation, alexaApi } = board({ deviceTimeZone: 'America/Los_Angeles' });
    const talk = conversation();
    await talk.send(launchRequest());
    await talk.send(checkIn('bob'));

    await talk.send(isIn('bob'));
    const second = await talk.send(isIn('bob'));

    expect(speechOf(second)).toContain('Robert Smith checked in at 6:05 AM.');
    expect(alexaApi.requests).toHaveLength(1);
  });
});

describe("who's in", () => {
  it('says plainly when nobody is in', async () => {
    const { conversation } = board();

    const response = await conversation().send(whoIsIn());

    expect(speechOf(response)).toBe('Nobody is checked in right now.');
  });

  it('names everyone in, most recent first, and shows when each checked in', async () => {
    const { conversation, setTime } = board();
    setTime('2025-01-15T13:00:00Z');
    await conversation().send(checkIn('bob'));
    setTime('2025-01-15T14:00:00Z');
    await conversation().send(checkIn('zoe'));
    setTime('2025-01-15T14:30:00Z');
    await conversation().send(checkIn('sean oneill'));
    await conversation().send(checkOut('zoe'));

    const response = await conversation().send(whoIsIn());

    expect(speechOf(response)).toBe("Sean O'Neill and Robert Smith are in.");
    expect(cardOf(response)).toEqual({
      title: "Who's in",
      text: [
        "1. Sean O'Neill at Acme Corp., checked in at 9:30 AM",
        '2. Robert Smith at Barnes & Noble, checked in at 8:00 AM',
      ].join('\n'),
    });
  });

  it('reads five at a time, asks to go on, and says when that was everyone', async () => {
    // Prepare: seven people in, a minute apart.
    const test = await peopleCheckedIn(7, { minuteApart: true });
    const talk = new Conversation(test.skill);

    // Act
    const first = await talk.send(whoIsIn());
    const second = await talk.send(intentRequest(IntentNames.yes));

    // Assess
    expect(speechOf(first)).toBe(
      'The 5 people who checked in most recently are PersonG Tester, PersonF Tester, PersonE Tester, PersonD Tester and PersonC Tester. Do you want to hear more?',
    );
    expect(first.response.shouldEndSession).toBe(false);
    expect(repromptOf(first)).toBe('Do you want to hear more of who is in? Say yes or no.');
    expect(speechOf(second)).toBe(
      "Next: PersonB Tester and PersonA Tester. That's everyone who's in. What else would you like to know?",
    );
    expect(talk.sessionAttributes.pending).toBeUndefined();
  });

  it('says exactly how many are in when asked in the middle of "who\'s in", and the list goes on', async () => {
    // Prepare
    const test = await peopleCheckedIn(7);
    await checkOutTesters(test, 'A');
    const talk = new Conversation(test.skill);
    await talk.send(whoIsIn());

    // Act
    const count = await talk.send(intentRequest(IntentNames.howMany));
    const more = await talk.send(intentRequest(IntentNames.yes));

    // Assess
    expect(speechOf(count)).toBe('There are 6 people on the list. Do you want to hear more?');
    expect(count.response.shouldEndSession).toBe(false);
    expect(speechOf(more)).toBe(
      "Next: PersonB Tester. That's everyone who's in. What else would you like to know?",
    );
  });

  it('says that people came or went when fewer are in than it has read out, and goes on after the names read', async () => {
    // Prepare: seven in; the five read out check out while the list is going.
    const test = await peopleCheckedIn(7);
    const talk = new Conversation(test.skill);
    await talk.send(whoIsIn());
    await checkOutTesters(test, 'CDEFG');

    // Act
    const count = await talk.send(intentRequest(IntentNames.howMany));
    const more = await talk.send(intentRequest(IntentNames.yes));

    // Assess
    expect(speechOf(count)).toBe(
      'Some have come or gone since I started: 2 people are on the list now. Do you want to hear more?',
    );
    expect(speechOf(more)).toBe(
      "Next: PersonB Tester and PersonA Tester. That's everyone who's in. What else would you like to know?",
    );
  });

  it('says nobody is on the list any more when everyone has gone, and stops offering more', async () => {
    // Prepare
    const test = await peopleCheckedIn(6);
    const talk = new Conversation(test.skill);
    await talk.send(whoIsIn());
    await checkOutTesters(test, 'ABCDEF');

    // Act
    const count = await talk.send(intentRequest(IntentNames.howMany));

    // Assess
    expect(speechOf(count)).toBe(
      'Everyone on the list has come or gone since I started: nobody is on it now. What else would you like to know?',
    );
    expect(count.response.shouldEndSession).toBe(false);
    expect(talk.sessionAttributes.pending).toBeUndefined();
  });

  it('"no" to hearing more stops the list and keeps listening', async () => {
    const test = await peopleCheckedIn(6);
    const talk = new Conversation(test.skill);
    await talk.send(whoIsIn());

    const response = await talk.send(intentRequest(IntentNames.no));

    expect(speechOf(response)).toBe('What else would you like to know?');
    expect(response.response.shouldEndSession).toBe(false);
    expect(talk.sessionAttributes.pending).toBeUndefined();
  });
});
