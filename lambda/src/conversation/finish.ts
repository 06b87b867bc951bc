import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Screen } from '../screens/screen';
import { Ssml } from '../speech/ssml';
import { translatorOf } from './request-context';
import { type CardContent, respond } from './respond';

/** A finished answer: what to say, and the card to show with it. */
export interface Answer {
  readonly speech: Ssml;
  readonly card?: CardContent | undefined;
  readonly screen?: Screen | undefined;
}

/**
 * Ends an action the way it was asked for. A one-shot request ("Alexa, tell front desk I'm here")
 * gets its answer and the session ends, so nobody at the door waits for a question; inside a
 * conversation the answer is followed by "anything else?".
 */
export function finish(input: HandlerInput, answer: Answer): Response {
  if (input.requestEnvelope.session?.new !== false) {
    return respond(input, {
      speech: answer.speech,
      card: answer.card,
      screen: answer.screen,
      endSession: true,
    });
  }
  const t = translatorOf(input);
  return respond(input, {
    speech: Ssml.join([answer.speech, t.speak('anythingElse.question')]),
    reprompt: t.speak('anythingElse.reprompt'),
    card: answer.card,
    screen: answer.screen,
  });
}
