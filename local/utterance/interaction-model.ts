import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UtteranceEngineError } from './errors';

/**
 * The parts of an ASK interaction model (`skill-package/interactionModels/custom/<locale>.json`)
 * that the utterance engine reads: the language model, and the dialog model and prompts that
 * `Dialog.Delegate` and auto-delegation follow.
 */

export interface SlotTypeValue {
  readonly id?: string;
  readonly name: { readonly value: string; readonly synonyms?: readonly string[] };
}

export interface SlotType {
  readonly name: string;
  readonly values?: readonly SlotTypeValue[];
}

export interface ModelSlot {
  readonly name: string;
  readonly type: string;
  /** Phrases that answer an elicitation of this slot ("it's {name}"). */
  readonly samples?: readonly string[];
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

export interface DialogSlot {
  readonly name: string;
  readonly type?: string;
  readonly elicitationRequired?: boolean;
  readonly confirmationRequired?: boolean;
  readonly prompts?: { readonly elicitation?: string; readonly confirmation?: string };
}

export interface DialogIntent {
  readonly name: string;
  readonly delegationStrategy?: 'ALWAYS' | 'SKILL_RESPONSE';
  readonly confirmationRequired?: boolean;
  readonly prompts?: { readonly confirmation?: string };
  readonly slots?: readonly DialogSlot[];
}

export interface DialogModel {
  readonly delegationStrategy?: 'ALWAYS' | 'SKILL_RESPONSE';
  readonly intents?: readonly DialogIntent[];
}

export interface Prompt {
  readonly id: string;
  readonly variations: readonly { readonly type: 'PlainText' | 'SSML'; readonly value: string }[];
}

export interface InteractionModel {
  readonly languageModel: LanguageModel;
  readonly dialog?: DialogModel;
  readonly prompts?: readonly Prompt[];
}

/** Where the ASK CLI layout keeps the custom interaction models. */
export function interactionModelsFolder(skillPackage: string): string {
  return path.join(skillPackage, 'interactionModels', 'custom');
}

/** The locales that have an interaction model, sorted: `en-US.json` gives `en-US`. */
export function availableLocales(skillPackage: string): string[] {
  let files: string[];
  try {
    files = readdirSync(interactionModelsFolder(skillPackage));
  } catch (error) {
    throw new UtteranceEngineError(`No interaction models under ${skillPackage}`, { cause: error });
  }
  return files
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

/** Reads and checks the outline of one locale's interaction model. */
export function loadInteractionModel(skillPackage: string, locale: string): InteractionModel {
  if (!/^[a-z]{2}-[A-Z]{2}$/.test(locale)) {
    throw new UtteranceEngineError(`"${locale}" is not a locale such as en-US`);
  }
  const file = path.join(interactionModelsFolder(skillPackage), `${locale}.json`);
  let parsed: { interactionModel?: InteractionModel };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as { interactionModel?: InteractionModel };
  } catch (error) {
    const known = availableLocales(skillPackage).join(', ');
    throw new UtteranceEngineError(`No interaction model for ${locale} (models: ${known || 'none'})`, {
      cause: error,
    });
  }
  const model = parsed.interactionModel;
  if (!model?.languageModel || !Array.isArray(model.languageModel.intents)) {
    throw new UtteranceEngineError(`${file} has no interactionModel.languageModel.intents`);
  }
  return model;
}
