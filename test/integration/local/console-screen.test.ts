import { consoleRoutes, type turnView } from '../../../local/console/console-routes';
import { DialogSession } from '../../../local/dialog/session';
import { type ConsoleServer, startConsoleServer } from '../../support/console-server';
import { buildTestSkill } from '../../support/test-skill';

type TurnView = ReturnType<typeof turnView>;
type StateView = { state: { device: string; open: boolean } };

describe("the test console's device: an Echo Show, or an Echo without a screen", () => {
  let server: ConsoleServer;
  let base: string;

  beforeAll(async () => {
    const { skill } = buildTestSkill();
    const session = new DialogSession({ invoke: (envelope) => skill.invoke(envelope) });
    server = await startConsoleServer({
      invokeSkill: (envelope) => skill.invoke(envelope),
      devRoutes: consoleRoutes({ session, locales: ['en-US', 'de-DE'] }),
    });
    base = server.base;
  });

  afterAll(() => server.close());

  const post = async <T>(path: string, body: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  it('starts without a screen, and a response then has no screen to show', async () => {
    // Act
    const state = (await (await fetch(`${base}/dev/state`)).json()) as StateView;
    const turn = await post<TurnView>('/dev/utterance', { text: 'who works at Acme' });

    // Assess
    expect(state.state.device).toBe('headless');
    expect(turn.body.screen).toBeUndefined();
    expect(turn.body.exchanges[0]?.response.response.directives).toBeUndefined();
  });

  it('shows the APL data of a screen device, and a touch on a line opens that person', async () => {
    // Prepare
    const switched = await post<StateView>('/dev/device', { device: 'screen' });

    // Act
    const list = await post<TurnView>('/dev/utterance', { text: 'who works at Acme' });
    const touch = list.body.screen?.lines[0]?.touch;
    const touched = await post<TurnView>('/dev/touch', { arguments: touch });

    // Assess
    expect(switched.body.state.device).toBe('screen');
    expect(list.body.screen).toMatchObject({ token: 'frontDesk.list', heading: 'People at Acme Corp.' });
    expect(touch).toEqual(['openContact', 'c001']);
    expect(touched.body.heard).toBe('Alexa.Presentation.APL.UserEvent  openContact c001');
    expect(touched.body.speech).toMatch(/^Jane Doe, Sales Director at Acme Corp\./);
    expect(touched.body.screen?.heading).toBe('Jane Doe');
  });

  it.each([
    ['/dev/device', { device: 'tv' }, 'Pick a device'],
    ['/dev/touch', { arguments: [] }, 'Touch with the SendEvent arguments'],
    ['/dev/touch', { arguments: 'openContact' }, 'Touch with the SendEvent arguments'],
  ])('refuses %s with %j', async (path, body, message) => {
    const response = await post<{ error: string }>(path, body);

    expect(response.status).toBe(400);
    expect(response.body.error).toContain(message);
  });
});
