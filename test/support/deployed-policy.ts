import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../scripts/lambda-build-options';

/**
 * The IAM policies of the synthesized stack, put in front of a local DynamoDB or EventBridge client:
 * dynalite and the local EventBridge endpoint have no IAM, so without this a call the deployed role
 * may not make passes every test and fails only in AWS. Every command a guarded client sends is
 * checked against the policy's actions and resources (tables, indexes and the event bus, their ARNs
 * mapped to the local table and bus names) before it leaves; a refused one fails as AWS would (an
 * `AccessDeniedException` naming the action and the resource) and is recorded, so the test can
 * assert that nothing was refused.
 */

/** Which of the stack's policies a client runs under. */
export type DeployedPolicyName = 'skill' | 'admin';

type Expression = string | { [key: string]: unknown };

interface Statement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | string[];
  readonly Resource: Expression | Expression[];
  readonly Sid?: string;
}

/** What the synthesized template says, reduced to what the check needs; cached on disk as JSON. */
interface SynthesizedPolicies {
  readonly statements: Readonly<Record<DeployedPolicyName, readonly Statement[]>>;
  /** Logical IDs of the tables, to map their ARNs (`Fn::GetAtt`) to the local tables. */
  readonly tableIds: { readonly directory: string; readonly users: string };
  /** Logical ID of the event bus (the one whose name the functions get as `EVENT_BUS_NAME`). */
  readonly busId: string;
}

/** One command the policy did not allow. */
export interface Refusal {
  readonly action: string;
  readonly resource: string;
}

export interface PolicyGuard {
  readonly policy: DeployedPolicyName;
  readonly refusals: readonly Refusal[];
  /** Throws, naming every refused action and resource, if anything was refused. */
  assertNoRefusals(): void;
}

/** The local tables a guarded client talks to, in place of the stack's. */
export interface LocalTables {
  readonly directory: string;
  readonly users: string;
}

const ACCOUNT = '000000000000';
const REGION = 'local';
const tableArn = (name: string) => `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`;
/** A bus named in a PutEvents entry: by name, or by ARN; none is the account's default bus. */
const eventBusArn = (nameOrArn = 'default') =>
  nameOrArn.startsWith('arn:') ? nameOrArn : `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/${nameOrArn}`;

// Everything the template is built from (infra/ and what it imports from outside it, the CDK
// version, the feature flags); the cache is keyed on their contents, so a change re-synthesizes.
const POLICY_SOURCES = [
  'infra',
  'cdk.json',
  'package-lock.json',
  'lambda/src/config.ts',
  'lambda/src/metrics.ts',
  'lambda/src/interaction.ts',
  'lambda/src/repositories/table-definitions.ts',
  'scripts/lambda-build-options.ts',
  'test/infra/stack-fixture.ts',
];

function sourceFiles(entry: string): string[] {
  const full = path.join(PROJECT_ROOT, entry);
  if (!fs.statSync(full).isDirectory()) return [full];
  return fs
    .readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => path.join(full, file));
}

function cacheKey(): string {
  const hash = createHash('sha256').update(fs.readFileSync(__filename));
  for (const file of POLICY_SOURCES.flatMap(sourceFiles)) {
    hash.update(path.relative(PROJECT_ROOT, file)).update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Synthesizes the app as `npm run synth` does (the real app's context, cdk-nag included), with a
 * skill ID so it has everything a deploy has, on the infra tests' fixture entry: the policies do not
 * depend on the bundle, and bundling would cost seconds.
 */
function synthesize(): SynthesizedPolicies {
  // Required here, not imported: a test file that finds the cache never loads the CDK.
  const { App } = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
  const { addFrontDesk } =
    require('../../infra/lib/front-desk-app') as typeof import('../../infra/lib/front-desk-app');
  const { cdkJsonContext, FIXTURE_ENTRY, SKILL_ID } =
    require('../infra/stack-fixture') as typeof import('../infra/stack-fixture');
  const app = new App({
    context: {
      ...cdkJsonContext(),
      skillId: SKILL_ID,
      alarmEmail: 'ops@example.com',
      'aws:cdk:bundling-stacks': [],
    },
    stackTraces: false,
    builtinCloudFormationValidation: false,
    autoSynth: false,
  });
  const stack = addFrontDesk(app, { entry: FIXTURE_ENTRY }, () => {});
  const template = app.synth().getStackByName(stack.stackName).template as {
    Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  };
  const idOf = (construct: { node: { defaultChild?: unknown } }) =>
    stack.getLogicalId(construct.node.defaultChild as import('aws-cdk-lib').CfnElement);
  const skillRoleId = idOf(stack.backend.handler.role as never);
  const skillStatements = Object.values(template.Resources)
    .filter(
      (resource) =>
        resource.Type === 'AWS::IAM::Policy' &&
        JSON.stringify(resource.Properties.Roles).includes(JSON.stringify({ Ref: skillRoleId })),
    )
    .flatMap((resource) => (resource.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  const admin = template.Resources[idOf(stack.adminPolicy)];
  if (!admin) throw new Error('The synthesized template has no admin policy');
  return {
    statements: {
      skill: skillStatements,
      admin: (admin.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
    },
    tableIds: { directory: idOf(stack.backend.directoryTable), users: idOf(stack.backend.usersTable) },
    busId: idOf(stack.backend.delivery.bus),
  };
}

let loaded: SynthesizedPolicies | undefined;

/** The stack's policies: from the cache when infra/ has not changed since, else synthesized once. */
function synthesizedPolicies(): SynthesizedPolicies {
  if (loaded) return loaded;
  const cacheFile = path.join(PROJECT_ROOT, 'node_modules/.cache/front-desk', `policies-${cacheKey()}.json`);
  if (fs.existsSync(cacheFile)) {
    loaded = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as SynthesizedPolicies;
    return loaded;
  }
  loaded = synthesize();
  fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
  // Test files synthesize in parallel on a cold cache: each writes whole, then renames.
  const partial = `${cacheFile}.${process.pid}`;
  fs.writeFileSync(partial, JSON.stringify(loaded));
  fs.renameSync(partial, cacheFile);
  return loaded;
}

/** The stack's resources a policy names, by logical ID: the local name (`Ref`) and ARN (`Arn`). */
type LocalResources = Readonly<Record<string, { readonly name: string; readonly arn: string }>>;

/** A CloudFormation expression of the policy, resolved for the local tables and bus. */
function resolve(expression: unknown, local: LocalResources): string {
  if (typeof expression === 'string') return expression;
  const object = expression as Record<string, unknown>;
  if ('Fn::GetAtt' in object) {
    const [id, attribute] = object['Fn::GetAtt'] as [string, string];
    const resource = local[id];
    return resource !== undefined && attribute === 'Arn' ? resource.arn : `<${id}.${attribute}>`;
  }
  if ('Ref' in object) {
    const pseudo: Record<string, string> = {
      'AWS::Partition': 'aws',
      'AWS::Region': REGION,
      'AWS::AccountId': ACCOUNT,
    };
    const ref = object.Ref as string;
    return pseudo[ref] ?? local[ref]?.name ?? `<${ref}>`;
  }
  if ('Fn::Join' in object) {
    const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
    return parts.map((part) => resolve(part, local)).join(separator);
  }
  throw new Error(`The policy check cannot resolve ${JSON.stringify(expression)}: teach deployed-policy.ts`);
}

/** IAM's wildcards: `*` any run of characters, `?` one. */
function globMatches(pattern: string, value: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(value);
}

interface ResolvedStatement {
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

function resolveStatements(statements: readonly Statement[], local: LocalResources): ResolvedStatement[] {
  return statements.map((statement) => {
    const extra = Object.keys(statement).filter(
      (key) => !['Effect', 'Action', 'Resource', 'Sid'].includes(key),
    );
    if (extra.length > 0) {
      throw new Error(`The policy check does not evaluate ${extra.join(', ')}: teach deployed-policy.ts`);
    }
    return {
      effect: statement.Effect,
      actions: [statement.Action].flat(),
      resources: [statement.Resource].flat().map((resource) => resolve(resource, local)),
    };
  });
}

function allows(statements: readonly ResolvedStatement[], action: string, resource: string): boolean {
  const matching = statements.filter(
    (statement) =>
      // Action names are case-insensitive in IAM; ARNs are not.
      statement.actions.some((pattern) => globMatches(pattern.toLowerCase(), action.toLowerCase())) &&
      statement.resources.some((pattern) => globMatches(pattern, resource)),
  );
  return matching.some((s) => s.effect === 'Allow') && !matching.some((s) => s.effect === 'Deny');
}

type Input = Record<string, unknown>;

/**
 * The IAM actions and resources one operation needs, as DynamoDB or EventBridge authorizes it (a
 * PutEvents needs `events:PutEvents` on the bus of each of its entries).
 */
export function requiredPermissions(operation: string, input: Input): Refusal[] {
  const on = (action: string, table: unknown, index?: unknown): Refusal => ({
    action: `dynamodb:${action}`,
    resource: `${tableArn(String(table))}${index ? `/index/${String(index)}` : ''}`,
  });
  switch (operation) {
    case 'GetItem':
    case 'PutItem':
    case 'UpdateItem':
    case 'DeleteItem':
    case 'DescribeTable':
    case 'CreateTable':
      return [on(operation, input.TableName)];
    case 'Query':
    case 'Scan':
      return [on(operation, input.TableName, input.IndexName)];
    case 'BatchGetItem':
    case 'BatchWriteItem':
      return Object.keys((input.RequestItems ?? {}) as Input).map((table) => on(operation, table));
    case 'ListTables':
      return [{ action: 'dynamodb:ListTables', resource: '*' }];
    case 'PutEvents':
      return ((input.Entries ?? []) as Array<{ EventBusName?: string }>).map((entry) => ({
        action: 'events:PutEvents',
        resource: eventBusArn(entry.EventBusName),
      }));
    default:
      throw new Error(`The policy check does not know what ${operation} needs: teach deployed-policy.ts`);
  }
}

// The document client's commands go by their own names; the operation is the same.
const DOCUMENT_OPERATIONS: Record<string, string> = {
  GetCommand: 'GetItem',
  PutCommand: 'PutItem',
  UpdateCommand: 'UpdateItem',
  DeleteCommand: 'DeleteItem',
  BatchGetCommand: 'BatchGetItem',
  BatchWriteCommand: 'BatchWriteItem',
};

function operationOf(context: Record<string, unknown>): string {
  const smithy = context.__smithy_context as { operation?: string } | undefined;
  if (smithy?.operation) return smithy.operation;
  const command = String(context.commandName ?? '');
  return DOCUMENT_OPERATIONS[command] ?? command.replace(/Command$/, '');
}

/** What AWS answers a caller its policy does not allow: the error name and message shape. */
export class DeployedPolicyDenied extends Error {
  public readonly $fault = 'client';
  public readonly $metadata = { httpStatusCode: 400 };
  public constructor(
    policy: DeployedPolicyName,
    public readonly refusal: Refusal,
  ) {
    super(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/front-desk-${policy}/test is not authorized to perform: ` +
        `${refusal.action} on resource: ${refusal.resource} because no identity-based policy allows the ` +
        `${refusal.action} action`,
    );
    this.name = 'AccessDeniedException';
  }
}

interface MiddlewareClient {
  readonly middlewareStack: {
    add(
      middleware: (
        next: (args: { input: object }) => Promise<unknown>,
        context: Record<string, unknown>,
      ) => (args: { input: object }) => Promise<unknown>,
      options: { step: 'initialize'; name: string; priority: 'high' },
    ): void;
  };
}

let guardCounter = 0;

/**
 * Puts one of the stack's policies in front of a client (a DocumentClient or the DynamoDBClient
 * under it: they share one middleware stack; or an EventBridgeClient): a command the policy does
 * not allow is refused before it is sent, as AWS would refuse it, and recorded in the returned guard.
 * The stack's tables are mapped to `tables`, and its bus to `eventBus` when given.
 */
export function guardWithDeployedPolicy(
  client: object,
  options: { policy: DeployedPolicyName; tables: LocalTables; eventBus?: string },
): PolicyGuard {
  const policies = synthesizedPolicies();
  const local: Record<string, { name: string; arn: string }> = {
    [policies.tableIds.directory]: {
      name: options.tables.directory,
      arn: tableArn(options.tables.directory),
    },
    [policies.tableIds.users]: { name: options.tables.users, arn: tableArn(options.tables.users) },
  };
  if (options.eventBus !== undefined) {
    local[policies.busId] = { name: options.eventBus, arn: eventBusArn(options.eventBus) };
  }
  const statements = resolveStatements(policies.statements[options.policy], local);
  const refusals: Refusal[] = [];
  guardCounter += 1;
  (client as MiddlewareClient).middlewareStack.add(
    (next, context) => async (args) => {
      for (const needed of requiredPermissions(operationOf(context), args.input as Input)) {
        if (!allows(statements, needed.action, needed.resource)) {
          refusals.push(needed);
          throw new DeployedPolicyDenied(options.policy, needed);
        }
      }
      return next(args);
    },
    // High priority: checked before anything else runs, as IAM answers before the service does.
    { step: 'initialize', name: `deployedPolicy${guardCounter}`, priority: 'high' },
  );
  return {
    policy: options.policy,
    refusals,
    assertNoRefusals: () => {
      if (refusals.length === 0) return;
      const list = refusals.map((refusal) => `  ${refusal.action} on ${refusal.resource}`).join('\n');
      throw new Error(
        `The deployed ${options.policy} policy refused ${refusals.length} call(s) that the code made:\n${list}\n` +
          `In AWS these fail with AccessDeniedException. Grant them in infra/lib/${
            options.policy === 'skill' ? 'runtime-access.ts' : 'admin-access.ts'
          }, or stop sending them.`,
      );
    },
  };
}
