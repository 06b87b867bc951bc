import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CliIo, runExportCli, runImportCli } from '../../../../scripts/directory-import/cli';
import {
  startDirectoryStore,
  type TestDirectoryStore,
  temporaryFolder,
} from '../../../support/directory-store';

const FIXTURES = join(__dirname, '../../../fixtures/import');
const FIXTURE = join(FIXTURES, 'directory.csv');

type Folder = Awaited<ReturnType<typeof temporaryFolder>>;

let store: TestDirectoryStore;
let folder: Folder;

beforeEach(async () => {
  store = await startDirectoryStore();
  folder = await temporaryFolder();
});

afterEach(async () => {
  await store.close();
  await folder.cleanup();
});

interface FakeIo extends CliIo {
  readonly out: string[];
  readonly err: string[];
  readonly questions: string[];
}

function fakeIo(options: { tty?: boolean; answer?: string } = {}): FakeIo {
  const out: string[] = [];
  const err: string[] = [];
  const questions: string[] = [];
  return {
    out,
    err,
    questions,
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text), isTTY: false },
    stdinIsTTY: options.tty ?? false,
    env: {},
    ask: async (question) => {
      questions.push(question);
      return options.answer ?? '';
    },
  };
}

async function runImport(
  args: string[],
  io: FakeIo = fakeIo(),
): Promise<{ code: number; out: string; err: string }> {
  const code = await runImportCli([...args, '--endpoint', store.endpoint], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('npm run import', () => {
  it('imports a file, prints the summary and exits 0', async () => {
    const { code, out, err } = await runImport([FIXTURE]);

    expect(code).toBe(0);
    expect(out).toMatch(
      /^10 added, 0 updated, 0 unchanged \(10 contacts in .*directory\.csv, [\d.]+ s, [\d,]+ contacts\/s\)\n/,
    );
    expect(err).toContain('100% (');
  });

  it('reports each rejected row as "line N: reason", imports the rest and exits 1', async () => {
    // Act
    const { code, out, err } = await runImport([join(FIXTURES, 'rejected-rows.csv')]);

    // Assess
    expect(code).toBe(1);
    expect(err).toContain('warning: line 1: unknown column "department" is ignored\n');
    expect(err).toContain(
      [
        'line 3: email "not-an-email" is not an email address',
        'line 4: a first or a last name is required',
        'line 5: phone "555-0100" is not a valid phone number',
        'line 6: state "Texsa" is not a US state name or USPS code',
        'line 7: id 6 is also on line 8',
        'line 8: id 6 is also on line 7',
        'line 9: id is missing',
        'line 10: 12 fields where the header has 11 (a comma or a quote out of place?)',
      ].join('\n'),
    );
    expect(out).toMatch(/^2 added, 0 updated, 0 unchanged, 8 rejected/);
    expect(await store.item('CONTACT#8', 'CONTACT')).toEqual(expect.objectContaining({ firstName: 'Mae' }));
  });

  it('refuses a file it cannot read as a whole, writes nothing and exits 1', async () => {
    const broken = await folder.file(
      'broken.csv',
      'id,first_name,last_name,company,title,email,phone,city,state,aliases\n1,"Jane,Doe,,,,,,,\n',
    );

    const { code, err } = await runImport([broken]);

    expect(code).toBe(1);
    expect(err).toMatch(
      /\nerror: line 2: a quoted field is never closed, so the rest of the file cannot be read; nothing was imported\n$/,
    );
    expect(await store.items()).toEqual([]);
  });

  it('refuses to prune off a terminal without --yes, before writing anything', async () => {
    const { code, err } = await runImport([FIXTURE, '--prune']);

    expect(code).toBe(2);
    expect(err).toMatch(/^--prune deletes contacts: pass --yes/);
    expect(await store.items()).toEqual([]);
  });

  it('asks before pruning on a terminal and prunes on "y"', async () => {
    // Prepare
    await runImport([FIXTURE]);
    const smaller = await folder.file(
      'smaller.csv',
      (await readFile(FIXTURE, 'utf8'))
        .split('\n')
        .filter((line) => !line.startsWith('9,'))
        .join('\n'),
    );
    const io = fakeIo({ tty: true, answer: 'y' });

    // Act
    const { code, out } = await runImport([smaller, '--prune'], io);

    // Assess
    expect(code).toBe(0);
    expect(io.questions).toEqual([
      expect.stringMatching(/^--prune will delete 1 contact\(s\) absent from .*smaller\.csv/),
    ]);
    expect(out).toMatch(/^0 added, 0 updated, 9 unchanged, 1 pruned/);
    expect(await store.item('CONTACT#9', 'CONTACT')).toBeUndefined();
  });

  it('prunes without asking with --yes', async () => {
    await runImport([FIXTURE]);
    const one = await folder.file(
      'one.csv',
      (await readFile(FIXTURE, 'utf8')).split('\n').slice(0, 2).join('\n'),
    );
    const io = fakeIo({ tty: true });

    const { code, out } = await runImport([one, '--prune', '--yes'], io);

    expect(code).toBe(0);
    expect(io.questions).toEqual([]);
    expect(out).toMatch(/9 pruned/);
  });

  it('reports a dry run without writing', async () => {
    const { code, out } = await runImport([FIXTURE, '--dry-run']);

    expect(code).toBe(0);
    expect(out).toMatch(/^Dry run, nothing written: 10 added, 0 updated, 0 unchanged/);
    expect(out).toMatch(/\nWould put 188 items and delete 0; browse groups: 49 written, 0 deleted\n$/);
    expect(await store.items()).toEqual([]);
  });

  it('explains its arguments and exits 2 when they are wrong', async () => {
    expect((await runImport([])).code).toBe(2);
    const wrongType = await runImport(['people.xlsx']);
    expect(wrongType.err).toMatch(
      /^people\.xlsx: the file name must end in \.csv or \.json\n\nUsage: npm run import/,
    );
    expect((await runImport([FIXTURE, '--concurrency', '0'])).code).toBe(2);
    expect((await runImport([FIXTURE, '--phone-region', 'XX'])).code).toBe(2);
    expect((await runImport([FIXTURE, '--no-such-flag'])).code).toBe(2);
  });
});

describe('npm run export', () => {
  it('writes the directory to the file named and says how many contacts', async () => {
    // Prepare
    await runImport([FIXTURE]);
    const file = join(folder.path, 'out.json');
    const io = fakeIo();

    // Act
    const code = await runExportCli([file, '--endpoint', store.endpoint], io);

    // Assess
    expect(code).toBe(0);
    expect(io.out.join('')).toBe(`Exported 10 contacts to ${file}\n`);
    expect(JSON.parse(await readFile(file, 'utf8'))).toHaveLength(10);
  });
});
