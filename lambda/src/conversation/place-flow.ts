import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { stateName } from '../domain/us-states';
import type { BrowseResult } from '../services/browse-service';
import { placesOfCity } from '../speech/browse-speech';
import type { Translator } from '../speech/locales';
import type { Ssml } from '../speech/ssml';
import { translatorOf } from './request-context';
import { respond } from './respond';
import { getSessionState, updateSessionState } from './session-state';

/** How many states a "which one?" names: enough for any real city, short enough to say. */
const MAX_STATES_NAMED = 4;
/** A city's name as kept for the answer; no city is longer. */
const MAX_CITY_LENGTH = 80;

/**
 * "There is a Portland in more than one state. Do you mean Portland, Maine or Portland, Oregon?"
 * The answer ("Oregon", "the one in Maine", "Portland, Oregon") lists that place.
 */
export function askWhichPlace(
  input: HandlerInput,
  result: Extract<BrowseResult, { kind: 'whichPlace' }>,
): Response {
  const states = result.states.slice(0, MAX_STATES_NAMED);
  const city = result.city.slice(0, MAX_CITY_LENGTH);
  updateSessionState(input, { pending: { type: 'choosePlace', city, states } });
  const { question, reprompt } = whichPlaceQuestion(translatorOf(input), city, states);
  return respond(input, { speech: question, reprompt });
}

/** "Do you mean Portland, Maine or Portland, Oregon?", and its reprompt. */
export function whichPlaceQuestion(
  t: Translator,
  city: string,
  states: readonly string[],
): { question: Ssml; reprompt: Ssml } {
  const names = states.map(stateName);
  const places = placesOfCity(t, city, names);
  const example = names[names.length - 1] ?? '';
  return {
    question: t.speak('browse.whichPlace.question', { city, places }),
    reprompt: t.speak('browse.whichPlace.reprompt', { city, example }),
  };
}

/**
 * The city of a pending "which one?" about places, when the answer names only a state; undefined
 * when no such question is pending or its city is empty or longer than Front Desk keeps one (the
 * pending-question guard has made sure it is a string).
 */
export function placeAsked(input: HandlerInput): string | undefined {
  const pending = getSessionState(input).pending;
  if (pending?.type !== 'choosePlace') return undefined;
  const { city } = pending;
  return city.length > 0 && city.length <= MAX_CITY_LENGTH ? city : undefined;
}
