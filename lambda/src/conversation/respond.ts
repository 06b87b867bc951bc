import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { renderScreen, supportsScreens } from '../screens/render-screens';
import type { Screen } from '../screens/screen';
import type { Ssml } from '../speech/ssml';
import { translatorOf } from './request-context';

/** A card as the Alexa app shows it: a title and plain text. */
export interface CardContent {
  readonly title: string;
  readonly text: string;
}

/** What to show besides the words: a card, and a screen on devices that have one. */
interface Visuals {
  readonly card?: CardContent | undefined;
  readonly screen?: Screen | undefined;
}

/** What a handler wants said. A reply either asks something (with a reprompt) or ends the session. */
export type Reply =
  | ({ readonly speech: Ssml; readonly reprompt: Ssml } & Visuals)
  | ({ readonly speech: Ssml; readonly endSession: true } & Visuals);

/** Renders a {@link Reply} into the ASK response: the one place handlers build responses. */
export function respond(input: HandlerInput, reply: Reply): Response {
  const builder = input.responseBuilder.speak(reply.speech.ssml);
  if (reply.card) builder.withStandardCard(reply.card.title, reply.card.text);
  // A device without a screen gets no APL directive: Alexa answers one with an error.
  if (reply.screen && supportsScreens(input.requestEnvelope)) {
    builder.addDirective(renderScreen(translatorOf(input), reply.screen));
  }
  if ('reprompt' in reply) builder.reprompt(reply.reprompt.ssml).withShouldEndSession(false);
  else builder.withShouldEndSession(true);
  return builder.getResponse();
}
