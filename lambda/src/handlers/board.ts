import type { RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { askForName, lookUpAndAnswer } from '../conversation/contact-flow';
import type { ConversationDependencies } from '../conversation/dependencies';
import { finish } from '../conversation/finish';
import { momentOf } from '../conversation/presence-flow';
import { isIntent, resolvedIds, slotValue, translatorOf } from '../conversation/request-context';
import { respond } from '../conversation/respond';
import { updateSessionState } from '../conversation/session-state';
import { IntentNames, SlotNames } from '../interaction';
import { inFromCard, inFromSpeech, leftTodayCard, leftTodaySpeech } from '../speech/board-speech';

/** A company as said back: as heard, not too long. */
const MAX_SPOKEN_COMPANY = 60;

/**
 * "who's in from Globex", "is anyone from Acme in": the company's people who are in, newest first,
 * from one Query of the `presentByCompany` index.
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
      if (page.records.length === 0) return finish(input, { speech: inFromSpeech(t, label, page) });
      const moment = await momentOf(input, deps);
      return finish(input, {
        speech: inFromSpeech(t, label, page),
        card: inFromCard(t, label, page, moment),
      });
    },
  };
}

/**
 * "who checked out today", "who has left": the people who are out and left since midnight (in
 * the listener's zone), newest first, with when, from one Query of the `left` index.
 */
export function whoLeftTodayHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.whoLeftToday),
    handle: async (input): Promise<Response> => {
      const t = translatorOf(input);
      updateSessionState(input, { pending: undefined });
      const moment = await momentOf(input, deps);
      const page = await deps.board.whoLeftToday(moment.timeZone);
      return finish(input, {
        speech: leftTodaySpeech(t, page, moment),
        ...(page.records.length > 0 ? { card: leftTodayCard(t, page, moment) } : {}),
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
