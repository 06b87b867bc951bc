import { getIntentName, type RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { readBoardPage, speakBoardPage } from '../conversation/board-flow';
import { askForName, lookUpAndAnswer } from '../conversation/contact-flow';
import type { ConversationDependencies } from '../conversation/dependencies';
import { identityAttributesOf } from '../conversation/identity-attributes';
import { askWhoAfterGone } from '../conversation/identity-flow';
import { answerPresence, readBoardAhead } from '../conversation/presence-flow';
import { isIntent, resolvedIds, slotValue } from '../conversation/request-context';
import type { SelfAction } from '../conversation/session-state';
import { IntentNames, SlotNames } from '../interaction';

const ACTION_OF_INTENT: Readonly<Record<string, SelfAction>> = {
  [IntentNames.checkIn]: 'checkIn',
  [IntentNames.checkOut]: 'checkOut',
  [IntentNames.isIn]: 'isIn',
  [IntentNames.checkMeIn]: 'checkIn',
  [IntentNames.checkMeOut]: 'checkOut',
  [IntentNames.amIIn]: 'isIn',
};

/**
 * "check in Jane Doe", "Jane Doe is leaving", "is Jane Doe in": the name goes through the same
 * lookup (and "which one?") as any other; without a name, Front Desk asks who.
 */
export function presenceHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.checkIn, IntentNames.checkOut, IntentNames.isIn),
    handle: async (input): Promise<Response> => {
      const action = ACTION_OF_INTENT[getIntentName(input.requestEnvelope)] as SelfAction;
      const spoken = slotValue(input, SlotNames.name);
      if (!spoken) return askForName(input, { kind: action });
      const ids = resolvedIds(input, SlotNames.name);
      // One id: the person is almost surely known already, so the board is read beside the directory.
      if (action !== 'isIn' && ids.length === 1 && ids[0]) readBoardAhead(input, deps, ids[0]);
      return lookUpAndAnswer(input, deps, { spoken, resolvedIds: ids }, { kind: action });
    },
  };
}

/**
 * "check me in", "I'm leaving", "am I checked in": the speaker, as remembered for this voice
 * profile (or account, where devices are personal). Someone Front Desk does not know yet is asked
 * who they are, and the request carries on once they have said so; an unrecognised voice on a
 * shared device is asked who to check in, every time.
 */
export function selfPresenceHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.checkMeIn, IntentNames.checkMeOut, IntentNames.amIIn),
    handle: async (input): Promise<Response> => {
      const action = ACTION_OF_INTENT[getIntentName(input.requestEnvelope)] as SelfAction;
      const attributes = identityAttributesOf(input, deps);
      // A shared device and a voice Alexa does not know: ask who, every time, and never assume.
      if (!attributes) return askForName(input, { kind: action });
      const recollection = await deps.identity.recall(attributes);
      if (recollection.kind === 'known') {
        return answerPresence(input, deps, recollection.contact, action, true);
      }
      if (recollection.kind === 'unknown') return askForName(input, { kind: 'identify', followUp: action });
      return askWhoAfterGone(input, recollection.identity, action);
    },
  };
}

/**
 * "who's in", "who is in the office": the people checked in, most recent first, a page at a time,
 * paged and picked from like any list.
 */
export function whoIsInHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.whoIsIn),
    handle: async (input): Promise<Response> => {
      const list = { by: 'present' } as const;
      const page = await readBoardPage(deps, list);
      return speakBoardPage(input, deps, page, { list, label: '', page: 1, starts: [], shown: 0 });
    },
  };
}
