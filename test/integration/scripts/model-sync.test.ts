import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDocumentClient } from '../../../lambda/src/repositories/dynamodb-client';
import { DEFAULT_MODEL, runModelSync } from '../../../scripts/model-sync';
import { readDirectoryStore } from '../../../scripts/model-sync/read-directory';
import { guardWithDeployedPolicy } from '../../support/deployed-policy';
import { sampleContacts } from '../../support/sample-contacts';
import { putContacts, startTestStore, type TestStore } from '../../support/store';

describe('npm run model:sync from a directory table', () => {
  let testStore: TestStore;
  let folder: string;

  beforeAll(async () => {
    testStore = await startTestStore();
    folder = await mkdtemp(path.join(tmpdir(), 'model-sync-store-'));
  });

  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
    await testStore?.close();
  });

  it('finds the committed model up to date with the sample directory imported, and follows a change', async () => {
    const model = path.join(folder, 'en-US.json');
    await writeFile(model, await readFile(DEFAULT_MODEL, 'utf8'));
    const contacts = sampleContacts();
    await putContacts(testStore.setup, testStore.tables.directory, contacts);
    const connection = {
      endpoint: testStore.store.endpoint,
      directoryTable: testStore.tables.directory,
      model,
    };

    const unchanged = await runModelSync({ ...connection, check: true });
    await putContacts(testStore.setup, testStore.tables.directory, [
      {
        id: 'c999',
        firstName: 'Grace',
        lastName: 'Hopper',
        company: 'Navy Corp.',
        aliases: ['Amazing Grace'],
      },
    ]);
    const changed = await runModelSync(connection);

    expect(unchanged).toMatchObject({ contacts: 43, companies: 13, changed: false });
    expect(changed).toMatchObject({ contacts: 44, companies: 14, changed: true });
    const written = await readFile(model, 'utf8');
    expect(written).toContain('"value": "Grace Hopper"');
    expect(written).toContain('"id": "navy"');
  });

  it("reads the directory table with no more than the stack's admin policy allows", async () => {
    // Prepare: the client runModelSync makes for an endpoint, under the policy the admins get.
    await putContacts(testStore.setup, testStore.tables.directory, sampleContacts());
    const client = createDocumentClient({ endpoint: testStore.store.endpoint });
    const policy = guardWithDeployedPolicy(client, { policy: 'admin', tables: testStore.tables });

    try {
      // Act
      const names = await readDirectoryStore(client, testStore.tables.directory);

      // Assess
      expect(names.length).toBeGreaterThanOrEqual(43);
      expect(policy.refusals).toEqual([]);
    } finally {
      client.destroy();
    }
  });
});
