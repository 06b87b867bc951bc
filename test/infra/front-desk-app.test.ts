import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks } from 'cdk-nag';
import { addFrontDesk } from '../../infra/lib/front-desk-app';
import { STACK_NAME } from '../../infra/lib/stack-names';
import { buildStack, cdkJsonContext, FIXTURE_ENTRY, SKILL_ID } from './stack-fixture';

describe('cdk-nag AwsSolutions checks', () => {
  it.each([
    ['without a skill ID', {}],
    [
      'with a skill ID and an alarm address',
      { alarmEmail: 'ops@example.com', backend: { skillId: SKILL_ID } },
    ],
    ['with an open trigger', { backend: { allowAnySkill: true } }],
  ])('report no finding that is not acknowledged on its resource, %s', (_, props) => {
    // Prepare
    const { app, stack } = buildStack(props);
    // Act
    const report = new AwsSolutionsChecks(app).validateScope(stack);
    // Assess
    expect(report.violations).toEqual([]);
  });

  it('report a finding nobody acknowledged', () => {
    // Prepare
    const { app, stack } = buildStack({ backend: { skillId: SKILL_ID } });
    new Topic(stack, 'UnencryptedTransport');
    // Act
    const report = new AwsSolutionsChecks(app).validateScope(stack);
    // Assess
    expect(report.violations.map((violation) => violation.ruleName)).toEqual(['AwsSolutions-SNS3']);
  });
});

describe('the CDK app', () => {
  // The real app's context; bundling is skipped, and CDK's built-in CloudFormation validation (seconds
  // to start) runs only where the test is about a whole synth.
  const appWith = (context: Record<string, string>, builtinCloudFormationValidation = false) =>
    new App({
      context: { ...cdkJsonContext(), alarmEmail: 'none', ...context, 'aws:cdk:bundling-stacks': [] },
      stackTraces: false,
      builtinCloudFormationValidation,
      autoSynth: false,
    });

  it('synthesizes with the checks on, configured from context', () => {
    // Prepare
    const app = appWith({ skillId: SKILL_ID, officeTimeZone: 'Europe/Dublin' }, true);
    // Act
    const stack = addFrontDesk(app, { entry: FIXTURE_ENTRY }, () => {});
    const assembly = app.synth();
    // Assess
    expect(assembly.getStackByName(STACK_NAME).templateFile).toBe('FrontDesk.template.json');
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { SKILL_ID, OFFICE_TIME_ZONE: 'Europe/Dublin' } },
    });
  });

  it('refuses to synthesize while a finding is not acknowledged', () => {
    // Prepare
    const app = appWith({ skillId: SKILL_ID });
    const stack = addFrontDesk(app, { entry: FIXTURE_ENTRY }, () => {});
    new Topic(stack, 'UnencryptedTransport');
    // Act
    const synth = () => app.synth();
    // Assess
    expect(synth).toThrow(/AwsSolutions-SNS3/);
  });

  it('an acknowledged finding no longer stops synth', () => {
    // Prepare
    const app = appWith({ skillId: SKILL_ID });
    const stack = addFrontDesk(app, { entry: FIXTURE_ENTRY }, () => {});
    const topic = new Topic(stack, 'UnencryptedTransport');
    Validations.of(topic).acknowledge({ id: 'AwsSolutions-SNS3', reason: 'test' });
    // Act
    const synth = () => app.synth();
    // Assess
    expect(synth).not.toThrow();
  });

  it('refuses to synthesize without a skill ID, saying what to pass', () => {
    // Act
    const synth = () => addFrontDesk(appWith({}), { entry: FIXTURE_ENTRY }, () => {});
    // Assess
    expect(synth).toThrow(/pass -c skillId=amzn1\.ask\.skill\.<uuid>/);
  });

  it('warns in the terminal when any skill may invoke the function', () => {
    // Prepare
    const warnings: string[] = [];
    // Act
    addFrontDesk(appWith({ allowAnySkill: 'true' }), { entry: FIXTURE_ENTRY }, (message) =>
      warnings.push(message),
    );
    // Assess
    expect(warnings.join('\n')).toMatch(/WARNING: allowAnySkill is set/);
  });
});
