import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ExpressAdapter, SkillRequestSignatureVerifier } from 'ask-sdk-express-adapter';
import express from 'express';
import { createDocumentClient } from '../../lambda/src/repositories/dynamodb-client';
import { ALEXA_PATH, createAlexaServer } from '../../local/http-server';
import {
  type AlexaTestSigner,
  createAlexaTestSigner,
  TEST_CERTIFICATE_URL,
} from '../../test/support/alexa-signing';
import { intentRequest } from '../../test/support/requests';
import { createBaselineSkill } from '../baseline/baseline-skill';
import { WORK_DIR } from '../cold-start/cold-start';
import { type PartResult, row, targets } from '../lib/results';
import { type Spread, spreadOf } from '../lib/stats';
import { buildBenchSkill } from '../requests/bench-skill';
import { PROBES } from '../store/bench-directory';
import { BENCH_TABLES } from '../store/store-process';
import { CannedStore, StoreTape } from '../store/store-tape';

const LOAD_GENERATOR = path.join(__dirname, 'load-generator.cjs');

/** The request both endpoints answer: a lookup by resolved id, one GetItem on either skill. */
const LOOKUP = intentRequest(
  'ContactDetailsIntent',
  { name: { value: PROBES.uniqueName, ids: ['p01'] }, detail: { value: 'phone number', ids: ['phone'] } },
  { newSession: true },
);

/**
 * `ask-sdk-express-adapter`'s signature verifier with the test chain already in its cache: it
 * checks every request's signature as in production, and never fetches (its first fetch would
 * check the chain against the public roots, which a test certificate is not issued by).
 */
class TestChainSignatureVerifier extends SkillRequestSignatureVerifier {
  public constructor(certificateUrl: string, chainPem: string) {
    super();
    this.certCache.set(certificateUrl, chainPem);
  }
}

interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
}

export interface EndpointOptions {
  readonly storeEndpoint: string;
  readonly rounds: number;
  readonly durationMs: number;
  readonly maxRequests: number;
  readonly concurrency: number;
}

async function runLoad(url: string, signer: AlexaTestSigner, options: EndpointOptions): Promise<LoadResult> {
  // Signed afresh for every round, so the timestamp is well within the 150 s Alexa allows.
  const signed = signer.signEnvelope(LOOKUP);
  const planFile = path.join(WORK_DIR, 'load-plan.json');
  await writeFile(
    planFile,
    JSON.stringify({
      url,
      body: signed.body.toString('base64'),
      headers: signed.headers,
      concurrency: options.concurrency,
      durationMs: options.durationMs,
      maxRequests: options.maxRequests,
    }),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LOAD_GENERATOR, planFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => {
      const line = stdout.split('\n').find((text) => text.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) reject(new Error(`The load generator failed (exit ${code})`));
      else resolve(JSON.parse(line.slice('BENCH_RESULT '.length)) as LoadResult);
    });
  });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}${ALEXA_PATH}`);
    });
  });
}

/** Records the store's answers to the lookup once, to answer both endpoints in-process. */
async function recordLookup(storeEndpoint: string): Promise<CannedStore> {
  const client = createDocumentClient({ endpoint: storeEndpoint });
  const tape = new StoreTape().attachRecorder(client);
  try {
    await buildBenchSkill(client).invoke(structuredClone(LOOKUP));
    await createBaselineSkill(client, BENCH_TABLES.directory).invoke(structuredClone(LOOKUP));
    return new CannedStore(tape.take());
  } finally {
    client.destroy();
  }
}

/**
 * Part 5: requests per second and latency of `POST /alexa` with signature and timestamp
 * verification on, under a keep-alive load generator in another process, for Front Desk's local
 * server and for a minimal `ask-sdk-express-adapter` endpoint, rounds interleaved.
 */
export async function measureEndpoint(options: EndpointOptions): Promise<PartResult> {
  await mkdir(WORK_DIR, { recursive: true });
  const signer = await createAlexaTestSigner();
  const canned = await recordLookup(options.storeEndpoint);

  const frontDeskClient = createDocumentClient({ endpoint: 'http://127.0.0.1:9' });
  canned.attach(frontDeskClient);
  const frontDeskSkill = buildBenchSkill(frontDeskClient);
  const frontDesk = createAlexaServer({
    verifier: signer.createVerifier(),
    invokeSkill: (envelope) => frontDeskSkill.invoke(envelope),
    log: () => undefined,
  });

  const baselineClient = createDocumentClient({ endpoint: 'http://127.0.0.1:9' });
  canned.attach(baselineClient);
  const adapter = new ExpressAdapter(
    createBaselineSkill(baselineClient, BENCH_TABLES.directory),
    false,
    true,
    [new TestChainSignatureVerifier(TEST_CERTIFICATE_URL, signer.signing.pem + signer.intermediate.pem)],
  );
  const app = express();
  app.post(ALEXA_PATH, adapter.getRequestHandlers());
  const baselineServer = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => baselineServer.once('listening', () => resolve()));
  const baselineUrl = `http://127.0.0.1:${(baselineServer.address() as AddressInfo).port}${ALEXA_PATH}`;
  const frontDeskUrl = await listen(frontDesk.server);

  const results = { frontDesk: [] as LoadResult[], baseline: [] as LoadResult[] };
  try {
    // A short unmeasured run each: JIT, the verifiers' caches, connections.
    const warmup = { ...options, durationMs: Math.min(1000, options.durationMs), maxRequests: 2000 };
    await runLoad(frontDeskUrl, signer, warmup);
    await runLoad(baselineUrl, signer, warmup);
    for (let round = 0; round < options.rounds; round += 1) {
      results.frontDesk.push(await runLoad(frontDeskUrl, signer, options));
      results.baseline.push(await runLoad(baselineUrl, signer, options));
    }
  } finally {
    await frontDesk.close();
    await new Promise<void>((resolve) => baselineServer.close(() => resolve()));
    baselineServer.closeAllConnections();
    frontDeskClient.destroy();
    baselineClient.destroy();
  }

  const spread = (runs: readonly LoadResult[], pick: (run: LoadResult) => number): Spread =>
    spreadOf(runs.map(pick));
  const errors = [...results.frontDesk, ...results.baseline].reduce((sum, run) => sum + run.errors, 0);
  const requests = [...results.frontDesk, ...results.baseline].reduce((sum, run) => sum + run.requests, 0);
  return {
    part: '5',
    title:
      'Local endpoint: POST /alexa with verification on, against a minimal ask-sdk-express-adapter endpoint',
    rows: [
      row({
        figure: 'requests per second',
        unit: 'req/s',
        value: spread(results.frontDesk, (run) => run.rps),
        baseline: spread(results.baseline, (run) => run.rps),
      }),
      row({
        figure: 'latency p50',
        unit: 'ms',
        value: spread(results.frontDesk, (run) => run.p50),
        baseline: spread(results.baseline, (run) => run.p50),
      }),
      row({
        figure: 'latency p99',
        unit: 'ms',
        value: spread(results.frontDesk, (run) => run.p99),
        baseline: spread(results.baseline, (run) => run.p99),
      }),
      row({
        figure: 'failed requests (not HTTP 200)',
        unit: 'count',
        value: spreadOf([errors]),
        target: targets.exactly(0, ''),
      }),
    ],
    notes: [
      `${options.rounds} rounds per endpoint, interleaved, each ${options.durationMs / 1000} s or ${options.maxRequests} requests with ${options.concurrency} keep-alive connections, from a load generator in its own process; ${requests} requests in all.`,
      "Both verify the Signature-256 of every request against a generated test chain (SAN echo-api.amazon.com) and its timestamp: Front Desk with local/request-verifier.ts, the baseline with the adapter's own verifiers (its certificate cache preloaded with the test chain).",
      "Both answer the same signed lookup (one GetItem), with the store's recorded answer replayed in-process, so the figures are the endpoints' work, not the store's.",
    ],
  };
}
