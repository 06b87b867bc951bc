import { IntentNames } from '../../../lambda/src/interaction';
import { Conversation } from '../../support/conversation';
import { intentRequest, launchRequest } from '../../support/requests';
import { speechOf } from '../../support/response-checks';
import { sampleContacts } from '../../support/sample-contacts';
import { buildTestSkill } from '../../support/test-skill';

/**
 * "Oregon" alone, in answer to "which Portland?". Alexa may hear a bare word as a name (the only
 * bare sample is the name's); the answer still names the state asked about.
 */
describe('a bare state in answer to "which Portland?"', () => {
  it('lists the people of the city in that state', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill(sampleContacts()).skill);
    await conversation.send(launchRequest());
    const question = await conversation.send(intentRequest(IntentNames.browsePlace, { city: 'Portland' }));

    // Act
    const answer = await conversation.send(intentRequest(IntentNames.contactDetails, { name: 'Oregon' }));

    // Assess
    expect(speechOf(question)).toContain('Do you mean Portland, Maine or Portland, Oregon?');
    expect(speechOf(answer)).toMatch(/^There are \d+ people in Portland, Oregon:/);
  });

  it('is an ordinary name lookup when no place question is pending', async () => {
    // Prepare
    const conversation = new Conversation(buildTestSkill(sampleContacts()).skill);
    await conversation.send(launchRequest());

    // Act
    const answer = await conversation.send(intentRequest(IntentNames.contactDetails, { name: 'Oregon' }));

    // Assess
    expect(speechOf(answer)).not.toContain('people in Portland');
  });
});
