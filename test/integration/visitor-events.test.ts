import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { renderHostMessage, type VisitorArrivedDetail } from '../../lambda/notifier/host-message';
import { IntentNames } from '../../lambda/src/interaction';
import {
  createEventBridgeClient,
  EventBridgePublisher,
} from '../../lambda/src/repositories/eventbridge-publisher';
import { visitKeys } from '../../lambda/src/repositories/visit-items';
import { buildSkill } from '../../lambda/src/skill';
import { classifyItem } from '../../scripts/directory-import/directory-admin-repository';
import { TEST_CONTACTS } from '../fixtures/contacts';
import { Conversation } from '../support/conversation';
import { guardWithDeployedPolicy, type PolicyGuard } from '../support/deployed-policy';
import { type EventBridgeEndpoint, startEventBridgeEndpoint } from '../support/event-bridge-endpoint';
import { FakeAlexaApi } from '../support/fakes';
import { intentRequest } from '../support/requests';
import { speechOf } from '../support/response-checks';
import { sampleContacts } from '../support/sample-contacts';
import {
  putContacts,
  recordCommands,
  skillConfigFor,
  startTestStore,
  storesOn,
  type TestStore,
} from '../support/store';

const NINE_OH_FIVE = new Date('2025-01-15T14:05:00Z');
const BUS = 'front-desk-test-bus';

describe('events on an EventBridge-compatible endpoint, visits in the embedded store', () => {
  let testStore: TestStore;
  let endpoint: EventBridgeEndpoint;
  let client: ReturnType<typeof createEventBridgeClient>;
  let publishing: PolicyGuard;

  beforeEach(async () => {
    testStore = await startTestStore();
    endpoint = await startEventBridgeEndpoint();
    client = createEventBridgeClient({ endpoint: endpoint.url });
    // PutEvents through the deployed skill role's policy, as the store calls are: the stack's bus
    // stands for BUS, so a publish the role may not make fails here, not only in AWS.
    publishing = guardWithDeployedPolicy(client, {
      policy: 'skill',
      tables: testStore.tables,
      eventBus: BUS,
    });
    await putContacts(testStore.setup, testStore.tables.directory, TEST_CONTACTS);
  });

  afterEach(async () => {
    client.destroy();
    await endpoint.close();
    await testStore.close();
    publishing.assertNoRefusals();
  });

  const skill = (documentClient = testStore.client) =>
    buildSkill({
      // The stack's email delivery hangs off this bus.
      config: { ...skillConfigFor(testStore), hostNotifications: ['email'] },
      stores: storesOn(testStore, documentClient),
      events: new EventBridgePublisher(client, BUS),
      apiClient: new FakeAlexaApi(),
      clock: () => NINE_OH_FIVE,
      random: () => 0,
    });

  async function visitItems(): Promise<Record<string, unknown>[]> {
    const { Items = [] } = await testStore.setup.send(
      new QueryCommand({
        TableName: testStore.tables.directory,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': visitKeys.dayPartition('2025-01-15') },
      }),
    );
    return Items;
  }

  it('publishes Visitor Arrived and Left with the contract source, detail type, bus and detail', async () => {
    // Act
    const arrived = await new Conversation(skill()).send(
      intentRequest(IntentNames.visitorArrival, { host: 'sean oneill', visitorName: 'Sam Carter' }),
    );
    const left = await new Conversation(skill()).send(
      intentRequest(IntentNames.visitorLeave, { visitorName: 'sam carter' }),
    );

    // Assess
    expect(speechOf(arrived)).toBe("Thanks, Sam. I've let Sean O'Neill know you're here.");
    expect(speechOf(left)).toBe('Goodbye, Sam.');
    expect(endpoint.targets).toEqual(['AWSEvents.PutEvents', 'AWSEvents.PutEvents']);
    const [visit] = await visitItems();
    const host = {
      id: 'c005',
      name: "Sean O'Neill",
      company: 'Acme Corp.',
      email: 'sean.oneill@acme.example.com',
      phone: '+15125550105',
    };
    expect(endpoint.entries.map((entry) => ({ ...entry, Detail: JSON.parse(entry.Detail ?? '') }))).toEqual([
      {
        EventBusName: BUS,
        Source: 'front-desk',
        DetailType: 'Visitor Arrived',
        Detail: { at: NINE_OH_FIVE.toISOString(), visitId: visit?.id, visitor: { name: 'Sam Carter' }, host },
      },
      {
        EventBusName: BUS,
        Source: 'front-desk',
        DetailType: 'Visitor Left',
        Detail: { at: NINE_OH_FIVE.toISOString(), visitId: visit?.id, visitor: { name: 'Sam Carter' }, host },
      },
    ]);
    expect(visit).toMatchObject({
      type: 'visit',
      leftAt: NINE_OH_FIVE.toISOString(),
      expiresAt: expect.any(Number),
    });
    // The importer and export see visits as nothing of theirs.
    expect(classifyItem(visit ?? {})).toEqual({ kind: 'other' });
  });

  it('signs a visitor in with at most 3 store round trips and one PutEvents', async () => {
    // A client of its own under the deployed policy, so only this request's calls are counted.
    const documentClient = testStore.skillClient();
    const commands = recordCommands(documentClient);
    {
      const response = await new Conversation(skill(documentClient)).send(
        intentRequest(IntentNames.visitorArrival, { host: 'sean oneill', visitorName: 'Sam Carter' }),
      );

      expect(speechOf(response)).toBe("Thanks, Sam. I've let Sean O'Neill know you're here.");
      expect(commands.length).toBeLessThanOrEqual(3);
      expect(commands).toEqual(['QueryCommand', 'PutItemCommand']);
      expect(endpoint.targets).toEqual(['AWSEvents.PutEvents']);
    }
  });

  it('publishes Checked In with reason spoken on the bus', async () => {
    await new Conversation(skill()).send(intentRequest(IntentNames.checkIn, { name: 'sean oneill' }));

    expect(endpoint.entries).toEqual([
      {
        EventBusName: BUS,
        Source: 'front-desk',
        DetailType: 'Checked In',
        Detail: JSON.stringify({
          at: NINE_OH_FIVE.toISOString(),
          contact: { id: 'c005', name: "Sean O'Neill", company: 'Acme Corp.' },
          reason: 'spoken',
        }),
      },
    ]);
  });

  it('names a host and a contact without a company with an empty company, and the host\'s email never says "from" before nothing', async () => {
    // Prepare: Samuel Price, whom the sample directory lists with no company.
    const samuel = sampleContacts().find((contact) => contact.id === 'c039');
    expect(samuel?.company).toBeUndefined();
    await putContacts(testStore.setup, testStore.tables.directory, samuel ? [samuel] : []);

    // Act
    await new Conversation(skill()).send(intentRequest(IntentNames.checkIn, { name: 'samuel price' }));
    await new Conversation(skill()).send(
      intentRequest(IntentNames.visitorArrival, { host: 'samuel price', visitorName: 'Sam Carter' }),
    );

    // Assess: the Detail as EventBridge received it, and the email the notifier makes of it.
    const details = endpoint.entries.map(
      (entry) => JSON.parse(entry.Detail ?? '{}') as Record<string, unknown>,
    );
    expect(endpoint.entries.map((entry) => entry.DetailType)).toEqual(['Checked In', 'Visitor Arrived']);
    expect(details[0]?.contact).toEqual({ id: 'c039', name: 'Samuel Price', company: '' });
    expect(details[1]?.host).toEqual({
      id: 'c039',
      name: 'Samuel Price',
      company: '',
      email: 'sam.price@example.org',
      phone: '+17205550132',
    });
    const email = renderHostMessage(details[1] as unknown as VisitorArrivedDetail, {
      officeName: 'Acme Corp.',
      meetingPlace: 'the front desk',
      timeZone: 'America/New_York',
    });
    expect(email.subject).toBe('Your visitor Sam Carter is here');
    expect(email.text).toContain('Hello Samuel Price,\n\nSam Carter signed in at the front desk to see you');
    expect(`${email.text}${email.html}`).not.toMatch(/\bfrom\b/);
  });

  it.each(['fail', 'refuse'] as const)(
    'keeps the visit when the bus %ss the event, and tells the visitor how to reach the host',
    async (mode) => {
      endpoint.mode = mode;

      const response = await new Conversation(skill()).send(
        intentRequest(IntentNames.visitorArrival, { host: 'sean oneill', visitorName: 'Sam Carter' }),
      );

      expect(speechOf(response)).toBe(
        "Thanks, Sam. You're signed in, but I couldn't reach Sean O'Neill just now. You can call Sean O'Neill at (512) 555-0105.",
      );
      expect(await visitItems()).toHaveLength(1);
    },
  );

  it('never undoes a check-in when the bus is down', async () => {
    endpoint.mode = 'fail';

    const response = await new Conversation(skill()).send(
      intentRequest(IntentNames.checkIn, { name: 'sean oneill' }),
    );

    expect(speechOf(response)).toBe("Sean O'Neill has checked in.");
  });
});
