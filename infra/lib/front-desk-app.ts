import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { stackPropsFromContext } from './app-context';
import type { FrontDeskBackendProps } from './front-desk-backend';
import { FrontDeskStack } from './front-desk-stack';
import { NO_SKILL_ID_WARNING } from './skill-trigger';
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
  if (!props.backend?.skillId && !props.backend?.allowAnySkill) {
    // Also an annotation on the function; this line makes sure nobody misses it in a terminal.
    warn(`\n*** WARNING: ${NO_SKILL_ID_WARNING}\n`);
  }
  const stack = new FrontDeskStack(app, STACK_NAME, {
    ...props,
    backend: { ...props.backend, ...backendOverrides },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return stack;
}
