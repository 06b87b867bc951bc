import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import type { ResponseEnvelope } from 'ask-sdk-model';
import fc from 'fast-check';
import { type AlexaServer, createAlexaServer } from '../../../local/http-server';
import { responseViolations } from '../../support/alexa-response-rules';
import { type AlexaTestSigner, createAlexaTestSigner, signatureHeaders } from '../../support/alexa-signing';
import { describeCase, envelopeOf, fuzzCase } from '../../support/envelope-fuzz';
import { readFixture } from '../../support/fixtures';
import { collectSnapshots, fuzzRuns, fuzzSeed, fuzzTimeoutMs } from '../../support/fuzz-run';
import { TEST_SKILL_ID } from '../../support/requests';
import { sampleContacts } from '../../support/sample-contacts';
import { buildTestSkill } from '../../support/test-skill';

const MAX_BODY_BYTES = 64 * 1024;
/** Longer than any answer takes; a request still unanswered then counts as a hang. */
const HANG_MS = 5000;
const RUNS = Math.max(1, Math.round(fuzzRuns(5000) / 12));

interface Answer {
  readonly status: number;
  readonly text: string;
}

function send(
  port: number,
  options: { method: string; path: string; headers: OutgoingHttpHeaders; body?: Buffer },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the endpoint did not answer')), HANG_MS);
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, method: options.method, path: options.path, headers: options.headers },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          clearTimeout(timer);
          resolve({ status: incoming.statusCode ?? 0, text: Buffer.concat(chunks).toString() });
        });
      },
    );
    // The server may close the connection on an oversized body before it is all sent.
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve({ status: 413, text: '' });
      else reject(error);
    });
    outgoing.end(options.body);
  });
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'] as const;
const PATHS = [
  '/alexa',
  '/alexa',
  '/alexa',
  '/',
  '/alexa/',
  '/ALEXA',
  '//alexa',
  '/alexa?x=1',
  '/../alexa',
  '/x%00',
];

/** Mostly what Alexa sends to, POST /alexa; the rest anything. */
const target = fc.oneof(
  { weight: 3, arbitrary: fc.constant(['POST', '/alexa'] as const) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...METHODS), fc.constantFrom(...PATHS)) },
);

const body = fc.oneof(
  fc.constant(Buffer.alloc(0)),
  fc.string({ unit: 'binary', maxLength: 300 }).map((text) => Buffer.from(text)),
  fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value))),
  fc
    .constantFrom('{', '{"request":', 'null', '[]', '{"request":{"type":"LaunchRequest"}}')
    .map((text) => Buffer.from(text)),
  fc.integer({ min: MAX_BODY_BYTES - 10, max: MAX_BODY_BYTES * 2 }).map((size) => Buffer.alloc(size, 0x7b)),
);

const headers = fc.record(
  {
    'Content-Type': fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8', ''),
    'Signature-256': fc.oneof(fc.base64String({ maxLength: 400 }), fc.string(), fc.constant('')),
    Signature: fc.base64String({ maxLength: 100 }),
    SignatureCertChainUrl: fc.constantFrom(
      'https://s3.amazonaws.com/echo.api/echo-api-cert.pem',
      'https://s3.amazonaws.com/echo.api/../evil.pem',
      'http://s3.amazonaws.com/echo.api/cert.pem',
      'https://example.com/echo.api/cert.pem',
      'not a url',
      '',
    ),
  },
  { requiredKeys: [] },
);

describe('the local endpoint under fuzzed HTTP requests', () => {
  let signer: AlexaTestSigner;
  let alexa: AlexaServer;
  let port: number;
  let snapshots: Record<string, unknown>[];

  beforeAll(async () => {
    signer = await createAlexaTestSigner();
    const { skill } = buildTestSkill(sampleContacts(), { clock: () => new Date('2025-01-15T14:05:00Z') });
    snapshots = await collectSnapshots(skill);
    alexa = createAlexaServer({
      verifier: signer.createVerifier({ skillId: TEST_SKILL_ID }),
      invokeSkill: (envelope) => skill.invoke(envelope),
      maxBodyBytes: MAX_BODY_BYTES,
      log: () => undefined,
    });
    port = (await alexa.listen(0)).port;
  });

  afterAll(() => alexa.close());

  it(
    'refuses unsigned or malformed requests with 400, 404, 405 or 413, never 500, and never hangs',
    async () => {
      // Prepare
      const statuses: Record<number, number> = {};

      // Act
      await fc.assert(
        fc.asyncProperty(target, headers, body, async ([method, path], head, payload) => {
          const sent = method === 'GET' || method === 'HEAD' ? undefined : payload;
          const answer = await send(port, {
            method,
            path,
            headers: sent ? { ...head, 'Content-Length': String(sent.length) } : head,
            body: sent,
          });
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          expect([400, 404, 405, 413]).toContain(answer.status);
        }),
        { numRuns: RUNS, seed: fuzzSeed() },
      );

      // Assess
      process.stdout.write(`HTTP fuzz, unsigned requests: ${RUNS}, statuses ${JSON.stringify(statuses)}\n`);
      expect(statuses[500]).toBeUndefined();
    },
    fuzzTimeoutMs(RUNS),
  );

  it(
    'answers signed fuzzed envelopes with a valid Alexa response or a 400, never 500',
    async () => {
      // Prepare
      const statuses: Record<number, number> = {};

      // Act
      await fc.assert(
        fc.asyncProperty(fuzzCase, async (fuzz) => {
          const { envelope } = envelopeOf(fuzz, { snapshots });
          const { body: signed, headers: signedHeaders } = signer.signEnvelope(envelope);
          const answer = await send(port, {
            method: 'POST',
            path: '/alexa',
            headers: signedHeaders,
            body: signed,
          });
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          if (answer.status === 200) {
            const requestType = (envelope.request as { type?: unknown } | null)?.type;
            const problems = await responseViolations(
              JSON.parse(answer.text) as ResponseEnvelope,
              requestType,
            );
            if (problems.length > 0) throw new Error(`${describeCase(fuzz)}: ${problems.join('; ')}`);
          } else if (answer.status !== 400 && answer.status !== 413) {
            throw new Error(`${describeCase(fuzz)}: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
          }
        }),
        { numRuns: RUNS, seed: fuzzSeed() },
      );

      // Assess
      process.stdout.write(`HTTP fuzz, signed envelopes: ${RUNS}, statuses ${JSON.stringify(statuses)}\n`);
      expect(statuses[200]).toBeGreaterThan(RUNS / 2);
    },
    fuzzTimeoutMs(RUNS),
  );

  it('answers a body signed for other bytes with 400', async () => {
    // Prepare
    const { body: signed } = signer.signEnvelope(readFixture('launch'));
    const tampered = Buffer.from(signed.toString().replace('LaunchRequest', 'IntentRequest'));

    // Act
    const answer = await send(port, {
      method: 'POST',
      path: '/alexa',
      headers: signatureHeaders(signer, signed),
      body: tampered,
    });

    // Assess
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual({
      error: 'Request verification failed',
      reason: 'signature-invalid',
    });
  });

  it('closes a connection that speaks no HTTP with a 400, without disturbing the next request', async () => {
    // Act
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.end('\u0000\u0001GARBAGE \r\n\r\n'));
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('close', () => resolve(Buffer.concat(chunks).toString()));
    });
    const next = await send(port, { method: 'GET', path: '/alexa', headers: {} });

    // Assess
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect(next.status).toBe(405);
  });
});
