import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportDirectoryFile } from '../../../../scripts/directory-import/export-directory';
import { importDirectoryFile } from '../../../../scripts/directory-import/import-directory';
import {
  injectBatchWriteFaults,
  startDirectoryStore,
  type TestDirectoryStore,
  temporaryFolder,
} from '../../../support/directory-store';

const FIXTURE = join(__dirname, '../../../fixtures/import/directory.csv');

type Folder = Awaited<ReturnType<typeof temporaryFolder>>;

let store: TestDirectoryStore;
let folder: Folder;

beforeEach(async () => {
  store = await startDirectoryStore();
  folder = await temporaryFolder();
  await importDirectoryFile({ file: FIXTURE, client: store.client });
});

afterEach(async () => {
  await store.close();
  await folder.cleanup();
});

describe('exportDirectoryFile', () => {
  it.each(['csv', 'json'])('writes a %s file whose import changes nothing', async (format) => {
    // Prepare
    const file = join(folder.path, `directory.${format}`);
    const before = await store.items();

    // Act
    const exported = await exportDirectoryFile({ file, client: store.client });
    const faults = injectBatchWriteFaults(store.client);
    const reimported = await importDirectoryFile({ file, client: store.client });

    // Assess
    expect(exported.contacts).toBe(10);
    expect(reimported).toEqual(
      expect.objectContaining({
        added: 0,
        updated: 0,
        unchanged: 10,
        repaired: 0,
        rejections: [],
        warnings: [],
      }),
    );
    expect(faults.calls).toBe(0);
    expect(await store.items()).toEqual(before);
  });

  it('writes the same CSV again from a store loaded from its own export', async () => {
    // Prepare
    const first = join(folder.path, 'first.csv');
    await exportDirectoryFile({ file: first, client: store.client });
    const other = await startDirectoryStore();
    const second = join(folder.path, 'second.csv');

    try {
      // Act
      await importDirectoryFile({ file: first, client: other.client });
      await exportDirectoryFile({ file: second, client: other.client });

      // Assess
      expect(await readFile(second, 'utf8')).toBe(await readFile(first, 'utf8'));
    } finally {
      await other.close();
    }
  });

  it('writes CSV for spreadsheets: a byte order mark, the contract header, quoting where needed, ids in order', async () => {
    // Prepare
    const file = join(folder.path, 'directory.csv');

    // Act
    await exportDirectoryFile({ file, client: store.client });

    // Assess
    const lines = (await readFile(file, 'utf8')).split('\r\n');
    expect(lines[0]).toBe('\uFEFFid,first_name,last_name,company,title,email,phone,city,state,aliases');
    expect(lines[2]).toBe(
      '2,John,Doe,"Barnes & Noble, Inc.",Buyer,john.doe@bn.example,+15125550101,Austin,TX,Johnny;Jack',
    );
    expect(lines.slice(1, -1).map((line) => line.split(',')[0])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
  });

  it('writes JSON with snake_case fields and aliases as a list', async () => {
    const file = join(folder.path, 'directory.json');

    await exportDirectoryFile({ file, client: store.client });

    const contacts = JSON.parse(await readFile(file, 'utf8')) as Array<Record<string, unknown>>;
    expect(contacts[6]).toEqual({
      id: '7',
      first_name: 'Robert',
      last_name: 'Nguyen',
      company: 'Globex',
      title: 'Counsel',
      email: 'bob@globex.example',
      phone: '+14155550106',
      city: 'San Francisco',
      state: 'CA',
      aliases: ['Bob', 'Rob'],
    });
  });
});
