import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { answerAboutId, askForName, askWhichOne, lookUpAndAnswer } from '../conversation/contact-flow';
import type { ConversationDependencies } from '../conversation/dependencies';
import { isIntent, resolvedIds, slotValue } from '../conversation/request-context';
import { type ContactAction, getSessionState, type PersistentState } from '../conversation/session-state';
import { type ContactDetail, IntentNames, isContactDetail, SlotNames } from '../interaction';
import { chooseCandidate } from '../services/disambiguation';

/** The detail asked for, from the CONTACT_DETAIL slot's resolved id. */
export function requestedDetail(input: HandlerInput): ContactDetail | undefined {
  const id = resolvedIds(input, SlotNames.detail)[0];
  return isContactDetail(id) ? id : undefined;
}

async function rememberedContactId(input: HandlerInput): Promise<string | undefined> {
  const fromSession = getSessionState(input).lastContactId;
  if (fromSession) return fromSession;
  try {
    const persistent = (await input.attributesManager.getPersistentAttributes()) as PersistentState;
    return typeof persistent.lastContactId === 'string' ? persistent.lastContactId : undefined;
  } catch {
    // Without the user's history the question is still answerable: Front Desk asks who.
    return undefined;
  }
}

/**
 * "what's Jane Doe's phone number", "tell me about Jane", "what about her email": one detail, or
 * a summary when none was named, about a named person or the one the conversation is about.
 */
export function contactDetailsHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.contactDetails),
    handle: async (input): Promise<Response> => {
      const state = getSessionState(input);
      const spoken = slotValue(input, SlotNames.name);
      const ids = resolvedIds(input, SlotNames.name);
      const pending = state.pending;
      const asked = requestedDetail(input);
      const askedAction: ContactAction | undefined = asked ? { kind: 'detail', detail: asked } : undefined;
      // A bare name answers the pending "who?", "did you mean...?" or "which one?": it continues
      // whatever was asked, also when the answer still fits several people.
      const carried =
        pending?.type === 'askName' || pending?.type === 'confirmName' || pending?.type === 'chooseContact'
          ? pending.action
          : undefined;
      const action: ContactAction = askedAction ?? carried ?? { kind: 'detail', detail: undefined };

      if (pending?.type === 'chooseContact') {
        const chosen = spoken ? chooseCandidate(pending.candidates, { name: spoken }) : undefined;
        if (chosen) {
          const answer = await answerAboutId(input, deps, chosen.id, action);
          if (answer) return answer;
        }
        if (!spoken) return askWhichOne(input, pending, action);
      }

      if (spoken) return lookUpAndAnswer(input, deps, { spoken, resolvedIds: ids }, action);

      // "Her email" may mean the person last talked about; a check-in never goes to a guess.
      const contactId = action.kind === 'detail' ? await rememberedContactId(input) : undefined;
      if (contactId) {
        const answer = await answerAboutId(input, deps, contactId, action);
        if (answer) return answer;
      }
      return askForName(input, action);
    },
  };
}
