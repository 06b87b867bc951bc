import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { type CountryCode, isSupportedCountry } from 'libphonenumber-js';
import { FrontDeskError } from '../../lambda/src/errors';
import { DEFAULT_TABLE_NAMES } from '../../lambda/src/repositories/table-definitions';
import { DirectoryImportError, UsageError } from './errors';
import { exportDirectoryFile } from './export-directory';
import { importDirectoryFile } from './import-directory';
import { createConsoleReporter, type ReportStream } from './progress';
import { formatOf } from './read-directory-file';
import { DEFAULT_REGION, LOCAL_ENDPOINT } from './store-client';
import { formatSummary } from './summary';

/** What the CLIs touch of the outside world, so tests can run them in-process. */
export interface CliIo {
  readonly stdout: ReportStream;
  readonly stderr: ReportStream;
  readonly stdinIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Asks a question on the terminal and returns the answer. */
  ask(question: string): Promise<string>;
}

/** Runs a CLI as the process's main module: its exit code becomes the process's, a crash exits 1. */
export function runMain(cli: (args: string[], io: CliIo) => Promise<number>): void {
  cli(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    ask: async (question) => {
      const prompt = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await prompt.question(question);
      } finally {
        prompt.close();
      }
    },
  };
}

/** Exit codes: 0 done, 1 rows rejected or the import failed, 2 bad arguments. */
export const ExitCodes = { ok: 0, failed: 1, usage: 2 } as const;

const IMPORT_USAGE = `Usage: npm run import -- FILE [options]
  FILE                     a .csv or .json directory file (columns: id,first_name,last_name,company,
                           title,email,phone,city,state,aliases)
  --endpoint URL           DynamoDB endpoint (default ${LOCAL_ENDPOINT}, the local store; any other
                           endpoint uses your AWS credentials)
  --region R               AWS region (default $AWS_REGION or ${DEFAULT_REGION})
  --directory-table NAME   default ${DEFAULT_TABLE_NAMES.directory}
  --users-table NAME       default ${DEFAULT_TABLE_NAMES.users}
  --create-tables          create the tables when they are missing
  --dry-run                report what would change and write nothing
  --prune                  delete contacts absent from FILE (asks first on a terminal)
  --yes                    prune without asking (needed when not on a terminal)
  --phone-region CC        region of phone numbers without a country code (default US)
  --concurrency N          BatchWriteItem calls in flight (default 4)
  -h, --help               this help`;

const EXPORT_USAGE = `Usage: npm run export -- FILE.csv|FILE.json [options]
  --endpoint URL           DynamoDB endpoint (default ${LOCAL_ENDPOINT})
  --region R               AWS region (default $AWS_REGION or ${DEFAULT_REGION})
  --directory-table NAME   default ${DEFAULT_TABLE_NAMES.directory}
  -h, --help               this help`;

const CONNECTION_OPTIONS = {
  endpoint: { type: 'string' },
  region: { type: 'string' },
  'directory-table': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `npm run import`: returns the exit code. */
export async function runImportCli(argv: readonly string[], io: CliIo): Promise<number> {
  return runCli(io, IMPORT_USAGE, async () => {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        ...CONNECTION_OPTIONS,
        'users-table': { type: 'string' },
        'create-tables': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        prune: { type: 'boolean' },
        yes: { type: 'boolean', short: 'y' },
        'phone-region': { type: 'string' },
        concurrency: { type: 'string' },
      },
    });
    if (values.help) {
      io.stdout.write(`${IMPORT_USAGE}\n`);
      return ExitCodes.ok;
    }
    const file = singleFile(positionals);
    formatOf(file);
    const prune = values.prune ?? false;
    const yes = values.yes ?? false;
    const dryRun = values['dry-run'] ?? false;
    if (prune && !yes && !dryRun && !io.stdinIsTTY) {
      throw new UsageError('--prune deletes contacts: pass --yes as well when not running on a terminal');
    }
    const phoneRegion = values['phone-region']?.toUpperCase();
    if (phoneRegion !== undefined && !isSupportedCountry(phoneRegion)) {
      throw new UsageError(`--phone-region ${phoneRegion} is not a known country code (US, CA, GB, ...)`);
    }
    const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
    if (
      concurrency !== undefined &&
      !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 32)
    ) {
      throw new UsageError('--concurrency must be a whole number from 1 to 32');
    }

    const reporter = createConsoleReporter(io.stderr);
    try {
      const summary = await importDirectoryFile({
        file,
        ...connection(values, io),
        ...(values['directory-table'] ? { directoryTable: values['directory-table'] } : {}),
        ...(values['users-table'] ? { usersTable: values['users-table'] } : {}),
        createTables: values['create-tables'] ?? false,
        dryRun,
        prune,
        ...(prune && !yes
          ? {
              confirmPrune: async (count: number) => {
                reporter.finish();
                const answer = await io.ask(
                  `--prune will delete ${count} contact(s) absent from ${file}, with their entries and presence. Continue? [y/N] `,
                );
                return /^y(es)?$/i.test(answer.trim());
              },
            }
          : {}),
        ...(phoneRegion ? { defaultPhoneRegion: phoneRegion as CountryCode } : {}),
        ...(concurrency ? { writer: { concurrency } } : {}),
        reporter,
      });
      reporter.finish();
      for (const rejection of summary.rejections)
        io.stderr.write(`line ${rejection.line}: ${rejection.reason}\n`);
      for (const line of formatSummary(summary)) io.stdout.write(`${line}\n`);
      return summary.rejections.length > 0 ? ExitCodes.failed : ExitCodes.ok;
    } finally {
      reporter.finish();
    }
  });
}

/** `npm run export`: returns the exit code. */
export async function runExportCli(argv: readonly string[], io: CliIo): Promise<number> {
  return runCli(io, EXPORT_USAGE, async () => {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: CONNECTION_OPTIONS,
    });
    if (values.help) {
      io.stdout.write(`${EXPORT_USAGE}\n`);
      return ExitCodes.ok;
    }
    const file = singleFile(positionals);
    formatOf(file);
    const summary = await exportDirectoryFile({
      file,
      ...connection(values, io),
      ...(values['directory-table'] ? { directoryTable: values['directory-table'] } : {}),
      reporter: createConsoleReporter(io.stderr),
    });
    io.stdout.write(`Exported ${summary.contacts} contacts to ${summary.file}\n`);
    return ExitCodes.ok;
  });
}

async function runCli(io: CliIo, usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
      return ExitCodes.usage;
    }
    if (error instanceof DirectoryImportError || error instanceof FrontDeskError) {
      io.stderr.write(`error: ${error.message}\n`);
      return ExitCodes.failed;
    }
    throw error;
  }
}

function singleFile(positionals: string[]): string {
  if (positionals.length !== 1 || !positionals[0]) {
    throw new UsageError(positionals.length === 0 ? 'FILE is required' : 'Give exactly one FILE');
  }
  return positionals[0];
}

function connection(
  values: { endpoint?: string | undefined; region?: string | undefined },
  io: CliIo,
): { endpoint: string; region: string } {
  const endpoint = values.endpoint ?? LOCAL_ENDPOINT;
  if (!/^https?:\/\/[^/]+/.test(endpoint))
    throw new UsageError(`--endpoint ${endpoint} is not an http(s) URL`);
  const region = values.region ?? io.env.AWS_REGION ?? DEFAULT_REGION;
  return { endpoint, region };
}
