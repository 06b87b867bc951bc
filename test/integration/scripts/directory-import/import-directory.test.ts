import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreUnavailableError } from '../../../../lambda/src/errors';
import { itemsOfContact } from '../../../../lambda/src/repositories/directory-items';
import { DirectoryImportError, ImportAbortedError } from '../../../../scripts/directory-import/errors';
import {
  type ImportDirectoryOptions,
  importDirectoryFile,
} from '../../../../scripts/directory-import/import-directory';
import { formatSummary } from '../../../../scripts/directory-import/summary';
import {
  type Item,
  injectBatchWriteFaults,
  serverError,
  startDirectoryStore,
  type TestDirectoryStore,
  temporaryFolder,
} from '../../../support/directory-store';

const FIXTURE = join(__dirname, '../../../fixtures/import/directory.csv');
const FAST_RETRIES = { baseDelayMs: 1, maxDelayMs: 5 };

type Folder = Awaited<ReturnType<typeof temporaryFolder>>;

let store: TestDirectoryStore;
let folder: Folder;

beforeEach(async () => {
  store = await startDirectoryStore();
  folder = await temporaryFolder();
});

afterEach(async () => {
  await store.close();
  await folder.cleanup();
});

function importInto(
  target: TestDirectoryStore,
  file: string,
  options: Partial<ImportDirectoryOptions> = {},
): ReturnType<typeof importDirectoryFile> {
  return importDirectoryFile({ file, client: target.client, writer: FAST_RETRIES, ...options });
}

/** The fixture with some rows edited: `edits` maps a row's id to its new CSV line. */
async function editedFixture(name: string, edits: Record<string, string | null>): Promise<string> {
  const lines = (await readFile(FIXTURE, 'utf8')).split('\n');
  const edited = lines.flatMap((line) => {
    const id = line.split(',')[0] ?? '';
    if (!(id in edits)) return [line];
    const replacement = edits[id];
    return replacement === null || replacement === undefined ? [] : [replacement];
  });
  return folder.file(name, edited.join('\n'));
}

/** The table a clean import of `file` into an empty store gives. */
async function cleanImportOf(file: string): Promise<Item[]> {
  const fresh = await startDirectoryStore();
  try {
    await importInto(fresh, file);
    return await fresh.items();
  } finally {
    await fresh.close();
  }
}

function group(items: Item[], pk: string): Item | undefined {
  return items.find((item) => item.pk === pk && item.sk === '#GROUP');
}

function entryIds(items: Item[], pk: string): string[] {
  return items
    .filter((item) => item.pk === pk && String(item.sk).startsWith('ENTRY#'))
    .map((item) => String(item.id))
    .sort();
}

/** Every name or browse entry in the table belongs to a contact whose contact item exists. */
function entriesWithoutContact(items: Item[]): string[] {
  const contacts = new Set(items.filter((item) => item.sk === 'CONTACT').map((item) => String(item.id)));
  return items
    .filter((item) => item.type === 'name' || item.type === 'entry')
    .filter((item) => !contacts.has(String(item.id)))
    .map((item) => `${String(item.pk)} ${String(item.sk)}`);
}

describe('importDirectoryFile', () => {
  it('writes each contact, its name and browse entries, and the browse groups with their counts', async () => {
    // Act
    const summary = await importInto(store, FIXTURE);

    // Assess
    expect(summary).toEqual(expect.objectContaining({ added: 10, updated: 0, unchanged: 0, rejections: [] }));
    const items = await store.items();
    expect(await store.item('CONTACT#3', 'CONTACT')).toEqual(
      expect.objectContaining({
        firstName: 'Siobhán',
        lastName: "O'Neill",
        title: 'Head of Operations',
        phone: '+12125550102',
        state: 'NY',
      }),
    );
    expect(await store.item('NAME#oneill', 'CONTACT#3')).toEqual(
      expect.objectContaining({ email: 'siobhan@acme.example' }),
    );
    expect(await store.item('NAME#bob', 'CONTACT#7')).toBeDefined();
    expect(group(items, 'COMPANY#acme')).toEqual(expect.objectContaining({ label: 'Acme Corp.', count: 4 }));
    expect(entryIds(items, 'COMPANY#acme')).toEqual(['1', '10', '3', '6']);
    expect(group(items, 'STATE#TX')).toEqual(expect.objectContaining({ label: 'Texas', count: 3 }));
    expect(group(items, 'CITY#austin')).toEqual(expect.objectContaining({ label: 'Austin', count: 3 }));
    expect(group(items, 'COMPANY#barnes and noble')).toEqual(
      expect.objectContaining({ label: 'Barnes & Noble, Inc.', count: 1 }),
    );
    const derived = (await importedContacts()).reduce(
      (sum, contact) => sum + itemsOfContact(contact).length,
      0,
    );
    const groups = items.filter((item) => item.sk === '#GROUP').length;
    expect(items).toHaveLength(derived + groups);
  });

  it('writes nothing when the same file is imported again and says "0 added, 0 updated, 10 unchanged"', async () => {
    // Prepare
    await importInto(store, FIXTURE);
    const before = await store.items();
    const faults = injectBatchWriteFaults(store.client);

    // Act
    const summary = await importInto(store, FIXTURE);

    // Assess
    expect(formatSummary(summary)[0]).toMatch(/^0 added, 0 updated, 10 unchanged /);
    expect(faults.calls).toBe(0);
    expect(await store.items()).toEqual(before);
  });

  it('moves a contact whose company, city and state changed between browse groups and fixes both counts', async () => {
    // Prepare
    await importInto(store, FIXTURE);
    const moved = await editedFixture('moved.csv', {
      '1': '1,Doe,Jane,Globex,Chief Executive Officer,jane.doe@acme.example,(512) 555-0100,Chicago,IL,Janie',
    });

    // Act
    const summary = await importInto(store, moved);

    // Assess
    expect(summary).toEqual(expect.objectContaining({ added: 0, updated: 1, unchanged: 9 }));
    const items = await store.items();
    expect(group(items, 'COMPANY#acme')).toEqual(expect.objectContaining({ count: 3 }));
    expect(entryIds(items, 'COMPANY#acme')).toEqual(['10', '3', '6']);
    expect(group(items, 'COMPANY#globex')).toEqual(expect.objectContaining({ count: 3 }));
    expect(entryIds(items, 'COMPANY#globex')).toEqual(['1', '4', '7']);
    expect(group(items, 'CITY#austin')).toEqual(expect.objectContaining({ count: 2 }));
    expect(group(items, 'CITY#chicago')).toEqual(expect.objectContaining({ count: 3 }));
    expect(group(items, 'STATE#TX')).toEqual(expect.objectContaining({ count: 2 }));
    expect(group(items, 'STATE#IL')).toEqual(expect.objectContaining({ count: 3 }));
    expect(items).toEqual(await cleanImportOf(moved));
  });

  it('deletes a browse group that no contact belongs to any more', async () => {
    // Prepare
    await importInto(store, FIXTURE);
    const renamed = await editedFixture('renamed.csv', {
      '2': '2,Doe,John,Initech,Buyer,john.doe@bn.example,512.555.0101,Austin,Texas,Johnny;Jack',
    });

    // Act
    await importInto(store, renamed);

    // Assess
    expect(await store.partition('COMPANY#barnes and noble')).toEqual([]);
    expect(group(await store.items(), 'COMPANY#initech')).toEqual(expect.objectContaining({ count: 3 }));
  });

  it('removes the name entries of a renamed contact and leaves its presence alone', async () => {
    // Prepare
    await importInto(store, FIXTURE);
    const presence = {
      pk: 'CONTACT#7',
      sk: 'PRESENCE',
      status: 'IN',
      presentPk: 'PRESENT',
      presentSk: '09:05#7',
    };
    await store.put(presence);
    const renamed = await editedFixture('renamed.csv', {
      '7': '7,Nguyen,Roberta,Globex,Counsel,bob@globex.example,(415) 555-0106,San Francisco,California,Bobbie',
    });

    // Act
    await importInto(store, renamed);

    // Assess
    expect(await store.item('NAME#robert', 'CONTACT#7')).toBeUndefined();
    expect(await store.item('NAME#bob', 'CONTACT#7')).toBeUndefined();
    expect(await store.item('NAME#roberta nguyen', 'CONTACT#7')).toBeDefined();
    expect(await store.item('CONTACT#7', 'PRESENCE')).toEqual(presence);
  });

  it('keeps contacts absent from the file unless asked to prune', async () => {
    // Prepare
    await importInto(store, FIXTURE);
    const smaller = await editedFixture('smaller.csv', { '2': null, '9': null });

    // Act
    const summary = await importInto(store, smaller);

    // Assess
    expect(summary).toEqual(expect.objectContaining({ added: 0, updated: 0, unchanged: 8, pruned: 0 }));
    expect(await store.item('CONTACT#2', 'CONTACT')).toBeDefined();
    expect(group(await store.items(), 'COMPANY#barnes and noble')).toEqual(
      expect.objectContaining({ count: 1 }),
    );
  });

  it('prunes contacts absent from the file with their entries, presence and group counts', async () => {
    // Prepare
    await importInto(store, FIXTURE);
    await store.put({ pk: 'CONTACT#2', sk: 'PRESENCE', status: 'IN' });
    await store.put({ pk: 'CONTACT#1', sk: 'PRESENCE', status: 'OUT' });
    const smaller = await editedFixture('smaller.csv', { '2': null, '9': null });

    // Act
    const summary = await importInto(store, smaller, { prune: true });

    // Assess
    expect(summary).toEqual(expect.objectContaining({ unchanged: 8, pruned: 2 }));
    const items = await store.items();
    expect(
      items.filter((item) => item.sk === 'CONTACT#2' || item.id === '2' || item.pk === 'CONTACT#2'),
    ).toEqual([]);
    expect(group(items, 'COMPANY#barnes and noble')).toBeUndefined();
    expect(group(items, 'COMPANY#initech')).toEqual(expect.objectContaining({ count: 1 }));
    const presenceOfOne = items.filter((item) => item.sk === 'PRESENCE');
    expect(presenceOfOne).toEqual([{ pk: 'CONTACT#1', sk: 'PRESENCE', status: 'OUT' }]);
    expect(items.filter((item) => item.sk !== 'PRESENCE')).toEqual(await cleanImportOf(smaller));
  });

  it('does not prune when the admin declines, and writes nothing', async () => {
    // Prepare
    await importInto(store, FIXTURE);
    const before = await store.items();
    const changed = await editedFixture('changed.csv', { '2': null, '5': '5,Lee,Ann,,,,,,,' });
    const asked: number[] = [];

    // Act
    const run = importInto(store, changed, {
      prune: true,
      confirmPrune: async (count) => {
        asked.push(count);
        return false;
      },
    });

    // Assess
    await expect(run).rejects.toThrow(ImportAbortedError);
    expect(asked).toEqual([1]);
    expect(await store.items()).toEqual(before);
  });

  it('skips the prune when a row was rejected, since that row may be a contact to keep', async () => {
    // Prepare
    await importInto(store, FIXTURE);
    const broken = await editedFixture('broken.csv', { '2': null, '9': ',Lee,Ann,Initech,,,,,,' });

    // Act
    const summary = await importInto(store, broken, { prune: true, confirmPrune: async () => true });

    // Assess
    expect(summary).toEqual(expect.objectContaining({ pruned: 0, pruneSkipped: true }));
    expect(summary.warnings).toContainEqual(expect.stringMatching(/^--prune skipped: 1 row/));
    expect(await store.item('CONTACT#2', 'CONTACT')).toBeDefined();
    expect(await store.item('CONTACT#9', 'CONTACT')).toBeDefined();
  });

  it('imports the good rows, reports the bad ones by line, and keeps the stored version of a rejected contact', async () => {
    // Prepare
    await importInto(store, FIXTURE);
    const mixed = await editedFixture('mixed.csv', {
      '4': '4,Smith-Jones,Mary-Jane,Globex,Engineer,not-an-email,2125550103,Brooklyn,NY,MJ',
      '5': '5,Müller,Zoë,Initech,Lead Analyst,zoe@initech.example,1-415-555-0104,San Francisco,CA,Zoe',
    });

    // Act
    const summary = await importInto(store, mixed);

    // Assess
    expect(summary.rejections).toEqual([
      { line: 6, id: '4', reason: 'email "not-an-email" is not an email address' },
    ]);
    expect(summary).toEqual(expect.objectContaining({ updated: 1, unchanged: 8 }));
    expect(await store.item('CONTACT#4', 'CONTACT')).toEqual(
      expect.objectContaining({ email: 'mj@globex.example' }),
    );
    expect(await store.item('CONTACT#5', 'CONTACT')).toEqual(
      expect.objectContaining({ title: 'Lead Analyst' }),
    );
  });

  it('reports what would change in a dry run and writes nothing', async () => {
    // Prepare
    await importInto(store, FIXTURE);
    const before = await store.items();
    const changed = await editedFixture('changed.csv', { '2': null, '5': '5,Lee,Ann,,,,,,,' });

    // Act
    const summary = await importInto(store, changed, { dryRun: true, prune: true });

    // Assess
    expect(summary).toEqual(expect.objectContaining({ dryRun: true, updated: 1, unchanged: 8, pruned: 1 }));
    expect(summary.writes.itemsPut).toBeGreaterThan(0);
    expect(await store.items()).toEqual(before);
  });

  it('retries unprocessed items and failed calls and finishes in one run', async () => {
    // Prepare
    const retries: string[] = [];
    const faults = injectBatchWriteFaults(store.client, (call, requests) => {
      if (call % 3 === 1 && requests.length > 2) return { unprocessed: Math.ceil(requests.length / 2) };
      if (call % 5 === 0) return { fail: serverError() };
      return undefined;
    });

    // Act
    const summary = await importInto(store, FIXTURE, {
      reporter: { retry: (notice) => retries.push(notice.reason) },
    });

    // Assess
    expect(faults.calls).toBeGreaterThan(summary.writes.retries);
    expect(retries).toEqual(expect.arrayContaining(['unprocessed items', 'InternalServerError']));
    expect(summary.writes.retries).toBe(retries.length);
    faults.remove();
    expect(await store.items()).toEqual(await cleanImportOf(FIXTURE));
  });

  it('stops with an error when the store keeps failing, and a second run converges', async () => {
    // Prepare: the store fails every call after the second, as if the network went away.
    const faults = injectBatchWriteFaults(store.client, (call) =>
      call > 2 ? { fail: serverError() } : undefined,
    );

    // Act
    const firstRun = importInto(store, FIXTURE, { writer: { ...FAST_RETRIES, maxAttempts: 3 } });

    // Assess
    await expect(firstRun).rejects.toThrow(StoreUnavailableError);
    await expect(firstRun).rejects.toThrow(/run the import again/);
    const interrupted = await store.items();
    expect(entriesWithoutContact(interrupted)).toEqual([]);
    expect(interrupted).not.toEqual(await cleanImportOf(FIXTURE));
    faults.remove();
    const secondRun = await importInto(store, FIXTURE);
    expect(secondRun).toEqual(expect.objectContaining({ added: 0, updated: 0, unchanged: 10 }));
    expect(secondRun.repaired).toBeGreaterThan(0);
    expect(await store.items()).toEqual(await cleanImportOf(FIXTURE));
  });

  it.each([
    ['the same changed file', 'changed'],
    ['the old file', 'old'],
  ])('converges after an update was interrupted, when %s is imported next', async (_, next) => {
    // Prepare: the changed contact items are written, then the store goes away mid-update.
    await importInto(store, FIXTURE);
    const changed = await editedFixture('changed.csv', {
      '1': '1,Doe,Jane,Globex,CEO,jane@globex.example,(512) 555-0100,Chicago,IL,Janie',
      '6': '6,García,José,Initech,Sales,jose@initech.example,,Denver,CO,Pepe',
    });
    const faults = injectBatchWriteFaults(store.client, (call) =>
      call > 2 ? { fail: serverError() } : undefined,
    );
    await expect(importInto(store, changed, { writer: { ...FAST_RETRIES, maxAttempts: 2 } })).rejects.toThrow(
      StoreUnavailableError,
    );
    faults.remove();
    const file = next === 'changed' ? changed : FIXTURE;

    // Act
    const summary = await importInto(store, file);

    // Assess
    expect(summary.updated + summary.repaired).toBe(2);
    expect(await store.items()).toEqual(await cleanImportOf(file));
  });

  it('writes contact items before entries, deletes pruned contacts after their entries, and groups last', async () => {
    // Prepare
    await importInto(store, FIXTURE);
    const changed = await editedFixture('changed.csv', { '2': null });
    const next = await folder.file('next.csv', `${await readFile(changed, 'utf8')}11,Ng,Al,Globex,,,,,,\n`);
    const faults = injectBatchWriteFaults(store.client);

    // Act
    await importInto(store, next, { prune: true, writer: { concurrency: 1 } });

    // Assess
    const order = faults.sent.flat().map((request) => {
      const [kind, body] = Object.entries(request)[0] ?? [];
      const key = (
        kind === 'PutRequest' ? (body as { Item: Item }).Item : (body as { Key: Item }).Key
      ) as Item;
      const what = key.sk === 'CONTACT' ? 'contact' : key.sk === '#GROUP' ? 'group' : 'entry';
      return `${kind === 'PutRequest' ? 'put' : 'delete'} ${what}`;
    });
    const phases = order.filter((step, index) => step !== order[index - 1]);
    expect(phases).toEqual([
      'put contact',
      'put entry',
      'delete entry',
      'delete contact',
      'put group',
      'delete group',
    ]);
  });

  it('creates the tables when asked, and otherwise says how to', async () => {
    // Prepare
    const empty = await startDirectoryStore({ createTables: false });
    try {
      // Act
      const withoutTables = importInto(empty, FIXTURE);
      await expect(withoutTables).rejects.toThrow(DirectoryImportError);
      await expect(withoutTables).rejects.toThrow(/does not exist: run with --create-tables/);
      const summary = await importInto(empty, FIXTURE, { createTables: true });

      // Assess
      expect(summary.added).toBe(10);
      expect(await empty.item('CONTACT#1', 'CONTACT')).toBeDefined();
    } finally {
      await empty.close();
    }
  });

  it('prints nothing without a reporter, so the local server can seed its store quietly', async () => {
    // Prepare
    const stdout = jest.spyOn(process.stdout, 'write');
    const stderr = jest.spyOn(process.stderr, 'write');
    const log = jest.spyOn(console, 'log');
    // The local server's store: --create-tables is local only, outside the admin policy.
    const local = await startDirectoryStore({ createTables: false });
    try {
      // Act
      await importInto(local, FIXTURE, { createTables: true });

      // Assess
      expect(stdout).not.toHaveBeenCalled();
      expect(stderr).not.toHaveBeenCalled();
      expect(log).not.toHaveBeenCalled();
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
      log.mockRestore();
      await local.close();
    }
  });
});

async function importedContacts() {
  const { validateDirectory } = await import('../../../../scripts/directory-import/validate-records');
  const { readDirectoryFile } = await import('../../../../scripts/directory-import/read-directory-file');
  return validateDirectory(await readDirectoryFile(FIXTURE)).contacts.map(({ contact }) => contact);
}
