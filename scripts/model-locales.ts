import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type ModelFile, modelText, type SlotType } from './model-sync/slot-values';

/**
 * The English interaction models of en-GB, en-CA, en-AU and en-IN, generated from en-US so that
 * they cannot drift: `npm run model:locales` writes them, `-- --check` only tells whether they are
 * up to date (a test runs the check). Each locale gets en-US's model plus the touches below, which
 * only ever add: a sample or a synonym en-US has is never taken away.
 */

const PROJECT_ROOT = path.resolve(__dirname, '..');
export const MODELS_FOLDER = path.join(PROJECT_ROOT, 'skill-package/interactionModels/custom');
export const SOURCE_LOCALE = 'en-US';

interface Touches {
  /** Samples added to an intent. */
  readonly samples?: Readonly<Record<string, readonly string[]>>;
  /** Synonyms added to a slot type's value, by type and value id. */
  readonly synonyms?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

/** Outside the US the last letter is "zed". */
const zed: Touches = { synonyms: { LETTER: { Z: ['zed'] } } };

/** How people leave the office in British, Australian and Indian English. */
const commonwealth: Touches = {
  samples: {
    CheckOutIntent: ['{name} has popped out', '{name} is off home'],
    CheckMeOutIntent: ["i'm popping out", "i'm off home"],
  },
  synonyms: zed.synonyms,
};

export const ENGLISH_VARIANTS: Readonly<Record<string, Touches>> = {
  'en-GB': commonwealth,
  'en-AU': commonwealth,
  'en-IN': commonwealth,
  'en-CA': zed,
};

function withSynonyms(
  type: SlotType,
  added: Readonly<Record<string, readonly string[]>> | undefined,
): SlotType {
  if (!added) return type;
  return {
    ...type,
    values: type.values.map((value) => {
      const extra = (added[value.id] ?? []).filter(
        (synonym) => synonym !== value.name.value && !(value.name.synonyms ?? []).includes(synonym),
      );
      return extra.length === 0
        ? value
        : { ...value, name: { ...value.name, synonyms: [...(value.name.synonyms ?? []), ...extra] } };
    }),
  };
}

interface Intent {
  readonly name: string;
  readonly samples?: readonly string[];
  readonly [key: string]: unknown;
}

/** en-US's model with `locale`'s touches. */
export function englishModel(source: ModelFile, locale: string): ModelFile {
  const touches = ENGLISH_VARIANTS[locale];
  if (!touches) throw new Error(`${locale} is not an English variant generated from ${SOURCE_LOCALE}`);
  const languageModel = source.interactionModel.languageModel;
  const intents = (languageModel.intents as readonly Intent[]).map((intent) => {
    const added = (touches.samples?.[intent.name] ?? []).filter(
      (sample) => !intent.samples?.includes(sample),
    );
    return added.length === 0 ? intent : { ...intent, samples: [...(intent.samples ?? []), ...added] };
  });
  const types = (languageModel.types ?? []).map((type) => withSynonyms(type, touches.synonyms?.[type.name]));
  return {
    ...source,
    interactionModel: { ...source.interactionModel, languageModel: { ...languageModel, intents, types } },
  };
}

export function modelPath(locale: string, folder = MODELS_FOLDER): string {
  return path.join(folder, `${locale}.json`);
}

/** Writes (or with `check`, compares) every English variant; returns the locales that were out of date. */
export async function generateEnglishModels(
  options: { folder?: string; check?: boolean } = {},
): Promise<string[]> {
  const folder = options.folder ?? MODELS_FOLDER;
  const source = JSON.parse(await readFile(modelPath(SOURCE_LOCALE, folder), 'utf8')) as ModelFile;
  const outdated: string[] = [];
  for (const locale of Object.keys(ENGLISH_VARIANTS)) {
    const file = modelPath(locale, folder);
    const expected = modelText(englishModel(source, locale));
    const current = await readFile(file, 'utf8').catch(() => undefined);
    if (current === expected) continue;
    outdated.push(locale);
    if (!options.check) await writeFile(file, expected, 'utf8');
  }
  return outdated;
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  generateEnglishModels({ check })
    .then((outdated) => {
      if (outdated.length === 0) console.log(`The English models are up to date with ${SOURCE_LOCALE}.`);
      else if (check) {
        console.log(`Out of date: ${outdated.join(', ')}. Run npm run model:locales.`);
        process.exitCode = 1;
      } else
        console.log(
          `Wrote ${outdated.map((locale) => `${locale}.json`).join(', ')} from ${SOURCE_LOCALE}.json`,
        );
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
