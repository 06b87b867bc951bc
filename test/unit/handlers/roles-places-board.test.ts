import { IntentNames } from '../../../lambda/src/interaction';
import { Conversation } from '../../support/conversation';
import { intentRequest, launchRequest } from '../../support/requests';
import { cardOf, repromptOf, speechOf } from '../../support/response-checks';
import { sampleContacts } from '../../support/sample-contacts';
import { buildTestSkill, type TestSkillOptions } from '../../support/test-skill';

// 21:05 UTC: 4:05 PM in New York.
let now = new Date('2026-03-02T21:05:00Z');
const conversation = (options: TestSkillOptions = {}) => {
  const talk = new Conversation(buildTestSkill(sampleContacts(), { clock: () => now, ...options }).skill);
  return talk;
};
const opened = async (options: TestSkillOptions = {}) => {
  const talk = conversation(options);
  await talk.send(launchRequest());
  return talk;
};

describe('lists by role', () => {
  it('reads the people of a role at a company, counted, with their titles, and keeps the session', async () => {
    // Prepare
    const talk = await opened();

    // Act
    const response = await talk.send(
      intentRequest(IntentNames.browseRole, { role: 'CTO', company: { value: 'globex', ids: ['globex'] } }),
    );

    // Assess
    expect(speechOf(response)).toBe(
      'For CTO at Globex, there is one person: Jane Okafor, Chief Technology Officer. What else would you like to know?',
    );
    expect(cardOf(response)).toEqual({
      title: 'CTO at Globex',
      text: '1. Jane Okafor: Chief Technology Officer, Globex, New York, New York',
    });
    expect(response.response.shouldEndSession).toBe(false);
  });

  it('pages a role across the directory with "more"', async () => {
    // Prepare
    const talk = await opened();

    // Act
    const first = await talk.send(intentRequest(IntentNames.browseRole, { role: 'managers' }));
    const second = await talk.send(intentRequest(IntentNames.more));

    // Assess
    expect(speechOf(first)).toMatch(/^For managers, there are 7 people: .* Do you want to hear more\?$/);
    expect(speechOf(second)).toMatch(/^And the last 2: /);
    expect(cardOf(second)?.text).toMatch(/^1\. .*\n[\s\S]*7\. /);
  });

  it('asks which role when none was heard, and says so when nobody has it', async () => {
    // Prepare
    const talk = await opened();

    // Act
    const missing = await talk.send(intentRequest(IntentNames.browseRole, {}));
    const nobody = await talk.send(intentRequest(IntentNames.browseRole, { role: 'astronaut <&>' }));

    // Assess
    expect(speechOf(missing)).toBe('Which role? For example, say: who is the CTO at Globex?');
    expect(speechOf(nobody)).toContain("Sorry, I don't know anyone whose title matches astronaut <&>.");
    expect(nobody.response.shouldEndSession).toBe(false);
  });
});

describe('places with their state', () => {
  it('asks which Portland, then lists the one whose state is the answer', async () => {
    // Prepare
    const talk = await opened();

    // Act
    const question = await talk.send(intentRequest(IntentNames.browsePlace, { city: 'Portland' }));
    const answer = await talk.send(intentRequest(IntentNames.browsePlace, { state: 'Maine' }));

    // Assess
    expect(speechOf(question)).toBe(
      'There is a Portland in more than one state. Do you mean Portland, Maine or Portland, Oregon?',
    );
    expect(repromptOf(question)).toBe('Which Portland do you mean? For example, say: the one in Oregon.');
    expect(speechOf(answer)).toMatch(/^There are 2 people in Portland, Maine: /);
  });

  it('takes a state alone as the state when no question about a city is pending, or when the pending city is garbled', async () => {
    // Prepare
    const talk = await opened();
    const plain = await talk.send(intentRequest(IntentNames.browsePlace, { state: 'Maine' }));
    talk.sessionAttributes.pending = { type: 'choosePlace', city: { not: 'a city' }, states: 7 };

    // Act
    const garbled = await talk.send(intentRequest(IntentNames.browsePlace, { state: 'Maine' }));

    // Assess
    expect(speechOf(plain)).toMatch(/^There are 2 people in Maine: /);
    expect(speechOf(garbled)).toMatch(/^There are 2 people in Maine: /);
  });
});

describe('the board by company and by time', () => {
  it("says who of a company is in, and who checked out today with when, in the office's zone", async () => {
    // Prepare
    const talk = await opened();
    now = new Date('2026-03-02T14:00:00Z');
    await talk.send(intentRequest(IntentNames.checkIn, { name: 'jane okafor' }));
    await talk.send(intentRequest(IntentNames.checkIn, { name: 'owen pierce' }));
    now = new Date('2026-03-02T21:10:00Z');
    await talk.send(intentRequest(IntentNames.checkOut, { name: 'owen pierce' }));
    now = new Date('2026-03-02T21:15:00Z');

    // Act
    const globex = await talk.send(intentRequest(IntentNames.whoIsInFrom, { company: 'globex' }));
    const initech = await talk.send(intentRequest(IntentNames.whoIsInFrom, { company: 'initech' }));
    const left = await talk.send(intentRequest(IntentNames.whoLeftToday));
    const when = await talk.send(intentRequest(IntentNames.whenPresence, { name: 'jane okafor' }));

    // Assess
    expect(speechOf(globex)).toBe('From Globex, Jane Okafor is in. What else would you like to know?');
    expect(cardOf(globex)).toEqual({
      title: 'In from Globex',
      text: '1. Jane Okafor, checked in at 9:00 AM',
    });
    expect(speechOf(initech)).toBe(
      'Nobody from initech is checked in right now. What else would you like to know?',
    );
    expect(speechOf(left)).toBe(
      'Checked out today: Owen Pierce at 4:10 PM. What else would you like to know?',
    );
    expect(speechOf(when)).toBe('Jane Okafor checked in at 9:00 AM. What else would you like to know?');
  });

  it('asks whose time was wanted when no name was heard', async () => {
    // Prepare
    const talk = await opened();

    // Act
    const response = await talk.send(intentRequest(IntentNames.whenPresence, {}));

    // Assess
    expect(response.response.shouldEndSession).toBe(false);
    expect(speechOf(response)).toContain('?');
  });
});

describe('phone numbers as the office dials them', () => {
  it('says a London number in its national form to an office in Britain, and a US number internationally', async () => {
    // Prepare
    const talk = await opened({ officeCountry: 'GB' });

    // Act
    const london = await talk.send(
      intentRequest(IntentNames.contactDetails, {
        name: 'amelia clarke',
        detail: { value: 'phone', ids: ['phone'] },
      }),
    );
    const austin = await talk.send(
      intentRequest(IntentNames.contactDetails, {
        name: 'bob smith',
        detail: { value: 'phone', ids: ['phone'] },
      }),
    );

    // Assess
    expect(london.response.outputSpeech).toMatchObject({
      ssml: expect.stringContaining('<say-as interpret-as="telephone">020 7946 0142</say-as>'),
    });
    expect(cardOf(london)?.text).toContain('Phone: 020 7946 0142');
    expect(speechOf(austin)).toContain('+1 512 555 0101');
  });
});
