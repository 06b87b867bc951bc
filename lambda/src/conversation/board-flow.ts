import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { ContactSummary } from '../domain/contact';
import type { PresenceRecord } from '../domain/presence';
import { StoreUnavailableError } from '../errors';
import { logStoreFailure } from '../metrics';
import { whoIsInScreen } from '../screens/screen';
import type { BoardPage } from '../services/ports';
import { boardCardLines, boardCardTitle, boardPageSpeech } from '../speech/board-speech';
import { Ssml } from '../speech/ssml';
import { keepWithinBudget } from './card-lines';
import type { ConversationDependencies } from './dependencies';
import { finish } from './finish';
import { momentOf, officeMoment } from './presence-flow';
import { translatorOf } from './request-context';
import { respond } from './respond';
import {
  type BoardListKind,
  type BoardListMemory,
  type BoardPageStart,
  REMEMBERED_PAGES,
  updateSessionState,
} from './session-state';

/** What reading the board's lists needs. */
export type BoardFlowDependencies = Pick<
  ConversationDependencies,
  'board' | 'presence' | 'officeTimeZone' | 'clock' | 'logger' | 'metrics' | 'changes'
>;

/** How many people a page of "who's in" names (its lines carry companies, so fewer than the board's). */
export const WHO_IS_IN_PAGE_SIZE = 5;

/** Which page of which list of the board is read, and what came before it. */
export interface BoardPageContext {
  readonly list: BoardListKind;
  /** The company of "who's in from", as the directory writes it (else as heard); empty otherwise. */
  readonly label: string;
  /** The 1-based number of the page about to be read. */
  readonly page: number;
  /** Where the pages after the first started, up to this one (the most recent ones). */
  readonly starts: readonly BoardPageStart[];
  /** How many people the pages before this one named. */
  readonly shown: number;
  /** The card lines of the pages before this one that the card goes on from ("more"). */
  readonly earlierLines?: readonly string[] | undefined;
  /** A sentence said before the page ("That was the first page."). */
  readonly preface?: Ssml | undefined;
}

/** One page of a list of the board: one Query, whatever the size of the board. */
export async function readBoardPage(
  deps: BoardFlowDependencies,
  list: BoardListKind,
  after?: string,
): Promise<BoardPage> {
  if (list.by !== 'present') return deps.board.pageOf(list, after);
  const page = await deps.presence.whoIsIn(WHO_IS_IN_PAGE_SIZE, after);
  return { records: page.records, ...(page.cursor !== undefined ? { next: page.cursor } : {}) };
}

/**
 * How many people a list of the board holds now, every page of it ("how many are there" in the
 * middle of it): a count of its index, one round trip (more only past DynamoDB's 1 MB a Query)
 * that returns no one, though DynamoDB charges a read for each item it counts. Undefined when the
 * store cannot say; the answer then says how many were read, which is true, instead of apologizing.
 */
export async function countBoardList(
  deps: BoardFlowDependencies,
  list: BoardListKind,
): Promise<number | undefined> {
  try {
    return list.by === 'present' ? await deps.presence.countIn() : await deps.board.countOf(list);
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    logStoreFailure(deps.logger, error, {
      refused: 'Counting a list of the board refused by IAM',
      failed: 'Could not count a list of the board',
    });
    return undefined;
  }
}

function summaryOf(record: PresenceRecord): ContactSummary {
  return {
    id: record.contactId,
    fullName: record.fullName,
    ...(record.company ? { company: record.company } : {}),
    ...(record.title ? { title: record.title } : {}),
    ...(record.city ? { city: record.city } : {}),
    ...(record.state ? { state: record.state } : {}),
  };
}

/**
 * Speaks a page of a list of the board, shows the list so far on the card (numbered as the list
 * counts), and remembers the page like a browse page: "more" goes on, "go back" and "start over"
 * return, "the second one" or a name picks from it. A page that ends the list finishes the answer.
 */
export async function speakBoardPage(
  input: HandlerInput,
  deps: BoardFlowDependencies,
  page: BoardPage,
  context: BoardPageContext,
): Promise<Response> {
  const t = translatorOf(input);
  const { list, label } = context;
  const first = context.page === 1;
  const more = page.next !== undefined && page.records.length > 0;
  const wording = list.by;
  if (page.records.length === 0 && !first) {
    updateSessionState(input, { pending: undefined });
    return respond(input, {
      speech: Ssml.join([t.speak('browse.emptyLastPage'), t.speak('anythingElse.question')]),
      reprompt: t.speak('anythingElse.reprompt'),
    });
  }
  // An empty board shows no times, so it needs no time zone.
  const moment = page.records.length > 0 ? await momentOf(input, deps) : officeMoment(deps);
  const spoken = boardPageSpeech(t, wording, label, page.records, { first, more }, moment);
  const speech = context.preface ? Ssml.join([context.preface, spoken]) : spoken;
  const lines = keepWithinBudget([
    ...(context.earlierLines ?? []),
    ...boardCardLines(t, wording, page.records, context.shown + 1, moment),
  ]);
  const moreLine = more ? t.text('browse.card.moreUncounted') : undefined;
  const title = boardCardTitle(t, wording, label);
  const card =
    page.records.length > 0
      ? { title, text: [...lines, ...(moreLine ? [moreLine] : [])].join('\n') }
      : wording === 'present'
        ? { title, text: t.text('whoIsIn.nobody') }
        : undefined;
  const screen =
    wording === 'present' && page.records.length > 0
      ? whoIsInScreen(t, {
          records: page.records,
          now: moment.now,
          timeZone: moment.timeZone,
          footer: moreLine,
        })
      : undefined;
  rememberBoardPage(input, page, context, more);
  if (more && page.next !== undefined) {
    updateSessionState(input, {
      pending: {
        type: 'boardPage',
        list,
        after: page.next,
        shown: context.shown + page.records.length,
        cardLines: lines,
      },
    });
    const reprompt = wording === 'present' ? 'whoIsIn.moreReprompt' : 'browse.more.reprompt';
    return respond(input, { speech, reprompt: t.speak(reprompt), card, screen });
  }
  updateSessionState(input, { pending: undefined });
  return finish(input, { speech, card, screen });
}

/**
 * What the session keeps of the page read: the list, for going back and picking. After a
 * one-person list, "his phone number" means that person; after a longer one it means nobody yet.
 * An empty board leaves no list to pick from.
 */
function rememberBoardPage(
  input: HandlerInput,
  page: BoardPage,
  context: BoardPageContext,
  more: boolean,
): void {
  if (page.records.length === 0) {
    updateSessionState(input, { lastList: undefined });
    return;
  }
  const onlyOne = context.page === 1 && !more && page.records.length === 1;
  const lastList: BoardListMemory = {
    board: context.list,
    label: context.label,
    ...(more ? {} : { total: context.shown + page.records.length }),
    page: context.page,
    starts: context.starts.slice(-REMEMBERED_PAGES),
    firstNumber: context.shown + 1,
    entries: page.records.map(summaryOf),
  };
  updateSessionState(input, { lastList, lastContactId: onlyOne ? page.records[0]?.contactId : undefined });
}

/**
 * Reads page `number` of the board list remembered ("go back", "start over"), or its first page
 * when that page is no longer known; undefined when the page is gone (everyone on it left).
 */
export async function readBoardListPage(
  input: HandlerInput,
  deps: BoardFlowDependencies,
  list: BoardListMemory,
  number: number,
  preface?: Ssml,
): Promise<Response | undefined> {
  // starts[i] is where page (firstRemembered + i) began; page 1 is read from the start of the list.
  const firstRemembered = list.page - list.starts.length + 1;
  const start = number >= 2 ? list.starts[number - firstRemembered] : undefined;
  const page = await readBoardPage(deps, list.board, start?.after);
  if (start && page.records.length === 0) return undefined;
  return speakBoardPage(input, deps, page, {
    list: list.board,
    label: list.label,
    page: start ? number : 1,
    starts: start ? list.starts.slice(0, number - firstRemembered + 1) : [],
    shown: start?.shown ?? 0,
    preface,
  });
}
