import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PresenceRecord } from '../lambda/src/domain/presence';
import { buildEndOfDayJob } from '../lambda/src/end-of-day-job';
import { presenceItem } from '../lambda/src/repositories/directory-items';
import { createDocumentClient, LOCAL_STORE_CREDENTIALS } from '../lambda/src/repositories/dynamodb-client';
import type { EndOfDayReport } from '../lambda/src/services/end-of-day-service';
import { dynamoDbStores } from '../lambda/src/stores';
import { ensureFrontDeskTables } from '../local/create-tables';
import { startEmbeddedStore } from '../local/embedded-store';

/**
 * `npm run bench:end-of-day` (or `npx tsx scripts/measure-end-of-day.ts --people 5000`).
 *
 * Puts `people` people on the board (checked in during the day), then runs the `endOfDay` job as
 * the Lambda runs it (`buildEndOfDayJob(...).handle` with a Scheduler event), on the in-memory
 * embedded store, and prints how long it took, how many store calls of each kind it made and
 * whether the board is empty afterwards. It then runs the job a second time (the retry case).
 *
 * The embedded store runs in this process and is far slower per call than DynamoDB (it is one
 * Node thread doing the store's work too), so the figure is an upper bound for the work itself;
 * the job's concurrency, not the store, is what a Lambda waits on.
 */
export interface EndOfDayMeasurement {
  readonly people: number;
  readonly first: EndOfDayReport & { readonly seconds: number; readonly calls: Record<string, number> };
  readonly second: EndOfDayReport & { readonly seconds: number; readonly calls: Record<string, number> };
  readonly leftOnBoard: number;
}

const CLOSING = '2026-01-16T00:00:00Z';

function countCalls(client: DynamoDBDocumentClient): Record<string, number> {
  const calls: Record<string, number> = {};
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      calls[name] = (calls[name] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: 'countEndOfDayCalls' },
  );
  return calls;
}

function personIn(index: number): PresenceRecord {
  const id = `p${String(index).padStart(6, '0')}`;
  return {
    contactId: id,
    status: 'IN',
    // Check-ins spread over the day, 8:00 to 18:00 New York time.
    changedAt: new Date(Date.parse('2026-01-15T13:00:00Z') + (index % 36_000) * 1000).toISOString(),
    version: 1,
    changeId: `in-${id}`,
    requester: 'bench',
    fullName: `Person ${id}`,
    firstName: 'Person',
    company: `Company ${index % 50}`,
  };
}

export async function measureEndOfDay(people: number, concurrency?: number): Promise<EndOfDayMeasurement> {
  const store = await startEmbeddedStore();
  const raw = new DynamoDBClient({
    endpoint: store.endpoint,
    region: 'local',
    credentials: LOCAL_STORE_CREDENTIALS,
  });
  const tables = { directory: 'bench-directory', users: 'bench-users' };
  const client = createDocumentClient({ endpoint: store.endpoint });
  try {
    await ensureFrontDeskTables(raw, tables);
    for (let start = 0; start < people; start += 25) {
      const batch = Array.from({ length: Math.min(25, people - start) }, (_, offset) =>
        personIn(start + offset),
      );
      await client.send(
        new BatchWriteCommand({
          RequestItems: {
            [tables.directory]: batch.map((record) => ({ PutRequest: { Item: presenceItem(record) } })),
          },
        }),
      );
    }
    const calls = countCalls(client);
    const presence = dynamoDbStores(client, {
      directoryTable: tables.directory,
      usersTable: tables.users,
    }).presence;
    let published = 0;
    const job = buildEndOfDayJob({
      config: { officeTimeZone: 'America/New_York', officeClosingTime: { hour: 19, minute: 0 } },
      presence,
      events: {
        publish: async () => {
          published += 1;
        },
      },
      clock: () => new Date('2026-01-16T00:00:05Z'),
      ...(concurrency ? { concurrency } : {}),
    });
    const run = async () => {
      for (const key of Object.keys(calls)) delete calls[key];
      const started = process.hrtime.bigint();
      const report = await job.handle({ scheduledTime: CLOSING });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      return { ...report, seconds, calls: { ...calls } };
    };
    const first = await run();
    const second = await run();
    const left = await presence.listPresent(10);
    if (published !== first.checkedOut)
      throw new Error(`${published} events for ${first.checkedOut} check-outs`);
    return { people, first, second, leftOnBoard: left.records.length };
  } finally {
    client.destroy();
    raw.destroy();
    await store.close();
  }
}

function describe(label: string, run: EndOfDayMeasurement['first']): string {
  const calls = Object.entries(run.calls)
    .sort()
    .map(([name, count]) => `${name.replace(/Command$/, '')} ${count}`)
    .join(', ');
  return `${label}: ${run.seconds.toFixed(1)} s, ${run.checkedOut} checked out, ${run.leftAsIs} left as they were, ${run.failed} failed, ${run.pages} pages (${calls})`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { people: { type: 'string', default: '5000' }, concurrency: { type: 'string' } },
  });
  const people = Number(values.people);
  const concurrency = values.concurrency ? Number(values.concurrency) : undefined;
  const measured = await measureEndOfDay(people, concurrency);
  process.stdout.write(
    [
      `End of day, ${people} people in, embedded store, ${cpus().length} cores, load ${loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
      describe('first run', measured.first),
      describe('second run', measured.second),
      `left on the board: ${measured.leftOnBoard}`,
      '',
    ].join('\n'),
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
