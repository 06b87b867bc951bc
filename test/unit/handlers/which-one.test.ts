import type { Contact } from '../../../lambda/src/domain/contact';
import { IntentNames } from '../../../lambda/src/interaction';
import { TEST_CONTACTS } from '../../fixtures/contacts';
import { Conversation } from '../../support/conversation';
import { intentRequest, launchRequest } from '../../support/requests';
import { speechOf } from '../../support/response-checks';
import { buildTestSkill } from '../../support/test-skill';

/** 14:05 UTC on 15 January 2025: 9:05 AM in New York, the office. */
const NINE_OH_FIVE = new Date('2025-01-15T14:05:00Z');

describe('"which one?" keeps what was asked', () => {
  it('still checks the person in when the first answer fits two of the three', async () => {
    // Prepare
    const { skill, presence } = buildTestSkill(TEST_CONTACTS, { clock: () => NINE_OH_FIVE });
    const conversation = new Conversation(skill);
    await conversation.send(launchRequest());
    await conversation.send(intentRequest(IntentNames.checkIn, { name: 'jane' }));

    // Act
    const narrowed = await conversation.send(intentRequest(IntentNames.contactDetails, { name: 'jane doe' }));
    const chosen = await conversation.send(intentRequest(IntentNames.chooseContact, { ordinal: '2' }));

    // Assess
    expect(speechOf(narrowed)).toContain('I found 2 people called jane doe');
    expect(speechOf(chosen)).toContain('Jane Doe has checked in.');
    expect(presence.presence.get('c002')).toMatchObject({ status: 'IN' });
  });

  it('still asks to remember the speaker when "I am Jane" needs two answers', async () => {
    // Prepare
    const { skill, persistence } = buildTestSkill(undefined, { personalDevices: true });
    const conversation = new Conversation(skill);
    await conversation.send(launchRequest());
    await conversation.send(intentRequest(IntentNames.identify, { name: 'jane' }));

    // Act
    await conversation.send(intentRequest(IntentNames.contactDetails, { name: 'jane doe' }));
    const chosen = await conversation.send(intentRequest(IntentNames.chooseContact, { ordinal: '1' }));

    // Assess
    expect(speechOf(chosen)).toBe('Should I remember you as Jane Doe from Acme Corp.?');
    expect(persistence.records.size).toBe(0);
  });
});

describe('"which one?" counts the people it found', () => {
  const johns: Contact[] = Array.from({ length: 11 }, (_, index) => ({
    id: `j${String(index + 1).padStart(2, '0')}`,
    firstName: 'John',
    lastName: `Tester${String.fromCharCode(65 + index)}`,
    company: `Company ${index + 1}`,
    aliases: [],
  }));

  it('says "more than 10" when more people go by the name than it lists', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill(johns).skill);

    // Act
    const response = await conversation.send(intentRequest(IntentNames.contactDetails, { name: 'john' }));

    // Assess
    expect(speechOf(response)).toMatch(/^I found more than 10 people called john, including /);
  });

  it('says the number when it lists everyone', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill(johns.slice(0, 10)).skill);

    // Act
    const response = await conversation.send(intentRequest(IntentNames.contactDetails, { name: 'john' }));

    // Assess
    expect(speechOf(response)).toMatch(/^I found 10 people called john, including /);
  });
});

describe('a garbled pending action', () => {
  it('never turns into a check-in or a check-out', async () => {
    // Prepare: a "which one?" whose action the session no longer holds as Front Desk wrote it.
    const { skill, presence } = buildTestSkill();
    const candidates = [
      { id: 'c001', fullName: 'Jane Doe', company: 'Acme Corp.' },
      { id: 'c002', fullName: 'Jane Doe', company: 'Globex' },
    ];
    const pending = { type: 'chooseContact', candidates, spokenName: 'jane doe', action: { kind: 'remove' } };

    // Act
    const response = await skill.invoke(
      intentRequest(IntentNames.chooseContact, { ordinal: '1' }, { attributes: { pending } }),
    );

    // Assess
    expect(speechOf(response)).not.toMatch(/checked (in|out)/);
    expect(presence.presence.size).toBe(0);
  });
});
