import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ensureFrontDeskTables } from '../../local/create-tables';
import { startEmbeddedStore } from '../../local/embedded-store';
import type { DirectoryItem } from './directory-admin-repository';
import { generateDirectoryCsv } from './generate-directory';
import { importDirectoryFile } from './import-directory';
import { planImport } from './plan-import';
import { createConsoleReporter } from './progress';
import { readDirectoryFile } from './read-directory-file';
import { createStoreClient, documentClientOf } from './store-client';
import { validateDirectory } from './validate-records';

/**
 * `npm run import:bench` (or `npx tsx scripts/directory-import/measure-import.ts --rows 50000`).
 *
 * In one run, on the in-memory embedded store: writes the items of a generated directory with bare
 * BatchWriteItem calls (batches of 25, the same concurrency, no reading, diffing or retry
 * bookkeeping), then imports the same file with the importer, then imports it again. Each of the
 * two writers gets a fresh store of the same configuration: a store that has already held half a
 * million items is much slower (measured here: whichever writer went second took about twice as
 * long), which would measure the order rather than the writers.
 *
 * The store runs in this process, so CPU seconds count the store's work and the client's together;
 * on a busy machine they vary much less than wall-clock seconds.
 */
async function measure(rows: number, concurrency: number): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'front-desk-bench-'));
  try {
    const file = join(folder, `directory-${rows}.csv`);
    await writeFile(file, generateDirectoryCsv(rows));

    const raw = await withStore(async (client, table) => {
      const items = await itemsOf(file);
      // A warm-up on another table, so no measured run pays for compiling the SDK and the store.
      await ensureFrontDeskTables(client, { directory: 'warm-up', users: 'warm-up-users' });
      await writeRaw(client, 'warm-up', items.slice(0, 10000), concurrency);
      return { count: items.length, ...(await timed(() => writeRaw(client, table, items, concurrency))) };
    });

    const [first, again] = await withStore(async (client, table) => {
      await ensureFrontDeskTables(client, { directory: 'warm-up', users: 'warm-up-users' });
      await writeRaw(client, 'warm-up', (await itemsOf(file)).slice(0, 10000), concurrency);
      const reporter = createConsoleReporter(process.stderr);
      const firstRun = await timed(() =>
        importDirectoryFile({ file, client, directoryTable: table, writer: { concurrency }, reporter }),
      );
      reporter.finish();
      const againRun = await timed(() => importDirectoryFile({ file, client, directoryTable: table }));
      return [firstRun, againRun] as const;
    });

    const per = (count: number, seconds: number): string =>
      Math.round(count / seconds).toLocaleString('en-US');
    const row = (name: string, count: number, run: Timed): string =>
      `| ${name} | ${count.toLocaleString('en-US')} | ${run.wallSeconds.toFixed(1)} | ${per(rows, run.wallSeconds)} | ` +
      `${run.cpuSeconds.toFixed(1)} | ${per(rows, run.cpuSeconds)} |`;
    console.log(
      `${rows.toLocaleString('en-US')} rows, ${concurrency} batches in flight, ` +
        `load average ${loadavg()
          .map((load) => load.toFixed(1))
          .join(' ')}`,
    );
    console.log('| run | items written | wall s | contacts/s | CPU s | contacts per CPU s |');
    console.log('|---|---|---|---|---|---|');
    console.log(row('raw BatchWriteItem', raw.count, raw));
    console.log(
      row('importer, empty table', first.value.writes.itemsPut + first.value.writes.groupsPut, first),
    );
    console.log(
      row('importer, same file again', again.value.writes.itemsPut + again.value.writes.groupsPut, again),
    );
    console.log(
      `importer: ${first.value.added} added, ${first.value.updated} updated, ${first.value.unchanged} unchanged; ` +
        `again: ${again.value.added} added, ${again.value.updated} updated, ${again.value.unchanged} unchanged`,
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function withStore<T>(run: (client: DynamoDBClient, table: string) => Promise<T>): Promise<T> {
  const store = await startEmbeddedStore();
  const client = createStoreClient({ endpoint: store.endpoint });
  try {
    const tables = { directory: 'bench-directory', users: 'bench-users' };
    await ensureFrontDeskTables(client, tables);
    return await run(client, tables.directory);
  } finally {
    client.destroy();
    await store.close();
  }
}

/** The items the importer writes into an empty table: contacts, entries and groups. */
async function itemsOf(file: string): Promise<DirectoryItem[]> {
  const contacts = validateDirectory(await readDirectoryFile(file)).contacts.map(({ contact }) => contact);
  const empty = {
    contacts: new Map(),
    contactFingerprints: new Map(),
    entriesByContact: new Map(),
    presenceIds: new Set<string>(),
    groups: new Map(),
    otherItems: 0,
  };
  const { writes } = planImport(empty, contacts, { prune: false, mentionedIds: new Set() });
  return [...writes.contactPuts, ...writes.entryPuts, ...writes.groupPuts];
}

async function writeRaw(
  client: DynamoDBClient,
  table: string,
  items: readonly object[],
  concurrency: number,
): Promise<void> {
  const documents = documentClientOf(client);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      let requests: unknown[] = items.slice(next, next + 25).map((Item) => ({ PutRequest: { Item } }));
      next += 25;
      while (requests.length > 0) {
        const output = await documents.send(
          new BatchWriteCommand({ RequestItems: { [table]: requests as never } }),
        );
        requests = output.UnprocessedItems?.[table] ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

interface Timed {
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
}

async function timed<T>(run: () => Promise<T>): Promise<Timed & { value: T }> {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  const value = await run();
  const cpu = process.cpuUsage(cpuStart);
  return {
    value,
    wallSeconds: (performance.now() - wallStart) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

if (require.main === module) {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '50000' }, concurrency: { type: 'string', default: '4' } },
  });
  measure(Number(values.rows), Number(values.concurrency)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
