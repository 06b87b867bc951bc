import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { EndOfDayReport } from '../../../lambda/src/services/end-of-day-service';
import { consoleRoutes } from '../../../local/console/console-routes';
import { DialogSession, personIdOfSpeaker } from '../../../local/dialog/session';
import { type ConsoleServer, startConsoleServer } from '../../support/console-server';

/** The console's speaker picker and end-of-day button, on a skill that records who spoke. */
describe("the test console's speaker picker and end of day", () => {
  let server: ConsoleServer;
  let base: string;
  const heard: RequestEnvelope[] = [];
  let endOfDayRuns = 0;

  beforeAll(async () => {
    const skill = async (envelope: RequestEnvelope): Promise<ResponseEnvelope> => {
      heard.push(envelope);
      return {
        version: '1.0',
        response: { outputSpeech: { type: 'PlainText', text: 'Hi.' }, shouldEndSession: true },
      };
    };
    const report: EndOfDayReport = {
      closingAt: '2026-01-16T00:00:00.000Z',
      checkedOut: 3,
      leftAsIs: 1,
      failed: 0,
      eventsFailed: 0,
      pages: 1,
    };
    const session = new DialogSession({
      invoke: skill,
      endOfDay: async () => {
        endOfDayRuns += 1;
        return report;
      },
    });
    server = await startConsoleServer({
      invokeSkill: skill,
      devRoutes: consoleRoutes({ session, locales: ['en-US'] }),
    });
    base = server.base;
  });

  afterAll(() => server.close());

  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const lastPerson = () => heard.at(-1)?.context.System.person?.personId;

  it('speaks as the chosen voice profile, then as an unrecognised voice on the same account', async () => {
    // Act
    const picked = await post('/dev/speaker', { speaker: 'Priya' });
    await post('/dev/utterance', { text: 'open front desk' });
    const asPriya = lastPerson();
    const unrecognised = await post('/dev/speaker', { speaker: null });
    await post('/dev/utterance', { text: 'open front desk' });

    // Assess
    expect(((await picked.json()) as { state: { speaker: string } }).state.speaker).toBe('Priya');
    expect(asPriya).toBe(personIdOfSpeaker('Priya'));
    expect(((await unrecognised.json()) as { state: { speaker?: string } }).state.speaker).toBeUndefined();
    expect(lastPerson()).toBeUndefined();
    expect(heard.at(-1)?.context.System.user.userId).toBe(heard.at(-2)?.context.System.user.userId);
  });

  it('refuses a speaker that is not a name', async () => {
    for (const speaker of [42, '', '   ', '!!!', 'x'.repeat(41), ['Priya']]) {
      const response = await post('/dev/speaker', { speaker });
      expect(response.status).toBe(400);
    }
  });

  it('runs end of day and says what it did', async () => {
    const response = await post('/dev/end-of-day', {});
    const view = (await response.json()) as { message: string; report: EndOfDayReport };

    expect(response.status).toBe(200);
    expect(view.message).toBe('End of day: 3 checked out, 1 left as they were.');
    expect(view.report.checkedOut).toBe(3);
    expect(endOfDayRuns).toBe(1);
  });

  it('gives the same voice profile id to the same name, whatever its spelling', () => {
    expect(personIdOfSpeaker('priya')).toBe(personIdOfSpeaker(' Priya '));
    expect(personIdOfSpeaker('Priya')).not.toBe(personIdOfSpeaker('Sam'));
    expect(personIdOfSpeaker('tester')).toBe('amzn1.ask.person.LOCALTESTER');
  });
});
