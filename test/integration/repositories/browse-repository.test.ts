import { soundKeysOf } from '../../../lambda/src/domain/name-sounds';
import { BrowseRepository } from '../../../lambda/src/repositories/browse-repository';
import { GROUP_SK } from '../../../lambda/src/repositories/directory-items';
import { NameSoundRepository } from '../../../lambda/src/repositories/name-sound-repository';
import { BROWSE_CONTACTS } from '../../fixtures/browse-contacts';
import { putDirectory, startTestStore, type TestStore } from '../../support/store';

describe('BrowseRepository and NameSoundRepository on the embedded store', () => {
  let testStore: TestStore;
  let olderStore: TestStore;

  beforeAll(async () => {
    testStore = await startTestStore();
    await putDirectory(testStore.setup, testStore.tables.directory, BROWSE_CONTACTS);
    olderStore = await startTestStore();
    await putDirectory(olderStore.setup, olderStore.tables.directory, BROWSE_CONTACTS, {
      keep: (item) => item.sk !== GROUP_SK,
    });
  });

  afterAll(async () => {
    await testStore?.close();
    await olderStore?.close();
  });

  it('reads the group item and the first page in one Query, and the next page after the last key', async () => {
    // Prepare
    const repository = new BrowseRepository(testStore.client, testStore.tables.directory);

    // Act
    const first = await repository.readFirstPage('COMPANY', 'initrode', 5);
    const second = await repository.readPageAfter('COMPANY', 'initrode', first.after as string, 5);
    const third = await repository.readPageAfter('COMPANY', 'initrode', second.after as string, 5);

    // Assess
    expect(first.group).toEqual({ label: 'Initrode Inc.', count: 12 });
    expect(first.entries.map((entry) => entry.id)).toEqual(['i001', 'i002', 'i003', 'i004', 'i005']);
    expect(first.entries[0]).toEqual({
      id: 'i001',
      fullName: 'Ava Adams',
      company: 'Initrode Inc.',
      title: 'Analyst',
      city: 'Houston',
      state: 'TX',
    });
    expect(second.entries.map((entry) => entry.id)).toEqual(['i006', 'i007', 'i008', 'i009', 'i010']);
    expect(third.entries.map((entry) => entry.id)).toEqual(['i011', 'i012']);
    expect(third.after).toBeUndefined();
  });

  it('reads nothing for a group that does not exist', async () => {
    // Prepare
    const repository = new BrowseRepository(testStore.client, testStore.tables.directory);

    // Act
    const page = await repository.readFirstPage('CITY', 'atlantis', 5);

    // Assess
    expect(page).toEqual({ entries: [], after: undefined });
  });

  it('continues after the last entry kept when a directory has no group items', async () => {
    // Prepare
    const repository = new BrowseRepository(olderStore.client, olderStore.tables.directory);

    // Act
    const first = await repository.readFirstPage('COMPANY', 'initrode', 5);
    const second = await repository.readPageAfter('COMPANY', 'initrode', first.after as string, 5);

    // Assess
    expect(first.group).toBeUndefined();
    expect(first.entries.map((entry) => entry.id)).toEqual(['i001', 'i002', 'i003', 'i004', 'i005']);
    expect(second.entries.map((entry) => entry.id)).toEqual(['i006', 'i007', 'i008', 'i009', 'i010']);
  });

  it('finds the people filed under a sound key, with their names', async () => {
    // Prepare
    const repository = new NameSoundRepository(testStore.client, testStore.tables.directory);

    // Act
    const found = await repository.findBySoundKey(soundKeysOf('jon dough')[0] as string, 25);

    // Assess
    expect(found.map((entry) => entry.id).sort()).toEqual(['c001', 'c002']);
    expect(found[0]).toMatchObject({ fullName: 'Jane Doe', firstName: 'Jane', lastName: 'Doe', aliases: [] });
  });
});
