import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Contact, ContactSummary } from '../domain/contact';
import type { ContactDetail } from '../interaction';
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
import { updateSessionState } from './session-state';

/** What the contact conversation needs; injected by `buildSkill`. */
export interface ContactFlowDependencies {
  readonly directory: DirectoryService;
  /** Offers "did you mean" when a name matches nobody; without it Front Desk just says so. */
  readonly suggestions?: NameSuggestionService | undefined;
  readonly random?: Random | undefined;
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
  });
}

/** Asks who, remembering what was asked, when a question came without a name. */
export function askForName(
  input: HandlerInput,
  deps: ContactFlowDependencies,
  detail: ContactDetail | undefined,
  preface?: Ssml,
): Response {
  const t = translatorOf(input, deps.random);
  updateSessionState(input, { pending: { type: 'askName', detail } });
  const question = detail
    ? t.speak('askName.questionWithDetail', { detail: detailName(t, detail) })
    : t.speak('askName.question');
  return respond(input, {
    speech: preface ? Ssml.join([preface, question]) : question,
    reprompt: t.speak('askName.reprompt'),
  });
}

/** "I found 3 people called Jane: ... Which one?" */
export function askWhichOne(
  input: HandlerInput,
  deps: ContactFlowDependencies,
  candidates: readonly ContactSummary[],
  spokenName: string,
  detail: ContactDetail | undefined,
): Response {
  const t = translatorOf(input, deps.random);
  updateSessionState(input, { pending: { type: 'chooseContact', candidates, spokenName, detail } });
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

/** Finds the person meant by a name and answers, asks which one, or says nobody matched. */
export async function lookUpAndAnswer(
  input: HandlerInput,
  deps: ContactFlowDependencies,
  query: NameQuery & { readonly spoken: string },
  detail: ContactDetail | undefined,
): Promise<Response> {
  const match = await deps.directory.findContacts(query);
  if (match.kind === 'one') return answerAbout(input, deps, match.contact, detail);
  if (match.kind === 'many') return askWhichOne(input, deps, match.candidates, query.spoken, detail);
  const t = translatorOf(input, deps.random);
  const suggestion = await deps.suggestions?.closestTo(query.spoken);
  if (suggestion) {
    updateSessionState(input, {
      pending: {
        type: 'confirmName',
        suggestedName: suggestion.name,
        candidates: suggestion.candidates,
        detail,
      },
    });
    return respond(input, {
      speech: t.speak('suggest.question', { heard: query.spoken, name: suggestion.name }),
      reprompt: t.speak('suggest.reprompt', { name: suggestion.name }),
    });
  }
  updateSessionState(input, { pending: undefined });
  return respond(input, {
    speech: Ssml.join([t.speak('notFound.speech', { name: query.spoken }), t.speak('notFound.question')]),
    reprompt: t.speak('notFound.reprompt'),
  });
}

/** Answers about a contact known by id (a choice, or the person last talked about). */
export async function answerAboutId(
  input: HandlerInput,
  deps: ContactFlowDependencies,
  contactId: string,
  detail: ContactDetail | undefined,
): Promise<Response | undefined> {
  const contact = await deps.directory.getContact(contactId);
  return contact ? answerAbout(input, deps, contact, detail) : undefined;
}
