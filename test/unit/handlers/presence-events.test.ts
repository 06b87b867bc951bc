import { IntentNames } from '../../../lambda/src/interaction';
import { TEST_CONTACTS } from '../../fixtures/contacts';
import { Conversation } from '../../support/conversation';
import { intentRequest } from '../../support/requests';
import { speechOf } from '../../support/response-checks';
import { buildTestSkill } from '../../support/test-skill';

/** 14:05 UTC on 15 January 2025. */
const NINE_OH_FIVE = new Date('2025-01-15T14:05:00Z');

describe('the board publishes its accepted changes', () => {
  it('publishes Checked In and Checked Out, reason spoken, after the board accepted each', async () => {
    // Prepare
    const { skill, events } = buildTestSkill(TEST_CONTACTS, { clock: () => NINE_OH_FIVE });

    // Act
    await new Conversation(skill).send(intentRequest(IntentNames.checkIn, { name: 'sean oneill' }));
    await new Conversation(skill).send(intentRequest(IntentNames.checkIn, { name: 'sean oneill' }));
    await new Conversation(skill).send(intentRequest(IntentNames.checkOut, { name: 'sean oneill' }));

    // Assess: the second check-in changed nothing, so it published nothing.
    const contact = { id: 'c005', name: "Sean O'Neill", company: 'Acme Corp.' };
    expect(events.events).toEqual([
      { type: 'Checked In', detail: { at: NINE_OH_FIVE.toISOString(), contact, reason: 'spoken' } },
      { type: 'Checked Out', detail: { at: NINE_OH_FIVE.toISOString(), contact, reason: 'spoken' } },
    ]);
  });

  it('never undoes a check-in because its event could not be published: it counts and logs the failure', async () => {
    const { skill, events, presence, logLines } = buildTestSkill(TEST_CONTACTS, {
      clock: () => NINE_OH_FIVE,
    });
    events.failing = true;

    const response = await new Conversation(skill).send(
      intentRequest(IntentNames.checkIn, { name: 'sean oneill' }),
    );

    expect(speechOf(response)).toBe("Sean O'Neill has checked in.");
    expect(presence.presence.get('c005')).toMatchObject({ status: 'IN' });
    const lines = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({ message: 'Event not published', eventType: 'Checked In', failures: 1 }),
    );
  });
});
