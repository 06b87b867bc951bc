import { getIntentName, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { countBoardList, readBoardListPage } from '../conversation/board-flow';
import { keepWithinBudget } from '../conversation/card-lines';
import { notForUs } from '../conversation/contact-flow';
import type { ConversationDependencies } from '../conversation/dependencies';
import { askWhichPlace, placeAsked } from '../conversation/place-flow';
import { isIntent, resolvedIds, slotValue, translatorOf } from '../conversation/request-context';
import { respond } from '../conversation/respond';
import {
  answersPending,
  type BrowseListMemory,
  getSessionState,
  isBoardList,
  type ListMemory,
  lastListOf,
  type PageStart,
  REMEMBERED_PAGES,
  type SessionState,
  updateSessionState,
} from '../conversation/session-state';
import { isClearlyNotAName } from '../conversation/spoken-name';
import { letterOf } from '../domain/letters';
import { toStateCode } from '../domain/us-states';
import { IntentNames, SlotNames } from '../interaction';
import { browseScreen } from '../screens/screen';
import type { BrowseRequest, BrowseResult, ListPosition } from '../services/browse-service';
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

/** Which page of which list is read: what was asked, and where the pages so far started. */
interface PageContext {
  readonly request: BrowseRequest;
  /** The 1-based number of the page about to be read. */
  readonly page: number;
  /** Where the pages after the first started, up to this one (the most recent ones). */
  readonly starts: readonly PageStart[];
  /** A sentence said before the page ("That was the first page."). */
  readonly preface?: Ssml | undefined;
}

/**
 * What the session remembers of the page read: the list, for going back and picking. After a
 * one-person list, "his phone number" means that person; after a longer one it means nobody yet,
 * and Front Desk asks whose (the answer can be "the second one").
 */
function rememberPage(
  input: HandlerInput,
  page: Extract<BrowseResult, { kind: 'page' }>,
  context: PageContext,
): void {
  const onlyOne =
    page.total === 1 || (context.page === 1 && page.next === undefined && page.entries.length === 1);
  const lastList: BrowseListMemory = {
    request: context.request,
    facet: page.facet,
    label: page.label,
    ...(page.total === undefined ? {} : { total: page.total }),
    page: context.page,
    starts: context.starts.slice(-REMEMBERED_PAGES),
    firstNumber: page.firstNumber,
    entries: page.entries,
  };
  updateSessionState(input, { lastList, lastContactId: onlyOne ? page.entries[0]?.id : undefined });
}

/** Speaks a page, shows the list so far on the card, and remembers where to continue. */
export function speakPage(
  input: HandlerInput,
  page: Extract<BrowseResult, { kind: 'page' }>,
  first: boolean,
  earlierLines: readonly string[],
  context?: PageContext,
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
  const said = Ssml.join([
    ...(context?.preface ? [context.preface] : []),
    intro,
    entriesSpeech(t, page.facet, page.entries, page.company !== undefined),
  ]);
  if (context) rememberPage(input, page, context);
  else updateSessionState(input, { lastList: undefined });
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

/** Whether a place or company slot heard words that are clearly no place or company name. */
function heardOtherSpeech(input: HandlerInput): boolean {
  return [SlotNames.city, SlotNames.state, SlotNames.company].some((slot) => {
    const heard = slotValue(input, slot);
    return heard !== undefined && isClearlyNotAName(heard);
  });
}

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
      // "play some music in the kitchen" fits "{city} in {state}" word for word: not for us.
      if (heardOtherSpeech(input)) return notForUs(input);
      if (!request) {
        updateSessionState(input, { pending: undefined });
        return respond(input, {
          speech: t.speak(`browse.missing.${wording}`),
          reprompt: t.speak(`browse.missing.${wording}`),
        });
      }
      return firstPageOf(input, deps, request, heard, wording);
    },
  };
}

/** The state a bare answer names ("Oregon") to a pending "which Portland?", with the city asked about. */
function placeAnswered(input: HandlerInput): { city: string; state: string } | undefined {
  const pending = getSessionState(input).pending;
  const city = placeAsked(input);
  const heard = slotValue(input, SlotNames.name);
  if (pending?.type !== 'choosePlace' || !city || !heard) return undefined;
  const code = toStateCode(heard);
  return code && pending.states.includes(code) ? { city, state: heard } : undefined;
}

/**
 * "Oregon" alone, in answer to "Do you mean Portland, Maine or Portland, Oregon?". The models'
 * bare "{state}" sample sends it to BrowsePlaceIntent, but Alexa may still hear a bare word as a
 * name: registered before the name lookup, this takes the answer when the word is one of the
 * states asked about.
 */
export function placeAnswerHandler(deps: BrowseDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.contactDetails) && placeAnswered(input) !== undefined,
    handle: (input) => {
      const { city, state } = placeAnswered(input) as { city: string; state: string };
      return firstPageOf(input, deps, { by: 'place', city, state }, `${city}, ${state}`, 'place');
    },
  };
}

async function firstPageOf(
  input: HandlerInput,
  deps: BrowseDependencies,
  request: BrowseRequest,
  heard: string,
  wording: Wording,
): Promise<Response> {
  const t = translatorOf(input);
  const result = await deps.browse.firstPage(request);
  if (result.kind === 'page') return speakPage(input, result, true, [], { request, page: 1, starts: [] });
  if (result.kind === 'whichPlace') return askWhichPlace(input, result);
  updateSessionState(input, { pending: undefined });
  return respond(input, {
    speech: Ssml.join([nobodySpeech(t, FACET_OF_WORDING[wording], heard), t.speak('browse.nobody.question')]),
    reprompt: t.speak('browse.nobody.question'),
  });
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
      const remembered = lastListOf(getSessionState(input));
      const list = remembered && !isBoardList(remembered) ? remembered : undefined;
      const context: PageContext | undefined = list && {
        request: list.request,
        page: list.page + 1,
        starts: [
          ...list.starts,
          { key: pending.position.key, after: pending.position.after, shown: pending.position.shown },
        ],
      };
      return speakPage(input, result, false, pending.cardLines, context);
    },
  };
}

/** Reads page `number` of the list remembered, or its first page when that page is no longer known. */
async function readPage(
  input: HandlerInput,
  deps: ConversationDependencies,
  list: ListMemory,
  number: number,
  preface?: Ssml,
): Promise<Response | undefined> {
  if (isBoardList(list)) return readBoardListPage(input, deps, list, number, preface);
  // starts[i] is where page (firstRemembered + i) began; page 1 is read from the request itself.
  const firstRemembered = list.page - list.starts.length + 1;
  const start = number >= 2 ? list.starts[number - firstRemembered] : undefined;
  if (start) {
    const position: ListPosition = {
      facet: list.facet,
      key: start.key,
      label: list.label,
      total: list.total,
      shown: start.shown,
      after: start.after,
    };
    const result = await deps.browse.nextPage(position);
    if (result.kind !== 'page' || result.entries.length === 0) return undefined;
    const starts = list.starts.slice(0, number - firstRemembered + 1);
    return speakPage(input, result, false, [], { request: list.request, page: number, starts, preface });
  }
  const result = await deps.browse.firstPage(list.request);
  if (result.kind !== 'page') return undefined;
  return speakPage(input, result, true, [], { request: list.request, page: 1, starts: [], preface });
}

/** Whether "Do you want to hear more?" is pending, in a browse list or a list of the board. */
function pageGoing(state: SessionState): boolean {
  return state.pending?.type === 'listPage' || state.pending?.type === 'boardPage';
}

/**
 * Moving about the list just read: "go back" and "previous" read the page before, "start over"
 * reads the first page again, "how many are there" says the count. Without a list, "go back" says
 * there is nothing to go back to, and "start over" starts the conversation over as before.
 */
export function listNavigationHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => {
      if (isIntent(input, IntentNames.previous, IntentNames.howMany)) return true;
      // "start over" means the list while the list is what was last talked about.
      const state = getSessionState(input);
      const listGoing = pageGoing(state) || (lastListOf(state) !== undefined && !state.lastContactId);
      return isIntent(input, IntentNames.startOver) && listGoing;
    },
    handle: async (input): Promise<Response> => {
      const t = translatorOf(input);
      const state = getSessionState(input);
      const list = lastListOf(state);
      if (!list) {
        updateSessionState(input, { pending: undefined });
        return respond(input, {
          speech: Ssml.join([t.speak('browse.noList'), t.speak('launch.question')]),
          reprompt: t.speak('launch.reprompt'),
        });
      }
      if (isIntent(input, IntentNames.howMany)) {
        const read = list.firstNumber - 1 + list.entries.length;
        // A list of the board knows its length once its last page is read; before, it is counted,
        // now: people may have come or gone since its first page.
        const counted = list.total === undefined && isBoardList(list);
        const total = counted ? await countBoardList(deps, list.board) : list.total;
        const nobodyLeft = counted && total === 0;
        if (nobodyLeft) updateSessionState(input, { pending: undefined });
        const count =
          total === undefined
            ? t.speak('browse.howManyUnknown', { count: read })
            : counted && total < read
              ? t.speak(nobodyLeft ? 'board.howManyNobody' : 'board.howManyNow', { count: total })
              : t.speak('browse.howMany', { count: total, label: list.label });
        const listGoing = !nobodyLeft && pageGoing(state);
        return respond(input, {
          speech: Ssml.join([count, t.speak(listGoing ? 'browse.more.question' : 'anythingElse.question')]),
          reprompt: t.speak(listGoing ? 'browse.more.reprompt' : 'anythingElse.reprompt'),
        });
      }
      const backTo = isIntent(input, IntentNames.previous) ? Math.max(1, list.page - 1) : 1;
      const preface =
        isIntent(input, IntentNames.previous) && list.page === 1 ? t.speak('browse.atFirstPage') : undefined;
      const answer = await readPage(input, deps, list, backTo, preface);
      if (answer) return answer;
      updateSessionState(input, { pending: undefined, lastList: undefined });
      return respond(input, {
        speech: Ssml.join([t.speak('browse.emptyLastPage'), t.speak('anythingElse.question')]),
        reprompt: t.speak('anythingElse.reprompt'),
      });
    },
  };
}
