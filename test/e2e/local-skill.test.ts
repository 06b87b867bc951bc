import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { type AlexaServer, createAlexaServer } from '../../local/http-server';
import { type LocalSkill, startLocalSkill } from '../../local/local-skill';
import { type AlexaTestSigner, createAlexaTestSigner } from '../support/alexa-signing';
import { readFixture } from '../support/fixtures';
import { cardOf, speechOf } from '../support/response-checks';
import { SAMPLE_DIRECTORY_CSV } from '../support/skill-package';

/**
 * What `npm start` does, end to end over HTTP: the embedded store persisted in a folder, seeded
 * from the sample directory on first start, the real skill behind `POST /alexa` with signature
 * verification (with a test certificate chain instead of Amazon's).
 */
describe('the local skill behind POST /alexa', () => {
  let dataDir: string;
  let signer: AlexaTestSigner;
  let local: LocalSkill;
  let server: AlexaServer;
  let url: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'front-desk-'));
    signer = await createAlexaTestSigner();
    local = await startLocalSkill({
      dataDir,
      seedFile: SAMPLE_DIRECTORY_CSV,
      environment: { LOG_LEVEL: 'SILENT' },
    });
    server = createAlexaServer({
      invokeSkill: (envelope) => local.skill.invoke(envelope),
      verifier: signer.createVerifier(),
      log: () => undefined,
    });
    const address = await server.listen(0);
    url = `http://127.0.0.1:${address.port}/alexa`;
  });

  afterAll(async () => {
    await server?.close();
    await local?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function post(envelope: object): Promise<{ status: number; body: ResponseEnvelope }> {
    const { body, headers } = signer.signEnvelope(envelope);
    const response = await fetch(url, { method: 'POST', body, headers });
    return { status: response.status, body: (await response.json()) as ResponseEnvelope };
  }

  it('seeds the store from the sample directory on first start', () => {
    expect(local.seeded?.added).toBe(43);
    expect(local.seeded?.rejections).toEqual([]);
  });

  it('answers a signed lookup with the right detail and card', async () => {
    // Act
    const { status, body } = await post(readFixture('contact-details-er-match.json'));

    // Assess
    expect(status).toBe(200);
    expect(speechOf(body)).toContain("Robert Smith's phone number is (512) 555-0101.");
    expect(cardOf(body)?.title).toBe('Robert Smith');
  });

  it('answers a name heard without entity resolution', async () => {
    // Prepare
    const envelope = readFixture('contact-details-no-match.json') as {
      request: { intent: { slots: Record<string, unknown> } };
    };
    envelope.request.intent.slots.name = { name: 'name', value: "sean o'neill", confirmationStatus: 'NONE' };

    // Act
    const { body } = await post(envelope);

    // Assess
    expect(cardOf(body)?.title).toBe("Sean O'Neill");
  });

  it('refuses an unsigned request with HTTP 400', async () => {
    // Act
    const response = await fetch(url, { method: 'POST', body: JSON.stringify(readFixture('launch.json')) });

    // Assess
    expect(response.status).toBe(400);
  });

  it('keeps its data across restarts and does not seed twice', async () => {
    // Prepare
    const again = await startLocalSkill({
      dataDir: path.join(dataDir, 'second'),
      seedFile: SAMPLE_DIRECTORY_CSV,
    });
    await again.close();
    await local.close();

    // Act
    local = await startLocalSkill({
      dataDir,
      seedFile: SAMPLE_DIRECTORY_CSV,
      environment: { LOG_LEVEL: 'SILENT' },
    });

    // Assess
    expect(local.seeded).toBeUndefined();
    const { body } = await post(readFixture('contact-details-er-match.json'));
    expect(cardOf(body)?.title).toBe('Robert Smith');
  });
});
