import { App } from 'aws-cdk-lib';
import { stackPropsFromContext } from '../../infra/lib/app-context';

const contextOf = (context: Record<string, unknown>) => new App({ context, autoSynth: false }).node;

describe('stackPropsFromContext', () => {
  it('passes the skill ID, time zone, log level and alarm address given with -c', () => {
    // Act
    const props = stackPropsFromContext(
      contextOf({
        skillId: ' amzn1.ask.skill.abc ',
        officeTimeZone: 'Europe/Dublin',
        logLevel: 'debug',
        alarmEmail: 'ops@example.com',
      }),
    );
    // Assess
    expect(props).toEqual({
      backend: {
        allowAnySkill: false,
        skillId: 'amzn1.ask.skill.abc',
        officeTimeZone: 'Europe/Dublin',
        logLevel: 'DEBUG',
      },
      alarmEmail: 'ops@example.com',
    });
  });

  // What every deploy must say; the tests below add to it.
  const REQUIRED = { skillId: 'amzn1.ask.skill.abc', alarmEmail: 'none' };

  it('leaves every optional setting to the construct, and alarmEmail=none subscribes no one', () => {
    // Act
    const props = stackPropsFromContext(contextOf(REQUIRED));
    // Assess
    expect(props).toEqual({ backend: { allowAnySkill: false, skillId: 'amzn1.ask.skill.abc' } });
  });

  it.each([
    ['true', true],
    ['false', false],
    [true, true],
  ])('reads allowAnySkill=%p as %p', (value, expected) => {
    // Act
    const props = stackPropsFromContext(contextOf({ ...REQUIRED, allowAnySkill: value }));
    // Assess
    expect(props.backend?.allowAnySkill).toBe(expected);
  });

  it.each([
    [
      'no skill ID',
      { alarmEmail: 'none' },
      /has no skillId: pass -c skillId=amzn1\.ask\.skill\.<uuid>.*or -c allowAnySkill=true/,
    ],
    [
      'a skill ID that is not one',
      { ...REQUIRED, skillId: 'amzn1.ask.account.AAAA' },
      /"amzn1\.ask\.account\.AAAA" is not an Alexa skill ID: pass -c skillId=/,
    ],
    [
      'no alarm email',
      { skillId: REQUIRED.skillId },
      /has no alarmEmail: pass -c alarmEmail=you@example\.com .*or -c alarmEmail=none/,
    ],
    [
      'an alarm email that is not one',
      { ...REQUIRED, alarmEmail: 'ops at example' },
      /"ops at example" is not an email address: pass -c alarmEmail=/,
    ],
    [
      'two alarm emails',
      { ...REQUIRED, alarmEmail: 'a@example.com,b@example.com' },
      /is not an email address/,
    ],
  ])('refuses to synthesize with %s, saying what to pass', (_, context, message) => {
    // Act
    const read = () => stackPropsFromContext(contextOf(context));
    // Assess
    expect(read).toThrow(message);
  });

  it('needs no skill ID for the first deploy, when allowAnySkill says so', () => {
    // Act
    const props = stackPropsFromContext(contextOf({ allowAnySkill: 'true', alarmEmail: 'none' }));
    // Assess
    expect(props.backend).toEqual({ allowAnySkill: true });
  });

  it('refuses an allowAnySkill that is neither true nor false, rather than guessing', () => {
    // Act
    const read = () => stackPropsFromContext(contextOf({ ...REQUIRED, allowAnySkill: 'yes' }));
    // Assess
    expect(read).toThrow('Context allowAnySkill must be true or false, not "yes"');
  });

  it('refuses an unknown log level', () => {
    // Act
    const read = () => stackPropsFromContext(contextOf({ ...REQUIRED, logLevel: 'verbose' }));
    // Assess
    expect(read).toThrow(/logLevel must be one of DEBUG, INFO, WARN, ERROR, SILENT/);
  });
});
