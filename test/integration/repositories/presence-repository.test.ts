import type { PresenceRecord } from '../../../lambda/src/domain/presence';
import { ConflictError } from '../../../lambda/src/errors';
import { PresenceRepository } from '../../../lambda/src/repositories/presence-repository';
import { startTestStore, type TestStore } from '../../support/store';

function record(contactId: string, version: number, status: 'IN' | 'OUT', minute = 0): PresenceRecord {
  return {
    contactId,
    status,
    changedAt: new Date(Date.UTC(2025, 0, 15, 14, minute)).toISOString(),
    version,
    changeId: `${contactId}-${version}`,
    requester: 'a'.repeat(64),
    fullName: `Person ${contactId}`,
    firstName: 'Person',
  };
}

describe('PresenceRepository on the embedded store', () => {
  let testStore: TestStore;
  let repository: PresenceRepository;

  beforeEach(async () => {
    testStore = await startTestStore();
    repository = new PresenceRepository(testStore.client, testStore.tables.directory);
  });

  afterEach(() => testStore.close());

  it('writes a presence only over the version it expects', async () => {
    // Prepare
    await repository.putPresence(record('c1', 1, 'IN'), 0);

    // Assess: a write over any other version is refused, one over the version expected is taken.
    await expect(repository.putPresence(record('c1', 1, 'IN'), 0)).rejects.toBeInstanceOf(ConflictError);
    await expect(repository.putPresence(record('c1', 2, 'OUT'), 2)).rejects.toBeInstanceOf(ConflictError);
    await repository.putPresence(record('c1', 2, 'OUT'), 1);
    expect(await repository.getPresence('c1')).toEqual(record('c1', 2, 'OUT'));
  });

  it('never overwrites a history entry, and takes the same change twice without an error', async () => {
    // Prepare
    const original = record('c1', 1, 'IN');

    // Act
    await repository.appendChange(original);
    await repository.appendChange({ ...original, fullName: 'Someone Else' });

    // Assess
    expect(await repository.listChanges('c1')).toEqual([original]);
  });

  it('keeps the change before last in the presence item, and lists it with the history until it is archived', async () => {
    // Prepare
    const first = record('c1', 1, 'IN');
    const second = record('c1', 2, 'OUT');
    await repository.putPresence(first, 0);
    await repository.putPresence(second, 1, first);

    // Act
    const state = await repository.getPresenceState('c1');
    const before = await repository.latestArchivedVersion('c1');
    await repository.appendChange(first);

    // Assess
    expect(state).toEqual({ current: second, previous: first });
    expect(before).toBe(0);
    expect(await repository.latestArchivedVersion('c1')).toBe(1);
    expect(await repository.getPresence('c1')).toEqual(second);
    expect(await repository.listArchivedChanges('c1')).toEqual([first]);
    expect(await repository.listChanges('c1')).toEqual([first, second]);
    expect(await repository.getPresenceState('nobody')).toEqual({});
  });

  it('pages the people in, newest first, with a next page only when there is one', async () => {
    // Prepare
    for (let index = 1; index <= 5; index += 1)
      await repository.putPresence(record(`c${index}`, 1, 'IN', index), 0);
    await repository.putPresence(record('c6', 1, 'OUT', 9), 0);

    // Act
    const first = await repository.listPresent(3);
    const second = await repository.listPresent(3, first.cursor);
    const exact = await repository.listPresent(5);

    // Assess
    expect(first.records.map((entry) => entry.contactId)).toEqual(['c5', 'c4', 'c3']);
    expect(second.records.map((entry) => entry.contactId)).toEqual(['c2', 'c1']);
    expect(second.cursor).toBeUndefined();
    expect(exact.records).toHaveLength(5);
    expect(exact.cursor).toBeUndefined();
  });
});
