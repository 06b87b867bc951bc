import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { actOn, answerMatch, askForName, askWhichOne, lookUpAndAnswer } from '../conversation/contact-flow';
import type { ConversationDependencies } from '../conversation/dependencies';
import { finish } from '../conversation/finish';
import { userAttributesOf } from '../conversation/identity-attributes';
import { withMomentOf } from '../conversation/presence-flow';
import {
  answerForTheSpeakerOnly,
  isIntent,
  resolvedIds,
  slotValue,
  translatorOf,
  voiceOf,
} from '../conversation/request-context';
import { respond } from '../conversation/respond';
import { updateSessionState } from '../conversation/session-state';
import { cleanSpokenName } from '../conversation/spoken-name';
import {
  continueVisit,
  departureAnswer,
  pendingVisitorName,
  signedInVisitId,
} from '../conversation/visit-flow';
import type { Contact } from '../domain/contact';
import { cleanVisitorText, MAX_VISITOR_NAME_LENGTH } from '../domain/visit';
import { IntentNames, SlotNames } from '../interaction';
import { visitorArrivedSpeech, visitorsTodayCard, visitorsTodaySpeech } from '../speech/visit-speech';

/**
 * "I'm here to see Wei Zhang", "Sam Carter from Wayne Enterprises to see Wei Zhang": the host is
 * found like any lookup ("which one?", "did you mean"), then the visitor's name is asked if it was
 * not given, and the visit is logged. An unknown host gets "who are you here to see?" and nothing
 * is logged. The answer to the elicited name comes back to this handler with the host in the session.
 */
export function visitorArrivalHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.visitorArrival),
    handle: async (input): Promise<Response> => {
      const visitor = nameAndCompany(
        slotValue(input, SlotNames.visitorName),
        slotValue(input, SlotNames.visitorCompany),
      );
      const answered = await answerVisitorName(input, deps, visitor);
      if (answered) return answered;
      const hostName = slotValue(input, SlotNames.host);
      if (!hostName) return askForName(input, { kind: 'visit', visitor: withoutEmpty(visitor) });
      return lookUpAndAnswer(
        input,
        deps,
        { spoken: hostName, resolvedIds: resolvedIds(input, SlotNames.host) },
        { kind: 'visit', visitor: withoutEmpty(visitor) },
      );
    },
  };
}

/**
 * The visitor's name said without the elicitation that was meant to catch it (Alexa dropped it, or
 * the name came after something else was said): a bare name ("Sam Carter", to ContactDetailsIntent)
 * or "my name is Sam Carter" (IdentifyIntent) answers the pending "what's your name?", and is
 * never taken for a directory search or for the speaker asking to be remembered.
 */
export function visitorNameAnswerHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) =>
      pendingVisitorName(input) !== undefined &&
      slotValue(input, SlotNames.name) !== undefined &&
      (isIntent(input, IntentNames.identify) ||
        (isIntent(input, IntentNames.contactDetails) && slotValue(input, SlotNames.detail) === undefined)),
    handle: async (input): Promise<Response> => {
      const visitor = nameAndCompany(slotValue(input, SlotNames.name), undefined);
      const answered = await answerVisitorName(input, deps, visitor);
      // The host left the directory meanwhile: who the visitor is here to see is asked again.
      return answered ?? askForName(input, { kind: 'visit', visitor: withoutEmpty(visitor) });
    },
  };
}

/**
 * The visitor's answer to the pending "what's your name?", with the host from the session: only
 * the name was asked, so anything else the answer carries leaves the host as settled. Undefined
 * when no name is pending or the host is no longer in the directory.
 */
async function answerVisitorName(
  input: HandlerInput,
  deps: ConversationDependencies,
  visitor: { name: string | undefined; company: string | undefined },
): Promise<Response | undefined> {
  const pending = pendingVisitorName(input);
  const host = pending && (await deps.directory.getContact(pending.hostId));
  if (!pending || !host) return undefined;
  return continueVisit(
    input,
    deps,
    host,
    { name: visitor.name ?? '', company: pending.company ?? visitor.company },
    pending.oneShot,
  );
}

/**
 * "Sam Carter from Wayne Enterprises" can come whole in the name slot (a name slot takes any
 * words): the company is split off when the company slot is empty.
 */
function nameAndCompany(
  name: string | undefined,
  company: string | undefined,
): { name: string | undefined; company: string | undefined } {
  if (company || !name) return { name, company };
  const match = /^(.+?)\s+(?:from|of|with|von)\s+(.+)$/i.exec(name);
  return match ? { name: match[1], company: match[2] } : { name, company };
}

function withoutEmpty(visitor: { name?: string | undefined; company?: string | undefined }) {
  return {
    ...(visitor.name ? { name: visitor.name } : {}),
    ...(visitor.company ? { company: visitor.company } : {}),
  };
}

/** "sign out Sam Carter", "Sam Carter is signing out": closes the visit and says goodbye. */
export function visitorLeavingHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.visitorLeave),
    handle: async (input): Promise<Response> => {
      const spoken = slotValue(input, SlotNames.visitorName);
      const name = cleanVisitorText(spoken, MAX_VISITOR_NAME_LENGTH);
      if (name.kind === 'ok')
        return departureAnswer(input, await deps.visits.leaveByName(name.value), name.value);
      const visitId = signedInVisitId(input);
      if (visitId) return departureAnswer(input, await deps.visits.leaveById(visitId), undefined);
      const t = translatorOf(input);
      updateSessionState(input, { pending: undefined });
      return respond(input, {
        speech: t.speak('visitor.askWhoLeaving'),
        reprompt: t.speak('visitor.askWhoLeavingReprompt'),
      });
    },
  };
}

/**
 * The board's "X is leaving" and "I'm leaving", when they are about a visitor: "I'm leaving" right
 * after signing in (in the same session) signs that visit out; "Sam Carter is leaving" signs out
 * a visitor of that name when no one in the directory goes by it. Anything else goes on to the
 * board as before, with the directory read only once.
 */
export function visitorCheckOutHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) =>
      (isIntent(input, IntentNames.checkMeOut) && signedInVisitId(input) !== undefined) ||
      (isIntent(input, IntentNames.checkOut) &&
        slotValue(input, SlotNames.name) !== undefined &&
        resolvedIds(input, SlotNames.name).length === 0),
    handle: async (input): Promise<Response> => {
      if (isIntent(input, IntentNames.checkMeOut)) {
        return departureAnswer(input, await deps.visits.leaveById(signedInVisitId(input) ?? ''), undefined);
      }
      const spoken = slotValue(input, SlotNames.name) ?? '';
      const match = await deps.directory.findContacts({ spoken, resolvedIds: [] });
      if (match.kind === 'one') return actOn(input, deps, match.contact, { kind: 'checkOut' });
      if (match.kind === 'many') {
        return askWhichOne(
          input,
          { candidates: match.candidates, spokenName: spoken, moreThanListed: match.moreThanListed },
          { kind: 'checkOut' },
        );
      }
      const name = cleanVisitorText(spoken, MAX_VISITOR_NAME_LENGTH);
      if (name.kind === 'ok') {
        const departure = await deps.visits.leaveByName(name.value);
        if (departure.kind === 'left' || departure.kind === 'failed') {
          return departureAnswer(input, departure, name.value);
        }
      }
      // Nobody in the directory, and no visitor: answered like any name nobody has, from the same
      // search unless the name said back would be a cleaned one (which searches for what is left).
      const query = { spoken, resolvedIds: [] };
      if ((cleanSpokenName(spoken) ?? spoken) !== spoken) {
        return lookUpAndAnswer(input, deps, query, { kind: 'checkOut' });
      }
      return answerMatch(input, deps, query, match, { kind: 'checkOut' });
    },
  };
}

/**
 * The speaker, when Alexa recognised their voice (a voice profile) and it is remembered as a
 * directory contact: staff. Anyone else on the device (an unrecognised voice, an account without
 * voice profiles) is not, whatever the account remembers.
 */
async function recognisedStaff(
  input: HandlerInput,
  deps: ConversationDependencies,
): Promise<Contact | undefined> {
  if (!voiceOf(input)) return undefined;
  const recollection = await deps.identity.recall(userAttributesOf(input));
  return recollection.kind === 'known' ? recollection.contact : undefined;
}

function staffOnly(input: HandlerInput): Response {
  const t = translatorOf(input);
  updateSessionState(input, { pending: undefined });
  return finish(input, { speech: t.speak('visitor.staffOnly') });
}

/** "who's visiting today", "is my visitor here": for recognised staff, their own visitors first. */
export function visitorsTodayHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.visitorsToday),
    handle: async (input): Promise<Response> => {
      const staff = await recognisedStaff(input, deps);
      if (!staff) return staffOnly(input);
      const t = translatorOf(input);
      const [visits, moment] = await withMomentOf(input, deps, deps.visits.visitsToday());
      updateSessionState(input, { pending: undefined });
      answerForTheSpeakerOnly(input);
      return finish(input, {
        speech: visitorsTodaySpeech(t, visits, staff.id, moment),
        card: visitorsTodayCard(t, visits, staff.id, moment),
      });
    },
  };
}

/** "has Sam Carter arrived": for recognised staff only. */
export function visitorArrivedHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.visitorArrived),
    handle: async (input): Promise<Response> => {
      const staff = await recognisedStaff(input, deps);
      if (!staff) return staffOnly(input);
      const t = translatorOf(input);
      const name = cleanVisitorText(slotValue(input, SlotNames.visitorName), MAX_VISITOR_NAME_LENGTH);
      if (name.kind !== 'ok') {
        return respond(input, {
          speech: t.speak('visitor.askWhichVisitor'),
          reprompt: t.speak('visitor.askWhichVisitor'),
        });
      }
      const [[latest], moment] = await withMomentOf(input, deps, deps.visits.findVisitsToday(name.value));
      updateSessionState(input, { pending: undefined });
      answerForTheSpeakerOnly(input);
      return finish(input, { speech: visitorArrivedSpeech(t, name.value, latest, moment) });
    },
  };
}
