import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Contact } from '../domain/contact';
import { Ssml } from '../speech/ssml';
import type { ConversationDependencies } from './dependencies';
import { finish } from './finish';
import { identityAttributesOf } from './identity-attributes';
import { presenceAnswer } from './presence-flow';
import { translatorOf, voiceOf } from './request-context';
import { respond } from './respond';
import { type SelfAction, updateSessionState } from './session-state';

/** What "that's me" needs. */
export type IdentityFlowDependencies = Pick<
  ConversationDependencies,
  'identity' | 'presence' | 'officeTimeZone' | 'clock' | 'logger' | 'metrics' | 'personalDevices' | 'changes'
>;

/**
 * The speaker said they are `contact`: confirm before remembering ("Should I remember you as
 * Jane Doe from Acme Corp.?"), or carry straight on when that is already who they are.
 */
export async function askToRemember(
  input: HandlerInput,
  deps: IdentityFlowDependencies,
  contact: Contact,
  followUp: SelfAction | undefined,
): Promise<Response> {
  const t = translatorOf(input);
  const identity = deps.identity.identityOf(contact);
  const attributes = identityAttributesOf(input, deps);
  if (!attributes) {
    // Nobody can be remembered here: do what was asked for the person named, remember nothing.
    updateSessionState(input, { pending: undefined });
    if (!followUp) return finish(input, { speech: t.speak('identity.needsVoice') });
    return finish(input, await presenceAnswer(input, deps, contact, followUp, true));
  }
  // The contact was just read: whether the speaker is already remembered as them needs no second read.
  if ((await deps.identity.rememberedContactId(attributes)) === contact.id) {
    const already = t.speak('identity.already', { fullName: identity.fullName });
    if (!followUp) {
      updateSessionState(input, { pending: undefined });
      return finish(input, { speech: already });
    }
    const answer = await presenceAnswer(input, deps, contact, followUp, true);
    return finish(input, { speech: Ssml.join([already, answer.speech]), card: answer.card });
  }
  const voice = voiceOf(input);
  updateSessionState(input, {
    pending: { type: 'confirmIdentity', identity, followUp, ...(voice ? { voice } : {}) },
  });
  return respond(input, {
    speech: contact.company
      ? t.speak('identity.confirmAt', { fullName: identity.fullName, company: contact.company })
      : t.speak('identity.confirm', { fullName: identity.fullName }),
    reprompt: t.speak('identity.confirmReprompt', { fullName: identity.fullName }),
  });
}

/**
 * The speaker is remembered as someone no longer in the directory: says so, and asks who they
 * are, to carry on with `followUp` once they have said.
 */
export function askWhoAfterGone(
  input: HandlerInput,
  gone: { readonly fullName: string },
  followUp: SelfAction | undefined,
): Response {
  const t = translatorOf(input);
  updateSessionState(input, { pending: { type: 'askName', action: { kind: 'identify', followUp } } });
  return respond(input, {
    speech: t.speak('identity.gone', { fullName: gone.fullName }),
    reprompt: t.speak('identity.askWhoReprompt'),
  });
}
