import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Contact } from '../../../lambda/src/domain/contact';
import { keys } from '../../../lambda/src/repositories/directory-items';
import { PresenceRepository } from '../../../lambda/src/repositories/presence-repository';
import { PresenceService } from '../../../lambda/src/services/presence-service';
import { TEST_CONTACTS } from '../../fixtures/contacts';
import { startTestStore, type TestStore } from '../../support/store';
import { injectStoreFaults } from '../../support/store-faults';

const ROBERT = TEST_CONTACTS.find((contact) => contact.id === 'c004') as Contact;

describe('presence history entries when the SDK retries a write whose reply was lost', () => {
  let testStore: TestStore;

  beforeEach(async () => {
    testStore = await startTestStore();
  });

  afterEach(() => testStore.close());

  async function history(contactId: string): Promise<Record<string, unknown>[]> {
    const { Items } = await testStore.setup.send(
      new QueryCommand({
        TableName: testStore.tables.directory,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.presenceHistoryPartition(contactId) },
      }),
    );
    return Items ?? [];
  }

  it('keeps one entry per change when every history write is applied, loses its reply and is sent again', async () => {
    // Prepare: each history write reaches the store, its reply is lost, and the SDK retries it.
    const client = testStore.skillClient();
    const faults = injectStoreFaults(client, [
      { operation: 'PutItem', body: /"HISTORY#/, fault: 'lostReply' },
    ]);
    const repository = new PresenceRepository(client, testStore.tables.directory);
    const service = new PresenceService(repository);

    // Act: each change puts the one before it in the history.
    const kinds: string[] = [];
    for (const status of ['IN', 'OUT', 'IN', 'OUT'] as const)
      kinds.push((await service.setPresence(ROBERT, status, 'amzn1.ask.person.R')).kind);

    // Assess
    expect(kinds).toEqual(['changed', 'changed', 'changed', 'changed']);
    expect(faults.hits[0]).toBeGreaterThanOrEqual(3);
    expect((await history(ROBERT.id)).map((entry) => [entry.version, entry.status])).toEqual([
      [1, 'IN'],
      [2, 'OUT'],
      [3, 'IN'],
    ]);
    expect((await repository.listChanges(ROBERT.id)).map((entry) => entry.version)).toEqual([1, 2, 3, 4]);
    client.destroy();
  });
});
