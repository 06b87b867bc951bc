import { getIntentName, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { ConversationDependencies } from '../conversation/dependencies';
import { askWhichPlace, placeAsked } from '../conversation/place-flow';
import { isIntent, resolvedIds, slotValue, translatorOf } from '../conversation/request-context';
import { respond } from '../conversation/respond';
import { answersPending, getSessionState, updateSessionState } from '../conversation/session-state';
import { letterOf } from '../domain/letters';
import { IntentNames, SlotNames } from '../interaction';
import { browseScreen } from '../screens/screen';
import type { BrowseRequest, BrowseResult } from '../services/browse-service';
import {
  cardLine,
  cardMoreLine,
  entriesSpeech,
  listCardTitle,
  listIntro,
  nobodySpeech,
  pageIntro,
} from '../speech/browse-speech';
import { Ssml } from '../speech/ssml';

/** What browsing needs. */
type BrowseDependencies = Pick<ConversationDependencies, 'browse'>;

/**
 * How much of the list the card keeps across pages. Session attributes travel in every response
 * and count toward its 24 KB, so a long list keeps its most recent lines; they are numbered, so
 * the card still says where in the list they stand.
 */
export const CARD_LINES_BUDGET = 3000;

function keepWithinBudget(lines: readonly string[]): string[] {
  const kept: string[] = [];
  let size = 0;
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index] as string;
    if (size + line.length + 1 > CARD_LINES_BUDGET && kept.length > 0) break;
    kept.unshift(line);
    size += line.length + 1;
  }
  return kept;
}

/** Speaks a page, shows the list so far on the card, and remembers where to continue. */
export function speakPage(
  input: HandlerInput,
  page: Extract<BrowseResult, { kind: 'page' }>,
  first: boolean,
  earlierLines: readonly string[],
): Response {
  const t = translatorOf(input);
  const last = page.next === undefined;
  if (page.entries.length === 0) {
    updateSessionState(input, { pending: undefined });
    return respond(input, {
      speech: Ssml.join([t.speak('browse.emptyLastPage'), t.speak('anythingElse.question')]),
      reprompt: t.speak('anythingElse.reprompt'),
    });
  }
  const intro = first
    ? listIntro(t, page.facet, page.label, page.total, page.company)
    : pageIntro(t, page.entries.length, last);
  const lines = keepWithinBudget([
    ...earlierLines,
    ...page.entries.map((entry, index) => cardLine(t, page.firstNumber + index, entry)),
  ]);
  const shown = page.firstNumber - 1 + page.entries.length;
  const remaining = page.total === undefined ? undefined : Math.max(0, page.total - shown);
  const title = listCardTitle(t, page.facet, page.label, page.company);
  const moreLine = last ? undefined : cardMoreLine(t, remaining);
  const card = { title, text: [...lines, ...(moreLine ? [moreLine] : [])].join('\n') };
  const screen = browseScreen(t, {
    title,
    entries: page.entries,
    firstNumber: page.firstNumber,
    footer: moreLine,
  });
  const said = Ssml.join([intro, entriesSpeech(t, page.facet, page.entries, page.company !== undefined)]);
  if (page.next) {
    updateSessionState(input, { pending: { type: 'listPage', position: page.next, cardLines: lines } });
    return respond(input, {
      speech: Ssml.join([said, t.speak('browse.more.question')]),
      reprompt: t.speak('browse.more.reprompt'),
      card,
      screen,
    });
  }
  updateSessionState(input, { pending: undefined });
  return respond(input, {
    speech: Ssml.join([said, t.speak('anythingElse.question')]),
    reprompt: t.speak('anythingElse.reprompt'),
    card,
    screen,
  });
}

type Wording = 'company' | 'place' | 'initial';

/** What was asked, from the intent's slots, or which slot is missing. */
function browseRequestOf(input: HandlerInput): { request?: BrowseRequest; heard: string; wording: Wording } {
  const intent = getIntentName(input.requestEnvelope);
  if (intent === IntentNames.browseCompany) {
    const spoken = slotValue(input, SlotNames.company);
    return {
      wording: 'company',
      heard: spoken ?? '',
      ...(spoken
        ? { request: { by: 'company', spoken, resolvedKeys: resolvedIds(input, SlotNames.company) } }
        : {}),
    };
  }
  if (intent === IntentNames.browsePlace) {
    const state = slotValue(input, SlotNames.state);
    // "Oregon" (or "the one in Oregon") to "Portland, Maine or Portland, Oregon?".
    const city = slotValue(input, SlotNames.city) ?? (state ? placeAsked(input) : undefined);
    return {
      wording: 'place',
      heard: city && state ? `${city}, ${state}` : (state ?? city ?? ''),
      ...(city || state ? { request: { by: 'place', city, state } } : {}),
    };
  }
  const heard = slotValue(input, SlotNames.letter);
  const resolvedLetter = resolvedIds(input, SlotNames.letter)[0];
  return {
    wording: 'initial',
    heard: (resolvedLetter ?? (heard ? letterOf(heard) : undefined) ?? heard ?? '').toUpperCase(),
    ...(heard || resolvedLetter ? { request: { by: 'initial', heard: heard ?? '', resolvedLetter } } : {}),
  };
}

const FACET_OF_WORDING = { company: 'COMPANY', place: 'CITY', initial: 'INITIAL' } as const;

/**
 * "who works at Acme", "who is in Texas", "whose name starts with J": how many, then the first
 * page, then "Do you want to hear more?".
 */
export function browseHandler(deps: BrowseDependencies): RequestHandler {
  return {
    canHandle: (input) =>
      isIntent(input, IntentNames.browseCompany, IntentNames.browsePlace, IntentNames.browseInitial),
    handle: async (input): Promise<Response> => {
      const t = translatorOf(input);
      const { request, heard, wording } = browseRequestOf(input);
      if (!request) {
        updateSessionState(input, { pending: undefined });
        return respond(input, {
          speech: t.speak(`browse.missing.${wording}`),
          reprompt: t.speak(`browse.missing.${wording}`),
        });
      }
      const result = await deps.browse.firstPage(request);
      if (result.kind === 'page') return speakPage(input, result, true, []);
      if (result.kind === 'whichPlace') return askWhichPlace(input, result);
      updateSessionState(input, { pending: undefined });
      return respond(input, {
        speech: Ssml.join([
          nobodySpeech(t, FACET_OF_WORDING[wording], heard),
          t.speak('browse.nobody.question'),
        ]),
        reprompt: t.speak('browse.nobody.question'),
      });
    },
  };
}

/**
 * The answer to "Do you want to hear more?": "yes", "more" and "next" read the next page; "no"
 * ends politely. "more" with no list going says so instead of guessing.
 */
export function listContinuationHandler(deps: BrowseDependencies): RequestHandler {
  return {
    canHandle: (input) => {
      if (isIntent(input, IntentNames.more, IntentNames.next)) return true;
      return answersPending(input, 'listPage', IntentNames.yes, IntentNames.no);
    },
    handle: async (input): Promise<Response> => {
      const t = translatorOf(input);
      const pending = getSessionState(input).pending;
      if (pending?.type !== 'listPage') {
        return respond(input, {
          speech: Ssml.join([t.speak('browse.nothingToContinue'), t.speak('launch.question')]),
          reprompt: t.speak('launch.reprompt'),
        });
      }
      if (isIntent(input, IntentNames.no)) {
        updateSessionState(input, { pending: undefined });
        return respond(input, { speech: t.speak('goodbye'), endSession: true });
      }
      const result = await deps.browse.nextPage(pending.position);
      if (result.kind !== 'page') {
        updateSessionState(input, { pending: undefined });
        return respond(input, {
          speech: Ssml.join([t.speak('browse.emptyLastPage'), t.speak('anythingElse.question')]),
          reprompt: t.speak('anythingElse.reprompt'),
        });
      }
      return speakPage(input, result, false, pending.cardLines);
    },
  };
}
