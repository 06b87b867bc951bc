import { getIntentName, getRequestType, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { type Contact, fullNameOf } from '../domain/contact';
import { type IntentName, IntentNames, SlotNames } from '../interaction';
import type { Logger } from '../logger';
import { whoIsInScreen } from '../screens/screen';
import type { IdentityService } from '../services/identity-service';
import type { PresenceService } from '../services/presence-service';
import {
  changeSpeech,
  isInSpeech,
  type Moment,
  presenceCard,
  whoIsInCard,
  whoIsInSpeech,
} from '../speech/presence-speech';
import { askForName, type ContactFlowDependencies, lookUpAndAnswer } from './contact-flow';
import { type Answer, finish } from './finish';
import { userAttributesOf } from './identity-attributes';
import { resolvedIds, slotValue, translatorOf } from './request-context';
import { respond } from './respond';
import { getSessionState, type SelfAction, updateSessionState } from './session-state';
import { timeZoneOf } from './time-zone';

/** What the in/out board's conversation needs; injected by `buildSkill`. */
export interface PresenceFlowDependencies extends ContactFlowDependencies {
  readonly presence: PresenceService;
  readonly identity: IdentityService;
  readonly officeTimeZone: string;
  readonly logger: Logger;
  readonly clock: () => Date;
}

/** How many people a page of "who's in" names. */
export const WHO_IS_IN_PAGE_SIZE = 5;

function isIntent(input: HandlerInput, ...names: IntentName[]): boolean {
  return (
    getRequestType(input.requestEnvelope) === 'IntentRequest' &&
    (names as string[]).includes(getIntentName(input.requestEnvelope))
  );
}

/** Who is asking: the recognised voice profile, else the account. Only its hash is ever stored. */
export function requesterIdOf(input: HandlerInput): string {
  const system = input.requestEnvelope.context?.System;
  return system?.person?.personId ?? system?.user?.userId ?? 'unknown';
}

async function momentOf(input: HandlerInput, deps: PresenceFlowDependencies): Promise<Moment> {
  return { now: deps.clock(), timeZone: await timeZoneOf(input, deps.officeTimeZone, deps.logger) };
}

/**
 * Checks a person in or out, or says whether they are in, and says how it went. `self` is the
 * speaker asking about themselves ("am I checked in").
 */
export async function presenceAnswer(
  input: HandlerInput,
  deps: PresenceFlowDependencies,
  contact: Contact,
  action: SelfAction,
  self: boolean,
): Promise<Answer> {
  const t = translatorOf(input, deps.random);
  const name = fullNameOf(contact);
  updateSessionState(input, { lastContactId: contact.id, pending: undefined });
  if (action === 'isIn') {
    const record = await deps.presence.getPresence(contact.id);
    const moment = await momentOf(input, deps);
    return {
      speech: isInSpeech(t, name, record, self, moment),
      card: presenceCard(t, name, record, moment),
    };
  }
  const status = action === 'checkIn' ? 'IN' : 'OUT';
  const change = await deps.presence.setPresence(contact, status, requesterIdOf(input));
  // Only answers that say when something happened need the listener's time zone.
  const needsTime = change.kind === 'unchanged' || change.kind === 'conflict';
  const moment = needsTime
    ? await momentOf(input, deps)
    : { now: deps.clock(), timeZone: deps.officeTimeZone };
  return { speech: changeSpeech(t, name, status, change, moment) };
}

/** {@link presenceAnswer}, finished as a response. */
export async function answerPresence(
  input: HandlerInput,
  deps: PresenceFlowDependencies,
  contact: Contact,
  action: SelfAction,
  self: boolean,
): Promise<Response> {
  return finish(input, deps.random, await presenceAnswer(input, deps, contact, action, self));
}

const ACTION_OF_INTENT: Readonly<Record<string, SelfAction>> = {
  [IntentNames.checkIn]: 'checkIn',
  [IntentNames.checkOut]: 'checkOut',
  [IntentNames.isIn]: 'isIn',
  [IntentNames.checkMeIn]: 'checkIn',
  [IntentNames.checkMeOut]: 'checkOut',
  [IntentNames.amIIn]: 'isIn',
};

/**
 * "check in Jane Doe", "Jane Doe is leaving", "is Jane Doe in": the name goes through the same
 * lookup (and "which one?") as any other; without a name, Front Desk asks who.
 */
export function presenceHandler(deps: PresenceFlowDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.checkIn, IntentNames.checkOut, IntentNames.isIn),
    handle: async (input): Promise<Response> => {
      const action = ACTION_OF_INTENT[getIntentName(input.requestEnvelope)] as SelfAction;
      const spoken = slotValue(input, SlotNames.name);
      if (!spoken) return askForName(input, deps, { kind: action });
      return lookUpAndAnswer(
        input,
        deps,
        { spoken, resolvedIds: resolvedIds(input, SlotNames.name) },
        { kind: action },
      );
    },
  };
}

/**
 * "check me in", "I'm leaving", "am I checked in": the speaker, as remembered for this voice
 * profile or account. Someone Front Desk does not know yet is asked who they are, and the request
 * carries on once they have said so.
 */
export function selfPresenceHandler(deps: PresenceFlowDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.checkMeIn, IntentNames.checkMeOut, IntentNames.amIIn),
    handle: async (input): Promise<Response> => {
      const action = ACTION_OF_INTENT[getIntentName(input.requestEnvelope)] as SelfAction;
      const recollection = await deps.identity.recall(userAttributesOf(input));
      if (recollection.kind === 'known') {
        return answerPresence(input, deps, recollection.contact, action, true);
      }
      if (recollection.kind === 'unknown')
        return askForName(input, deps, { kind: 'identify', followUp: action });
      const t = translatorOf(input, deps.random);
      updateSessionState(input, {
        pending: { type: 'askName', action: { kind: 'identify', followUp: action } },
      });
      return respond(input, {
        speech: t.speak('identity.gone', { fullName: recollection.identity.fullName }),
        reprompt: t.speak('identity.askWhoReprompt'),
      });
    },
  };
}

async function whoIsInPage(
  input: HandlerInput,
  deps: PresenceFlowDependencies,
  cursor: string | undefined,
): Promise<Response> {
  const t = translatorOf(input, deps.random);
  const page = await deps.presence.whoIsIn(WHO_IS_IN_PAGE_SIZE, cursor);
  const hasMore = page.cursor !== undefined;
  const speech = whoIsInSpeech(t, page.records, cursor === undefined, hasMore);
  // An empty board shows no times, so it needs no time zone.
  const moment =
    page.records.length > 0
      ? await momentOf(input, deps)
      : { now: deps.clock(), timeZone: deps.officeTimeZone };
  const card = whoIsInCard(t, page.records, moment);
  const screen =
    page.records.length > 0
      ? whoIsInScreen(t, {
          records: page.records,
          now: moment.now,
          timeZone: moment.timeZone,
          footer: hasMore ? t.text('browse.card.moreUncounted') : undefined,
        })
      : undefined;
  if (page.cursor !== undefined) {
    updateSessionState(input, { pending: { type: 'presencePage', cursor: page.cursor } });
    return respond(input, { speech, reprompt: t.speak('whoIsIn.moreReprompt'), card, screen });
  }
  updateSessionState(input, { pending: undefined });
  return finish(input, deps.random, { speech, card, screen });
}

/** "who's in", "who is in the office": the people checked in, most recent first, a page at a time. */
export function whoIsInHandler(deps: PresenceFlowDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.whoIsIn),
    handle: (input) => whoIsInPage(input, deps, undefined),
  };
}

/** "yes" (or "more", "next") to "do you want to hear more?" reads the next page of "who's in"; "no" stops the list. */
export function presencePageHandler(deps: PresenceFlowDependencies): RequestHandler {
  return {
    canHandle: (input) =>
      isIntent(input, IntentNames.yes, IntentNames.no, IntentNames.more, IntentNames.next) &&
      getSessionState(input).pending?.type === 'presencePage',
    handle: async (input): Promise<Response> => {
      const pending = getSessionState(input).pending;
      if (getIntentName(input.requestEnvelope) !== IntentNames.no && pending?.type === 'presencePage') {
        return whoIsInPage(input, deps, pending.cursor);
      }
      updateSessionState(input, { pending: undefined });
      const t = translatorOf(input, deps.random);
      return respond(input, {
        speech: t.speak('anythingElse.question'),
        reprompt: t.speak('anythingElse.reprompt'),
      });
    },
  };
}
