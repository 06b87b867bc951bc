import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Contact } from '../../../lambda/src/domain/contact';
import type { PresenceRecord, PresenceState, PresenceStatus } from '../../../lambda/src/domain/presence';
import { ConflictError } from '../../../lambda/src/errors';
import { LOCAL_STORE_CREDENTIALS } from '../../../lambda/src/repositories/dynamodb-client';
import { PresenceRepository } from '../../../lambda/src/repositories/presence-repository';
import type { PresenceStore, PresentPage } from '../../../lambda/src/services/ports';
import { type PresenceChange, PresenceService } from '../../../lambda/src/services/presence-service';
import { TEST_CONTACTS } from '../../fixtures/contacts';
import { startTestStore, type TestStore } from '../../support/store';

/** The real repository, counting what happens to each conditional write. */
class CountingStore implements PresenceStore {
  public presenceWrites = 0;
  public presenceConflicts = 0;

  public constructor(private readonly repository: PresenceRepository) {}

  public getPresence(contactId: string): Promise<PresenceRecord | undefined> {
    return this.repository.getPresence(contactId);
  }

  public getPresenceState(contactId: string): Promise<PresenceState> {
    return this.repository.getPresenceState(contactId);
  }

  public latestArchivedVersion(contactId: string): Promise<number> {
    return this.repository.latestArchivedVersion(contactId);
  }

  public async putPresence(
    record: PresenceRecord,
    expectedVersion: number,
    previous?: PresenceRecord,
  ): Promise<void> {
    this.presenceWrites += 1;
    try {
      await this.repository.putPresence(record, expectedVersion, previous);
    } catch (error) {
      if (error instanceof ConflictError) this.presenceConflicts += 1;
      throw error;
    }
  }

  public appendChange(record: PresenceRecord): Promise<void> {
    return this.repository.appendChange(record);
  }

  public listPresent(limit: number, cursor?: string): Promise<PresentPage> {
    return this.repository.listPresent(limit, cursor);
  }

  public countPresent(): Promise<number> {
    return this.repository.countPresent();
  }
}

/** A small seeded generator, so every run tries the same plan. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PEOPLE = TEST_CONTACTS.slice(0, 5) as Contact[];
const WRITES = 200;

describe('many devices checking the same people in and out at the same moment', () => {
  let testStore: TestStore;

  beforeEach(async () => {
    testStore = await startTestStore();
  });

  afterEach(() => testStore.close());

  // All within 20 ms, nearly every request races others for the same version; spread over a
  // second, they also build long histories. Both must lose nothing.
  it.each([
    ['all at once', 20, true],
    ['spread over a second', 1000, false],
  ])(
    'loses no update (%s): the history holds exactly the accepted changes, in order, and the board ends on the last one',
    async (_, spreadMs, mustRace) => {
      // Prepare: 200 requests over 5 people, each a check-in or a check-out, from 7 devices.
      // A client without Front Desk's request timeouts: this test is about conditional writes, and
      // two cores serving 200 requests at once are slower than any Lambda would be.
      const client = DynamoDBDocumentClient.from(
        new DynamoDBClient({
          endpoint: testStore.store.endpoint,
          region: 'local',
          credentials: LOCAL_STORE_CREDENTIALS,
        }),
      );
      const repository = new PresenceRepository(client, testStore.tables.directory);
      const store = new CountingStore(repository);
      const service = new PresenceService(store);
      const random = seeded(20250115);
      const plan = Array.from({ length: WRITES }, (_, index) => ({
        contact: PEOPLE[index % PEOPLE.length] as Contact,
        status: (random() < 0.5 ? 'IN' : 'OUT') as PresenceStatus,
        delayMs: Math.floor(random() * spreadMs),
        requester: `amzn1.ask.account.DEVICE${index % 7}`,
      }));

      // Act
      const outcomes: Array<{ contactId: string; change: PresenceChange }> = await Promise.all(
        plan.map(async ({ contact, status, delayMs, requester }) => {
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          return { contactId: contact.id, change: await service.setPresence(contact, status, requester) };
        }),
      );

      // Assess
      const count = (kind: PresenceChange['kind']) =>
        outcomes.filter(({ change }) => change.kind === kind).length;
      const accepted = outcomes.flatMap(({ change }) => (change.kind === 'changed' ? [change.record] : []));
      const histories = new Map<string, PresenceRecord[]>();
      for (const person of PEOPLE) histories.set(person.id, await repository.listChanges(person.id));
      const historyEntries = [...histories.values()].reduce((sum, history) => sum + history.length, 0);
      const figures = {
        attempted: WRITES,
        accepted: count('changed'),
        alreadyInThatState: count('unchanged'),
        rejectedAsConflicts: count('conflict'),
        failed: count('failed') + count('unknown'),
        conditionalPresenceWrites: store.presenceWrites,
        conditionalWritesRefused: store.presenceConflicts,
        historyEntries,
      };

      expect(figures.failed).toBe(0);
      expect(figures.accepted + figures.alreadyInThatState + figures.rejectedAsConflicts).toBe(WRITES);
      // Everyone was checked in at least once (each person gets 40 requests, about half of them in).
      expect(figures.accepted).toBeGreaterThanOrEqual(PEOPLE.length);
      // 200 requests within 20 ms race for the same versions on any machine: the test did test races.
      if (mustRace) expect(figures.conditionalWritesRefused).toBeGreaterThan(0);
      expect(figures.conditionalPresenceWrites).toBe(figures.accepted + figures.conditionalWritesRefused);
      expect(figures.historyEntries).toBe(figures.accepted);
      for (const person of PEOPLE) {
        const history = histories.get(person.id) ?? [];
        const acceptedForPerson = accepted.filter((record) => record.contactId === person.id);
        // Every accepted change, and nothing else, is in the history, versions 1..n without a gap.
        expect(history.map((entry) => entry.changeId).sort()).toEqual(
          acceptedForPerson.map((record) => record.changeId).sort(),
        );
        expect(history.map((entry) => entry.version)).toEqual(history.map((_, index) => index + 1));
        // A lost update would show as two check-ins in a row: changes must alternate, starting in.
        expect(history.map((entry) => entry.status)).toEqual(
          history.map((_, index) => (index % 2 === 0 ? 'IN' : 'OUT')),
        );
        // The board ends on the last accepted change.
        // The history alone is whole up to some version, and lags the board by at most two changes.
        const archived = await repository.listArchivedChanges(person.id);
        expect(archived.map((entry) => entry.version)).toEqual(archived.map((_, index) => index + 1));
        expect(history.length - archived.length).toBeLessThanOrEqual(2);
        const last = history[history.length - 1];
        const final = await repository.getPresence(person.id);
        expect(final).toEqual(last);
      }
      const present: PresenceRecord[] = [];
      let cursor: string | undefined;
      do {
        const page = await repository.listPresent(2, cursor);
        present.push(...page.records);
        cursor = page.cursor;
      } while (cursor);
      const finalStates = await Promise.all(PEOPLE.map((person) => repository.getPresence(person.id)));
      expect(present.map((record) => record.contactId).sort()).toEqual(
        finalStates
          .filter((record) => record?.status === 'IN')
          .map((record) => record?.contactId)
          .sort(),
      );
      client.destroy();
    },
  );
});
