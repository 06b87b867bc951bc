import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { stackPropsFromContext } from './app-context';
import type { FrontDeskBackendProps } from './front-desk-backend';
import { FrontDeskStack } from './front-desk-stack';
import { ANY_SKILL_WARNING } from './skill-trigger';
import { STACK_NAME } from './stack-names';

/**
 * Adds Front Desk to a CDK app: the stack, configured from the app's context, and the cdk-nag
 * AwsSolutions checks, which fail synth on any finding not acknowledged on its resource.
 * `backendOverrides` exists for tests (a fixture entry); the real app passes nothing.
 */
export function addFrontDesk(
  app: App,
  backendOverrides: Partial<FrontDeskBackendProps> = {},
  warn: (message: string) => void = console.warn,
): FrontDeskStack {
  const props = stackPropsFromContext(app.node);
  // The context has a skill ID or says allowAnySkill (stackPropsFromContext refuses neither);
  // the open trigger is also an annotation on the function, and this makes sure nobody misses it.
  if (!props.backend?.skillId && props.backend?.allowAnySkill) warn(`\n*** WARNING: ${ANY_SKILL_WARNING}\n`);
  const stack = new FrontDeskStack(app, STACK_NAME, {
    ...props,
    backend: { ...props.backend, ...backendOverrides },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return stack;
}
