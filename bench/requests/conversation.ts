import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { FrontDeskSkill as Skill } from '../../lambda/src/pipeline/guarded-skill';
import { enUS } from '../../lambda/src/speech/locales/en-US';
import { PROJECT_ROOT } from '../../scripts/lambda-build-options';
import type { EnvelopeOptions } from '../../test/support/requests';
import { type IntentFamily, intentsOf, type Turn } from './intent-families';

/**
 * The speaker: a voice Alexa recognised (a staff member with a voice profile), so that a one-shot
 * answer about a person also remembers them for the speaker's next session, the heavier path. An
 * unrecognised voice on a shared Echo is remembered nothing.
 */
export const BENCH_VOICE = 'amzn1.ask.person.BENCH';
const NEW_SESSION: EnvelopeOptions = { newSession: true, attributes: {}, personId: BENCH_VOICE };

/** The session the next turn continues: the same one while it is open, a new one after it ended. */
function sessionAfter(response: ResponseEnvelope): EnvelopeOptions {
  if (response.response.shouldEndSession === true) return NEW_SESSION;
  return {
    newSession: false,
    attributes: (response.sessionAttributes ?? {}) as Record<string, unknown>,
    personId: BENCH_VOICE,
  };
}

/** Runs turns in one conversation and returns the session they leave open. */
export async function runTurns(
  skill: Pick<Skill, 'invoke'>,
  turns: readonly Turn[],
  session: EnvelopeOptions = NEW_SESSION,
): Promise<EnvelopeOptions> {
  let current = session;
  for (const turn of turns) current = sessionAfter(await skill.invoke(turn(current)));
  return current;
}

/**
 * Runs a family's setup and returns the request to measure, in the session the setup left. Every
 * measured request is a copy of it, so each one finds the same state.
 */
export async function preparedRequest(
  skill: Pick<Skill, 'invoke'>,
  family: Pick<IntentFamily, 'setup' | 'measured'>,
): Promise<RequestEnvelope> {
  const session = await runTurns(skill, family.setup ?? []);
  return family.measured(session);
}

/** The intents of the interaction model, to tell which families are built. */
export function modelIntents(
  modelFile = path.join(PROJECT_ROOT, 'skill-package/interactionModels/custom/en-US.json'),
): Set<string> {
  const model = JSON.parse(readFileSync(modelFile, 'utf8')) as {
    interactionModel: { languageModel: { intents: Array<{ name: string }> } };
  };
  return new Set(model.interactionModel.languageModel.intents.map((intent) => intent.name));
}

/** The intents a family needs that the interaction model does not have (none: it is built). */
export function missingIntents(family: IntentFamily, intents: ReadonlySet<string>): string[] {
  return intentsOf(family).filter((name) => !intents.has(name));
}

/** The plain text of a response's speech. */
export function spokenText(response: ResponseEnvelope): string {
  const speech = response.response.outputSpeech;
  const ssml = speech?.type === 'SSML' ? speech.ssml : (speech?.text ?? '');
  return ssml
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const APOLOGIES = [enUS['error.generic'], enUS['error.store'], enUS['error.store'].replace("'", '&apos;')];

/** Whether the skill apologized (an error, such as a store timeout) instead of answering. */
export function isApology(speech: string): boolean {
  return APOLOGIES.some((apology) => speech.includes(apology));
}
