import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { buildStack, SKILL_ID } from './stack-fixture';

describe('the Alexa trigger', () => {
  // Synth prints its warnings on stderr; collect them to check what the person deploying sees.
  let printed: jest.SpyInstance;
  beforeEach(() => {
    printed = jest.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => printed.mockRestore());
  const printedText = () => printed.mock.calls.flat().join('\n');

  it('without a skill ID there is no trigger, and synth warns that Alexa cannot invoke the function', () => {
    // Act
    const { stack } = buildStack();
    // Assess
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::Permission', 0);
    Annotations.fromStack(stack).hasWarning(
      '/FrontDesk/Backend/Handler',
      Match.stringLikeRegexp('No skill ID given.*NO Alexa trigger'),
    );
    expect(printedText()).toMatch(/WARNING No skill ID given/);
  });

  it('with allowAnySkill, any skill may invoke until the skill ID is known, and synth warns about it', () => {
    // Act
    const { stack } = buildStack({ backend: { allowAnySkill: true } });
    const template = Template.fromStack(stack);
    // Assess
    template.resourceCountIs('AWS::Lambda::Permission', 1);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'alexa-appkit.amazon.com',
      Action: 'lambda:InvokeFunction',
      EventSourceToken: Match.absent(),
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { SKILL_ID: Match.absent() } },
    });
    Annotations.fromStack(stack).hasWarning(
      '/FrontDesk/Backend/Handler',
      Match.stringLikeRegexp('ANY Alexa skill'),
    );
    expect(printedText()).toMatch(/WARNING allowAnySkill is set: ANY Alexa skill/);
  });

  it('with a skill ID there is no warning', () => {
    // Act
    const { stack } = buildStack({ backend: { skillId: SKILL_ID } });
    // Assess
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('[Ss]kill'));
    expect(printedText()).toBe('');
  });

  it('a skill ID and allowAnySkill together are refused', () => {
    // Act
    const build = () => buildStack({ backend: { skillId: SKILL_ID, allowAnySkill: true } });
    // Assess
    expect(build).toThrow(/either a skill ID or allowAnySkill/);
  });

  it('a value that is not a skill ID is refused, rather than locking the trigger to nothing', () => {
    // Act
    const build = () => buildStack({ backend: { skillId: 'amzn1.ask.account.AAAA' } });
    // Assess
    expect(build).toThrow(/is not an Alexa skill ID/);
  });
});
