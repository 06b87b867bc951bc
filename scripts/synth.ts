import { runCdk } from './cdk-cli';

/**
 * `npm run synth`: prints the CloudFormation template, offline and without AWS credentials. The
 * stack is environment-agnostic and does no lookups; notices and telemetry are off in cdk.json, and
 * the version check (which asks the npm registry when run in a terminal) is off here.
 */
process.exitCode = runCdk(['synth', ...process.argv.slice(2)], { CDK_DISABLE_VERSION_CHECK: '1' });
