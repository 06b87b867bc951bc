import { getIntentName, type RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { askForName, lookUpAndAnswer } from '../conversation/contact-flow';
import type { ConversationDependencies } from '../conversation/dependencies';
import { finish } from '../conversation/finish';
import { identityAttributesOf } from '../conversation/identity-attributes';
import { askWhoAfterGone } from '../conversation/identity-flow';
import { presenceAnswer } from '../conversation/presence-flow';
import { isIntent, resolvedIds, slotValue, translatorOf, voiceOf } from '../conversation/request-context';
import { respond } from '../conversation/respond';
import { answersPending, getSessionState, updateSessionState } from '../conversation/session-state';
import { StoreUnavailableError } from '../errors';
import { IntentNames, SlotNames } from '../interaction';
import { logStoreFailure } from '../metrics';
import { Ssml } from '../speech/ssml';

/**
 * "I'm Jane Doe", "remember me as Jane Doe", and "who am I". A name goes through the usual lookup
 * and "which one?"; an answer to "who are you?" keeps what the speaker first asked for.
 */
export function identifyHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.identify),
    handle: async (input): Promise<Response> => {
      const spoken = slotValue(input, SlotNames.name);
      const pending = getSessionState(input).pending;
      if (spoken && pending?.type === 'askName' && pending.action.kind !== 'identify') {
        // "It's Priya Raman" in answer to "Who should I check in?" names whom the question was
        // about; the speaker is not saying who they are.
        return lookUpAndAnswer(
          input,
          deps,
          { spoken, resolvedIds: resolvedIds(input, SlotNames.name) },
          pending.action,
        );
      }
      const followUp =
        pending?.type === 'askName' && pending.action.kind === 'identify'
          ? pending.action.followUp
          : undefined;
      const attributes = identityAttributesOf(input, deps);
      const t = translatorOf(input);
      if (!attributes && !(spoken && followUp)) {
        // "remember me" from a voice Alexa does not know, on a shared device: say what it takes.
        updateSessionState(input, { pending: undefined });
        return finish(input, { speech: t.speak('identity.needsVoice') });
      }
      if (spoken) {
        return lookUpAndAnswer(
          input,
          deps,
          { spoken, resolvedIds: resolvedIds(input, SlotNames.name) },
          { kind: 'identify', followUp },
        );
      }
      if (!attributes) return finish(input, { speech: t.speak('identity.needsVoice') });
      const recollection = await deps.identity.recall(attributes);
      if (recollection.kind === 'known') {
        updateSessionState(input, { pending: undefined });
        return finish(input, {
          speech: t.speak('identity.youAre', { fullName: recollection.identity.fullName }),
        });
      }
      if (recollection.kind === 'gone') {
        return askWhoAfterGone(input, recollection.identity, followUp);
      }
      return askForName(input, { kind: 'identify', followUp });
    },
  };
}

/**
 * "yes" or "no" to "Should I remember you as ...?". On yes the identity is saved for this voice
 * profile (or account), then whatever the speaker first asked for ("check me in") is done.
 */
export function confirmIdentityHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => answersPending(input, 'confirmIdentity', IntentNames.yes, IntentNames.no),
    handle: async (input): Promise<Response> => {
      const t = translatorOf(input);
      const pending = getSessionState(input).pending;
      updateSessionState(input, { pending: undefined });
      if (pending?.type !== 'confirmIdentity')
        return finish(input, { speech: t.speak('identity.notRemembered') });
      if (getIntentName(input.requestEnvelope) === IntentNames.no) {
        if (!pending.followUp) return finish(input, { speech: t.speak('identity.notRemembered') });
        // "No" may mean "that's not me": what the speaker asked for is not done unasked, nor dropped.
        const { identity, followUp } = pending;
        const still = t.speak(`identity.still.${followUp}`, { fullName: identity.fullName });
        updateSessionState(input, {
          pending: {
            type: 'confirmName',
            suggestedName: identity.fullName,
            candidates: [{ id: identity.contactId, fullName: identity.fullName }],
            action: { kind: followUp },
          },
        });
        return respond(input, {
          speech: Ssml.join([t.speak('identity.notRememberedYou'), still]),
          reprompt: still,
        });
      }
      const { identity, followUp } = pending;
      const attributes = identityAttributesOf(input, deps);
      let saved: Ssml;
      if (!attributes) {
        // The voice asked is no longer recognised (Alexa decides per request): remember nothing.
        saved = t.speak('identity.needsVoice');
      } else if (voiceOf(input) !== pending.voice) {
        // Another voice said "yes" (a shared Echo): it may not tie the asker's name to itself, nor
        // the asker's voice to a name.
        saved = t.speak('identity.otherVoice');
      } else {
        try {
          await deps.identity.remember(attributes, identity);
          saved = t.speak('identity.remembered', { firstName: identity.firstName || identity.fullName });
        } catch (error) {
          if (!(error instanceof StoreUnavailableError)) throw error;
          const cause = logStoreFailure(deps.logger, error, {
            refused: 'Saving the identity was refused by IAM',
            failed: 'Could not save the identity',
          });
          deps.metrics.apology(cause.reason);
          saved = t.speak('identity.saveFailed');
        }
      }
      const contact = followUp ? await deps.directory.getContact(identity.contactId) : undefined;
      if (!followUp || !contact) return finish(input, { speech: saved });
      // The speaker said who they are in this conversation, so their request goes ahead even if
      // saving the identity failed.
      const answer = await presenceAnswer(input, deps, contact, followUp, true);
      return finish(input, { speech: Ssml.join([saved, answer.speech]), card: answer.card });
    },
  };
}

/** "forget me": removes the identity of this voice profile (or account), and nothing else. */
export function forgetMeHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.forgetMe),
    handle: async (input): Promise<Response> => {
      const t = translatorOf(input);
      updateSessionState(input, { pending: undefined });
      const attributes = identityAttributesOf(input, deps);
      if (!attributes) return finish(input, { speech: t.speak('identity.nothingToForgetByVoice') });
      const forgotten = await deps.identity.forget(attributes);
      return finish(input, {
        speech: forgotten
          ? t.speak('identity.forgotten', { fullName: forgotten.fullName })
          : t.speak('identity.nothingToForget'),
      });
    },
  };
}
