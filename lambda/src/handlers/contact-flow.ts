import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Contact, ContactSummary } from '../domain/contact';
import { FrontDeskError } from '../errors';
import type { ContactDetail } from '../interaction';
import { contactScreen } from '../screens/screen';
import type { DirectoryService, NameQuery } from '../services/directory-service';
import type { NameSuggestionService } from '../services/name-suggestion-service';
import {
  candidateOptions,
  contactCard,
  detailName,
  detailSpeech,
  summarySpeech,
} from '../speech/contact-speech';
import type { Random, Translator } from '../speech/i18n';
import { Ssml } from '../speech/ssml';
import { translatorOf } from './request-context';
import { respond } from './respond';
import { type ContactAction, updateSessionState } from './session-state';

/** Carries out an action other than answering a detail, once the person is settled. */
export type ContactActionPerformer = (
  input: HandlerInput,
  contact: Contact,
  action: Exclude<ContactAction, { readonly kind: 'detail' }>,
) => Promise<Response>;

/** What the contact conversation needs; injected by `buildSkill`. */
export interface ContactFlowDependencies {
  readonly directory: DirectoryService;
  /** Offers "did you mean" when a name matches nobody; without it Front Desk just says so. */
  readonly suggestions?: NameSuggestionService | undefined;
  readonly random?: Random | undefined;
  /** Check-ins, "is she in" and "remember me": how a settled name continues when no detail was asked. */
  readonly perform?: ContactActionPerformer | undefined;
}

/** Does what was asked about a person: answers a detail, or hands over to the action's performer. */
export function actOn(
  input: HandlerInput,
  deps: ContactFlowDependencies,
  contact: Contact,
  action: ContactAction,
): Promise<Response> {
  if (action.kind === 'detail') return Promise.resolve(answerAbout(input, deps, contact, action.detail));
  if (!deps.perform) throw new FrontDeskError(`Nothing performs ${action.kind} actions`);
  return deps.perform(input, contact, action);
}

/** How many people a "which one?" question names aloud. */
export const SPOKEN_CANDIDATES = 3;

/** Speaks the detail asked for (or a summary), shows the card, and keeps the conversation open. */
export function answerAbout(
  input: HandlerInput,
  deps: ContactFlowDependencies,
  contact: Contact,
  detail: ContactDetail | undefined,
): Response {
  const t = translatorOf(input, deps.random);
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
  }
}

/** Asks who, remembering what was asked, when a request came without a name. */
export function askForName(
  input: HandlerInput,
  deps: ContactFlowDependencies,
  action: ContactAction,
  preface?: Ssml,
): Response {
  const t = translatorOf(input, deps.random);
  updateSessionState(input, { pending: { type: 'askName', action } });
  const { question, reprompt } = nameQuestion(t, action);
  return respond(input, { speech: preface ? Ssml.join([preface, question]) : question, reprompt });
}

/** "I found 3 people called Jane: ... Which one?" */
export function askWhichOne(
  input: HandlerInput,
  deps: ContactFlowDependencies,
  candidates: readonly ContactSummary[],
  spokenName: string,
  action: ContactAction,
): Response {
  const t = translatorOf(input, deps.random);
  updateSessionState(input, { pending: { type: 'chooseContact', candidates, spokenName, action } });
  return respond(input, {
    speech: whichOneQuestion(t, candidates, spokenName),
    reprompt: t.speak('choose.reprompt'),
  });
}

/** The "which one?" question itself, naming the first few candidates with their companies. */
export function whichOneQuestion(
  t: Translator,
  candidates: readonly ContactSummary[],
  spokenName: string,
): Ssml {
  const key = candidates.length > SPOKEN_CANDIDATES ? 'choose.questionMore' : 'choose.question';
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
  deps: ContactFlowDependencies,
  query: NameQuery & { readonly spoken: string },
  action: ContactAction,
): Promise<Response> {
  const match = await deps.directory.findContacts(query);
  if (match.kind === 'one') return actOn(input, deps, match.contact, action);
  if (match.kind === 'many') return askWhichOne(input, deps, match.candidates, query.spoken, action);
  const t = translatorOf(input, deps.random);
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
  deps: ContactFlowDependencies,
  contactId: string,
  action: ContactAction,
): Promise<Response | undefined> {
  const contact = await deps.directory.getContact(contactId);
  return contact ? actOn(input, deps, contact, action) : undefined;
}
