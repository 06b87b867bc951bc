import { getRequestType, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { canfulfill, Slot } from 'ask-sdk-model';
import type { ConversationDependencies } from '../conversation/dependencies';
import { IntentNames } from '../interaction';

/**
 * Requests that are not part of the conversation: Alexa's questions about the skill and events of
 * interfaces Front Desk does not use. None of them may be answered with speech.
 */

/**
 * Intents that only answer what was just said ("none of them", "how many are there"): a new
 * session has nothing for them to answer, so Front Desk does not offer to take them name-free.
 */
const ONLY_IN_CONVERSATION: ReadonlySet<string> = new Set([IntentNames.noneOfThem, IntentNames.howMany]);

const CUSTOM_INTENTS: ReadonlySet<string> = new Set(
  Object.values(IntentNames).filter((name) => !name.startsWith('AMAZON.') && !ONLY_IN_CONVERSATION.has(name)),
);

interface CanFulfillSlots {
  readonly [name: string]: canfulfill.CanFulfillSlot;
}

/**
 * How well a slot's value is understood: an entity-resolution match is understood and can be
 * fulfilled; any other value may be (a name Front Desk matches by sound, a place, a letter) but is
 * not known to be in the directory; an empty slot is not understood.
 */
function slotAnswer(slot: Slot): canfulfill.CanFulfillSlot {
  const matched = (slot.resolutions?.resolutionsPerAuthority ?? []).some(
    (authority) => authority.status?.code === 'ER_SUCCESS_MATCH' && (authority.values ?? []).length > 0,
  );
  if (matched) return { canUnderstand: 'YES', canFulfill: 'YES' };
  if (slot.value) return { canUnderstand: 'MAYBE', canFulfill: 'NO' };
  return { canUnderstand: 'NO', canFulfill: 'NO' };
}

/**
 * Answers CanFulfillIntentRequest as Alexa's name-free interaction specifies, without side effects
 * (no store, no session): NO for an intent Front Desk does not have; YES when every slot Alexa
 * filled was matched by entity resolution (or there are none); MAYBE when a value may or may not
 * be someone in the directory.
 */
export function canFulfillIntentHandler(): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'CanFulfillIntentRequest',
    handle: (input) => {
      const request = input.requestEnvelope.request as canfulfill.CanFulfillIntentRequest;
      const intent = request.intent;
      if (!CUSTOM_INTENTS.has(intent.name)) {
        return input.responseBuilder.withCanFulfillIntent({ canFulfill: 'NO' }).getResponse();
      }
      const slots: Record<string, canfulfill.CanFulfillSlot> = {};
      for (const [name, slot] of Object.entries(intent.slots ?? {})) {
        if (slot.value !== undefined || slot.resolutions !== undefined) slots[name] = slotAnswer(slot);
      }
      const answers = Object.values(slots as CanFulfillSlots);
      const canFulfill = answers.every((answer) => answer.canFulfill === 'YES') ? 'YES' : 'MAYBE';
      return input.responseBuilder.withCanFulfillIntent({ canFulfill, slots }).getResponse();
    },
  };
}

/**
 * System.ExceptionEncountered: Alexa could not use the previous response. Logged (the error's type
 * and message, never the response's content); Alexa accepts no response but an empty one.
 */
export function exceptionEncounteredHandler(deps: Pick<ConversationDependencies, 'logger'>): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'System.ExceptionEncountered',
    handle: (input) => {
      const { error } = input.requestEnvelope.request as { error?: { type?: unknown; message?: unknown } };
      deps.logger.error('Alexa could not use a response', {
        errorType: typeof error?.type === 'string' ? error.type : undefined,
        errorMessage: typeof error?.message === 'string' ? error.message.slice(0, 300) : undefined,
      });
      return input.responseBuilder.getResponse();
    },
  };
}

/**
 * Registered last: any other request type (interfaces Front Desk does not use, such as AudioPlayer
 * or Messaging events, or a type Alexa adds later) gets an empty response, which every request
 * type accepts, rather than an apology Alexa would reject.
 */
export function unhandledRequestHandler(deps: Pick<ConversationDependencies, 'logger'>): RequestHandler {
  return {
    canHandle: () => true,
    handle: (input: HandlerInput) => {
      deps.logger.info('Request type not handled; answered with an empty response');
      return input.responseBuilder.getResponse();
    },
  };
}
