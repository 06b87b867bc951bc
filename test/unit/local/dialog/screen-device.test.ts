import { runCommand } from '../../../../local/dialog/commands';
import { DialogSession } from '../../../../local/dialog/session';
import { formatTurn, PLAIN_STYLE } from '../../../../local/dialog/turn-format';
import { TEST_CONTACTS } from '../../../fixtures/contacts';
import { buildTestSkill } from '../../../support/test-skill';

/** The local tools' session on the real skill over the test directory. */
function sessionOnTestSkill(): DialogSession {
  const { skill } = buildTestSkill(TEST_CONTACTS);
  return new DialogSession({ invoke: (envelope) => skill.invoke(envelope) });
}

describe('the dialog session as a device with a screen', () => {
  it('talks as an Echo without a screen until told otherwise, and then lists APL in its requests', async () => {
    // Prepare
    const session = sessionOnTestSkill();
    const before = await session.say('open front desk');

    // Act
    session.setDevice('screen');
    const after = await session.say('tell me about Sean O’Neill');

    // Assess
    expect(before.exchanges[0]?.request.context.System.device?.supportedInterfaces).toEqual({});
    expect(before.screen).toBeUndefined();
    expect(after.exchanges[0]?.request.context.System.device?.supportedInterfaces).toHaveProperty([
      'Alexa.Presentation.APL',
    ]);
    expect(session.state).toMatchObject({ device: 'screen', open: true });
    expect(after.screen).toMatchObject({
      token: 'frontDesk.contact',
      heading: "Sean O'Neill",
      subheading: 'Counsel at Acme Corp.',
    });
  });

  it('shows a list whose lines can be touched, and a touch opens that person in the same session', async () => {
    // Prepare
    const session = sessionOnTestSkill();
    session.setDevice('screen');
    await session.say('open front desk');
    const list = await session.say('who works at Acme');
    const touchable = list.screen?.lines[1]?.touch ?? [];

    // Act
    const touched = await session.touch(touchable);

    // Assess
    expect(list.screen?.lines.map((line) => line.text)).toEqual(['1. Jane Doe', "2. Sean O'Neill"]);
    expect(touchable).toEqual(['openContact', 'c005']);
    expect(touched.exchanges[0]?.request.request).toMatchObject({
      type: 'Alexa.Presentation.APL.UserEvent',
      arguments: ['openContact', 'c005'],
    });
    expect(touched.exchanges[0]?.request.session?.new).toBe(false);
    expect(touched.speech).toMatch(/^Sean O'Neill, Counsel at Acme Corp\./);
  });

  it('shows what is on the screen in the REPL, with the command that touches each line', async () => {
    // Prepare
    const session = sessionOnTestSkill();
    await runCommand(session, '.device screen', '.');
    await session.say('open front desk');

    // Act
    const text = formatTurn(await session.say('who works at Barnes and Noble'), PLAIN_STYLE);

    // Assess
    expect(text).toContain(
      '  Screen People at Barnes & Noble\n         1. Robert Smith  Buyer <Books>, Barnes & Noble, Portland, Oregon  (.touch openContact c004)',
    );
  });

  it('switches with .device and touches with .touch at the REPL and in replays', async () => {
    const session = sessionOnTestSkill();

    const shown = await runCommand(session, '.device', '.');
    await runCommand(session, '.device screen', '.');
    const touched = await runCommand(session, '.touch openContact c002', '.');
    const refused = await runCommand(session, '.device tv', '.');

    expect(shown).toEqual({ kind: 'message', text: 'Device: headless' });
    expect(touched.kind === 'turn' && touched.turn.screen?.heading).toBe('Jane Doe');
    expect(refused).toEqual({ kind: 'message', text: 'Usage: .device screen|headless' });
  });
});
