import type { HandlerInput } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { Logger } from '../logger';
import { keepUntilAnswered } from '../request-scope';
import { getSessionState, type PersistentState } from './session-state';

/**
 * Writes one of the speaker's attributes without reading the others first (the DynamoDB
 * persistence adapter does). Without one, the last contact is saved through ASK's attributes
 * manager: a read of the speaker's record, then a write if it changed.
 */
export interface SpeakerAttributeWriter {
  /** Whether this request has read the speaker's attributes, or is reading them. */
  hasRead(requestEnvelope: RequestEnvelope): boolean;
  /** Sets one attribute and keeps the others, also those another request writes meanwhile. */
  setAttribute(requestEnvelope: RequestEnvelope, name: string, value: unknown): Promise<void>;
}

/** What remembering the last contact needs. */
export interface LastContactDependencies {
  readonly logger: Logger;
  readonly speakerAttributes?: SpeakerAttributeWriter | undefined;
}

/** Where the speaker's record keeps the last contact (`PersistentState.lastContactId`). */
const LAST_CONTACT_ATTRIBUTE = 'lastContactId' satisfies keyof PersistentState;

/**
 * A request's last save: a later save of the same request waits for it, and writes nothing if it
 * has remembered the same contact.
 */
const saves = new WeakMap<RequestEnvelope, Promise<string | undefined>>();

/**
 * Remembers the session's last contact for the speaker's next session ("what about her email").
 * One write, without reading the speaker's record first, unless the request has read it anyway:
 * then the write is made only if the contact changed. The saves of one request run one after the
 * other. Never rejects: losing this convenience must not turn an answer into an apology.
 */
export function rememberLastContact(input: HandlerInput, deps: LastContactDependencies): Promise<void> {
  const envelope = input.requestEnvelope;
  const save = (saves.get(envelope) ?? Promise.resolve(undefined)).then((remembered) =>
    saveLastContact(input, deps, remembered),
  );
  saves.set(envelope, save);
  return save.then(() => undefined);
}

/** Saves the session's last contact unless `remembered` (by this request) already; resolves to who is remembered. */
async function saveLastContact(
  input: HandlerInput,
  deps: LastContactDependencies,
  remembered: string | undefined,
): Promise<string | undefined> {
  const lastContactId = getSessionState(input).lastContactId;
  if (!lastContactId || lastContactId === remembered) return remembered;
  const writer = deps.speakerAttributes;
  try {
    if (writer && !writer.hasRead(input.requestEnvelope)) {
      await writer.setAttribute(input.requestEnvelope, LAST_CONTACT_ATTRIBUTE, lastContactId);
      return lastContactId;
    }
    const persistent = (await input.attributesManager.getPersistentAttributes()) as PersistentState;
    if (persistent.lastContactId !== lastContactId) {
      input.attributesManager.setPersistentAttributes({ ...persistent, lastContactId });
      await input.attributesManager.savePersistentAttributes();
    }
    return lastContactId;
  } catch (error) {
    deps.logger.warn('Could not remember the last contact', { error });
    return remembered;
  }
}

/**
 * For an answer about the session's last contact in a one-shot request, which ends the session
 * (`finish`): remembers them now, beside the answer's own store calls, instead of after the answer
 * (a check-in of someone other than the last person remembered took a fourth sequential round trip
 * for it). The request waits for the write before it answers, also if the answer fails; the
 * goodbye's own save then finds the contact remembered and writes nothing.
 */
export function rememberNowIfOneShot(input: HandlerInput, deps: LastContactDependencies): void {
  if (input.requestEnvelope.session?.new === false) return;
  keepUntilAnswered(rememberLastContact(input, deps));
}
