import type { HandlerInput } from 'ask-sdk-core';
import { StoreUnavailableError } from '../errors';
import type { UserAttributes } from '../services/ports';

/** What says whether an account may stand for a person (`ConversationDependencies.personalDevices`). */
export interface SpeakerSettings {
  readonly personalDevices?: boolean | undefined;
}

/**
 * Whether the request says who is speaking (a voice profile or an account). Alexa always sends the
 * account; an envelope without either has no record to read or write.
 */
function hasSpeaker(input: HandlerInput): boolean {
  const system = input.requestEnvelope.context?.System;
  return Boolean(system?.person?.personId || system?.user?.userId);
}

/**
 * The speaker's persistent attributes as the identity service sees them. ASK caches them for the
 * request, so a read after a write in the same request sees the write. Without a speaker, nothing
 * is remembered and nothing can be saved (the service's callers say so as for a failed save).
 */
export function userAttributesOf(input: HandlerInput): UserAttributes {
  if (!hasSpeaker(input)) {
    return {
      read: async () => ({}),
      write: async () => {
        throw new StoreUnavailableError('The request names no speaker to remember');
      },
    };
  }
  return {
    read: async () => (await input.attributesManager.getPersistentAttributes()) as Record<string, unknown>,
    write: async (attributes) => {
      input.attributesManager.setPersistentAttributes(attributes);
      await input.attributesManager.savePersistentAttributes();
    },
  };
}

/**
 * Whether this request can say who "me" is: Alexa recognised the speaker's voice, or the
 * deployment's devices are personal and the account stands for its owner. On a shared device
 * (the front-desk Echo) an unrecognised voice is nobody in particular, whatever the account once
 * remembered.
 */
export function canKnowSpeaker(input: HandlerInput, deps: SpeakerSettings): boolean {
  const system = input.requestEnvelope.context?.System;
  if (system?.person?.personId) return true;
  return deps.personalDevices === true && Boolean(system?.user?.userId);
}

/**
 * The attributes that hold "me" ({@link userAttributesOf}), or undefined when {@link canKnowSpeaker}
 * says nobody can be remembered on this request: then nothing is read, so an identity an account
 * kept from before is never used on a shared device.
 */
export function identityAttributesOf(input: HandlerInput, deps: SpeakerSettings): UserAttributes | undefined {
  return canKnowSpeaker(input, deps) ? userAttributesOf(input) : undefined;
}
