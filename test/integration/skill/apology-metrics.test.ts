import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { IntentNames } from '../../../lambda/src/interaction';
import { createLogger } from '../../../lambda/src/logger';
import { createMetrics } from '../../../lambda/src/metrics';
import { buildSkill } from '../../../lambda/src/skill';
import { Conversation } from '../../support/conversation';
import { DeployedPolicyDenied } from '../../support/deployed-policy';
import { FakeAlexaApi } from '../../support/fakes';
import { intentRequest, launchRequest } from '../../support/requests';
import { speechOf } from '../../support/response-checks';
import { sampleContacts } from '../../support/sample-contacts';
import { putDirectory, skillConfigFor, startTestStore, storesOn, type TestStore } from '../../support/store';

const PERSON = 'amzn1.ask.person.AFAKEPERSONID000000000000000000000000000000000000000000000';
const LAMBDA_CONTEXT = { awsRequestId: '6f1c2a9e-1b2c-4d5e-8f90-123456789abc' };

/**
 * What an operator sees when users hear apologies: an EMF metric line per apology, by reason, and
 * for a call the deployed role refused, an ERROR line naming the action. The refusal is the one
 * the issue found in AWS: the users table without UpdateItem, so "remember me" cannot save.
 */
describe('apologies as CloudWatch sees them', () => {
  let testStore: TestStore;
  let client: DynamoDBDocumentClient;
  const lines: string[] = [];
  const metricLines = () =>
    lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => '_aws' in line);

  beforeAll(async () => {
    testStore = await startTestStore();
    await putDirectory(testStore.setup, testStore.tables.directory, sampleContacts());
    client = testStore.skillClient();
    // The role as it was: no UpdateItem on the users table.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'UpdateCommand' || context.commandName === 'UpdateItemCommand') {
          throw new DeployedPolicyDenied('skill', {
            action: 'dynamodb:UpdateItem',
            resource: `arn:aws:dynamodb:local:000000000000:table/${testStore.tables.users}`,
          });
        }
        return next(args);
      },
      { step: 'initialize', name: 'withoutUpdateItem', priority: 'high' },
    );
  });

  afterAll(async () => {
    client.destroy();
    await testStore.close();
  });

  it('counts the apology under access-denied and names the refused action at ERROR', async () => {
    // Prepare: "remember me" once, so the second save is an UpdateItem.
    const write = (line: string) => lines.push(line);
    const skill = buildSkill({
      config: skillConfigFor(testStore),
      stores: storesOn(testStore, client),
      apiClient: new FakeAlexaApi(),
      logger: createLogger({ level: 'INFO', write }),
      metrics: createMetrics({ write }),
      random: () => 0,
    });
    const talk = new Conversation({ invoke: (envelope) => skill.invoke(envelope, LAMBDA_CONTEXT) });
    await talk.send(launchRequest({ personId: PERSON }));
    await talk.send(intentRequest(IntentNames.identify, { name: 'robert smith' }, { personId: PERSON }));
    await talk.send(intentRequest(IntentNames.yes, {}, { personId: PERSON }));
    await talk.send(intentRequest(IntentNames.identify, { name: 'priya raman' }, { personId: PERSON }));
    lines.length = 0;

    // Act
    const answer = await talk.send(intentRequest(IntentNames.yes, {}, { personId: PERSON }));

    // Assess
    expect(speechOf(answer)).toContain("Sorry, I couldn't save that just now");
    const apologies = metricLines().filter((line) => 'Apologies' in line);
    expect(apologies).toEqual([expect.objectContaining({ Reason: 'access-denied', Apologies: 1 })]);
    const refused = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.level === 'ERROR');
    expect(refused).toMatchObject({
      action: 'dynamodb:UpdateItem',
      resource: expect.stringContaining(testStore.tables.users),
      requestId: expect.stringMatching(/^amzn1\.echo-api\.request\./),
      awsRequestId: LAMBDA_CONTEXT.awsRequestId,
      coldStart: false,
    });
    expect(metricLines().filter((line) => 'Requests' in line)).toEqual([
      expect.objectContaining({ Intent: IntentNames.yes, Requests: 1, ColdStarts: 0 }),
    ]);
  });
});
