import type { HandlerInput } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { Logger } from '../logger';
import { keepUntilAnswered } from '../request-scope';
import { afterCallsStartedNow } from '../store-turns';
import { canKnowSpeaker } from './identity-attributes';
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

/**
 * The persistence adapter as a {@link SpeakerAttributeWriter}, if it is one: the writer must be
 * the adapter ASK reads through, or it could not tell whether the request has read the record.
 */
export function speakerAttributeWriterOf(adapter: object): SpeakerAttributeWriter | undefined {
  const writer = adapter as Partial<SpeakerAttributeWriter>;
  return typeof writer.hasRead === 'function' && typeof writer.setAttribute === 'function'
    ? (adapter as SpeakerAttributeWriter)
    : undefined;
}

/** What remembering the last contact needs. */
export interface LastContactDependencies {
  readonly logger: Logger;
  readonly speakerAttributes?: SpeakerAttributeWriter | undefined;
  /** Where the account stands for a person (`PERSONAL_DEVICES`); see `canKnowSpeaker`. */
  readonly personalDevices?: boolean | undefined;
}

/** Where the speaker's record keeps the last contact (`PersistentState.lastContactId`). */
const LAST_CONTACT_ATTRIBUTE = 'lastContactId' satisfies keyof PersistentState;

/**
 * A request's last save, resolving to the contact it tried to remember: a later save of the same
 * request waits for it, and tries nothing more for the same contact (a failed write is not tried
 * again after the answer, where it would only make the user wait).
 */
const saves = new WeakMap<RequestEnvelope, Promise<string | undefined>>();

/**
 * Remembers the session's last contact for the speaker's next session ("what about her email").
 * Where someone waits for the answer, one write without reading the speaker's record first (the
 * write keeps every other attribute), unless the request has read the record anyway. Otherwise,
 * and at a SessionEndedRequest, which nobody waits for, a read and a write only if the contact
 * changed: a write costs more than a read. The saves of one request run one after the other.
 * Never rejects: losing this convenience must not turn an answer into an apology.
 *
 * Only for a speaker Front Desk can know (a recognised voice, or a personal device): on a shared
 * Echo, an unrecognised voice is nobody in particular, so whom it asked about stays in its session
 * and is not handed to the next unrecognised voice's "what's her email".
 *
 * `later`: the contact to remember, taken now, and when to start writing it (by then a failed
 * answer may have put the session back as the request brought it).
 */
export function rememberLastContact(
  input: HandlerInput,
  deps: LastContactDependencies,
  later?: { readonly contactId: string | undefined; readonly startAfter: Promise<void> },
): Promise<void> {
  if (!canKnowSpeaker(input, deps)) return Promise.resolve();
  const envelope = input.requestEnvelope;
  const before = saves.get(envelope) ?? Promise.resolve(undefined);
  const save = (later ? later.startAfter.then(() => before) : before).then((remembered) =>
    saveLastContact(input, deps, remembered, later ? later.contactId : getSessionState(input).lastContactId),
  );
  saves.set(envelope, save);
  return save.then(() => undefined);
}

/** Saves `lastContactId` unless this request `tried` to already; resolves to the one it tried. */
async function saveLastContact(
  input: HandlerInput,
  deps: LastContactDependencies,
  tried: string | undefined,
  lastContactId: string | undefined,
): Promise<string | undefined> {
  if (!lastContactId || lastContactId === tried) return tried;
  const envelope = input.requestEnvelope;
  const writer = deps.speakerAttributes;
  try {
    if (writer && !writer.hasRead(envelope) && envelope.request.type !== 'SessionEndedRequest') {
      await writer.setAttribute(envelope, LAST_CONTACT_ATTRIBUTE, lastContactId);
      return lastContactId;
    }
    const persistent = (await input.attributesManager.getPersistentAttributes()) as PersistentState;
    if (persistent.lastContactId !== lastContactId) {
      input.attributesManager.setPersistentAttributes({ ...persistent, lastContactId });
      await input.attributesManager.savePersistentAttributes();
    }
  } catch (error) {
    deps.logger.warn('Could not remember the last contact', { error });
  }
  return lastContactId;
}

/**
 * For an answer about the session's last contact in a one-shot request, which ends the session
 * (`finish`): remembers them now, beside the answer's own store calls, instead of after the answer
 * (a check-in of someone other than the last person remembered took a fourth sequential round trip
 * for it). The write waits for the answer's calls the handler starts next to go out first: those
 * are what the user waits for, and prepared together with the write each went out a third of a
 * millisecond later. The request waits for the write before it answers, also if the answer fails
 * (then the person asked about is remembered although the turn apologized: "what's her email"
 * next is about them); the closing interceptor's own save then finds the contact tried and writes
 * nothing.
 */
export function rememberNowIfOneShot(input: HandlerInput, deps: LastContactDependencies): void {
  if (input.requestEnvelope.session?.new === false) return;
  const contactId = getSessionState(input).lastContactId;
  keepUntilAnswered(rememberLastContact(input, deps, { contactId, startAfter: afterCallsStartedNow() }));
}
