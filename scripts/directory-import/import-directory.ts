import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CountryCode } from 'libphonenumber-js';
import { DEFAULT_TABLE_NAMES } from '../../lambda/src/repositories/table-definitions';
import { ensureFrontDeskTables } from '../../local/create-tables';
import {
  type BatchWriterOptions,
  DirectoryAdminRepository,
  DirectoryTableNotFoundError,
  type StoredDirectory,
} from './directory-admin-repository';
import { DirectoryImportError, ImportAbortedError } from './errors';
import { planImport } from './plan-import';
import type { ImportReporter } from './progress';
import { readDirectoryFile } from './read-directory-file';
import { createStoreClient, documentClientOf, type StoreConnection } from './store-client';
import type { ImportSummary } from './summary';
import { validateDirectory } from './validate-records';

export interface ImportDirectoryOptions extends StoreConnection {
  /** A `.csv` or `.json` directory file. */
  readonly file: string;
  /** The store to write; when omitted, one is made from `endpoint` and `region` (and closed after). */
  readonly client?: DynamoDBClient;
  readonly directoryTable?: string;
  readonly usersTable?: string;
  /** Create both tables first when they are missing. */
  readonly createTables?: boolean;
  /** Read, validate and compare, but write nothing. */
  readonly dryRun?: boolean;
  /** Delete the contacts (with their entries and presence) whose ids the file does not mention. */
  readonly prune?: boolean;
  /**
   * Asked before pruning when there is anything to prune; declining aborts the import before any
   * write. When omitted, a requested prune goes ahead.
   */
  readonly confirmPrune?: (count: number) => Promise<boolean>;
  readonly defaultPhoneRegion?: CountryCode;
  readonly writer?: BatchWriterOptions;
  /** Silent when omitted. */
  readonly reporter?: ImportReporter;
  readonly now?: () => number;
}

/**
 * Imports a directory file into the directory table and returns what it did; it never exits the
 * process or prints unless given a reporter. The local server seeds its store with it, and
 * `npm run import` wraps it.
 *
 * Rejected rows are reported and skipped; the good rows are imported. A file that cannot be read at
 * all (see `parseDirectoryFile`) throws before anything is written. `prune` is skipped when any
 * row was rejected: a broken row may be a contact the admin means to keep.
 */
export async function importDirectoryFile(options: ImportDirectoryOptions): Promise<ImportSummary> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const reporter = options.reporter ?? {};
  const dryRun = options.dryRun ?? false;
  const directoryTable = options.directoryTable ?? DEFAULT_TABLE_NAMES.directory;
  const ownClient = options.client === undefined;
  const client = options.client ?? createStoreClient(options);
  try {
    reporter.stage?.(`Reading ${options.file}`);
    const contents = await readDirectoryFile(options.file);
    const validated = validateDirectory(contents, {
      ...(options.defaultPhoneRegion ? { defaultPhoneRegion: options.defaultPhoneRegion } : {}),
    });
    const warnings = [...contents.warnings];
    for (const warning of contents.warnings) reporter.warning?.(warning);

    if (options.createTables && !dryRun) {
      reporter.stage?.(
        `Creating the tables ${directoryTable} and ${options.usersTable ?? DEFAULT_TABLE_NAMES.users} if missing`,
      );
      await ensureFrontDeskTables(client, {
        directory: directoryTable,
        users: options.usersTable ?? DEFAULT_TABLE_NAMES.users,
      });
    }

    const repository = new DirectoryAdminRepository(documentClientOf(client), directoryTable, options.writer);
    reporter.stage?.(`Reading the directory table ${directoryTable}`);
    const stored = await readStored(repository, dryRun, (warning) => {
      warnings.push(warning);
      reporter.warning?.(warning);
    });

    const pruneSkipped = (options.prune ?? false) && validated.rejections.length > 0;
    if (pruneSkipped) {
      const warning = `--prune skipped: ${validated.rejections.length} row(s) were rejected; fix them and import again to prune`;
      warnings.push(warning);
      reporter.warning?.(warning);
    }
    const plan = planImport(
      stored,
      validated.contacts.map(({ contact }) => contact),
      { prune: (options.prune ?? false) && !pruneSkipped, mentionedIds: validated.mentionedIds },
    );
    if (plan.orphanEntries > 0 && !options.prune) {
      const warning = `${plan.orphanEntries} entries belong to no contact; --prune removes them`;
      warnings.push(warning);
      reporter.warning?.(warning);
    }

    if (plan.pruned.length > 0 && !dryRun && options.confirmPrune) {
      if (!(await options.confirmPrune(plan.pruned.length))) {
        throw new ImportAbortedError('Prune not confirmed: nothing was written');
      }
    }

    const { writes } = plan;
    let calls = 0;
    let retries = 0;
    if (!dryRun) {
      const total =
        writes.contactPuts.length +
        writes.entryPuts.length +
        writes.entryDeletes.length +
        writes.contactDeletes.length +
        writes.groupPuts.length +
        writes.groupDeletes.length;
      reporter.stage?.(total === 0 ? 'Nothing to write' : `Writing ${total.toLocaleString('en-US')} changes`);
      const stats = await repository.applyWritePlan(writes, {
        onProgress: (done, all) => reporter.progress?.(done, all),
        onRetry: (notice) => reporter.retry?.(notice),
      });
      calls = stats.calls;
      retries = stats.retries;
    }

    return {
      file: options.file,
      format: contents.format,
      dryRun,
      contacts: validated.contacts.length,
      added: plan.added.length,
      updated: plan.updated.length,
      unchanged: plan.unchanged.length,
      repaired: plan.repaired.length,
      pruned: plan.pruned.length,
      pruneSkipped,
      rejections: validated.rejections,
      warnings,
      writes: {
        itemsPut: writes.contactPuts.length + writes.entryPuts.length,
        itemsDeleted: writes.entryDeletes.length + writes.contactDeletes.length,
        groupsPut: writes.groupPuts.length,
        groupsDeleted: writes.groupDeletes.length,
        calls,
        retries,
      },
      elapsedMs: now() - startedAt,
    };
  } finally {
    if (ownClient) client.destroy();
  }
}

async function readStored(
  repository: DirectoryAdminRepository,
  dryRun: boolean,
  warn: (warning: string) => void,
): Promise<StoredDirectory> {
  try {
    return await repository.readDirectory();
  } catch (error) {
    if (!(error instanceof DirectoryTableNotFoundError)) throw error;
    if (!dryRun) {
      throw new DirectoryImportError(`${error.message}: run with --create-tables to create it`, {
        cause: error,
      });
    }
    warn(`${error.message} (yet): comparing against an empty directory`);
    return emptyStoredDirectory();
  }
}

function emptyStoredDirectory(): StoredDirectory {
  return {
    contacts: new Map(),
    contactFingerprints: new Map(),
    entriesByContact: new Map(),
    presenceIds: new Set(),
    groups: new Map(),
    otherItems: 0,
  };
}
