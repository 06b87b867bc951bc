/**
 * The pure steps of `npm run deploy`: reading the skill ID the caller gave (or the ASK CLI stored),
 * pointing the skill manifest at the function, and telling the person what to run next.
 * scripts/deploy.ts does the I/O around them.
 */

/** Regions where Alexa can trigger a Lambda function. en-US skills are served from us-east-1. */
export const ALEXA_LAMBDA_REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2', 'ap-northeast-1'] as const;

/** Thrown when a deploy step meets a file or argument it cannot work with. */
export class DeployError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DeployError';
  }
}

/** The skill ID given as `-c skillId=...` or `--context skillId=...` among cdk arguments, if any. */
export function skillIdInArgs(args: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    let context: string | undefined;
    if (arg === '-c' || arg === '--context') {
      index += 1;
      context = args[index];
    } else if (arg.startsWith('--context=')) {
      context = arg.slice('--context='.length);
    }
    const match = /^skillId=(.+)$/.exec(context ?? '');
    if (match?.[1]) found = match[1].trim();
  }
  return found;
}

/** The skill ID the ASK CLI recorded in `.ask/ask-states.json` after `ask deploy`, if any. */
export function skillIdFromAskStates(askStates: unknown, profile = 'default'): string | undefined {
  const profiles = (askStates as { profiles?: Record<string, { skillId?: unknown }> } | null)?.profiles;
  const skillId = profiles?.[profile]?.skillId;
  return typeof skillId === 'string' && skillId.trim() ? skillId.trim() : undefined;
}

/** The region part of an ARN. */
export function regionOfArn(arn: string): string {
  const region = arn.split(':')[3];
  if (!arn.startsWith('arn:') || !region) throw new DeployError(`"${arn}" is not an ARN with a region`);
  return region;
}

/**
 * The skill manifest (the parsed `skill-package/skill.json`) with its custom skill endpoint set to
 * the function, every other field untouched. Returns the previous endpoint too, to report the change.
 */
export function withEndpoint(
  skillJson: unknown,
  functionArn: string,
): { skillJson: Record<string, unknown>; previousUri: string | undefined } {
  const root = skillJson as { manifest?: { apis?: { custom?: Record<string, unknown> } } } | null;
  const custom = root?.manifest?.apis?.custom;
  if (typeof custom !== 'object' || custom === null) {
    throw new DeployError('skill.json has no manifest.apis.custom: is it a custom skill manifest?');
  }
  const endpoint = (custom.endpoint ?? {}) as Record<string, unknown>;
  const previousUri = typeof endpoint.uri === 'string' ? endpoint.uri : undefined;
  const updated = structuredClone(root) as { manifest: { apis: { custom: Record<string, unknown> } } };
  // A Lambda endpoint is the ARN alone: `sslCertificateType` belongs to HTTPS endpoints.
  const { sslCertificateType: _https, ...rest } = endpoint;
  updated.manifest.apis.custom.endpoint = { ...rest, uri: functionArn };
  return { skillJson: updated as unknown as Record<string, unknown>, previousUri };
}

export interface DeployOutcome {
  readonly functionArn: string;
  readonly skillId: string | undefined;
  readonly directoryTable: string;
  readonly usersTable: string;
  /** Whether skill-package/skill.json was found and now points at the function. */
  readonly skillJsonUpdated: boolean;
}

/** What to run next, as lines to print. */
export function nextSteps(outcome: DeployOutcome): string[] {
  const region = regionOfArn(outcome.functionArn);
  const lines: string[] = [];
  if (!(ALEXA_LAMBDA_REGIONS as readonly string[]).includes(region)) {
    lines.push(
      `WARNING: the function is in ${region}; Alexa can only trigger functions in ${ALEXA_LAMBDA_REGIONS.join(', ')}.`,
      '  Redeploy in us-east-1 (for en-US), e.g. AWS_REGION=us-east-1 npm run deploy.',
      '',
    );
  }
  lines.push(`Function: ${outcome.functionArn}`);
  lines.push(
    outcome.skillJsonUpdated
      ? 'skill-package/skill.json now points at it (manifest.apis.custom.endpoint.uri). It holds your account ID: do not commit that change.'
      : 'skill-package/skill.json was not found: set the endpoint to the ARN above in the developer console (Build > Endpoint > AWS Lambda ARN).',
  );
  lines.push('', 'Next:');
  if (outcome.skillId === undefined) {
    lines.push(
      '  1. Create the skill and get its ID (amzn1.ask.skill...), either:',
      '     - in the developer console: Create Skill > Custom > Provision your own; the ID is on the skill list; or',
      '     - with the ASK CLI: `ask deploy` (this needs the trigger to exist: deploy with -c allowAnySkill=true first).',
      '  2. Lock the trigger to that skill:  npm run deploy -- -c skillId=amzn1.ask.skill.<id> -c alarmEmail=<you@example.com>',
    );
  } else {
    lines.push(
      '  1. Send the manifest and the interaction model to the skill, either:',
      '     - `ask deploy` (ASK CLI), or',
      `     - ask smapi update-skill-manifest -s ${outcome.skillId} -g development --manifest "file:skill-package/skill.json"`,
      '  2. In the developer console, Test tab: set "Skill testing is enabled in" to Development, then',
      '     type or say "open front desk". Testers added under Distribution > Beta test reach it from their own devices.',
    );
  }
  lines.push(
    '',
    'Load the directory into the deployed tables:',
    `  npm run import -- data/sample-directory.csv --endpoint https://dynamodb.${region}.amazonaws.com --region ${region} \\`,
    `    --directory-table ${outcome.directoryTable} --users-table ${outcome.usersTable}`,
  );
  return lines;
}
