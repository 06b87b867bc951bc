import type { HandlerInput } from 'ask-sdk-core';
import type { UserAttributes } from '../services/identity-service';

/**
 * The speaker's persistent attributes as the identity service sees them. ASK caches them for the
 * request, so a read after a write in the same request sees the write.
 */
export function userAttributesOf(input: HandlerInput): UserAttributes {
  return {
    read: async () => (await input.attributesManager.getPersistentAttributes()) as Record<string, unknown>,
    write: async (attributes) => {
      input.attributesManager.setPersistentAttributes(attributes);
      await input.attributesManager.savePersistentAttributes();
    },
  };
}
