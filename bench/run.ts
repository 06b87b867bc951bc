import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../scripts/lambda-build-options';
import { measureColdStart, WORK_DIR } from './cold-start/cold-start';
import { measureEndpoint } from './endpoint/endpoint';
import type { BenchResults, PartResult } from './lib/results';
import { elapsedMs } from './lib/stats';
import { markdownTable, textTable } from './lib/table';
import { measureGrowth } from './requests/growth';
import { measureWarmRequests } from './requests/warm-requests';
import { seedDirectory } from './store/seed-directory';
import { BENCH_TABLES, startStoreProcess } from './store/store-process';

/** How much of everything: `npm run bench` uses {@link FULL}; the smoke test much less. */
export interface BenchSettings {
  readonly parts: ReadonlySet<string>;
  readonly directorySize: number;
  readonly coldStartRuns: number;
  readonly coldStartAlternatives: boolean;
  /** Where the production bundle goes (default `dist/lambda/index.js`). */
  readonly productionOutfile?: string;
  readonly warm: { warmup: number; rounds: number; perRound: number; recordRepeats: number };
  readonly growth: {
    sizes: readonly [number, number];
    warmup: number;
    rounds: number;
    perRound: number;
    seedConcurrency: number;
  };
  readonly endpoint: { rounds: number; durationMs: number; maxRequests: number; concurrency: number };
  readonly log: (line: string) => void;
}

export const FULL: BenchSettings = {
  parts: new Set(['1', '2', '3', '4', '5']),
  directorySize: 1000,
  coldStartRuns: 11,
  coldStartAlternatives: true,
  warm: { warmup: 500, rounds: 5, perRound: 2000, recordRepeats: 5 },
  growth: { sizes: [1000, 100_000], warmup: 50, rounds: 5, perRound: 200, seedConcurrency: 4 },
  endpoint: { rounds: 3, durationMs: 3000, maxRequests: 100_000, concurrency: 16 },
  log: (line) => console.log(line),
};

async function part(
  results: PartResult[],
  settings: BenchSettings,
  name: string,
  title: string,
  measure: () => Promise<PartResult | PartResult[]>,
): Promise<void> {
  settings.log(`Measuring ${title}...`);
  const start = process.hrtime.bigint();
  try {
    const measured = await measure();
    results.push(...(Array.isArray(measured) ? measured : [measured]));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    results.push({ part: name, title, rows: [], notes: [], skipped: `failed: ${reason}` });
    process.exitCode = 1;
  }
  settings.log(`  (${(elapsedMs(start) / 1000).toFixed(1)} s)`);
}

/** Runs the parts asked for and returns their results, in part order. */
export async function runBench(settings: BenchSettings): Promise<BenchResults> {
  const startedAt = new Date();
  const start = process.hrtime.bigint();
  const results: PartResult[] = [];
  const wants = (name: string): boolean => settings.parts.has(name);

  if (wants('1') || wants('2') || wants('3') || wants('5')) {
    settings.log(`Seeding a directory of ${settings.directorySize} people in the embedded store...`);
    const store = await startStoreProcess();
    try {
      await seedDirectory(store.bulkClient, BENCH_TABLES.directory, settings.directorySize);
      if (wants('1')) {
        await part(results, settings, '1', 'cold start', () =>
          measureColdStart({
            runs: settings.coldStartRuns,
            storeEndpoint: store.endpoint,
            alternatives: settings.coldStartAlternatives,
            ...(settings.productionOutfile ? { productionOutfile: settings.productionOutfile } : {}),
          }),
        );
      }
      if (wants('2') || wants('3')) {
        await part(results, settings, '2', 'warm requests and store access', async () => {
          const { warm, storeAccess } = await measureWarmRequests(store.endpoint, settings.warm);
          return [warm, storeAccess].filter((measured) => wants(measured.part));
        });
      }
      if (wants('5')) {
        await part(results, settings, '5', 'the local endpoint', () =>
          measureEndpoint({ storeEndpoint: store.endpoint, ...settings.endpoint }),
        );
      }
    } finally {
      await store.close();
    }
  }
  if (wants('4')) {
    await part(results, settings, '4', 'growth', () =>
      measureGrowth({ ...settings.growth, log: settings.log }),
    );
  }

  results.sort((a, b) => a.part.localeCompare(b.part));
  return {
    startedAt: startedAt.toISOString(),
    durationSeconds: elapsedMs(start) / 1000,
    environment: {
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
    },
    parts: results,
  };
}

function settingsFromArguments(args: readonly string[]): BenchSettings {
  const parts = args.find((arg) => arg.startsWith('--parts='))?.slice('--parts='.length);
  const large = args.find((arg) => arg.startsWith('--large='))?.slice('--large='.length);
  return {
    ...FULL,
    ...(parts ? { parts: new Set(parts.split(',')) } : {}),
    ...(large ? { growth: { ...FULL.growth, sizes: [FULL.growth.sizes[0], Number(large)] as const } } : {}),
  };
}

async function main(): Promise<void> {
  const settings = settingsFromArguments(process.argv.slice(2));
  const results = await runBench(settings);
  const environment = `node ${results.environment.node}, ${results.environment.cpus} × ${results.environment.cpuModel}, load average ${results.environment.loadAverage.join(' ')}`;
  console.log(
    `\nFront Desk benchmark, ${results.startedAt} (${environment}), ${results.durationSeconds.toFixed(0)} s\n`,
  );
  for (const result of results.parts) console.log(`${textTable(result)}\n`);
  await writeFile(path.join(PROJECT_ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  await mkdir(WORK_DIR, { recursive: true });
  const markdown = [
    `Measured ${results.startedAt.slice(0, 10)} with ${environment}; \`npm run bench\` took ${results.durationSeconds.toFixed(0)} s.`,
    ...results.parts.map(markdownTable),
  ].join('\n\n');
  await writeFile(path.join(WORK_DIR, 'tables.md'), `${markdown}\n`);
  console.log('Wrote bench/results.json and bench/.work/tables.md');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
