import { hashRequester } from '../../../lambda/src/services/presence-service';
import { TEST_CONTACTS } from '../../fixtures/contacts';
import { Conversation } from '../../support/conversation';
import { readFixture as fixture } from '../../support/fixtures';
import { speechOf } from '../../support/response-checks';
import { buildTestSkill } from '../../support/test-skill';

const NINE_OH_FIVE = new Date('2025-01-15T14:05:00Z');

describe('in/out board requests replayed as Alexa sends them', () => {
  it('checks in the contact entity resolution matched, lists them, and says they are in', async () => {
    const { skill, presence } = buildTestSkill(TEST_CONTACTS, { clock: () => NINE_OH_FIVE });

    const checkedIn = await new Conversation(skill).send(fixture('check-in-er-match'));
    const list = await new Conversation(skill).send(fixture('who-is-in'));
    const isIn = await new Conversation(skill).send(fixture('is-in-er-match'));

    expect(speechOf(checkedIn)).toBe("Sean O'Neill has checked in.");
    expect(checkedIn.response.shouldEndSession).toBe(true);
    expect(presence.presence.get('c005')?.status).toBe('IN');
    expect(speechOf(list)).toBe("Only Sean O'Neill is in.");
    expect(speechOf(isIn)).toBe("Yes, Sean O'Neill checked in at 9:05 AM.");
  });

  it('checks in the recognised speaker by their voice profile, and asks who they are when it does not know', async () => {
    // Prepare
    const known = buildTestSkill(TEST_CONTACTS, { clock: () => NINE_OH_FIVE });
    known.persistence.records.set('amzn1.ask.person.TESTPERSON', {
      identity: { contactId: 'c004', firstName: 'Robert', fullName: 'Robert Smith' },
    });
    const unknown = buildTestSkill(TEST_CONTACTS, { clock: () => NINE_OH_FIVE });

    // Act
    const checkedIn = await new Conversation(known.skill).send(fixture('check-me-in-person'));
    const asked = await new Conversation(unknown.skill).send(fixture('check-me-in-person'));

    // Assess
    expect(speechOf(checkedIn)).toBe('Robert Smith has checked in.');
    expect(known.presence.changesOf('c004')[0]?.requester).toBe(hashRequester('amzn1.ask.person.TESTPERSON'));
    expect(speechOf(asked)).toBe("I don't know who you are yet. Who are you?");
    expect(asked.response.shouldEndSession).toBe(false);
  });
});
