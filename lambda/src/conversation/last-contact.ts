import type { HandlerInput } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { Logger } from '../logger';
import { keepUntilAnswered } from '../request-scope';
import { getSessionState, type PersistentState } from './session-state';

/** The save under way for a request: a later save of the same request waits for it. */
const saves = new WeakMap<RequestEnvelope, Promise<void>>();

/**
 * Remembers the session's last contact for the speaker's next session ("what about her email"):
 * one read of the speaker's attributes (shared with the request's own) and a write only when the
 * contact changed. The saves of one request run one after the other. Never rejects: losing this
 * convenience must not turn an answer into an apology.
 */
export function rememberLastContact(input: HandlerInput, logger: Logger): Promise<void> {
  const envelope = input.requestEnvelope;
  const save = (saves.get(envelope) ?? Promise.resolve()).then(() => saveLastContact(input, logger));
  saves.set(envelope, save);
  return save;
}

async function saveLastContact(input: HandlerInput, logger: Logger): Promise<void> {
  const lastContactId = getSessionState(input).lastContactId;
  if (!lastContactId) return;
  try {
    const persistent = (await input.attributesManager.getPersistentAttributes()) as PersistentState;
    if (persistent.lastContactId === lastContactId) return;
    input.attributesManager.setPersistentAttributes({ ...persistent, lastContactId });
    await input.attributesManager.savePersistentAttributes();
  } catch (error) {
    logger.warn('Could not remember the last contact', { error });
  }
}

/**
 * For an answer about the session's last contact in a one-shot request, which ends the session
 * (`finish`): remembers them now, beside the answer's own store calls, instead of after the answer
 * (a check-in of someone other than the last person remembered took a fourth sequential round trip
 * for it). The request waits for the write before it answers, also if the answer fails; the
 * goodbye's own save then finds the contact remembered and writes nothing.
 */
export function rememberNowIfOneShot(input: HandlerInput, logger: Logger): void {
  if (input.requestEnvelope.session?.new === false) return;
  keepUntilAnswered(rememberLastContact(input, logger));
}
