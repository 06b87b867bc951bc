import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildOptions } from 'esbuild';
import { bundleLambda } from '../../scripts/bundle';
import { LAMBDA_OUTFILE, lambdaBuildOptions, PROJECT_ROOT } from '../../scripts/lambda-build-options';
import { intentRequest } from '../../test/support/requests';
import { type PartResult, type ResultRow, row, targets } from '../lib/results';
import { type Spread, spreadOf } from '../lib/stats';
import { PROBES } from '../store/bench-directory';
import { BENCH_TABLES } from '../store/store-process';

export const WORK_DIR = path.join(PROJECT_ROOT, 'bench/.work');
const BUNDLE_DIR = path.join(WORK_DIR, 'bundles');
const LOADER = path.join(__dirname, 'load-bundle.cjs');
const BASELINE_ENTRY = path.join(PROJECT_ROOT, 'bench/baseline/index.ts');

/** A way of bundling Front Desk or the baseline, to compare. */
interface BundleVariant {
  readonly id: string;
  readonly label: string;
  readonly entry?: string;
  /** Changes to the production options; none for the production bundle. */
  readonly overrides?: BuildOptions;
}

/** esbuild's own module resolution for `--platform=node`: what a skill gets without choosing. */
const ESBUILD_DEFAULTS: BuildOptions = { mainFields: ['main', 'module'], alias: {} };

const FRONT_DESK: BundleVariant = { id: 'front-desk', label: 'Front Desk (production bundle)' };
const BASELINE: BundleVariant = {
  id: 'baseline',
  label: 'the minimal ASK SDK + v3 DocumentClient skill, esbuild defaults',
  entry: BASELINE_ENTRY,
  overrides: ESBUILD_DEFAULTS,
};

/** The production aliases but one. */
function withoutAlias(module: keyof typeof lambdaBuildOptions.alias): Record<string, string> {
  return Object.fromEntries(Object.entries(lambdaBuildOptions.alias).filter(([from]) => from !== module));
}

/** The alternatives the production options were chosen from, measured in the same run. */
const ALTERNATIVES: readonly BundleVariant[] = [
  {
    id: 'front-desk-sdk-credentials',
    label: "with the SDK's default credential chain",
    overrides: { alias: withoutAlias('@aws-sdk/credential-provider-node') },
  },
  {
    id: 'front-desk-whole-ask-sdk-model',
    label: 'with the whole ask-sdk-model (every service client)',
    overrides: { alias: withoutAlias('ask-sdk-model') },
  },
  {
    id: 'front-desk-main-first',
    label: 'with CommonJS builds first (main,module)',
    overrides: { mainFields: ['main', 'module'] },
  },
  {
    id: 'front-desk-runtime-sdk',
    label: 'with @aws-sdk/* external, from node_modules',
    overrides: { external: ['@aws-sdk/*'] },
  },
  {
    id: 'baseline-front-desk-options',
    label: "baseline bundled with Front Desk's options",
    entry: BASELINE_ENTRY,
  },
];

interface BuiltBundle {
  readonly variant: BundleVariant;
  readonly file: string;
  readonly bytes: number;
}

async function build(variant: BundleVariant, outfile?: string): Promise<BuiltBundle> {
  const file = outfile ?? path.join(BUNDLE_DIR, `${variant.id}.js`);
  const { bytes } = await bundleLambda({
    outfile: file,
    ...(variant.entry ? { entry: variant.entry } : {}),
    ...(variant.overrides ? { overrides: variant.overrides } : {}),
  });
  return { variant, file, bytes };
}

interface Sample {
  readonly loadMs: number;
  readonly loadCpuMs: number;
  readonly firstRequestMs: number;
  readonly firstRequestCpuMs: number;
  readonly speech: string;
}

/** The environment of a Lambda function, with the store on loopback and fake credentials. */
function lambdaLikeEnvironment(storeEndpoint: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_NO_WARNINGS: '1',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_SESSION_TOKEN: 'bench',
    AWS_LAMBDA_FUNCTION_NAME: 'front-desk-bench',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    // Both skills find the store the way the SDK reads it from the environment.
    AWS_ENDPOINT_URL_DYNAMODB: storeEndpoint,
    DIRECTORY_TABLE: BENCH_TABLES.directory,
    USERS_TABLE: BENCH_TABLES.users,
    LOG_LEVEL: 'INFO',
    // Required by the contract; the benchmarked requests publish nothing.
    EVENT_BUS_NAME: 'front-desk-bench',
  };
}

function runFreshProcess(bundle: string, envelopeFile: string, env: NodeJS.ProcessEnv): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LOADER, bundle, envelopeFile], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => {
      const line = stdout.split('\n').find((text) => text.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) {
        reject(new Error(`Loading ${path.basename(bundle)} failed (exit ${code}): ${stderr.slice(0, 2000)}`));
        return;
      }
      resolve(JSON.parse(line.slice('BENCH_RESULT '.length)) as Sample);
    });
  });
}

export interface ColdStartOptions {
  /** Fresh processes per bundle. */
  readonly runs: number;
  /** The store the first request reads, seeded with the bench directory. */
  readonly storeEndpoint: string;
  /** Also measure the alternatives the production options were chosen from. */
  readonly alternatives?: boolean;
  /** Where the production bundle goes; `dist/lambda/index.js`, as `npm run bundle`, by default. */
  readonly productionOutfile?: string;
}

/** Kilobytes of 1,000 bytes, as the issue counts them. */
const KB = (bytes: number): Spread => spreadOf([bytes / 1000]);

/**
 * Part 1: bundle size, and the time to load each bundle in a fresh `node` process (median of
 * `runs`), against the baseline, with the runs of all bundles interleaved so that a busy moment
 * of the machine falls on all of them alike.
 */
export async function measureColdStart(options: ColdStartOptions): Promise<PartResult> {
  await mkdir(BUNDLE_DIR, { recursive: true });
  const frontDesk = await build(FRONT_DESK, options.productionOutfile ?? LAMBDA_OUTFILE);
  const baseline = await build(BASELINE);
  const alternatives =
    options.alternatives === false ? [] : await Promise.all(ALTERNATIVES.map((v) => build(v)));
  const bundles = [frontDesk, baseline, ...alternatives];

  const envelopeFile = path.join(WORK_DIR, 'first-request.json');
  const lookup = intentRequest(
    'ContactDetailsIntent',
    { name: { value: PROBES.uniqueName, ids: ['p01'] }, detail: { value: 'phone number', ids: ['phone'] } },
    { newSession: true },
  );
  await writeFile(envelopeFile, JSON.stringify(lookup));

  const env = lambdaLikeEnvironment(options.storeEndpoint);
  const samples = new Map<string, Sample[]>(bundles.map((bundle) => [bundle.variant.id, []]));
  for (let run = 0; run < options.runs; run += 1) {
    for (const bundle of bundles) {
      samples.get(bundle.variant.id)?.push(await runFreshProcess(bundle.file, envelopeFile, env));
    }
  }

  const load = (bundle: BuiltBundle): Spread =>
    spreadOf((samples.get(bundle.variant.id) ?? []).map((sample) => sample.loadMs));
  const loadAndFirst = (bundle: BuiltBundle): Spread =>
    spreadOf((samples.get(bundle.variant.id) ?? []).map((sample) => sample.loadMs + sample.firstRequestMs));
  const cpu = (bundle: BuiltBundle, pick: (sample: Sample) => number): Spread =>
    spreadOf((samples.get(bundle.variant.id) ?? []).map(pick));
  const answered = (bundle: BuiltBundle): boolean =>
    (samples.get(bundle.variant.id) ?? []).every((sample) => sample.speech.includes('Marisol'));

  const rows: ResultRow[] = [
    row({
      figure: 'bundle size',
      unit: 'kB',
      value: KB(frontDesk.bytes),
      baseline: KB(baseline.bytes),
      target: targets.below(500, 'kB'),
    }),
    row({
      figure: 'load (require) in a fresh process',
      unit: 'ms',
      value: load(frontDesk),
      baseline: load(baseline),
      target: targets.ratioAtMost(0.7),
    }),
    row({
      figure: 'time to first answer: load + first lookup (one store round trip)',
      unit: 'ms',
      value: loadAndFirst(frontDesk),
      baseline: loadAndFirst(baseline),
      target: targets.ratioAtMost(0.6),
    }),
    row({
      figure: 'load, CPU time of the process',
      unit: 'ms',
      value: cpu(frontDesk, (sample) => sample.loadCpuMs),
      baseline: cpu(baseline, (sample) => sample.loadCpuMs),
    }),
    row({
      figure: 'first lookup, CPU time of the process',
      unit: 'ms',
      value: cpu(frontDesk, (sample) => sample.firstRequestCpuMs),
      baseline: cpu(baseline, (sample) => sample.firstRequestCpuMs),
    }),
    row({
      figure: 'time to first answer, CPU time of the process',
      unit: 'ms',
      value: cpu(frontDesk, (sample) => sample.loadCpuMs + sample.firstRequestCpuMs),
      baseline: cpu(baseline, (sample) => sample.loadCpuMs + sample.firstRequestCpuMs),
    }),
  ];
  for (const alternative of alternatives) {
    rows.push(
      row({
        figure: `alt. ${alternative.variant.label}: size`,
        unit: 'kB',
        value: KB(alternative.bytes),
        baseline: KB(baseline.bytes),
      }),
      row({
        figure: `alt. ${alternative.variant.label}: load`,
        unit: 'ms',
        value: load(alternative),
        baseline: load(baseline),
      }),
      row({
        figure: `alt. ${alternative.variant.label}: time to first answer`,
        unit: 'ms',
        value: loadAndFirst(alternative),
        baseline: loadAndFirst(baseline),
      }),
    );
  }
  const unanswered = bundles.filter((bundle) => !answered(bundle)).map((bundle) => bundle.variant.id);
  return {
    part: '1',
    title: 'Cold start',
    rows,
    notes: [
      `${options.runs} fresh \`node ${process.version}\` processes per bundle, interleaved; load = process.hrtime around require() (module init included: both skills build their client and skill at load).`,
      `Baseline: ${BASELINE.label} (--bundle --minify --platform=node --target=node22), the issue's reference. alt. rows: the options the production bundle was chosen over; "baseline bundled with Front Desk's options" is the floor of this design: the same minimal skill (one handler, one GetCommand) with everything the production bundle does to load less.`,
      'First lookup: the same request to every bundle, answered by the embedded store on loopback; credentials from the environment as in Lambda. CPU time: process.cpuUsage() of the child over the same spans, which a busy machine disturbs less than wall time (the store is another process, so its time is not in it).',
      unanswered.length === 0
        ? 'Every bundle answered the first lookup with the contact.'
        : `These bundles did not answer the first lookup with the contact: ${unanswered.join(', ')}.`,
    ],
  };
}
