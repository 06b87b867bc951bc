import type { RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { readBoardPage, speakBoardPage } from '../conversation/board-flow';
import { askForName, lookUpAndAnswer } from '../conversation/contact-flow';
import type { ConversationDependencies } from '../conversation/dependencies';
import { momentOf } from '../conversation/presence-flow';
import { isIntent, resolvedIds, slotValue, translatorOf } from '../conversation/request-context';
import { respond } from '../conversation/respond';
import {
  answersPending,
  getSessionState,
  isBoardList,
  lastListOf,
  updateSessionState,
} from '../conversation/session-state';
import { IntentNames, SlotNames } from '../interaction';

/** A company as said back: as heard, not too long. */
const MAX_SPOKEN_COMPANY = 60;

/**
 * "who's in from Globex", "is anyone from Acme in": the company's people who are in, newest first,
 * a page at a time from the `presentByCompany` index, paged and picked from like any list.
 */
export function whoIsInFromHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.whoIsInFrom),
    handle: async (input): Promise<Response> => {
      const t = translatorOf(input);
      updateSessionState(input, { pending: undefined });
      const company = slotValue(input, SlotNames.company);
      if (!company) {
        return respond(input, {
          speech: t.speak('board.missing.company'),
          reprompt: t.speak('board.missing.company'),
        });
      }
      const page = await deps.board.whoIsInFrom({
        spoken: company,
        resolvedKeys: resolvedIds(input, SlotNames.company),
      });
      const label = page.records[0]?.company ?? company.slice(0, MAX_SPOKEN_COMPANY);
      return speakBoardPage(input, deps, page, { list: page.list, label, page: 1, starts: [], shown: 0 });
    },
  };
}

/**
 * "who checked out today", "who has left": the people who are out and left since midnight (in
 * the listener's zone), newest first, with when, a page at a time from the `left` index.
 */
export function whoLeftTodayHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.whoLeftToday),
    handle: async (input): Promise<Response> => {
      updateSessionState(input, { pending: undefined });
      const moment = await momentOf(input, deps);
      const page = await deps.board.whoLeftToday(moment.timeZone);
      return speakBoardPage(input, deps, page, { list: page.list, label: '', page: 1, starts: [], shown: 0 });
    },
  };
}

/**
 * "yes", "more" or "next" to "Do you want to hear more?" in the middle of a list of the board
 * ("who's in", "who's in from Globex", "who checked out today") reads its next page; "no" stops
 * the list.
 */
export function boardPageHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) =>
      answersPending(input, 'boardPage', IntentNames.yes, IntentNames.no, IntentNames.more, IntentNames.next),
    handle: async (input): Promise<Response> => {
      const t = translatorOf(input);
      const state = getSessionState(input);
      const pending = state.pending;
      if (isIntent(input, IntentNames.no) || pending?.type !== 'boardPage') {
        updateSessionState(input, { pending: undefined });
        return respond(input, {
          speech: t.speak('anythingElse.question'),
          reprompt: t.speak('anythingElse.reprompt'),
        });
      }
      const page = await readBoardPage(deps, pending.list, pending.after);
      const remembered = lastListOf(state);
      const list = remembered && isBoardList(remembered) ? remembered : undefined;
      const start = { after: pending.after, shown: pending.shown };
      return speakBoardPage(input, deps, page, {
        list: pending.list,
        label: list?.label ?? page.records[0]?.company ?? '',
        page: (list?.page ?? 1) + 1,
        starts: [...(list?.starts ?? []), start],
        shown: pending.shown,
        earlierLines: pending.cardLines,
      });
    },
  };
}

/**
 * "when did Emma Johnson check in", "what time did Jane leave": the person's latest change and
 * when ("Jane Doe checked out at 5:10 PM yesterday."). A name several people share goes through
 * the usual "which one?", and the time is what the answer to it gets.
 */
export function whenPresenceHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.whenPresence),
    handle: async (input): Promise<Response> => {
      const spoken = slotValue(input, SlotNames.name);
      if (!spoken) return askForName(input, { kind: 'when' });
      // "Which one?" and "did you mean" carry the question on: the answer is still a time.
      return lookUpAndAnswer(
        input,
        deps,
        { spoken, resolvedIds: resolvedIds(input, SlotNames.name) },
        { kind: 'when' },
      );
    },
  };
}
