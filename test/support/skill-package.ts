import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DIRECTORY_COLUMNS } from '../../scripts/directory-import/columns';

/**
 * Readers for the files that live outside the code but must agree with it: the interaction models,
 * the skill manifest and the sample directory. Shared by the tests that check them.
 */

export const PROJECT_ROOT = path.resolve(__dirname, '../..');
export const SKILL_PACKAGE = path.join(PROJECT_ROOT, 'skill-package');
export const SAMPLE_DIRECTORY_CSV = path.join(PROJECT_ROOT, 'data/sample-directory.csv');

export interface SlotTypeValue {
  readonly id?: string;
  readonly name: { readonly value: string; readonly synonyms?: readonly string[] };
}

export interface SlotType {
  readonly name: string;
  readonly values: readonly SlotTypeValue[];
}

export interface ModelSlot {
  readonly name: string;
  readonly type: string;
}

export interface ModelIntent {
  readonly name: string;
  readonly slots?: readonly ModelSlot[];
  readonly samples?: readonly string[];
}

export interface LanguageModel {
  readonly invocationName: string;
  readonly intents: readonly ModelIntent[];
  readonly types?: readonly SlotType[];
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export const MODELS_FOLDER = path.join(SKILL_PACKAGE, 'interactionModels/custom');

/** The locales that have an interaction model, sorted. */
export function modelLocales(): string[] {
  return readdirSync(MODELS_FOLDER)
    .filter((file) => /^[a-z]{2}-[A-Z]{2}\.json$/.test(file))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

export function loadLanguageModel(locale: string): LanguageModel {
  const file = path.join(SKILL_PACKAGE, 'interactionModels/custom', `${locale}.json`);
  return readJson<{ interactionModel: { languageModel: LanguageModel } }>(file).interactionModel
    .languageModel;
}

export interface SkillManifest {
  readonly manifest: {
    readonly manifestVersion: string;
    readonly publishingInformation: {
      readonly locales: Record<string, { readonly name: string; readonly examplePhrases: readonly string[] }>;
    };
    readonly privacyAndCompliance: { readonly locales: Record<string, unknown> };
    readonly apis: {
      readonly custom: {
        readonly endpoint: { readonly uri: string };
        readonly interfaces?: readonly {
          readonly type: string;
          readonly supportedViewports?: readonly { readonly mode: string; readonly shape: string }[];
        }[];
      };
    };
  };
}

export function loadSkillManifest(): SkillManifest {
  return readJson<SkillManifest>(path.join(SKILL_PACKAGE, 'skill.json'));
}

export { DIRECTORY_COLUMNS };

export type DirectoryRow = Record<(typeof DIRECTORY_COLUMNS)[number], string>;

/** The sample directory as raw CSV rows, keyed by the header line. */
export function loadSampleDirectory(): { header: string[]; rows: DirectoryRow[] } {
  const records = parse(readFileSync(SAMPLE_DIRECTORY_CSV), { bom: true }) as string[][];
  const [header = [], ...lines] = records;
  const rows = lines.map(
    (line) => Object.fromEntries(header.map((column, index) => [column, line[index] ?? ''])) as DirectoryRow,
  );
  return { header, rows };
}

export function aliasesOf(row: DirectoryRow): string[] {
  return row.aliases
    .split(';')
    .map((alias) => alias.trim())
    .filter((alias) => alias.length > 0);
}
