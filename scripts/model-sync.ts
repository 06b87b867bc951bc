import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../lambda/src/repositories/dynamodb-client';
import { DEFAULT_TABLE_NAMES } from '../lambda/src/repositories/table-definitions';
import { ModelSyncError, readDirectoryCsv, readDirectoryStore } from './model-sync/read-directory';
import {
  type DirectoryName,
  type ModelFile,
  modelText,
  syncModel,
  syncOptionsFor,
} from './model-sync/slot-values';

const PROJECT_ROOT = path.resolve(__dirname, '..');
export const MODELS_FOLDER = path.join(PROJECT_ROOT, 'skill-package/interactionModels/custom');
export const DEFAULT_MODEL = path.join(MODELS_FOLDER, 'en-US.json');
const LOCAL_ENDPOINT = 'http://127.0.0.1:8000';

const USAGE = `Usage: npm run model:sync -- [FILE.csv] [options]
  Writes the directory's names, aliases and companies into the CONTACT_NAME and COMPANY_NAME slot
  types of the interaction model. Reads FILE.csv when given, else the directory table.
  --endpoint URL           DynamoDB endpoint (default ${LOCAL_ENDPOINT}, the local store; any other
                           endpoint uses your AWS credentials)
  --region R               AWS region (default $AWS_REGION or us-east-1)
  --directory-table NAME   default ${DEFAULT_TABLE_NAMES.directory}
  --model PATH             the one model to update (default: every locale's model in
                           skill-package/interactionModels/custom/)
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
  /** Whether any model changed (or, with `check`, would). */
  readonly changed: boolean;
  /** The first model synced: the one given, or en-US. */
  readonly model: string;
  /** Every model synced, and whether it changed. */
  readonly models: readonly { readonly model: string; readonly changed: boolean }[];
}

/** Every locale's model, en-US first. */
export async function localeModels(folder = MODELS_FOLDER): Promise<string[]> {
  const files = (await readdir(folder)).filter((file) => /^[a-z]{2}-[A-Z]{2}\.json$/.test(file)).sort();
  return files
    .sort((a, b) => Number(b === 'en-US.json') - Number(a === 'en-US.json'))
    .map((file) => path.join(folder, file));
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

/**
 * Syncs the models (`options.model`, else every locale's) from a directory CSV or table, read
 * once; with `check`, only tells whether they would change.
 */
export async function runModelSync(options: ModelSyncOptions): Promise<ModelSyncOutcome> {
  const modelPaths = options.model ? [options.model] : await localeModels();
  const directory = await readDirectory(options);
  if (directory.length === 0) throw new ModelSyncError('The directory is empty: nothing to sync from');
  const models: { model: string; changed: boolean }[] = [];
  let companies = 0;
  for (const modelPath of modelPaths) {
    const before = await readFile(modelPath, 'utf8');
    const locale = path.basename(modelPath, '.json');
    const synced = syncModel(JSON.parse(before) as ModelFile, directory, syncOptionsFor(locale));
    const after = modelText(synced);
    const changed = after !== before;
    if (changed && !options.check) await writeFile(modelPath, after, 'utf8');
    models.push({ model: modelPath, changed });
    companies ||=
      synced.interactionModel.languageModel.types?.find((type) => type.name === 'COMPANY_NAME')?.values
        .length ?? 0;
  }
  return {
    contacts: directory.length,
    companies,
    changed: models.some((entry) => entry.changed),
    model: modelPaths[0] ?? DEFAULT_MODEL,
    models,
  };
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
    for (const { model, changed } of outcome.models) {
      if (parsed.options.check)
        console.log(changed ? `${model} is out of date (${what})` : `${model} is up to date`);
      else console.log(`${changed ? 'Updated' : 'Already up to date:'} ${model} (${what})`);
    }
    return parsed.options.check && outcome.changed ? 1 : 0;
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
