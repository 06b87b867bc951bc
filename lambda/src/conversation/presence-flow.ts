import type { HandlerInput } from 'ask-sdk-core';
import type { RequestEnvelope, Response } from 'ask-sdk-model';
import { type Contact, fullNameOf } from '../domain/contact';
import type { PresenceReadAhead } from '../services/presence-service';
import { changeSpeech, isInSpeech, type Moment, presenceCard, stateSpeech } from '../speech/presence-speech';
import type { ConversationDependencies } from './dependencies';
import { timeZoneOf } from './device-time-zone';
import { type Answer, finish } from './finish';
import { rememberNowIfOneShot } from './last-contact';
import { translatorOf } from './request-context';
import { type SelfAction, updateSessionState } from './session-state';

/** What the in/out board's answers need. */
export type PresenceFlowDependencies = Pick<
  ConversationDependencies,
  'presence' | 'officeTimeZone' | 'clock' | 'logger' | 'metrics' | 'changes' | 'speakerAttributes'
>;

/** Who is asking: the recognised voice profile, else the account. Only its hash is ever stored. */
export function requesterIdOf(input: HandlerInput): string {
  const system = input.requestEnvelope.context?.System;
  return system?.person?.personId ?? system?.user?.userId ?? 'unknown';
}

/** Now, and the zone the listener counts days in (the device's, else the office's). */
export async function momentOf(input: HandlerInput, deps: PresenceFlowDependencies): Promise<Moment> {
  return { now: deps.clock(), timeZone: await timeZoneOf(input, deps.officeTimeZone, deps.logger) };
}

/**
 * `reading` and the moment to say its answer in, together: the reading is the store, the zone may
 * be the Alexa Settings API, and neither waits for the other. Both settle before the answer, also
 * when one fails: nothing keeps running after it.
 */
export async function withMomentOf<T>(
  input: HandlerInput,
  deps: PresenceFlowDependencies,
  reading: Promise<T>,
): Promise<[T, Moment]> {
  const [read, moment] = await Promise.allSettled([reading, momentOf(input, deps)]);
  if (read.status === 'rejected') throw read.reason;
  if (moment.status === 'rejected') throw moment.reason;
  return [read.value, moment.value];
}

/** Now in the office's zone: for answers that say no time, so the device's zone is not asked. */
export function officeMoment(deps: PresenceFlowDependencies): Moment {
  return { now: deps.clock(), timeZone: deps.officeTimeZone };
}

/** Board reads started before the person was known, by request. */
const readAheads = new WeakMap<RequestEnvelope, PresenceReadAhead>();

/**
 * Starts reading the board for a change of `contactId` (the one id Alexa resolved the spoken name
 * to), beside the directory lookup that confirms the person: a check-in or check-out in two store
 * round trips instead of three. A change of anyone else in this request reads the board itself.
 */
export function readBoardAhead(input: HandlerInput, deps: PresenceFlowDependencies, contactId: string): void {
  readAheads.set(input.requestEnvelope, deps.presence.readAhead(contactId));
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
  const t = translatorOf(input);
  const name = fullNameOf(contact);
  updateSessionState(input, {
    lastContactId: contact.id,
    pending: undefined,
    lastAction: action,
    lastDetail: undefined,
  });
  rememberNowIfOneShot(input, deps);
  if (action === 'isIn') {
    const [record, moment] = await withMomentOf(input, deps, deps.presence.getPresence(contact.id));
    return {
      speech: isInSpeech(t, name, record, self, moment),
      card: presenceCard(t, name, record, moment),
    };
  }
  const status = action === 'checkIn' ? 'IN' : 'OUT';
  const change = await deps.presence.setPresence(
    contact,
    status,
    requesterIdOf(input),
    readAheads.get(input.requestEnvelope),
  );
  // The answer below apologizes for these: count them like every other apology.
  if (change.kind === 'failed' || change.kind === 'unknown') deps.metrics.apology(change.reason);
  // After the board accepted it; a change is never undone because its event was not published.
  if (change.kind === 'changed') await deps.changes.presenceChanged(contact, change.record, 'spoken');
  // Only answers that say when something happened need the listener's time zone.
  const needsTime = change.kind === 'unchanged' || change.kind === 'conflict';
  const moment = needsTime ? await momentOf(input, deps) : officeMoment(deps);
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
  return finish(input, await presenceAnswer(input, deps, contact, action, self));
}

/** "When did Jane check in": the person's latest change and when it was, or that there was none. */
export async function answerWhen(
  input: HandlerInput,
  deps: PresenceFlowDependencies,
  contact: Contact,
): Promise<Response> {
  const t = translatorOf(input);
  const name = fullNameOf(contact);
  updateSessionState(input, {
    lastContactId: contact.id,
    pending: undefined,
    lastAction: 'when',
    lastDetail: undefined,
  });
  rememberNowIfOneShot(input, deps);
  const [record, moment] = await withMomentOf(input, deps, deps.presence.getPresence(contact.id));
  return finish(input, {
    speech: record ? stateSpeech(t, name, record, moment) : isInSpeech(t, name, undefined, false, moment),
    card: presenceCard(t, name, record, moment),
  });
}
