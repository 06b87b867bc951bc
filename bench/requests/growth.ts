import type { RequestEnvelope } from 'ask-sdk-model';
import type { FrontDeskSkill as Skill } from '../../lambda/src/pipeline/guarded-skill';
import { createDocumentClient } from '../../lambda/src/repositories/dynamodb-client';
import { collectGarbage } from '../lib/collect-garbage';
import { type PartResult, type ResultRow, row, targets } from '../lib/results';
import { elapsedMs, percentile, type Spread, spreadOf } from '../lib/stats';
import { type SeedReport, seedDirectory } from '../store/seed-directory';
import { StoreCounter } from '../store/store-counter';
import { BENCH_TABLES, startStoreProcess } from '../store/store-process';
import { buildBenchSkill } from './bench-skill';
import {
  isApology,
  missingIntents,
  modelIntents,
  preparedRequest,
  runTurns,
  spokenText,
} from './conversation';
import { INTENT_FAMILIES, type IntentFamily } from './intent-families';

export interface GrowthOptions {
  /** Directory sizes, smallest first; the last is compared with the first. */
  readonly sizes: readonly [number, number];
  readonly warmup: number;
  readonly rounds: number;
  readonly perRound: number;
  readonly seedConcurrency: number;
  /** Progress lines (seeding takes a while). */
  readonly log?: (line: string) => void;
}

interface FamilyFigures {
  readonly p50: Spread;
  readonly p99: Spread;
  readonly itemsRead: Spread;
  readonly roundTrips: Spread;
  /** Requests answered with an apology (a store timeout, say) instead of the answer. */
  readonly apologies: number;
}

interface SizeFigures {
  readonly size: number;
  readonly seed: SeedReport;
  readonly families: ReadonlyMap<string, FamilyFigures>;
  readonly scans: number;
}

/** One directory, seeded in its own store, with the skill on it. */
interface Directory {
  readonly size: number;
  readonly seed: SeedReport;
  readonly skill: Skill;
  readonly counter: StoreCounter;
  close(): Promise<void>;
}

async function openDirectory(size: number, options: GrowthOptions): Promise<Directory> {
  const store = await startStoreProcess({ maxHeapMb: 8192 });
  let reported = 0;
  const seed = await seedDirectory(store.bulkClient, BENCH_TABLES.directory, size, {
    concurrency: options.seedConcurrency,
    onProgress: (contacts) => {
      if (contacts - reported >= 20000) {
        reported = contacts;
        options.log?.(`  seeded ${sizeName(contacts)} of ${sizeName(size)} people`);
      }
    },
  });
  options.log?.(
    `  ${sizeName(size)} people: ${sizeName(seed.items)} items seeded in ${seed.seconds.toFixed(1)} s`,
  );
  const client = createDocumentClient({ endpoint: store.endpoint });
  const counter = new StoreCounter().attach(client);
  return {
    size,
    seed,
    skill: buildBenchSkill(client),
    counter,
    close: async () => {
      client.destroy();
      await store.close();
    },
  };
}

/** A family's request on one directory: measured a round at a time. */
class FamilyRun {
  private readonly p50s: number[] = [];
  private readonly p99s: number[] = [];
  private readonly itemsRead: number[] = [];
  private readonly roundTrips: number[] = [];
  private apologies = 0;

  private constructor(
    private readonly directory: Directory,
    private readonly family: IntentFamily,
    private readonly envelope: RequestEnvelope,
  ) {}

  public static async prepare(
    directory: Directory,
    family: IntentFamily,
    warmup: number,
  ): Promise<FamilyRun> {
    const run = new FamilyRun(directory, family, await preparedRequest(directory.skill, family));
    for (let index = 0; index < warmup; index += 1) await run.once();
    return run;
  }

  private async once(): Promise<{ ms: number; itemsRead: number; roundTrips: number }> {
    const { skill, counter } = this.directory;
    await runTurns(skill, this.family.before ?? []);
    const request = structuredClone(this.envelope);
    counter.take();
    const start = process.hrtime.bigint();
    const response = await skill.invoke(request);
    const ms = elapsedMs(start);
    const access = counter.take();
    if (isApology(spokenText(response))) this.apologies += 1;
    return { ms, itemsRead: access.itemsRead, roundTrips: access.roundTrips };
  }

  public async round(requests: number): Promise<void> {
    collectGarbage();
    const times: number[] = [];
    for (let index = 0; index < requests; index += 1) {
      const sample = await this.once();
      times.push(sample.ms);
      this.itemsRead.push(sample.itemsRead);
      this.roundTrips.push(sample.roundTrips);
    }
    this.p50s.push(percentile(times, 0.5));
    this.p99s.push(percentile(times, 0.99));
  }

  public figures(): FamilyFigures {
    return {
      p50: spreadOf(this.p50s),
      p99: spreadOf(this.p99s),
      itemsRead: spreadOf(this.itemsRead),
      roundTrips: spreadOf(this.roundTrips),
      apologies: this.apologies,
    };
  }
}

/**
 * Measures every family on both directories with their rounds interleaved (small, large, small,
 * ...), so a busy moment of the machine falls on both sizes alike.
 */
async function measureBoth(
  directories: readonly [Directory, Directory],
  families: readonly IntentFamily[],
  options: GrowthOptions,
): Promise<[SizeFigures, SizeFigures]> {
  const figures = directories.map(() => new Map<string, FamilyFigures>());
  for (const family of families) {
    const runs: FamilyRun[] = [];
    for (const directory of directories)
      runs.push(await FamilyRun.prepare(directory, family, options.warmup));
    for (let round = 0; round < options.rounds; round += 1) {
      for (const run of runs) await run.round(options.perRound);
    }
    for (const [index, run] of runs.entries()) figures[index]?.set(family.name, run.figures());
  }
  const [small, large] = directories.map(
    (directory, index): SizeFigures => ({
      size: directory.size,
      seed: directory.seed,
      families: figures[index] ?? new Map(),
      scans: directory.counter.totals.Scan ?? 0,
    }),
  );
  return [small as SizeFigures, large as SizeFigures];
}

const sizeName = (size: number): string => size.toLocaleString('en-US');

/**
 * Part 4: the same requests against directories of two sizes in the embedded store, each seeded
 * in full (every contact's items, with parallel BatchWriteItem), timed end to end (skill, SDK,
 * loopback HTTP and dynalite) with the items read counted on the client.
 */
export async function measureGrowth(
  options: GrowthOptions,
  allFamilies: readonly IntentFamily[] = INTENT_FAMILIES,
): Promise<PartResult> {
  const intents = modelIntents();
  const families = allFamilies.filter((family) => missingIntents(family, intents).length === 0);
  const [smallSize, largeSize] = options.sizes;
  const opened: Directory[] = [];
  let small: SizeFigures;
  let large: SizeFigures;
  try {
    opened.push(await openDirectory(smallSize, options));
    opened.push(await openDirectory(largeSize, options));
    [small, large] = await measureBoth(opened as [Directory, Directory], families, options);
  } finally {
    for (const directory of opened) await directory.close();
  }

  const rows: ResultRow[] = [
    row({
      figure: `seeding ${sizeName(largeSize)} people (${large.seed.items.toLocaleString('en-US')} items)`,
      unit: 's',
      value: spreadOf([large.seed.seconds]),
      baseline: spreadOf([small.seed.seconds]),
      note: `${Math.round(large.seed.items / large.seed.seconds)} items/s`,
    }),
  ];
  for (const family of families) {
    const before = small.families.get(family.name);
    const after = large.families.get(family.name);
    if (!before || !after) continue;
    rows.push(
      row({
        figure: `${family.name}: p50`,
        unit: 'ms',
        value: after.p50,
        baseline: before.p50,
        target: targets.ratioAtMost(1.2),
      }),
      row({
        figure: `${family.name}: p99`,
        unit: 'ms',
        value: after.p99,
        baseline: before.p99,
      }),
      row({
        figure: `${family.name}: items read`,
        unit: 'count',
        value: after.itemsRead,
        baseline: before.itemsRead,
        target: targets.ratioAtMost(1.2),
      }),
    );
  }
  const apologies = (figures: SizeFigures): number =>
    [...figures.families.values()].reduce((sum, family) => sum + family.apologies, 0);
  rows.push(
    row({
      figure: 'requests answered with an apology',
      unit: 'count',
      value: spreadOf([apologies(large)]),
      baseline: spreadOf([apologies(small)]),
      note: "what the user hears when a store call fails or passes Front Desk's store timeouts",
    }),
    row({
      figure: 'Scans, every request of part 4',
      unit: 'count',
      value: spreadOf([small.scans + large.scans]),
      target: targets.exactly(0, ''),
    }),
  );
  return {
    part: '4',
    title: `Growth: ${sizeName(largeSize)} people against ${sizeName(smallSize)} (the baseline column)`,
    rows,
    notes: [
      `Each directory is seeded in full into a fresh in-memory dynalite in its own process: every person's contact, name and browse items, and the browse groups' counts, with ${options.seedConcurrency} BatchWriteItem calls in flight.`,
      `${options.rounds} rounds of ${options.perRound} requests per family and size after ${options.warmup} warm-up requests, the two sizes' rounds interleaved with both stores up, timed end to end: skill, AWS SDK, loopback HTTP and the store.`,
      'The requests are about the same probe people, companies and places in both directories; the generated people around them scale with the size (companies of about 50, every state and initial much larger).',
      "The 1.2× target applies to the median latency and to the items read. p99 is shown without one: end to end, it also holds the embedded store's own pauses (dynalite keeps every item in one Node heap, which is collected while it serves) and the machine's, none of which DynamoDB has.",
    ],
  };
}
