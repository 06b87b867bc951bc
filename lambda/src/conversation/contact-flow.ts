import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Contact, ContactSummary } from '../domain/contact';
import { normalizeName } from '../domain/normalize';
import type { ContactDetail } from '../interaction';
import { contactScreen } from '../screens/screen';
import type { ContactMatch, NameQuery } from '../services/directory-service';
import { type ChoiceAnswer, chooseCandidate } from '../services/disambiguation';
import {
  candidateOptions,
  contactCard,
  detailName,
  detailSpeech,
  summarySpeech,
} from '../speech/contact-speech';
import type { Translator } from '../speech/locales';
import { Ssml } from '../speech/ssml';
import type { ConversationDependencies } from './dependencies';
import { askToRemember } from './identity-flow';
import { whichPlaceQuestion } from './place-flow';
import { answerPresence, answerWhen } from './presence-flow';
import { translatorOf } from './request-context';
import { respond } from './respond';
import {
  type ContactAction,
  getSessionState,
  lastListOf,
  missesOf,
  type PendingQuestion,
  type SessionState,
  updateSessionState,
} from './session-state';
import { cleanSpokenName, isClearlyNotAName, spokenPosition } from './spoken-name';
import { continueVisit, elicitPendingVisitorNameAgain } from './visit-flow';

/**
 * Does what was asked about a person once the name is settled: answers a detail, checks them in
 * or out, says whether they are in, or remembers them as the speaker.
 */
export function actOn(
  input: HandlerInput,
  deps: ConversationDependencies,
  contact: Contact,
  action: ContactAction,
): Promise<Response> {
  switch (action.kind) {
    case 'detail':
      return Promise.resolve(answerAbout(input, contact, action.detail));
    case 'identify':
      return askToRemember(input, deps, contact, action.followUp);
    case 'visit':
      return continueVisit(input, deps, contact, action.visitor);
    case 'when':
      return answerWhen(input, deps, contact);
    default:
      return answerPresence(input, deps, contact, action.kind, false);
  }
}

/** How many people a "which one?" question names aloud. */
export const SPOKEN_CANDIDATES = 3;

/** Speaks the detail asked for (or a summary), shows the card, and keeps the conversation open. */
export function answerAbout(
  input: HandlerInput,
  contact: Contact,
  detail: ContactDetail | undefined,
): Response {
  const t = translatorOf(input);
  const answer = detail ? detailSpeech(t, contact, detail) : summarySpeech(t, contact);
  updateSessionState(input, {
    lastContactId: contact.id,
    pending: undefined,
    lastAction: undefined,
    ...(detail ? { lastDetail: detail } : {}),
  });
  return respond(input, {
    speech: Ssml.join([answer, t.speak('anythingElse.question')]),
    reprompt: t.speak('anythingElse.reprompt'),
    card: contactCard(t, contact),
    screen: contactScreen(contact),
  });
}

/** The question that asks for a name, in the words of what is to be done with it. */
export function nameQuestion(t: Translator, action: ContactAction): { question: Ssml; reprompt: Ssml } {
  const reprompt = t.speak('askName.reprompt');
  switch (action.kind) {
    case 'detail':
      return {
        question: action.detail
          ? t.speak('askName.questionWithDetail', { detail: detailName(t, action.detail) })
          : t.speak('askName.question'),
        reprompt,
      };
    case 'checkIn':
      return { question: t.speak('presence.askWhoIn'), reprompt };
    case 'checkOut':
      return { question: t.speak('presence.askWhoOut'), reprompt };
    case 'isIn':
      return { question: t.speak('askName.question'), reprompt };
    case 'identify':
      return { question: t.speak('identity.askWho'), reprompt: t.speak('identity.askWhoReprompt') };
    case 'visit':
      return { question: t.speak('visitor.askHost'), reprompt: t.speak('visitor.askHostReprompt') };
    default:
      return { question: t.speak('askName.question'), reprompt };
  }
}

/** Asks who, remembering what was asked, when a request came without a name. */
export function askForName(input: HandlerInput, action: ContactAction, preface?: Ssml): Response {
  const t = translatorOf(input);
  updateSessionState(input, { pending: { type: 'askName', action } });
  const { question, reprompt } = nameQuestion(t, action);
  return respond(input, { speech: preface ? Ssml.join([preface, question]) : question, reprompt });
}

/** "I found 3 people called Jane: ... Which one?" */
export function askWhichOne(input: HandlerInput, choice: WhichOne, action: ContactAction): Response {
  const t = translatorOf(input);
  const { candidates, spokenName, moreThanListed } = choice;
  updateSessionState(input, {
    pending: {
      type: 'chooseContact',
      candidates,
      spokenName,
      action,
      ...(moreThanListed ? { moreThanListed } : {}),
    },
  });
  return respond(input, {
    speech: whichOneQuestion(t, choice),
    reprompt: t.speak('choose.reprompt'),
  });
}

/** The people a "which one?" chooses between, and the name that found them. */
export interface WhichOne {
  readonly candidates: readonly ContactSummary[];
  readonly spokenName: string;
  /** More people go by the name than the candidates listed. */
  readonly moreThanListed?: boolean | undefined;
}

/** The "which one?" question itself, naming the first few candidates with their companies. */
export function whichOneQuestion(t: Translator, choice: WhichOne): Ssml {
  const { candidates, spokenName } = choice;
  const key = choice.moreThanListed
    ? 'choose.questionMany'
    : candidates.length > SPOKEN_CANDIDATES
      ? 'choose.questionMore'
      : 'choose.question';
  return t.speak(key, {
    count: candidates.length,
    name: spokenName,
    options: candidateOptions(t, candidates.slice(0, SPOKEN_CANDIDATES)),
  });
}

/**
 * Finds the person meant by a name and acts on them, asks which one, or says nobody matched.
 * Nothing is ever done to a guess: several matches always lead to "which one?".
 */
export async function lookUpAndAnswer(
  input: HandlerInput,
  deps: ConversationDependencies,
  query: NameQuery & { readonly spoken: string },
  action: ContactAction,
): Promise<Response> {
  // Said back as heard, minus what is no part of a name: "jane's" is Jane, "the Jane Doe" Jane Doe.
  const cleaned = { ...query, spoken: cleanSpokenName(query.spoken) ?? query.spoken };
  return answerMatch(input, deps, cleaned, await deps.directory.findContacts(cleaned), action);
}

/**
 * {@link lookUpAndAnswer} for a name already looked up: `match` is what the directory found for
 * `query`, whose spoken name is already cleaned.
 */
export async function answerMatch(
  input: HandlerInput,
  deps: ConversationDependencies,
  query: NameQuery & { readonly spoken: string },
  match: ContactMatch,
  action: ContactAction,
): Promise<Response> {
  if (match.kind === 'one') return actOn(input, deps, match.contact, action);
  // "order me a large pizza" in a name slot: speech that was not for Front Desk, never a name.
  if (match.kind !== 'many' && (query.resolvedIds?.length ?? 0) === 0 && isClearlyNotAName(query.spoken)) {
    return notForUs(input);
  }
  if (match.kind === 'many') {
    return askWhichOne(
      input,
      {
        candidates: match.candidates,
        spokenName: withoutHeardPossessive(query.spoken, match.candidates),
        moreThanListed: match.moreThanListed,
      },
      action,
    );
  }
  const t = translatorOf(input);
  const suggestion = await deps.suggestions?.closestTo(query.spoken);
  if (suggestion) {
    updateSessionState(input, {
      pending: {
        type: 'confirmName',
        suggestedName: suggestion.name,
        candidates: suggestion.candidates,
        action,
      },
    });
    return respond(input, {
      speech: t.speak('suggest.question', { heard: query.spoken, name: suggestion.name }),
      reprompt: t.speak('suggest.reprompt', { name: suggestion.name }),
    });
  }
  const notFound = t.speak('notFound.speech', { name: query.spoken });
  if (action.kind !== 'detail') {
    // Still checking someone in (or finding out who is speaking): the next name continues that.
    updateSessionState(input, { pending: { type: 'askName', action } });
    const { question, reprompt } = nameQuestion(t, action);
    return respond(input, { speech: Ssml.join([notFound, question]), reprompt });
  }
  updateSessionState(input, { pending: undefined });
  return respond(input, {
    speech: Ssml.join([notFound, t.speak('notFound.question')]),
    reprompt: t.speak('notFound.reprompt'),
  });
}

/** Acts on a contact known by id (a choice, or the person last talked about). */
export async function answerAboutId(
  input: HandlerInput,
  deps: ConversationDependencies,
  contactId: string,
  action: ContactAction,
): Promise<Response | undefined> {
  const contact = await deps.directory.getContact(contactId);
  return contact ? actOn(input, deps, contact, action) : undefined;
}

/**
 * Asks the pending question again, in its own words, after `before` (an apology, the help text).
 * The visitor's name is elicited again, so a bare name still answers it.
 */
export function askPendingAgain(
  input: HandlerInput,
  pending: PendingQuestion,
  before: readonly Ssml[],
): Response {
  const again = pendingQuestionAgain(translatorOf(input), pending);
  elicitPendingVisitorNameAgain(input);
  return respond(input, { speech: Ssml.join([...before, again.question]), reprompt: again.reprompt });
}

/** The pending question asked again, in its own words. */
function pendingQuestionAgain(t: Translator, pending: PendingQuestion): { question: Ssml; reprompt: Ssml } {
  switch (pending.type) {
    case 'chooseContact':
      return { question: whichOneQuestion(t, pending), reprompt: t.speak('choose.reprompt') };
    case 'askName':
      return nameQuestion(t, pending.action);
    case 'confirmName':
      return {
        question: t.speak('suggest.reprompt', { name: pending.suggestedName }),
        reprompt: t.speak('suggest.reprompt', { name: pending.suggestedName }),
      };
    case 'confirmIdentity':
      return {
        question: t.speak('identity.confirmReprompt', { fullName: pending.identity.fullName }),
        reprompt: t.speak('identity.confirmReprompt', { fullName: pending.identity.fullName }),
      };
    case 'boardPage':
      return {
        question: t.speak('whoIsIn.more'),
        reprompt: t.speak(pending.list.by === 'present' ? 'whoIsIn.moreReprompt' : 'browse.more.reprompt'),
      };
    case 'listPage':
      return { question: t.speak('browse.more.question'), reprompt: t.speak('browse.more.reprompt') };
    case 'choosePlace':
      return whichPlaceQuestion(t, pending.city, pending.states);
    case 'visitorName':
      return { question: t.speak('visitor.askNameReprompt'), reprompt: t.speak('visitor.askNameReprompt') };
  }
}

/** The most answers a pending question lets go by that were no answer, before it is dropped. */
export const MISSES_ALLOWED = 1;

/**
 * Speech that was not for Front Desk: says what it can do and keeps the session. A pending
 * question is asked again once, then let go, so nobody is stuck in a loop.
 */
export function notForUs(input: HandlerInput): Response {
  const t = translatorOf(input);
  const state = getSessionState(input);
  const pending = state.pending;
  const misses = missesOf(state);
  if (pending && misses < MISSES_ALLOWED) {
    updateSessionState(input, { misses: misses + 1 });
    const sorry =
      pending.type === 'chooseContact' ? t.speak('choose.notUnderstood') : t.speak('fallback.speech');
    return askPendingAgain(input, pending, [sorry]);
  }
  updateSessionState(input, { pending: undefined });
  return respond(input, {
    speech: Ssml.join([
      t.speak('fallback.speech'),
      ...(pending ? [t.speak('fallback.letGo')] : []),
      t.speak('fallback.question'),
    ]),
    reprompt: t.speak('launch.reprompt'),
  });
}

/** Who a pick chooses among: the "which one?" candidates, else the people of the list page just read. */
function pickableOf(
  state: SessionState,
): { candidates: readonly ContactSummary[]; firstNumber: number } | undefined {
  const pending = state.pending;
  if (pending?.type === 'chooseContact') return { candidates: pending.candidates, firstNumber: 1 };
  const list = lastListOf(state);
  return list ? { candidates: list.entries, firstNumber: list.firstNumber } : undefined;
}

/**
 * The person an answer picks from what was just said: the "which one?" candidates, else the list
 * page just read. A number within the page counts from the page's start ("the second one"); one
 * beyond it, but on the page as the card numbers it, counts from the list's start ("number seven").
 */
export function pickFromContext(
  state: SessionState,
  answer: ChoiceAnswer,
): { readonly chosen?: ContactSummary | undefined; readonly from?: 'question' | 'list' | undefined } {
  const pickable = pickableOf(state);
  if (!pickable) return {};
  const from = state.pending?.type === 'chooseContact' ? 'question' : 'list';
  const { candidates, firstNumber } = pickable;
  let ordinal = answer.ordinal;
  if (ordinal !== undefined && ordinal > candidates.length && ordinal >= firstNumber) {
    ordinal = ordinal - firstNumber + 1;
  }
  return { chosen: chooseCandidate(candidates, { ...answer, ordinal }), from };
}

/** The action a pick from a list carries on: the one a pending "who?" was asked for, else a summary. */
export function actionForPick(state: SessionState): ContactAction {
  const pending = state.pending;
  if (pending?.type === 'askName' || pending?.type === 'chooseContact' || pending?.type === 'confirmName') {
    return pending.action;
  }
  return { kind: 'detail', detail: undefined };
}

/** What the user said about a person, turned into a choice: a position, or a name. */
export function choiceOfSpokenName(spoken: string): ChoiceAnswer {
  const position = spokenPosition(spoken);
  if (position?.from === 'end') return { last: true };
  if (position) return { ordinal: position.number };
  return { name: spoken };
}

/**
 * The name as said back once the people it found are known: a possessive heard without its
 * apostrophe ("janes telefonnummer", "does email") loses its "s" when every person found has the
 * name without it and none with it. "Brooks" stays "Brooks".
 */
export function withoutHeardPossessive(spoken: string, candidates: readonly ContactSummary[]): string {
  const words = spoken.split(' ');
  const last = words[words.length - 1] ?? '';
  const heard = normalizeName(last);
  if (heard.length < 3 || !heard.endsWith('s') || candidates.length === 0) return spoken;
  const names = candidates.map((candidate) => ` ${normalizeName(candidate.fullName)} `);
  const stem = heard.slice(0, -1);
  if (names.some((name) => name.includes(` ${heard} `))) return spoken;
  if (!names.every((name) => name.includes(` ${stem} `))) return spoken;
  return [...words.slice(0, -1), last.replace(/s$/i, '')].join(' ');
}
