import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { consoleRoutes, type turnView } from '../../../local/console/console-routes';
import { DialogSession } from '../../../local/dialog/session';
import { type ConsoleServer, startConsoleServer } from '../../support/console-server';

async function echoSkill(envelope: RequestEnvelope): Promise<ResponseEnvelope> {
  if (envelope.request.type === 'SessionEndedRequest') throw new Error('the skill failed');
  return {
    version: '1.0',
    response: {
      outputSpeech: { type: 'PlainText', text: `Heard ${envelope.request.type}.` },
      shouldEndSession: false,
    },
  };
}

describe("the test console's development routes", () => {
  let server: ConsoleServer;
  let base: string;

  beforeAll(async () => {
    const session = new DialogSession({ invoke: echoSkill });
    server = await startConsoleServer({
      invokeSkill: echoSkill,
      devRoutes: consoleRoutes({ session, locales: ['en-US'] }),
    });
    base = server.base;
  });

  afterAll(() => server.close());

  const post = (path: string, body: string, type = 'application/json') =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': type }, body });

  it('serves the page with a policy that runs only its own script', async () => {
    // Act
    const response = await fetch(`${base}/`);

    // Assess
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<script type="module" src="/console/app.js"></script>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${base}/console/app.js`)).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
  });

  it('answers an utterance with the turn: speech, request and session', async () => {
    // Act
    const response = await post('/dev/utterance', JSON.stringify({ text: 'open front desk' }));
    const turn = (await response.json()) as ReturnType<typeof turnView>;

    // Assess
    expect(response.status).toBe(200);
    expect(turn.speech).toBe('Heard LaunchRequest.');
    expect(turn.heard).toBe('LaunchRequest  (new session)');
    expect(turn.exchanges[0]?.request.request.type).toBe('LaunchRequest');
    expect(turn.state.open).toBe(true);
  });

  it.each([
    [
      '/dev/utterance',
      'text=help',
      'application/x-www-form-urlencoded',
      415,
      'Send JSON (Content-Type: application/json)',
    ],
    ['/dev/utterance', '{"text": ""}', 'application/json', 400, 'Say something: {"text": "..."}'],
    ['/dev/utterance', '{nope', 'application/json', 400, 'The body is not JSON'],
    [
      '/dev/envelope',
      '{"request": {}}',
      'application/json',
      400,
      'A request envelope needs version, context and request.type',
    ],
    ['/dev/locale', '{"locale": "de-DE"}', 'application/json', 400, 'Pick one of: en-US'],
  ])('refuses %s with %j', async (path, body, type, status, message) => {
    // Act
    const response = await post(path, body, type);

    // Assess
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error).toContain(message);
  });

  it("says why when the skill fails, on the tester's own machine", async () => {
    // Prepare
    await post('/dev/utterance', JSON.stringify({ text: 'open front desk' }));

    // Act
    const response = await post('/dev/utterance', JSON.stringify({ text: 'exit' }));

    // Assess
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: string }).error).toBe('Error: the skill failed');
  });

  it('resets the session', async () => {
    // Prepare
    await post('/dev/utterance', JSON.stringify({ text: 'open front desk' }));

    // Act
    const view = (await (await post('/dev/reset', '{}')).json()) as { state: { open: boolean } };

    // Assess
    expect(view.state.open).toBe(false);
  });
});
