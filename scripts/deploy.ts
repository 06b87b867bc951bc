import fs from 'node:fs';
import path from 'node:path';
import { STACK_NAME, StackOutputs } from '../infra/lib/stack-names';
import { runCdk } from './cdk-cli';
import { DeployError, nextSteps, skillIdFromAskStates, skillIdInArgs, withEndpoint } from './deploy-steps';
import { PROJECT_ROOT } from './lambda-build-options';

export interface DeployDependencies {
  /** The project root: where skill-package/, .ask/ and cdk.out/ are. */
  readonly root: string;
  /** Runs the CDK CLI with these arguments and returns its exit code. */
  readonly cdk: (args: readonly string[]) => number;
  readonly log: (line: string) => void;
}

function readJson(root: string, file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
  } catch (error) {
    throw new DeployError(`Cannot read ${file}`, { cause: error });
  }
}

function stackOutput(outputs: unknown, name: string): string {
  const value = (outputs as Record<string, Record<string, unknown>> | null)?.[STACK_NAME]?.[name];
  if (typeof value !== 'string') throw new DeployError(`The ${STACK_NAME} stack has no output ${name}`);
  return value;
}

/**
 * `npm run deploy [-- cdk deploy arguments]`: deploys the stack with the caller's AWS credentials,
 * points skill-package/skill.json at the function (when the file exists) and prints what to run
 * next. Without `-c skillId=...`, it uses the skill ID the ASK CLI stored after `ask deploy`, if any.
 */
export function deploy(argv: readonly string[], deps: DeployDependencies): number {
  const { root, log } = deps;
  let args = [...argv];
  let skillId = skillIdInArgs(args);
  if (skillId === undefined && fs.existsSync(path.join(root, '.ask/ask-states.json'))) {
    skillId = skillIdFromAskStates(readJson(root, '.ask/ask-states.json'));
    if (skillId !== undefined) {
      log(`Using the skill ID that the ASK CLI stored in .ask/ask-states.json: ${skillId}`);
      args = [...args, '--context', `skillId=${skillId}`];
    }
  }

  const outputsFile = 'cdk.out/deploy-outputs.json';
  const status = deps.cdk(['deploy', STACK_NAME, '--outputs-file', outputsFile, ...args]);
  if (status !== 0) return status;

  const outputs = readJson(root, outputsFile);
  const functionArn = stackOutput(outputs, StackOutputs.functionArn);
  const skillJsonPath = path.join(root, 'skill-package/skill.json');
  const skillJsonUpdated = fs.existsSync(skillJsonPath);
  if (skillJsonUpdated) {
    const { skillJson, previousUri } = withEndpoint(readJson(root, 'skill-package/skill.json'), functionArn);
    fs.writeFileSync(skillJsonPath, `${JSON.stringify(skillJson, null, 2)}\n`);
    if (previousUri !== functionArn) log(`skill.json endpoint: ${previousUri ?? '(none)'} -> ${functionArn}`);
  }
  const steps = nextSteps({
    functionArn,
    skillId,
    directoryTable: stackOutput(outputs, StackOutputs.directoryTable),
    usersTable: stackOutput(outputs, StackOutputs.usersTable),
    skillJsonUpdated,
  });
  log(['', ...steps].join('\n'));
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = deploy(process.argv.slice(2), {
      root: PROJECT_ROOT,
      cdk: (args) => runCdk(args),
      log: (line) => console.log(line),
    });
  } catch (error) {
    console.error(error instanceof DeployError ? `npm run deploy: ${error.message}` : error);
    process.exitCode = 1;
  }
}
