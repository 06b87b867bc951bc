import { getIntentName, getRequestType, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { type ContactDetail, IntentNames, isContactDetail, SlotNames } from '../interaction';
import { chooseCandidate } from '../services/disambiguation';
import {
  answerAboutId,
  askForName,
  askWhichOne,
  type ContactFlowDependencies,
  lookUpAndAnswer,
} from './contact-flow';
import { resolvedIds, slotValue } from './request-context';
import { getSessionState, type PersistentState } from './session-state';

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
export function contactDetailsHandler(deps: ContactFlowDependencies): RequestHandler {
  return {
    canHandle: (input) =>
      getRequestType(input.requestEnvelope) === 'IntentRequest' &&
      getIntentName(input.requestEnvelope) === IntentNames.contactDetails,
    handle: async (input): Promise<Response> => {
      const state = getSessionState(input);
      const spoken = slotValue(input, SlotNames.name);
      const ids = resolvedIds(input, SlotNames.name);
      const pending = state.pending;
      const detail =
        requestedDetail(input) ??
        (pending?.type === 'askName' || pending?.type === 'confirmName' ? pending.detail : undefined);

      if (pending?.type === 'chooseContact') {
        const chosen = spoken ? chooseCandidate(pending.candidates, { name: spoken }) : undefined;
        if (chosen) {
          const answer = await answerAboutId(input, deps, chosen.id, detail ?? pending.detail);
          if (answer) return answer;
        }
        if (!spoken)
          return askWhichOne(input, deps, pending.candidates, pending.spokenName, detail ?? pending.detail);
      }

      if (spoken) return lookUpAndAnswer(input, deps, { spoken, resolvedIds: ids }, detail);

      const contactId = await rememberedContactId(input);
      if (contactId) {
        const answer = await answerAboutId(input, deps, contactId, detail);
        if (answer) return answer;
      }
      return askForName(input, deps, detail);
    },
  };
}
