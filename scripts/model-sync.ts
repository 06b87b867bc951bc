import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../lambda/src/repositories/dynamodb-client';
import { DEFAULT_TABLE_NAMES } from '../lambda/src/repositories/table-definitions';
import { ModelSyncError, readDirectoryCsv, readDirectoryStore } from './model-sync/read-directory';
import { type DirectoryName, type ModelFile, modelText, syncModel } from './model-sync/slot-values';

const PROJECT_ROOT = path.resolve(__dirname, '..');
export const DEFAULT_MODEL = path.join(PROJECT_ROOT, 'skill-package/interactionModels/custom/en-US.json');
const LOCAL_ENDPOINT = 'http://127.0.0.1:8000';

const USAGE = `Usage: npm run model:sync -- [FILE.csv] [options]
  Writes the directory's names, aliases and companies into the CONTACT_NAME and COMPANY_NAME slot
  types of the interaction model. Reads FILE.csv when given, else the directory table.
  --endpoint URL           DynamoDB endpoint (default ${LOCAL_ENDPOINT}, the local store; any other
                           endpoint uses your AWS credentials)
  --region R               AWS region (default $AWS_REGION or us-east-1)
  --directory-table NAME   default ${DEFAULT_TABLE_NAMES.directory}
  --model PATH             the model to update (default skill-package/interactionModels/custom/en-US.json)
  --check                  write nothing; exit 1 when the model is out of date
  -h, --help               this help`;

export interface ModelSyncOptions {
  readonly file?: string | undefined;
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
  readonly directoryTable?: string | undefined;
  readonly model?: string | undefined;
  readonly check?: boolean | undefined;
}

export interface ModelSyncOutcome {
  readonly contacts: number;
  readonly companies: number;
  readonly changed: boolean;
  readonly model: string;
}

async function readDirectory(options: ModelSyncOptions): Promise<DirectoryName[]> {
  if (options.file) return readDirectoryCsv(options.file);
  const endpoint = options.endpoint ?? LOCAL_ENDPOINT;
  const region = options.region ?? process.env.AWS_REGION ?? 'us-east-1';
  // A loopback store takes dummy credentials; anywhere else uses the normal AWS credential chain.
  const local = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/?$/.test(endpoint);
  const client = local
    ? createDocumentClient({ endpoint })
    : DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region }));
  try {
    return await readDirectoryStore(client, options.directoryTable ?? DEFAULT_TABLE_NAMES.directory);
  } finally {
    client.destroy();
  }
}

/** Syncs the model from a directory CSV or table; with `check`, only tells whether it would change. */
export async function runModelSync(options: ModelSyncOptions): Promise<ModelSyncOutcome> {
  const modelPath = options.model ?? DEFAULT_MODEL;
  const before = await readFile(modelPath, 'utf8');
  const directory = await readDirectory(options);
  if (directory.length === 0) throw new ModelSyncError('The directory is empty: nothing to sync from');
  const synced = syncModel(JSON.parse(before) as ModelFile, directory);
  const after = modelText(synced);
  const changed = after !== before;
  if (changed && !options.check) await writeFile(modelPath, after, 'utf8');
  const companies =
    synced.interactionModel.languageModel.types?.find((type) => type.name === 'COMPANY_NAME')?.values
      .length ?? 0;
  return { contacts: directory.length, companies, changed, model: modelPath };
}

async function main(argv: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    const outcome = await runModelSync(parsed.options);
    const what = `${outcome.contacts} contacts, ${outcome.companies} companies`;
    if (parsed.options.check) {
      console.log(
        outcome.changed ? `${outcome.model} is out of date (${what})` : `${outcome.model} is up to date`,
      );
      return outcome.changed ? 1 : 0;
    }
    console.log(`${outcome.changed ? 'Updated' : 'Already up to date:'} ${outcome.model} (${what})`);
    return 0;
  } catch (error) {
    if (error instanceof ModelSyncError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function parseCli(argv: readonly string[]): { help: boolean; options: ModelSyncOptions } {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      endpoint: { type: 'string' },
      region: { type: 'string' },
      'directory-table': { type: 'string' },
      model: { type: 'string' },
      check: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (positionals.length > 1) throw new Error('Give at most one FILE');
  const file = positionals[0];
  if (file && !file.toLowerCase().endsWith('.csv')) throw new Error(`${file} is not a .csv file`);
  return {
    help: values.help ?? false,
    options: {
      file,
      endpoint: values.endpoint,
      region: values.region,
      directoryTable: values['directory-table'],
      model: values.model,
      check: values.check,
    },
  };
}

if (require.main === module) {
  main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
