import { getIntentName, getRequestType, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Contact } from '../domain/contact';
import { StoreUnavailableError } from '../errors';
import { type IntentName, IntentNames, SlotNames } from '../interaction';
import { Ssml } from '../speech/ssml';
import { askForName, lookUpAndAnswer } from './contact-flow';
import { finish } from './finish';
import { userAttributesOf } from './identity-attributes';
import { loggerOf } from './interceptors';
import { type PresenceFlowDependencies, presenceAnswer } from './presence';
import { resolvedIds, slotValue, translatorOf } from './request-context';
import { respond } from './respond';
import { getSessionState, type SelfAction, updateSessionState } from './session-state';

function isIntent(input: HandlerInput, ...names: IntentName[]): boolean {
  return (
    getRequestType(input.requestEnvelope) === 'IntentRequest' &&
    (names as string[]).includes(getIntentName(input.requestEnvelope))
  );
}

/**
 * The speaker said they are `contact`: confirm before remembering ("Should I remember you as
 * Jane Doe from Acme Corp.?"), or carry straight on when that is already who they are.
 */
export async function askToRemember(
  input: HandlerInput,
  deps: PresenceFlowDependencies,
  contact: Contact,
  followUp: SelfAction | undefined,
): Promise<Response> {
  const t = translatorOf(input, deps.random);
  const identity = deps.identity.identityOf(contact);
  const recollection = await deps.identity.recall(userAttributesOf(input));
  if (recollection.kind === 'known' && recollection.contact.id === contact.id) {
    const already = t.speak('identity.already', { fullName: identity.fullName });
    if (!followUp) {
      updateSessionState(input, { pending: undefined });
      return finish(input, deps.random, { speech: already });
    }
    const answer = await presenceAnswer(input, deps, contact, followUp, true);
    return finish(input, deps.random, { speech: Ssml.join([already, answer.speech]), card: answer.card });
  }
  updateSessionState(input, { pending: { type: 'confirmIdentity', identity, followUp } });
  return respond(input, {
    speech: contact.company
      ? t.speak('identity.confirmAt', { fullName: identity.fullName, company: contact.company })
      : t.speak('identity.confirm', { fullName: identity.fullName }),
    reprompt: t.speak('identity.confirmReprompt', { fullName: identity.fullName }),
  });
}

/**
 * "I'm Jane Doe", "remember me as Jane Doe", and "who am I". A name goes through the usual lookup
 * and "which one?"; an answer to "who are you?" keeps what the speaker first asked for.
 */
export function identifyHandler(deps: PresenceFlowDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.identify),
    handle: async (input): Promise<Response> => {
      const spoken = slotValue(input, SlotNames.name);
      const pending = getSessionState(input).pending;
      const followUp =
        pending?.type === 'askName' && pending.action.kind === 'identify'
          ? pending.action.followUp
          : undefined;
      if (spoken) {
        return lookUpAndAnswer(
          input,
          deps,
          { spoken, resolvedIds: resolvedIds(input, SlotNames.name) },
          { kind: 'identify', followUp },
        );
      }
      const recollection = await deps.identity.recall(userAttributesOf(input));
      const t = translatorOf(input, deps.random);
      if (recollection.kind === 'known') {
        updateSessionState(input, { pending: undefined });
        return finish(input, deps.random, {
          speech: t.speak('identity.youAre', { fullName: recollection.identity.fullName }),
        });
      }
      if (recollection.kind === 'gone') {
        updateSessionState(input, { pending: { type: 'askName', action: { kind: 'identify', followUp } } });
        return respond(input, {
          speech: t.speak('identity.gone', { fullName: recollection.identity.fullName }),
          reprompt: t.speak('identity.askWhoReprompt'),
        });
      }
      return askForName(input, deps, { kind: 'identify', followUp });
    },
  };
}

/**
 * "yes" or "no" to "Should I remember you as ...?". On yes the identity is saved for this voice
 * profile (or account), then whatever the speaker first asked for ("check me in") is done.
 */
export function confirmIdentityHandler(deps: PresenceFlowDependencies): RequestHandler {
  return {
    canHandle: (input) =>
      isIntent(input, IntentNames.yes, IntentNames.no) &&
      getSessionState(input).pending?.type === 'confirmIdentity',
    handle: async (input): Promise<Response> => {
      const t = translatorOf(input, deps.random);
      const pending = getSessionState(input).pending;
      updateSessionState(input, { pending: undefined });
      if (pending?.type !== 'confirmIdentity' || getIntentName(input.requestEnvelope) === IntentNames.no) {
        return finish(input, deps.random, { speech: t.speak('identity.notRemembered') });
      }
      const { identity, followUp } = pending;
      let saved: Ssml;
      try {
        await deps.identity.remember(userAttributesOf(input), identity);
        saved = t.speak('identity.remembered', { firstName: identity.firstName || identity.fullName });
      } catch (error) {
        if (!(error instanceof StoreUnavailableError)) throw error;
        loggerOf(input, deps.logger).warn('Could not save the identity', { error: { name: error.name } });
        saved = t.speak('identity.saveFailed');
      }
      const contact = followUp ? await deps.directory.getContact(identity.contactId) : undefined;
      if (!followUp || !contact) return finish(input, deps.random, { speech: saved });
      // The speaker said who they are in this conversation, so their request goes ahead even if
      // saving the identity failed.
      const answer = await presenceAnswer(input, deps, contact, followUp, true);
      return finish(input, deps.random, { speech: Ssml.join([saved, answer.speech]), card: answer.card });
    },
  };
}

/** "forget me": removes the identity of this voice profile (or account), and nothing else. */
export function forgetMeHandler(deps: PresenceFlowDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.forgetMe),
    handle: async (input): Promise<Response> => {
      const t = translatorOf(input, deps.random);
      updateSessionState(input, { pending: undefined });
      const forgotten = await deps.identity.forget(userAttributesOf(input));
      return finish(input, deps.random, {
        speech: forgotten
          ? t.speak('identity.forgotten', { fullName: forgotten.fullName })
          : t.speak('identity.nothingToForget'),
      });
    },
  };
}
