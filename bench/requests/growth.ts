import type { Skill } from 'ask-sdk-core';
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

async function measureFamily(
  skill: Skill,
  counter: StoreCounter,
  family: IntentFamily,
  options: GrowthOptions,
): Promise<FamilyFigures> {
  const envelope = await preparedRequest(skill, family);
  let apologies = 0;
  const once = async (): Promise<{ ms: number; itemsRead: number; roundTrips: number }> => {
    await runTurns(skill, family.before ?? []);
    const request = structuredClone(envelope);
    counter.take();
    const start = process.hrtime.bigint();
    const response = await skill.invoke(request);
    const ms = elapsedMs(start);
    const access = counter.take();
    if (isApology(spokenText(response))) apologies += 1;
    return { ms, itemsRead: access.itemsRead, roundTrips: access.roundTrips };
  };
  for (let index = 0; index < options.warmup; index += 1) await once();
  collectGarbage();
  const p50s: number[] = [];
  const p99s: number[] = [];
  const itemsRead: number[] = [];
  const roundTrips: number[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    const times: number[] = [];
    for (let index = 0; index < options.perRound; index += 1) {
      const sample = await once();
      times.push(sample.ms);
      itemsRead.push(sample.itemsRead);
      roundTrips.push(sample.roundTrips);
    }
    p50s.push(percentile(times, 0.5));
    p99s.push(percentile(times, 0.99));
  }
  return {
    p50: spreadOf(p50s),
    p99: spreadOf(p99s),
    itemsRead: spreadOf(itemsRead),
    roundTrips: spreadOf(roundTrips),
    apologies,
  };
}

async function measureSize(
  size: number,
  families: readonly IntentFamily[],
  options: GrowthOptions,
): Promise<SizeFigures> {
  const store = await startStoreProcess({ maxHeapMb: 8192 });
  try {
    let reported = 0;
    const seed = await seedDirectory(store.bulkClient, BENCH_TABLES.directory, size, {
      concurrency: options.seedConcurrency,
      onProgress: (contacts) => {
        if (contacts - reported >= 20000) {
          reported = contacts;
          options.log?.(
            `  seeded ${contacts.toLocaleString('en-US')} of ${size.toLocaleString('en-US')} people`,
          );
        }
      },
    });
    options.log?.(
      `  ${size.toLocaleString('en-US')} people: ${seed.items.toLocaleString('en-US')} items seeded in ${seed.seconds.toFixed(1)} s`,
    );
    const client = createDocumentClient({ endpoint: store.endpoint });
    const counter = new StoreCounter().attach(client);
    const skill = buildBenchSkill(client);
    const figures = new Map<string, FamilyFigures>();
    try {
      for (const family of families)
        figures.set(family.name, await measureFamily(skill, counter, family, options));
    } finally {
      client.destroy();
    }
    return { size, seed, families: figures, scans: counter.totals.Scan ?? 0 };
  } finally {
    await store.close();
  }
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
  const small = await measureSize(smallSize, families, options);
  const large = await measureSize(largeSize, families, options);

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
      note: 'an apology is what the user hears when a store call fails or times out (1 s, 2 attempts)',
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
      `${options.rounds} rounds of ${options.perRound} requests per family after ${options.warmup} warm-up requests, timed end to end: skill, AWS SDK, loopback HTTP and the store.`,
      'The requests are about the same probe people, companies and places in both directories; the generated people around them scale with the size (companies of about 50, every state and initial much larger).',
      "The 1.2× target applies to the median latency and to the items read. p99 is shown without one: end to end, it also holds the embedded store's own pauses (dynalite keeps every item in one Node heap, which is collected while it serves) and the machine's, none of which DynamoDB has.",
    ],
  };
}
