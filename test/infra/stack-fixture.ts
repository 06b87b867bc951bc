import fs from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { FrontDeskStack, type FrontDeskStackProps } from '../../infra/lib/front-desk-stack';
import { PROJECT_ROOT } from '../../scripts/lambda-build-options';

/** A few lines instead of the whole skill, so the infra tests stay fast and independent of it. */
export const FIXTURE_ENTRY = path.join(PROJECT_ROOT, 'test/fixtures/infra/handler.ts');

export const SKILL_ID = 'amzn1.ask.skill.00000000-1111-2222-3333-444444444444';

/** The feature flags the real app runs with, from cdk.json, so the tests see the same template. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return cdkJson.context;
}

/**
 * A Front Desk stack in its own app, built like `infra/bin/app.ts` builds it, on the fixture entry.
 * Two costly steps are skipped unless a test is about them: bundling (npx and esbuild, most of a
 * second per stack) and CDK's built-in CloudFormation validation (a WebAssembly engine that takes
 * seconds to start in each test file; the app tests keep it on).
 */
export function buildStack(
  props: FrontDeskStackProps = {},
  options: { bundle?: boolean } = {},
): { app: App; stack: FrontDeskStack } {
  const context = { ...cdkJsonContext(), ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) };
  const app = new App({
    context,
    stackTraces: false,
    builtinCloudFormationValidation: false,
    autoSynth: false,
  });
  const stack = new FrontDeskStack(app, 'FrontDesk', {
    ...props,
    backend: { entry: FIXTURE_ENTRY, ...props.backend },
  });
  return { app, stack };
}
