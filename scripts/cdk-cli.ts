import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT } from './lambda-build-options';

/**
 * Runs the project's own CDK CLI (the `aws-cdk` devDependency) in the project root, with the
 * terminal attached, and returns its exit code. Through `process.execPath` rather than `npx`, so it
 * needs no shell and works the same on every platform.
 */
export function runCdk(args: readonly string[], env: Readonly<Record<string, string>> = {}): number {
  const result = spawnSync(process.execPath, [require.resolve('aws-cdk/bin/cdk'), ...args], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}
