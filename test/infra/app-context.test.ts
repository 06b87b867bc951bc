import { App } from 'aws-cdk-lib';
import { stackPropsFromContext } from '../../infra/lib/app-context';

const contextOf = (context: Record<string, unknown>) => new App({ context }).node;

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

  it('leaves every default to the construct when nothing is given', () => {
    // Act
    const props = stackPropsFromContext(contextOf({}));
    // Assess
    expect(props).toEqual({ backend: { allowAnySkill: false } });
  });

  it.each([
    ['true', true],
    ['false', false],
    [true, true],
  ])('reads allowAnySkill=%p as %p', (value, expected) => {
    // Act
    const props = stackPropsFromContext(contextOf({ allowAnySkill: value }));
    // Assess
    expect(props.backend?.allowAnySkill).toBe(expected);
  });

  it('refuses an allowAnySkill that is neither true nor false, rather than guessing', () => {
    // Act
    const read = () => stackPropsFromContext(contextOf({ allowAnySkill: 'yes' }));
    // Assess
    expect(read).toThrow('Context allowAnySkill must be true or false, not "yes"');
  });

  it('refuses an unknown log level', () => {
    // Act
    const read = () => stackPropsFromContext(contextOf({ logLevel: 'verbose' }));
    // Assess
    expect(read).toThrow(/logLevel must be one of DEBUG, INFO, WARN, ERROR, SILENT/);
  });
});
