import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DirectoryAdminRepository } from '../../../../scripts/directory-import/directory-admin-repository';
import { generateDirectoryCsv } from '../../../../scripts/directory-import/generate-directory';
import { importDirectoryFile } from '../../../../scripts/directory-import/import-directory';
import {
  injectBatchWriteFaults,
  startDirectoryStore,
  temporaryFolder,
} from '../../../support/directory-store';

/**
 * A few hundred rows already span many BatchWriteItem calls, progress reports and browse groups,
 * which is what this checks; `npm run test:slow` runs it with 5,000 (`IMPORT_ROWS`), and
 * `npm run import:bench` times 50,000.
 */
const ROWS = Number(process.env.IMPORT_ROWS) || 300;
/** For a hang only: about 10 ms a row on a loaded two-core machine, four times over. */
const TIMEOUT_MS = 30_000 + ROWS * 40;

describe('importDirectoryFile on a large file', () => {
  it(
    `imports ${ROWS.toLocaleString('en-US')} generated rows, then finds nothing to change on a second run`,
    async () => {
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
        expect(second).toEqual(
          expect.objectContaining({ added: 0, updated: 0, unchanged: ROWS, repaired: 0 }),
        );
        expect(faults.calls).toBe(0);
      } finally {
        await store.close();
        await folder.cleanup();
      }
    },
    TIMEOUT_MS,
  );
});
