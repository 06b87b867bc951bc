import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Contact } from '../../../lambda/src/domain/contact';
import { StoreUnavailableError } from '../../../lambda/src/errors';
import { type BrowseGroupItem, itemsOfContact } from '../../../lambda/src/repositories/directory-items';
import {
  DirectoryAdminRepository,
  type DirectoryItem,
  DirectoryTableNotFoundError,
  type DirectoryWritePlan,
} from '../../../scripts/directory-import/directory-admin-repository';
import {
  injectBatchWriteFaults,
  serverError,
  startDirectoryStore,
  type TestDirectoryStore,
} from '../../support/directory-store';

let store: TestDirectoryStore;

beforeEach(async () => {
  store = await startDirectoryStore();
});

afterEach(async () => {
  await store.close();
});

function repository(
  options: ConstructorParameters<typeof DirectoryAdminRepository>[2] = {},
): DirectoryAdminRepository {
  return new DirectoryAdminRepository(
    DynamoDBDocumentClient.from(store.client),
    store.tables.directory,
    options,
  );
}

function contact(id: string): Contact {
  return {
    id,
    firstName: 'Pat',
    lastName: `Lee${id}`,
    company: 'Acme',
    city: 'Austin',
    state: 'TX',
    aliases: [],
  };
}

function putPlan(items: DirectoryItem[]): DirectoryWritePlan {
  return {
    contactPuts: items,
    entryPuts: [],
    entryDeletes: [],
    contactDeletes: [],
    groupPuts: [],
    groupDeletes: [],
  };
}

function contactItems(count: number): DirectoryItem[] {
  return Array.from(
    { length: count },
    (_, index) => itemsOfContact(contact(String(index + 1)))[0] as DirectoryItem,
  );
}

describe('DirectoryAdminRepository.applyWritePlan', () => {
  it('retries unprocessed items with exponential backoff and jitter until all are written', async () => {
    // Prepare
    const delays: number[] = [];
    injectBatchWriteFaults(store.client, (call, requests) =>
      call <= 4 ? { unprocessed: requests.length - 1 } : undefined,
    );
    const admin = repository({
      baseDelayMs: 100,
      maxDelayMs: 500,
      random: () => 0.5,
      sleep: async (ms) => void delays.push(ms),
    });

    // Act
    const stats = await admin.applyWritePlan(putPlan(contactItems(10)));

    // Assess
    expect(delays).toEqual([50, 100, 200, 250]);
    expect(stats).toEqual({ total: 10, done: 10, calls: 5, retries: 4 });
    expect((await store.items()).filter((item) => item.sk === 'CONTACT')).toHaveLength(10);
  });

  it('gives up after the last attempt and says how much was written', async () => {
    // Prepare
    injectBatchWriteFaults(store.client, (call) => (call > 1 ? { fail: serverError() } : undefined));
    const admin = repository({ maxAttempts: 3, concurrency: 1, sleep: async () => undefined });

    // Act
    const run = admin.applyWritePlan(putPlan(contactItems(30)));

    // Assess
    await expect(run).rejects.toThrow(StoreUnavailableError);
    await expect(run).rejects.toThrow(/after 3 attempts with 5 item\(s\) unwritten \(25 of 30 writes done\)/);
  });

  it('fails at once on an error that retrying cannot fix', async () => {
    // Prepare
    const invalid = Object.assign(new Error('Item size has exceeded the maximum allowed size'), {
      name: 'ValidationException',
      $fault: 'client',
    });
    const faults = injectBatchWriteFaults(store.client, () => ({ fail: invalid }));

    // Act
    const run = repository({ sleep: async () => undefined }).applyWritePlan(putPlan(contactItems(3)));

    // Assess
    await expect(run).rejects.toThrow(/ValidationException: Item size has exceeded/);
    expect(faults.calls).toBe(1);
  });

  it('keeps no more BatchWriteItem calls in flight than its concurrency', async () => {
    // Prepare
    let inFlight = 0;
    let most = 0;
    store.client.middlewareStack.add(
      (next) => async (args) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        try {
          await new Promise((resolve) => setTimeout(resolve, 5));
          return await next(args);
        } finally {
          inFlight -= 1;
        }
      },
      { step: 'initialize', name: 'in-flight' },
    );

    // Act
    await repository({ concurrency: 3 }).applyWritePlan(putPlan(contactItems(250)));

    // Assess
    expect(most).toBe(3);
  });
});

describe('DirectoryAdminRepository.readDirectory', () => {
  it('sorts the table into contacts, their entries, presence and groups, and leaves other items alone', async () => {
    // Prepare
    const group: BrowseGroupItem = {
      pk: 'COMPANY#acme',
      sk: '#GROUP',
      type: 'group',
      label: 'Acme',
      count: 1,
    };
    await repository().applyWritePlan({
      ...putPlan([]),
      entryPuts: itemsOfContact(contact('7')),
      groupPuts: [group],
    });
    await store.put({ pk: 'CONTACT#7', sk: 'PRESENCE', status: 'IN' });
    await store.put({ pk: 'CONTACT#7', sk: 'HISTORY#2026-01-01T09:00:00Z', status: 'IN' });

    // Act
    const stored = await repository().readDirectory();

    // Assess
    expect([...stored.contacts.values()]).toEqual([contact('7')]);
    expect(stored.entriesByContact.get('7')?.size).toBe(itemsOfContact(contact('7')).length - 1);
    expect([...stored.presenceIds]).toEqual(['7']);
    expect([...stored.groups.values()].map((group) => group.key)).toEqual([
      { pk: 'COMPANY#acme', sk: '#GROUP' },
    ]);
    expect(stored.otherItems).toBe(1);
  });

  it('says which table is missing', async () => {
    // A store without tables, where the tools are not held to the stack's policy: in AWS, a table
    // the policy does not name is refused before anyone says whether it exists.
    const bare = await startDirectoryStore({ createTables: false });
    const admin = new DirectoryAdminRepository(DynamoDBDocumentClient.from(bare.client), 'no-such-table');

    try {
      await expect(admin.readDirectory()).rejects.toThrow(DirectoryTableNotFoundError);
      await expect(admin.readContacts()).rejects.toThrow('The directory table no-such-table does not exist');
    } finally {
      await bare.close();
    }
  });
});
