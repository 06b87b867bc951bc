import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { type AlexaServer, createAlexaServer, type DevRoute } from '../../../local/http-server';
import { type AlexaTestSigner, createAlexaTestSigner } from '../../support/alexa-signing';

const SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000001';
const MAX_BODY_BYTES = 4096;

const SKILL_RESPONSE: ResponseEnvelope = {
  version: '1.0',
  response: {
    outputSpeech: { type: 'SSML', ssml: '<speak>Welcome to Front Desk.</speak>' },
    shouldEndSession: false,
  },
};

function intentEnvelope(): Record<string, unknown> {
  const application = { applicationId: SKILL_ID };
  return {
    version: '1.0',
    session: {
      new: true,
      sessionId: 'amzn1.echo-api.session.1',
      application,
      user: { userId: 'amzn1.ask.account.1' },
    },
    context: { System: { application, user: { userId: 'amzn1.ask.account.1' } } },
    request: {
      type: 'IntentRequest',
      requestId: 'amzn1.echo-api.request.1',
      timestamp: new Date().toISOString(),
      locale: 'en-US',
      intent: { name: 'ContactDetailsIntent', slots: { name: { name: 'name', value: 'Jane Doe' } } },
    },
  };
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

/** A plain node:http client: unlike fetch, it may set `Host` and stream a body without a length. */
function send(
  port: number,
  options: {
    method?: string;
    path?: string;
    headers?: OutgoingHttpHeaders;
    body?: Buffer | string;
    chunks?: Buffer[];
  },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    for (const chunk of options.chunks ?? []) outgoing.write(chunk);
    outgoing.end(options.body);
  });
}

describe('createAlexaServer', () => {
  let signer: AlexaTestSigner;
  let alexa: AlexaServer;
  let port: number;
  let invoked: RequestEnvelope[];
  let skill: (envelope: RequestEnvelope) => Promise<ResponseEnvelope>;
  let logLines: string[];
  const devRoutes: DevRoute[] = [
    {
      method: 'GET',
      path: '/',
      handle: () => ({ status: 200, contentType: 'text/html', body: '<h1>Front Desk</h1>' }),
    },
    {
      method: 'POST',
      path: '/dev/echo',
      handle: (request) => ({
        status: 200,
        contentType: 'text/plain',
        body: `got ${request.body.length} bytes`,
      }),
    },
  ];

  beforeAll(async () => {
    signer = await createAlexaTestSigner();
    alexa = createAlexaServer({
      verifier: signer.createVerifier({ skillId: SKILL_ID }),
      invokeSkill: (envelope) => skill(envelope),
      devRoutes,
      maxBodyBytes: MAX_BODY_BYTES,
      log: (line) => logLines.push(line),
    });
    port = (await alexa.listen(0)).port;
  });

  afterAll(async () => {
    await alexa?.close();
  });

  beforeEach(() => {
    invoked = [];
    logLines = [];
    skill = async (envelope) => {
      invoked.push(envelope);
      return SKILL_RESPONSE;
    };
  });

  describe('POST /alexa', () => {
    it('answers a signed request with the skill’s response as JSON', async () => {
      // Prepare
      const envelope = intentEnvelope();
      const { body, headers } = signer.signEnvelope(envelope);

      // Act
      const answer = await send(port, { method: 'POST', path: '/alexa', headers, body });

      // Assess
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/json;charset=UTF-8');
      expect(JSON.parse(answer.text)).toEqual(SKILL_RESPONSE);
      expect(invoked).toEqual([JSON.parse(body.toString())]);
    });

    it('refuses an unsigned request with 400 and a short reason, without running the skill', async () => {
      // Prepare
      const body = JSON.stringify(intentEnvelope());

      // Act
      const answer = await send(port, {
        method: 'POST',
        path: '/alexa',
        headers: { 'Content-Type': 'application/json' },
        body,
      });

      // Assess
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text)).toEqual({
        error: 'Request verification failed',
        reason: 'missing-signature',
      });
      expect(invoked).toEqual([]);
    });

    it('refuses a request changed after it was signed', async () => {
      // Prepare
      const { body, headers } = signer.signEnvelope(intentEnvelope());
      const tampered = body.toString().replace('Jane Doe', 'John Roe');

      // Act
      const answer = await send(port, { method: 'POST', path: '/alexa', headers, body: tampered });

      // Assess
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text)).toMatchObject({ reason: 'signature-invalid' });
      expect(invoked).toEqual([]);
    });

    it('refuses a signed request for another skill', async () => {
      // Prepare
      const envelope = intentEnvelope();
      const other = { applicationId: 'amzn1.ask.skill.other' };
      const forOther = { ...envelope, session: { ...(envelope.session as object), application: other } };
      const { body, headers } = signer.signEnvelope(forOther);

      // Act
      const answer = await send(port, { method: 'POST', path: '/alexa', headers, body });

      // Assess
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text)).toMatchObject({ reason: 'skill-id-mismatch' });
    });

    it('refuses a body over the limit with 413, whether its length is declared or not', async () => {
      // Prepare
      const big = Buffer.alloc(MAX_BODY_BYTES + 1, 'x');
      const headers = signer.signEnvelope(intentEnvelope()).headers;

      // Act
      const declared = await send(port, { method: 'POST', path: '/alexa', headers, body: big });
      const streamed = await send(port, {
        method: 'POST',
        path: '/alexa',
        headers: { ...headers, 'Transfer-Encoding': 'chunked' },
        chunks: [big.subarray(0, 2048), big.subarray(2048)],
      });

      // Assess
      expect([declared.status, streamed.status]).toEqual([413, 413]);
      expect(invoked).toEqual([]);
    });

    it('answers 500 without details when the skill fails', async () => {
      // Prepare
      skill = async () => {
        throw new Error('Jane Doe could not be read from table front-desk-directory');
      };
      const { body, headers } = signer.signEnvelope(intentEnvelope());

      // Act
      const answer = await send(port, { method: 'POST', path: '/alexa', headers, body });

      // Assess
      expect(answer.status).toBe(500);
      expect(JSON.parse(answer.text)).toEqual({ error: 'Internal error' });
    });

    it('answers 405 to another method', async () => {
      // Act
      const answer = await send(port, { method: 'GET', path: '/alexa' });

      // Assess
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe('POST');
    });

    it('logs one line per request without its content', async () => {
      // Prepare
      const { body, headers } = signer.signEnvelope(intentEnvelope());

      // Act
      await send(port, { method: 'POST', path: '/alexa?user=jane', headers, body });
      await send(port, { method: 'POST', path: '/alexa', headers: {}, body });

      // Assess
      expect(logLines).toHaveLength(2);
      expect(logLines[0]).toMatch(/^POST \/alexa 200 \d+(\.\d)?ms$/);
      expect(logLines[1]).toMatch(/^POST \/alexa 400 \d+(\.\d)?ms reason=missing-signature$/);
      expect(logLines.join('\n')).not.toMatch(/Jane|jane|amzn1/);
    });
  });

  it('answers 404 to an unknown path', async () => {
    // Act
    const answer = await send(port, { method: 'GET', path: '/admin' });

    // Assess
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.text)).toEqual({ error: 'Not found' });
  });

  describe('development routes', () => {
    it('serves a loopback caller', async () => {
      // Act
      const page = await send(port, { method: 'GET', path: '/' });
      const echo = await send(port, { method: 'POST', path: '/dev/echo', body: 'hello' });

      // Assess
      expect([page.status, page.text]).toEqual([200, '<h1>Front Desk</h1>']);
      expect([echo.status, echo.text]).toEqual([200, 'got 5 bytes']);
    });

    it('refuses a caller whose address is not loopback', async () => {
      // Prepare: the same server, with every connection's peer address rewritten to a LAN address.
      const remote = createAlexaServer({
        verifier: signer.createVerifier(),
        invokeSkill: async () => SKILL_RESPONSE,
        devRoutes,
        log: () => undefined,
      });
      remote.server.on('connection', (socket: Socket) => {
        Object.defineProperty(socket, 'remoteAddress', { value: '192.168.1.20' });
      });
      const remotePort = (await remote.listen(0)).port;

      // Act
      const page = await send(remotePort, { method: 'GET', path: '/' });
      const alexaAnswer = await send(remotePort, {
        method: 'POST',
        path: '/alexa',
        ...signer.signEnvelope(intentEnvelope()),
      });
      await remote.close();

      // Assess
      expect(page.status).toBe(403);
      expect(page.text).not.toContain('Front Desk');
      expect(alexaAnswer.status).toBe(200);
    });

    it('refuses a page whose Host is not this machine (DNS rebinding)', async () => {
      // Act
      const answer = await send(port, {
        method: 'GET',
        path: '/',
        headers: { Host: 'rebind.evil.example:3000' },
      });

      // Assess
      expect(answer.status).toBe(403);
    });

    it('refuses a post from a page on another site', async () => {
      // Act
      const answer = await send(port, {
        method: 'POST',
        path: '/dev/echo',
        headers: { Origin: 'https://evil.example' },
        body: 'hello',
      });

      // Assess
      expect(answer.status).toBe(403);
    });

    it('answers 405 to a method the path does not serve', async () => {
      // Act
      const answer = await send(port, { method: 'DELETE', path: '/' });

      // Assess
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe('GET');
    });

    it('cannot take over POST /alexa', () => {
      // Act
      const creating = () =>
        createAlexaServer({
          verifier: signer.createVerifier(),
          invokeSkill: async () => SKILL_RESPONSE,
          devRoutes: [
            {
              method: 'POST',
              path: '/alexa',
              handle: () => ({ status: 200, contentType: 'text/plain', body: '' }),
            },
          ],
        });

      // Assess
      expect(creating).toThrow('A development route cannot take /alexa');
    });
  });
});
