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
import { type LatencyOptions, measureLatency } from './requests/latency';
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
  readonly latency: LatencyOptions;
  readonly log: (line: string) => void;
  /** Called with each part's result as soon as it is measured (`npm run bench` prints it then). */
  readonly onPart?: (result: PartResult) => void | Promise<void>;
}

/** The large directory of part 4 with `--large` and no size. */
export const LARGE_DIRECTORY = 100_000;

export const FULL: BenchSettings = {
  parts: new Set(['1', '2', '3', '4', '5', '6']),
  directorySize: 1000,
  coldStartRuns: 11,
  coldStartAlternatives: true,
  warm: { warmup: 300, rounds: 5, perRound: 1000, recordRepeats: 5 },
  // 100,000 people take 2 to 6.5 minutes to seed on a shared 2-core machine: opt in with --large.
  growth: { sizes: [1000, 10_000], warmup: 50, rounds: 5, perRound: 200, seedConcurrency: 4 },
  endpoint: { rounds: 3, durationMs: 3000, maxRequests: 100_000, concurrency: 16 },
  // 40 warm-up requests, so that the first family is measured as warm as the others: with 10, the
  // lookup, measured first, took 7.1 ms in one run and 6.2 to 6.7 ms in the runs around it.
  latency: { delayMs: 5, warmup: 40, perFamily: 100 },
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
    const parts = Array.isArray(measured) ? measured : [measured];
    results.push(...parts);
    settings.log(`  (${(elapsedMs(start) / 1000).toFixed(1)} s)`);
    for (const result of parts) await settings.onPart?.(result);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const failed = { part: name, title, rows: [], notes: [], skipped: `failed: ${reason}` };
    results.push(failed);
    process.exitCode = 1;
    settings.log(`  (${(elapsedMs(start) / 1000).toFixed(1)} s)`);
    await settings.onPart?.(failed);
  }
}

function environmentOf(): BenchResults['environment'] {
  return {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
  };
}

/** Runs the parts asked for and returns their results, in part order. */
export async function runBench(settings: BenchSettings): Promise<BenchResults> {
  const startedAt = new Date();
  const start = process.hrtime.bigint();
  const results: PartResult[] = [];
  const wants = (name: string): boolean => settings.parts.has(name);

  if (wants('1') || wants('2') || wants('3') || wants('5') || wants('6')) {
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
      if (wants('6')) {
        await part(results, settings, '6', 'latency with a delay on every store call', () =>
          measureLatency(store.endpoint, settings.latency),
        );
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
    environment: environmentOf(),
    parts: results,
  };
}

export const USAGE = `Usage: npm run bench -- [--parts=1,2,...] [--large[=N]] [--delay=MS]

Parts (all six by default; about 5 to 8 minutes on 2 shared cores):
  1  cold start: bundle size, load, load + first lookup, against the baseline
  2  warm request cost per intent family (store answered in-process)
  3  store round trips and items read per request
  4  growth: 1,000 people against 10,000 (--large: against 100,000)
  5  the local endpoint under load, against a minimal express endpoint
  6  latency with a fixed delay on every store call, and sequential round trips

Options:
  --parts=LIST   only these parts, e.g. --parts=1,6
  --large[=N]    part 4 against N people (100,000 without N); seeding 100,000 takes 2 to 6.5 minutes
  --delay=MS     part 6's delay on every store call (default 5)
  --help         this text

Each part prints its table as soon as it is measured, and bench/results.json and
bench/.work/tables.md are rewritten after each part, so a stopped run keeps what it measured.`;

function numberOption(value: string, name: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a number, not "${value}"`);
  return parsed;
}

export function settingsFromArguments(args: readonly string[]): BenchSettings | 'help' {
  if (args.includes('--help') || args.includes('-h')) return 'help';
  let settings: BenchSettings = FULL;
  for (const arg of args) {
    const [name = '', value] = arg.split('=', 2);
    if (name === '--parts' && value) {
      settings = { ...settings, parts: new Set(value.split(',').map((part) => part.trim())) };
    } else if (name === '--large') {
      const size = value === undefined ? LARGE_DIRECTORY : numberOption(value, '--large');
      settings = { ...settings, growth: { ...settings.growth, sizes: [settings.growth.sizes[0], size] } };
    } else if (name === '--delay' && value !== undefined) {
      settings = { ...settings, latency: { ...settings.latency, delayMs: numberOption(value, '--delay') } };
    } else {
      throw new Error(`Unknown option ${arg}\n\n${USAGE}`);
    }
  }
  return settings;
}

function environmentLine(results: Pick<BenchResults, 'environment'>): string {
  const { environment } = results;
  return `node ${environment.node}, ${environment.cpus} × ${environment.cpuModel}, load average ${environment.loadAverage.join(' ')}`;
}

/** Rewrites bench/results.json and bench/.work/tables.md with what is measured so far. */
async function writeResults(results: BenchResults): Promise<void> {
  await writeFile(path.join(PROJECT_ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  await mkdir(WORK_DIR, { recursive: true });
  const markdown = [
    `Measured ${results.startedAt.slice(0, 10)} with ${environmentLine(results)}; \`npm run bench\` took ${results.durationSeconds.toFixed(0)} s.`,
    ...results.parts.map(markdownTable),
  ].join('\n\n');
  await writeFile(path.join(WORK_DIR, 'tables.md'), `${markdown}\n`);
}

async function main(): Promise<void> {
  const parsed = settingsFromArguments(process.argv.slice(2));
  if (parsed === 'help') {
    console.log(USAGE);
    return;
  }
  const startedAt = new Date();
  const start = process.hrtime.bigint();
  const soFar: PartResult[] = [];
  const snapshot = (parts: readonly PartResult[]): BenchResults => ({
    startedAt: startedAt.toISOString(),
    durationSeconds: elapsedMs(start) / 1000,
    environment: environmentOf(),
    parts: [...parts].sort((a, b) => a.part.localeCompare(b.part)),
  });
  const settings: BenchSettings = {
    ...parsed,
    onPart: async (result) => {
      console.log(`\n${textTable(result)}\n`);
      soFar.push(result);
      await writeResults(snapshot(soFar));
    },
  };
  const results = await runBench(settings);
  console.log(
    `\nFront Desk benchmark, ${results.startedAt} (${environmentLine(results)}), ${results.durationSeconds.toFixed(0)} s: every table is above.`,
  );
  await writeResults(results);
  console.log('Wrote bench/results.json and bench/.work/tables.md');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
