import type { RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { ConversationDependencies } from '../conversation/dependencies';
import { isIntent, localeOf, resolvedIds, slotValue, translatorOf } from '../conversation/request-context';
import { respond } from '../conversation/respond';
import { updateSessionState } from '../conversation/session-state';
import { IntentNames, SlotNames } from '../interaction';
import { spokenRole } from '../services/browse-service';
import { nobodySpeech } from '../speech/browse-speech';
import { Ssml } from '../speech/ssml';
import { speakPage } from './browse';

/** A company as said back when nobody matched: as heard, not too long. */
const MAX_SPOKEN_COMPANY = 60;

/**
 * "who is the CTO at Globex", "who's our receptionist", "who handles sales at Acme", "who are the
 * designers": the people whose title matches, at one company or across the directory, read like
 * any other list (a page at a time, "more" goes on).
 */
export function browseRoleHandler(deps: Pick<ConversationDependencies, 'browse'>): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.browseRole),
    handle: async (input): Promise<Response> => {
      const t = translatorOf(input);
      const role = slotValue(input, SlotNames.role);
      const company = slotValue(input, SlotNames.company);
      if (!role) {
        updateSessionState(input, { pending: undefined });
        return respond(input, {
          speech: t.speak('browse.missing.role'),
          reprompt: t.speak('browse.missing.role'),
        });
      }
      const language = (localeOf(input) ?? 'en').split('-')[0];
      const result = await deps.browse.firstPage({
        by: 'role',
        role,
        language,
        company: company
          ? { spoken: company, resolvedKeys: resolvedIds(input, SlotNames.company) }
          : undefined,
      });
      if (result.kind === 'page') return speakPage(input, result, true, []);
      updateSessionState(input, { pending: undefined });
      return respond(input, {
        speech: Ssml.join([
          nobodySpeech(t, 'ROLE', spokenRole(role), company?.slice(0, MAX_SPOKEN_COMPANY)),
          t.speak('browse.nobody.question'),
        ]),
        reprompt: t.speak('browse.nobody.question'),
      });
    },
  };
}
