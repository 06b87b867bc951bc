import type { HandlerInput } from 'ask-sdk-core';
import type { Intent, Response } from 'ask-sdk-model';
import { type Contact, fullNameOf } from '../domain/contact';
import {
  canTellHost,
  cleanVisitorText,
  MAX_VISITOR_COMPANY_LENGTH,
  MAX_VISITOR_NAME_LENGTH,
  visitorFirstName,
} from '../domain/visit';
import { IntentNames, SlotNames } from '../interaction';
import type { Departure } from '../services/visit-service';
import { Ssml } from '../speech/ssml';
import { reachHostSpeech } from '../speech/visit-speech';
import type { ConversationDependencies } from './dependencies';
import { finish } from './finish';
import { translatorOf, voiceOf } from './request-context';
import { respond } from './respond';
import { getSessionState, updateSessionState, type VisitorAsHeard } from './session-state';

/** What the visitor desk's answers need. */
export type VisitFlowDependencies = Pick<
  ConversationDependencies,
  'visits' | 'officePhone' | 'hostNotifications'
>;

/**
 * The host is settled: sign the visitor in, or first ask their name. The name is asked with
 * Dialog.ElicitSlot on the arrival intent, so the answer can be the bare name ("Sam Carter") as
 * well as "my name is Sam Carter"; the host travels in the session, not in the slot.
 */
export async function continueVisit(
  input: HandlerInput,
  deps: VisitFlowDependencies,
  host: Contact,
  visitor: VisitorAsHeard | undefined,
  /** The visit began as a one-shot request: its answer ends the session, as the first would have. */
  oneShot = input.requestEnvelope.session?.new !== false,
): Promise<Response> {
  const t = translatorOf(input);
  const done = (speech: Ssml): Response =>
    oneShot ? respond(input, { speech, endSession: true }) : finish(input, { speech });
  const company = cleanVisitorText(visitor?.company, MAX_VISITOR_COMPANY_LENGTH);
  const keptCompany = company.kind === 'ok' ? company.value : undefined;
  const hostName = fullNameOf(host);
  if (visitor?.name === undefined) return askVisitorName(input, host, keptCompany, undefined, oneShot);
  const name = cleanVisitorText(visitor.name, MAX_VISITOR_NAME_LENGTH);
  if (name.kind !== 'ok') {
    const preface = t.speak(name.kind === 'tooLong' ? 'visitor.nameTooLong' : 'visitor.nameNotCaught');
    return askVisitorName(input, host, keptCompany, preface, oneShot);
  }
  const arrival = await deps.visits.arrive(host, { name: name.value, company: keptCompany });
  if (arrival.kind === 'failed') {
    updateSessionState(input, { pending: undefined });
    return done(t.speak('visitor.notLogged', { host: hostName }));
  }
  const voice = voiceOf(input);
  updateSessionState(input, {
    pending: undefined,
    signedInVisit: { id: arrival.visit.id, ...(voice ? { voice } : {}) },
  });
  const first = visitorFirstName(name.value);
  // "I've let them know" only when the event went out and a channel of the stack reaches the host.
  const told = arrival.notified && canTellHost(host, deps.hostNotifications ?? []);
  const speech = told
    ? t.speak('visitor.hostTold', { visitor: first, host: hostName })
    : Ssml.join([
        t.speak(arrival.notified ? 'visitor.hostCannotBeTold' : 'visitor.hostNotTold', {
          visitor: first,
          host: hostName,
        }),
        reachHostSpeech(t, host, deps.officePhone),
      ]);
  return done(speech);
}

/** "And your name?": the elicitation of the visitor's name, with the host kept in the session. */
function askVisitorName(
  input: HandlerInput,
  host: Contact,
  company: string | undefined,
  preface: Ssml | undefined,
  oneShot: boolean,
): Response {
  const t = translatorOf(input);
  updateSessionState(input, {
    pending: { type: 'visitorName', hostId: host.id, oneShot, ...(company ? { company } : {}) },
  });
  const question = t.speak('visitor.askName', { host: fullNameOf(host) });
  elicitVisitorName(input, fullNameOf(host), company);
  return respond(input, {
    speech: preface ? Ssml.join([preface, question]) : question,
    reprompt: t.speak('visitor.askNameReprompt'),
  });
}

/**
 * Dialog.ElicitSlot of the visitor's name on the arrival intent, so that the answer can be the bare
 * name ("Sam Carter"): without it, Alexa sends a bare name to whichever intent it fits best. The
 * host travels in the session; the slot only shows it when it is known here.
 */
function elicitVisitorName(
  input: HandlerInput,
  hostName: string | undefined,
  company: string | undefined,
): void {
  const updatedIntent: Intent = {
    name: IntentNames.visitorArrival,
    confirmationStatus: 'NONE',
    slots: {
      [SlotNames.host]: {
        name: SlotNames.host,
        confirmationStatus: 'NONE',
        ...(hostName ? { value: hostName } : {}),
      },
      [SlotNames.visitorName]: { name: SlotNames.visitorName, confirmationStatus: 'NONE' },
      [SlotNames.visitorCompany]: {
        name: SlotNames.visitorCompany,
        confirmationStatus: 'NONE',
        ...(company ? { value: company } : {}),
      },
    },
  };
  input.responseBuilder.addElicitSlotDirective(SlotNames.visitorName, updatedIntent);
}

/**
 * A reply that asks the pending "what's your name?" again (after "help", "repeat", speech that was
 * no answer, or an error) elicits the name again too; otherwise the visitor's bare name would be
 * taken for a directory search. Only an intent request may carry the directive.
 */
export function elicitPendingVisitorNameAgain(input: HandlerInput): void {
  if (input.requestEnvelope.request?.type !== 'IntentRequest') return;
  // A handler that failed after asking may have elicited already: one dialog directive at most.
  if (input.responseBuilder.getResponse().directives?.some((d) => d.type.startsWith('Dialog.'))) return;
  const pending = pendingVisitorName(input);
  if (pending) elicitVisitorName(input, undefined, pending.company);
}

/** The pending "what's your name?" of the visitor desk, if the session holds a well-formed one. */
export function pendingVisitorName(
  input: HandlerInput,
): { readonly hostId: string; readonly oneShot: boolean; readonly company?: string | undefined } | undefined {
  const pending = getSessionState(input).pending;
  if (pending?.type !== 'visitorName') return undefined;
  const { hostId, company, oneShot } = pending;
  // The pending-question guard checked the host; the company and the flag it does not check.
  return {
    hostId,
    oneShot: oneShot === true,
    ...(typeof company === 'string' && company.length > 0 ? { company } : {}),
  };
}

/**
 * The visit signed in earlier in this session, if the session holds a well-formed one and this
 * request's voice is the one that signed in: at a shared Echo, the staff member who speaks next
 * in the session is not the visitor.
 */
export function signedInVisitId(input: HandlerInput): string | undefined {
  const visit = getSessionState(input).signedInVisit as unknown;
  if (!visit || typeof visit !== 'object') return undefined;
  const { id, voice } = visit as Record<string, unknown>;
  if (voice !== voiceOf(input)) return undefined;
  return typeof id === 'string' && id.length > 0 && id.length <= 100 ? id : undefined;
}

/** "Goodbye, Sam.", or why not. */
export function departureAnswer(
  input: HandlerInput,
  departure: Departure,
  spokenName: string | undefined,
): Response {
  const t = translatorOf(input);
  // Signing out by name tells nothing about a visit that is already over: only staff hear of visits.
  if (departure.kind === 'alreadyLeft' && spokenName !== undefined) {
    return departureAnswer(input, { kind: 'notFound' }, spokenName);
  }
  switch (departure.kind) {
    case 'left':
      updateSessionState(input, { signedInVisit: undefined, pending: undefined });
      return finish(input, {
        speech: t.speak('visitor.goodbye', { visitor: visitorFirstName(departure.visit.visitor.name) }),
      });
    case 'alreadyLeft':
      updateSessionState(input, { signedInVisit: undefined, pending: undefined });
      return finish(input, {
        speech: t.speak('visitor.alreadyLeft', { visitor: visitorFirstName(departure.visit.visitor.name) }),
      });
    case 'notFound':
      updateSessionState(input, { pending: undefined });
      return finish(input, {
        speech: spokenName
          ? t.speak('visitor.notSignedIn', { name: spokenName })
          : t.speak('visitor.notSignedInYou'),
      });
    case 'failed':
      return finish(input, { speech: t.speak('visitor.notSignedOut') });
  }
}
