import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Contact, ContactSummary } from '../domain/contact';
import type { ContactDetail } from '../interaction';
import { contactScreen } from '../screens/screen';
import type { NameQuery } from '../services/directory-service';
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
import { answerPresence } from './presence-flow';
import { translatorOf } from './request-context';
import { respond } from './respond';
import { type ContactAction, updateSessionState } from './session-state';
import { continueVisit } from './visit-flow';

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
  updateSessionState(input, { lastContactId: contact.id, pending: undefined });
  return respond(input, {
    speech: Ssml.join([answer, t.speak('anythingElse.question')]),
    reprompt: t.speak('anythingElse.reprompt'),
    card: contactCard(t, contact),
    screen: contactScreen(contact),
  });
}

/** The question that asks for a name, in the words of what is to be done with it. */
function nameQuestion(t: Translator, action: ContactAction): { question: Ssml; reprompt: Ssml } {
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
  const match = await deps.directory.findContacts(query);
  if (match.kind === 'one') return actOn(input, deps, match.contact, action);
  if (match.kind === 'many') {
    return askWhichOne(
      input,
      { candidates: match.candidates, spokenName: query.spoken, moreThanListed: match.moreThanListed },
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
