import type { HandlerInput } from 'ask-sdk-core';
import { StoreUnavailableError } from '../errors';
import type { UserAttributes } from '../services/ports';

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
