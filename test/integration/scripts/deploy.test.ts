import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deploy } from '../../../scripts/deploy';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:FrontDesk-BackendHandler-abc';
const SKILL_ID = 'amzn1.ask.skill.00000000-1111-2222-3333-444444444444';

describe('npm run deploy', () => {
  let root: string;
  let cdkCalls: string[][];
  let printed: string[];

  // A CDK CLI that "deploys" by writing the outputs file the real one writes.
  const fakeCdk =
    (status = 0) =>
    (args: readonly string[]): number => {
      cdkCalls.push([...args]);
      const outputsFile = args[args.indexOf('--outputs-file') + 1] ?? '';
      fs.mkdirSync(path.dirname(path.join(root, outputsFile)), { recursive: true });
      fs.writeFileSync(
        path.join(root, outputsFile),
        JSON.stringify({
          FrontDesk: {
            FunctionArn: ARN,
            DirectoryTableName: 'Dir-X',
            UsersTableName: 'Users-Y',
            Region: 'us-east-1',
          },
        }),
      );
      return status;
    };
  const run = (args: string[], status = 0) =>
    deploy(args, { root, cdk: fakeCdk(status), log: (line) => printed.push(line) });
  const write = (file: string, json: unknown) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), JSON.stringify(json));
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'front-desk-deploy-'));
    cdkCalls = [];
    printed = [];
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('deploys the stack with the given arguments and points skill.json at the function', () => {
    // Prepare
    write('skill-package/skill.json', {
      manifest: { apis: { custom: { endpoint: { uri: 'PLACEHOLDER' } } } },
    });
    // Act
    const status = run(['-c', `skillId=${SKILL_ID}`, '--profile', 'office']);
    // Assess
    expect(status).toBe(0);
    expect(cdkCalls).toEqual([
      [
        'deploy',
        'FrontDesk',
        '--outputs-file',
        'cdk.out/deploy-outputs.json',
        '-c',
        `skillId=${SKILL_ID}`,
        '--profile',
        'office',
      ],
    ]);
    const skillJson = fs.readFileSync(path.join(root, 'skill-package/skill.json'), 'utf8');
    expect(JSON.parse(skillJson)).toEqual({ manifest: { apis: { custom: { endpoint: { uri: ARN } } } } });
    expect(skillJson.endsWith('}\n')).toBe(true);
    expect(printed.join('\n')).toContain(`skill.json endpoint: PLACEHOLDER -> ${ARN}`);
    expect(printed.join('\n')).toContain(`ask smapi update-skill-manifest -s ${SKILL_ID}`);
  });

  it('says so when there is no skill.json, and writes none', () => {
    // Act
    const status = run([]);
    // Assess
    expect(status).toBe(0);
    expect(fs.existsSync(path.join(root, 'skill-package'))).toBe(false);
    expect(printed.join('\n')).toMatch(/skill.json was not found/);
    expect(printed.join('\n')).toMatch(/Create the skill/);
  });

  it('locks the trigger to the skill that `ask deploy` created when no skill ID is given', () => {
    // Prepare
    write('.ask/ask-states.json', {
      askcliStatesVersion: '2020-03-31',
      profiles: { default: { skillId: SKILL_ID } },
    });
    // Act
    run([]);
    // Assess
    expect(cdkCalls[0]?.slice(-2)).toEqual(['--context', `skillId=${SKILL_ID}`]);
    expect(printed[0]).toBe(
      `Using the skill ID that the ASK CLI stored in .ask/ask-states.json: ${SKILL_ID}`,
    );
  });

  it('stops with the CDK exit code when the deploy fails, leaving skill.json as it was', () => {
    // Prepare
    write('skill-package/skill.json', {
      manifest: { apis: { custom: { endpoint: { uri: 'PLACEHOLDER' } } } },
    });
    // Act
    const status = run([], 1);
    // Assess
    expect(status).toBe(1);
    expect(fs.readFileSync(path.join(root, 'skill-package/skill.json'), 'utf8')).toContain('PLACEHOLDER');
    expect(printed).toEqual([]);
  });
});
