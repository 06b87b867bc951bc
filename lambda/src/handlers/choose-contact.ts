import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import {
  actionForPick,
  answerAboutId,
  askForName,
  lookUpAndAnswer,
  MISSES_ALLOWED,
  notForUs,
  pickFromContext,
  whichOneQuestion,
} from '../conversation/contact-flow';
import type { ConversationDependencies } from '../conversation/dependencies';
import { isIntent, resolvedIds, slotValue, translatorOf } from '../conversation/request-context';
import { respond } from '../conversation/respond';
import { getSessionState, lastListOf, missesOf, updateSessionState } from '../conversation/session-state';
import { cleanSpokenName, spokenPosition } from '../conversation/spoken-name';
import { IntentNames, SlotNames } from '../interaction';
import { type ChoiceAnswer, parseOrdinal } from '../services/disambiguation';
import { Ssml } from '../speech/ssml';

/** The answer as heard: a position, the last one, a company, a city, a title or a name. */
function choiceOf(input: HandlerInput): ChoiceAnswer {
  // A title the model does not know ("the Jane Doe" heard as "the {title}") is taken as words of a
  // name, which also match the words of a title ("the events coordinator").
  const title = resolvedIds(input, SlotNames.title)[0];
  const name = slotValue(input, SlotNames.name) ?? (title ? undefined : slotValue(input, SlotNames.title));
  // A position may arrive in any of the slots ("die zweiten" heard where "die letzte" would go).
  const heardEnd = slotValue(input, SlotNames.end);
  const position =
    resolvedIds(input, SlotNames.end)[0] === 'last'
      ? ({ from: 'end' } as const)
      : (spokenPosition(heardEnd) ?? spokenPosition(name));
  return {
    ordinal:
      parseOrdinal(slotValue(input, SlotNames.ordinal)) ??
      (position?.from === 'start' ? position.number : undefined),
    last: position?.from === 'end' || undefined,
    company: slotValue(input, SlotNames.company),
    city: slotValue(input, SlotNames.city),
    title,
    name: name ? cleanSpokenName(name) : undefined,
  };
}

function saysNothing(answer: ChoiceAnswer): boolean {
  return Object.values(answer).every((value) => value === undefined);
}

/**
 * The answer to "which one?", or a pick from the list just read: "the second one", "the last
 * one", "the one at Acme", "the one in Portland", "the designer", "Jane Doe from Globex". The
 * action that was pending (a detail, a check-in, "that's me") carries on with the person picked.
 * Without a question or a list, a name in the answer is a fresh lookup.
 */
export function chooseContactHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.chooseContact),
    handle: async (input): Promise<Response> => {
      const t = translatorOf(input);
      const state = getSessionState(input);
      const pending = state.pending;
      const answer = choiceOf(input);
      const { chosen, from } = pickFromContext(state, answer);
      if (chosen) {
        const response = await answerAboutId(input, deps, chosen.id, actionForPick(state));
        if (response) return response;
      }
      if (from !== 'question' && answer.name) {
        // A name that is not on the list just read is a new question.
        return lookUpAndAnswer(
          input,
          deps,
          { spoken: answer.name, resolvedIds: resolvedIds(input, SlotNames.name) },
          actionForPick(state),
        );
      }
      if (from === undefined) {
        return respond(input, {
          speech: Ssml.join([t.speak('choose.nothingPending'), t.speak('launch.question')]),
          reprompt: t.speak('launch.reprompt'),
        });
      }
      // An answer that picks nobody is asked again once, then let go.
      const misses = missesOf(state);
      if (saysNothing(answer) || misses >= MISSES_ALLOWED) {
        if (misses >= MISSES_ALLOWED) updateSessionState(input, { lastList: undefined });
        return notForUs(input);
      }
      updateSessionState(input, { misses: misses + 1 });
      if (pending?.type === 'chooseContact') {
        return respond(input, {
          speech: Ssml.join([t.speak('choose.notUnderstood'), whichOneQuestion(t, pending)]),
          reprompt: t.speak('choose.reprompt'),
        });
      }
      return respond(input, { speech: t.speak('choose.notOnList'), reprompt: t.speak('choose.reprompt') });
    },
  };
}

/**
 * "None of them", "neither", "someone else": closes the "which one?" or the list politely, and
 * asks who, still meaning to do what was asked.
 */
export function noneOfThemHandler(): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.noneOfThem),
    handle: (input): Response => {
      const t = translatorOf(input);
      const state = getSessionState(input);
      const pending = state.pending;
      const choosing =
        pending?.type === 'chooseContact' ||
        pending?.type === 'confirmName' ||
        pending?.type === 'listPage' ||
        pending?.type === 'boardPage' ||
        lastListOf(state) !== undefined;
      if (!choosing) {
        return respond(input, {
          speech: Ssml.join([t.speak('choose.nothingPending'), t.speak('launch.question')]),
          reprompt: t.speak('launch.reprompt'),
        });
      }
      const action = actionForPick(state);
      updateSessionState(input, { lastList: undefined });
      return askForName(input, action, t.speak('choose.noneOfThem'));
    },
  };
}
