import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import {
  actionForPick,
  answerAboutId,
  askForName,
  askWhichOne,
  choiceOfSpokenName,
  lookUpAndAnswer,
  notForUs,
  pickFromContext,
} from '../conversation/contact-flow';
import type { ConversationDependencies } from '../conversation/dependencies';
import { canKnowSpeaker } from '../conversation/identity-attributes';
import { isIntent, resolvedIds, slotValue } from '../conversation/request-context';
import {
  actionJustDone,
  type ContactAction,
  getSessionState,
  lastDetailOf,
  lastListOf,
  type PersistentState,
  type SessionState,
} from '../conversation/session-state';
import { cleanSpokenName, spokenPosition } from '../conversation/spoken-name';
import { type ContactDetail, IntentNames, isContactDetail, SlotNames } from '../interaction';
import { chooseCandidate } from '../services/disambiguation';

/** The detail asked for, from the CONTACT_DETAIL slot's resolved id. */
export function requestedDetail(input: HandlerInput): ContactDetail | undefined {
  const id = resolvedIds(input, SlotNames.detail)[0];
  return isContactDetail(id) ? id : undefined;
}

/**
 * The person "her" means: the one last talked about in this session, else (when this session has
 * not read out a list, which would make "her" anyone on it) the one this speaker last talked about
 * before, if Front Desk can know the speaker (on a shared Echo, an unrecognised voice has no past).
 */
async function rememberedContactId(
  input: HandlerInput,
  deps: ConversationDependencies,
  state: SessionState,
): Promise<string | undefined> {
  const fromSession = state.lastContactId;
  if (typeof fromSession === 'string' && fromSession.length > 0) return fromSession;
  if (lastListOf(state) || !canKnowSpeaker(input, deps)) return undefined;
  try {
    const persistent = (await input.attributesManager.getPersistentAttributes()) as PersistentState;
    return typeof persistent.lastContactId === 'string' ? persistent.lastContactId : undefined;
  } catch {
    // Without the user's history the question is still answerable: Front Desk asks who.
    return undefined;
  }
}

/**
 * "what's Jane Doe's phone number", "tell me about Jane", "what about her email", and the
 * follow-up "what about Wei Zhang?" (FollowUpIntent), which does again what the turn just before
 * did on the board ("check in Priya" → "and Wei too") or else asks the detail last asked about
 * someone else: one detail, or a summary when none was named, about a named person, the one the
 * conversation is about, or one picked from what was just said ("tell me about the second one").
 */
export function contactDetailsHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.contactDetails, IntentNames.followUp),
    handle: async (input): Promise<Response> => {
      const state = getSessionState(input);
      const heard = slotValue(input, SlotNames.name);
      const spoken = heard ? cleanSpokenName(heard) : undefined;
      const ids = resolvedIds(input, SlotNames.name);
      const pending = state.pending;
      const named = requestedDetail(input);
      const followUp = isIntent(input, IntentNames.followUp);
      // "and Wei Zhang too" after "check in Priya Raman" checks Wei in; after a detail, asks it of him.
      const again = followUp && !named ? actionJustDone(input) : undefined;
      const asked = named ?? (followUp ? lastDetailOf(state) : undefined);
      const askedAction: ContactAction | undefined = again
        ? { kind: again }
        : asked
          ? { kind: 'detail', detail: asked }
          : undefined;
      // A bare name answers the pending "who?", "did you mean...?" or "which one?": it continues
      // whatever was asked, also when the answer still fits several people.
      const action: ContactAction = askedAction ?? actionForPick(state);

      // "what's the weather", "set a timer for ten minutes": words in the detail's place that are no
      // detail Front Desk knows. Speech that was not for us, whatever the name slot caught.
      const heardDetail = slotValue(input, SlotNames.detail);
      if (heardDetail && !named && !isContactDetail(heardDetail.toLowerCase())) {
        return notForUs(input);
      }

      // "the second one", "the last one" heard as a name picks from what was just said.
      if (spoken && ids.length === 0 && spokenPosition(spoken)) {
        const { chosen } = pickFromContext(state, choiceOfSpokenName(spoken));
        const answer = chosen && (await answerAboutId(input, deps, chosen.id, action));
        if (answer) return answer;
      }

      if (pending?.type === 'chooseContact') {
        const chosen = spoken ? chooseCandidate(pending.candidates, { name: spoken }) : undefined;
        if (chosen) {
          const answer = await answerAboutId(input, deps, chosen.id, action);
          if (answer) return answer;
        }
        if (!spoken) return askWhichOne(input, pending, action);
      } else if (spoken && ids.length === 0) {
        // A name, or part of one, from the list just read picks that person.
        const { chosen } = pickFromContext(state, { name: spoken });
        const answer = chosen && (await answerAboutId(input, deps, chosen.id, action));
        if (answer) return answer;
      }

      if (spoken) return lookUpAndAnswer(input, deps, { spoken, resolvedIds: ids }, action);

      // "Her email" may mean the person last talked about; a check-in never goes to a guess.
      const contactId = action.kind === 'detail' ? await rememberedContactId(input, deps, state) : undefined;
      if (contactId) {
        const answer = await answerAboutId(input, deps, contactId, action);
        if (answer) return answer;
      }
      return askForName(input, action);
    },
  };
}
