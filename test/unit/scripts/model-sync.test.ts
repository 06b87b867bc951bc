import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_MODEL, runModelSync } from '../../../scripts/model-sync';
import { readDirectoryCsv } from '../../../scripts/model-sync/read-directory';
import {
  companyNameValues,
  contactNameValues,
  type DirectoryName,
  type ModelFile,
  modelText,
  type SlotValue,
  syncModel,
} from '../../../scripts/model-sync/slot-values';
import { SAMPLE_DIRECTORY_CSV } from '../../support/skill-package';

const committedText = () => readFile(DEFAULT_MODEL, 'utf8');
const typeValues = (model: ModelFile, name: string): readonly SlotValue[] =>
  model.interactionModel.languageModel.types?.find((type) => type.name === name)?.values ?? [];

function withoutValues(model: ModelFile, ...names: string[]): ModelFile {
  const languageModel = model.interactionModel.languageModel;
  return {
    ...model,
    interactionModel: {
      ...model.interactionModel,
      languageModel: {
        ...languageModel,
        types: (languageModel.types ?? []).map((type) =>
          names.includes(type.name) ? { ...type, values: [] } : type,
        ),
      },
    },
  };
}

describe('model:sync from the sample directory', () => {
  it('leaves the committed model exactly as it is: the committed values are what the sync writes', async () => {
    // Prepare
    const text = await committedText();
    const directory = await readDirectoryCsv(SAMPLE_DIRECTORY_CSV);

    // Act
    const synced = modelText(syncModel(JSON.parse(text), directory));

    // Assess
    expect(synced).toBe(text);
  });

  it('rebuilds every contact and company value from scratch, keeping only hand-added company synonyms aside', async () => {
    // Prepare
    const committed = JSON.parse(await committedText()) as ModelFile;
    const directory = await readDirectoryCsv(SAMPLE_DIRECTORY_CSV);

    // Act
    const rebuilt = syncModel(withoutValues(committed, 'CONTACT_NAME', 'COMPANY_NAME'), directory);

    // Assess
    expect(typeValues(rebuilt, 'CONTACT_NAME')).toEqual(typeValues(committed, 'CONTACT_NAME'));
    const handAdded = typeValues(committed, 'COMPANY_NAME').flatMap((value) => {
      const generated = typeValues(rebuilt, 'COMPANY_NAME').find((candidate) => candidate.id === value.id);
      return (value.name.synonyms ?? []).filter((synonym) => !generated?.name.synonyms?.includes(synonym));
    });
    expect(handAdded).toEqual(['Globex Corporation', 'Northwind', 'Tailspin']);
    expect(typeValues(rebuilt, 'COMPANY_NAME').map((value) => [value.id, value.name.value])).toEqual(
      typeValues(committed, 'COMPANY_NAME').map((value) => [value.id, value.name.value]),
    );
  });

  it('changes nothing but the two slot types, and syncing twice gives the same file', async () => {
    // Prepare
    const committed = JSON.parse(await committedText()) as ModelFile;
    const directory: DirectoryName[] = [
      { id: 'x1', firstName: 'Ada', lastName: 'Byron', company: 'Analytical', aliases: [] },
    ];

    // Act
    const once = syncModel(committed, directory);
    const twice = syncModel(once, directory);

    // Assess
    expect(modelText(twice)).toBe(modelText(once));
    const others = (model: ModelFile) => {
      const { types, ...rest } = model.interactionModel.languageModel;
      return {
        rest,
        types: (types ?? []).filter((type) => !['CONTACT_NAME', 'COMPANY_NAME'].includes(type.name)),
      };
    };
    expect(others(once)).toEqual(others(committed));
    expect(once.interactionModel.languageModel.types?.map((type) => type.name)).toEqual(
      committed.interactionModel.languageModel.types?.map((type) => type.name),
    );
  });
});

describe('contactNameValues', () => {
  it('derives every value from the directory alone: id order, shared names told apart by company, spellings as synonyms', () => {
    // Act
    const values = contactNameValues([
      { id: 'c2', firstName: 'Robert', lastName: 'Smith', aliases: ['Bob'] },
      { id: 'c10', firstName: 'Zoë', lastName: 'Laurent-Petit', aliases: [] },
      { id: 'c1', firstName: 'Jane', lastName: 'Doe', company: 'Acme Corp.', aliases: [] },
      { id: 'c3', firstName: 'Jane', lastName: 'Doe', company: 'Barnes & Noble', aliases: [] },
    ]);

    // Assess
    expect(values).toEqual([
      { id: 'c1', name: { value: 'Jane Doe at Acme Corp.', synonyms: ['Jane Doe'] } },
      { id: 'c2', name: { value: 'Robert Smith', synonyms: ['Bob', 'Bob Smith'] } },
      { id: 'c3', name: { value: 'Jane Doe at Barnes and Noble', synonyms: ['Jane Doe'] } },
      {
        id: 'c10',
        name: {
          value: 'Zoë Laurent-Petit',
          synonyms: ['Zoe Laurent-Petit', 'Zoë Laurent Petit', 'Zoe Laurent Petit'],
        },
      },
    ]);
  });
});

describe('companyNameValues', () => {
  const existing: SlotValue[] = [
    { id: 'northwind traders', name: { value: 'Northwind Traders', synonyms: ['Northwind'] } },
    { id: 'gone', name: { value: 'Gone Inc.', synonyms: ['Gone', 'Gone Incorporated', 'Gonzo'] } },
    { id: 'acme', name: { value: 'Acme Corp.', synonyms: ['Acme', 'Initech'] } },
  ];

  it('keeps hand-added synonyms of companies still there, unless another company is called that', () => {
    // Act
    const values = companyNameValues(
      [
        { id: 'c1', firstName: 'A', lastName: 'A', company: 'Acme Corp.', aliases: [] },
        { id: 'c2', firstName: 'B', lastName: 'B', company: 'Northwind Traders', aliases: [] },
        { id: 'c3', firstName: 'C', lastName: 'C', company: 'Initech', aliases: [] },
        { id: 'c4', firstName: 'D', lastName: 'D', company: 'ACME Corp.', aliases: [] },
        { id: 'c5', firstName: 'E', lastName: 'E', company: 'Acme Corp.', aliases: [] },
      ],
      existing,
    );

    // Assess
    expect(values).toEqual([
      { id: 'acme', name: { value: 'Acme Corp.', synonyms: ['Acme', 'Acme Corporation'] } },
      { id: 'northwind traders', name: { value: 'Northwind Traders', synonyms: ['Northwind'] } },
      { id: 'initech', name: { value: 'Initech' } },
    ]);
  });
});

describe('npm run model:sync', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'model-sync-'));
  });

  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('writes a changed directory into the model file, and --check then finds it up to date', async () => {
    // Prepare
    const model = path.join(folder, 'en-US.json');
    const csv = path.join(folder, 'directory.csv');
    await writeFile(model, await committedText());
    await writeFile(
      csv,
      'id,first_name,last_name,company,title,email,phone,city,state,aliases\nn1,Grace,Hopper,Navy Corp.,,,,,,Amazing Grace\n',
    );

    // Act
    const first = await runModelSync({ file: csv, model });
    const check = await runModelSync({ file: csv, model, check: true });

    // Assess
    const written = JSON.parse(await readFile(model, 'utf8')) as ModelFile;
    expect(first).toMatchObject({ contacts: 1, companies: 1, changed: true });
    expect(check.changed).toBe(false);
    expect(typeValues(written, 'CONTACT_NAME')).toEqual([
      { id: 'n1', name: { value: 'Grace Hopper', synonyms: ['Amazing Grace', 'Amazing Grace Hopper'] } },
    ]);
    expect(typeValues(written, 'COMPANY_NAME')).toEqual([
      { id: 'navy', name: { value: 'Navy Corp.', synonyms: ['Navy', 'Navy Corporation'] } },
    ]);
  });

  it('refuses to empty the model from an empty directory', async () => {
    // Prepare
    const model = path.join(folder, 'en-US.json');
    const csv = path.join(folder, 'empty.csv');
    await writeFile(model, await committedText());
    await writeFile(csv, 'id,first_name,last_name,company,title,email,phone,city,state,aliases\n');

    // Assess
    await expect(runModelSync({ file: csv, model })).rejects.toThrow('The directory is empty');
    expect(await readFile(model, 'utf8')).toBe(await committedText());
  });
});
