import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DirectoryAdminRepository } from '../../../../scripts/directory-import/directory-admin-repository';
import { generateDirectoryCsv } from '../../../../scripts/directory-import/generate-directory';
import { importDirectoryFile } from '../../../../scripts/directory-import/import-directory';
import {
  injectBatchWriteFaults,
  startDirectoryStore,
  temporaryFolder,
} from '../../../support/directory-store';

// 5,000 rows keep the suite quick on two cores; `npm run import:bench` runs 50,000 (about a minute).
const ROWS = 5000;

describe('importDirectoryFile on a large file', () => {
  it(`imports ${ROWS.toLocaleString('en-US')} generated rows, then finds nothing to change on a second run`, async () => {
    // Prepare
    const store = await startDirectoryStore();
    const folder = await temporaryFolder();
    try {
      const file = await folder.file('large.csv', generateDirectoryCsv(ROWS));
      const progress: number[] = [];

      // Act
      const first = await importDirectoryFile({
        file,
        client: store.client,
        reporter: { progress: (done) => progress.push(done) },
      });
      const faults = injectBatchWriteFaults(store.client);
      const second = await importDirectoryFile({ file, client: store.client });

      // Assess
      expect(first).toEqual(
        expect.objectContaining({ added: ROWS, updated: 0, unchanged: 0, rejections: [] }),
      );
      expect(progress.at(-1)).toBe(first.writes.itemsPut + first.writes.groupsPut);
      const admin = new DirectoryAdminRepository(
        DynamoDBDocumentClient.from(store.client),
        store.tables.directory,
      );
      expect(await admin.readContacts()).toHaveLength(ROWS);
      expect(second).toEqual(expect.objectContaining({ added: 0, updated: 0, unchanged: ROWS, repaired: 0 }));
      expect(faults.calls).toBe(0);
    } finally {
      await store.close();
      await folder.cleanup();
    }
  }, 120_000);
});
