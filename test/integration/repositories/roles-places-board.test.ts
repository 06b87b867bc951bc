import type { PresenceRecord } from '../../../lambda/src/domain/presence';
import { BoardRepository } from '../../../lambda/src/repositories/board-repository';
import { BrowseRepository } from '../../../lambda/src/repositories/browse-repository';
import { PresenceRepository } from '../../../lambda/src/repositories/presence-repository';
import { sampleContacts } from '../../support/sample-contacts';
import { putDirectory, recordCommands, startTestStore, type TestStore } from '../../support/store';

function record(
  contactId: string,
  version: number,
  status: 'IN' | 'OUT',
  at: string,
  company?: string,
): PresenceRecord {
  return {
    contactId,
    status,
    changedAt: at,
    version,
    changeId: `${contactId}-${version}`,
    requester: 'a'.repeat(64),
    fullName: `Person ${contactId}`,
    firstName: 'Person',
    ...(company ? { company } : {}),
  };
}

describe('roles, places and the board on the embedded store', () => {
  let testStore: TestStore;

  beforeAll(async () => {
    testStore = await startTestStore();
    await putDirectory(testStore.setup, testStore.tables.directory, sampleContacts());
  });

  afterAll(() => testStore.close());

  it("reads one company's people of a role with one Query of that company's entries", async () => {
    // Prepare
    const commands = recordCommands(testStore.client);
    const repository = new BrowseRepository(testStore.client, testStore.tables.directory);

    // Act
    const globex = await repository.readFirstPage('ROLE', 'chief officer technology', 5, 'ENTRY#globex/');
    const everyone = await repository.readFirstPage('ROLE', 'chief officer technology', 5);

    // Assess
    expect(globex.group).toBeUndefined();
    expect(globex.entries.map((entry) => entry.fullName)).toEqual(['Jane Okafor']);
    expect(everyone.group?.count).toBe(2);
    expect(everyone.entries.map((entry) => entry.fullName)).toEqual(['Owen Pierce', 'Jane Okafor']);
    expect(commands).toEqual(['QueryCommand', 'QueryCommand']);
  });

  it('pages a role within a company after the last entry read, never past the company', async () => {
    // Prepare
    const repository = new BrowseRepository(testStore.client, testStore.tables.directory);

    // Act
    // Globex's executives: an Account Executive and an Executive Assistant; others elsewhere.
    const first = await repository.readFirstPage('ROLE', 'executive', 1, 'ENTRY#globex/');
    const second = await repository.readPageAfter(
      'ROLE',
      'executive',
      first.after as string,
      5,
      'ENTRY#globex/',
    );

    // Assess
    expect(first.entries.map((entry) => entry.fullName)).toEqual(['Jane Doe']);
    expect(second.entries.map((entry) => entry.fullName)).toEqual(['Margaret Ellis']);
    expect(second.after).toBeUndefined();
  });

  it("names a city's states on its group item only when there are several", async () => {
    // Prepare
    const repository = new BrowseRepository(testStore.client, testStore.tables.directory);

    // Act
    const portland = await repository.readFirstPage('CITY', 'portland', 5);
    const austin = await repository.readFirstPage('CITY', 'austin', 5);
    const maine = await repository.readFirstPage('PLACE', 'portland/ME', 5);

    // Assess
    expect(portland.group).toEqual({ label: 'Portland', count: 6, states: ['ME', 'OR'] });
    expect(austin.group).toEqual({ label: 'Austin', count: 7 });
    expect(maine.entries.map((entry) => entry.fullName)).toEqual(['Owen Pierce', 'Lena Vogel']);
  });

  it('reads the people of a company who are in, and who left since a moment, from the sparse indexes, a page at a time', async () => {
    // Prepare
    const presence = new PresenceRepository(testStore.client, testStore.tables.directory);
    const board = new BoardRepository(testStore.client, testStore.tables.directory);
    await presence.putPresence(record('b1', 1, 'IN', '2026-03-02T14:00:00.000Z', 'Globex'), 0);
    await presence.putPresence(record('b2', 1, 'IN', '2026-03-02T14:05:00.000Z', 'Globex Corporation'), 0);
    await presence.putPresence(record('b3', 1, 'IN', '2026-03-02T14:10:00.000Z', 'Acme Corp.'), 0);
    await presence.putPresence(record('b1', 2, 'OUT', '2026-03-02T18:00:00.000Z', 'Globex'), 1);
    await presence.putPresence(record('b4', 1, 'OUT', '2026-03-01T18:00:00.000Z'), 0);
    const commands = recordCommands(testStore.client);

    // Act
    const globex = await board.listPresentAt('globex', 5);
    const acme = await board.listPresentAt('acme', 5);
    const left = await board.listLeftSince('2026-03-02T05:00:00.000Z', 5);
    const one = await board.listLeftSince('2026-03-01T05:00:00.000Z', 1);
    const two = await board.listLeftSince('2026-03-01T05:00:00.000Z', 1, one.next);
    const garbled = await board.listLeftSince('2026-03-01T05:00:00.000Z', 1, 'not a cursor');

    // Assess
    expect(globex).toEqual({
      records: [record('b2', 1, 'IN', '2026-03-02T14:05:00.000Z', 'Globex Corporation')],
    });
    expect(acme.records.map((entry) => entry.contactId)).toEqual(['b3']);
    expect(left).toEqual({
      records: [record('b1', 2, 'OUT', '2026-03-02T18:00:00.000Z', 'Globex')],
    });
    expect(one.records.map((entry) => entry.contactId)).toEqual(['b1']);
    expect(one.next).toEqual(expect.any(String));
    // The next page goes on after the cursor: one more Query, and nobody read twice.
    expect(two.records.map((entry) => entry.contactId)).toEqual(['b4']);
    expect(two.next).toBeUndefined();
    expect(garbled).toEqual({ records: [] });
    expect(commands).toEqual([
      'QueryCommand',
      'QueryCommand',
      'QueryCommand',
      'QueryCommand',
      'QueryCommand',
    ]);
  });

  it('counts the people of a list of the board without reading them, a Query after another while the store says there is more', async () => {
    // Prepare
    const presence = new PresenceRepository(testStore.client, testStore.tables.directory);
    const board = new BoardRepository(testStore.client, testStore.tables.directory, 2);
    for (const [index, id] of ['k1', 'k2', 'k3', 'k4', 'k5'].entries()) {
      await presence.putPresence(record(id, 1, 'IN', `2026-03-09T14:0${index}:00.000Z`, 'Initrode'), 0);
    }
    await presence.putPresence(record('k1', 2, 'OUT', '2026-03-09T18:00:00.000Z', 'Initrode'), 1);
    await presence.putPresence(record('k2', 2, 'OUT', '2026-03-09T18:05:00.000Z', 'Initrode'), 1);
    const everyoneIn: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await presence.listPresent(3, cursor);
      everyoneIn.push(...page.records.map((entry) => entry.contactId));
      cursor = page.cursor;
    } while (cursor);
    const commands = recordCommands(testStore.client);

    // Act
    const initrode = await board.countPresentAt('initrode');
    const nobody = await board.countPresentAt('umbrella');
    const left = await board.countLeftSince('2026-03-09T05:00:00.000Z');
    const inNow = await presence.countPresent();

    // Assess
    expect(initrode).toBe(3);
    expect(nobody).toBe(0);
    expect(left).toBe(2);
    // The whole board, as reading every page of "who's in" finds it.
    expect(inNow).toBe(everyoneIn.length);
    expect(everyoneIn).toEqual(expect.arrayContaining(['k3', 'k4', 'k5']));
    // Two per Query here: 3 in at Initrode take two Queries, none one, 2 left two (the second finds
    // that nothing follows); the whole board one, at DynamoDB's own 1 MB a Query.
    expect(commands).toHaveLength(6);
    expect(new Set(commands)).toEqual(new Set(['QueryCommand']));
  });
});
