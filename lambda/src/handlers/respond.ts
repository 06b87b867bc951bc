import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Ssml } from '../speech/ssml';

/** A card as the Alexa app shows it: a title and plain text. */
export interface CardContent {
  readonly title: string;
  readonly text: string;
}

/** What a handler wants said. A reply either asks something (with a reprompt) or ends the session. */
export type Reply =
  | { readonly speech: Ssml; readonly reprompt: Ssml; readonly card?: CardContent | undefined }
  | { readonly speech: Ssml; readonly endSession: true; readonly card?: CardContent | undefined };

/** Renders a {@link Reply} into the ASK response: the one place handlers build responses. */
export function respond(input: HandlerInput, reply: Reply): Response {
  const builder = input.responseBuilder.speak(reply.speech.ssml);
  if (reply.card) builder.withStandardCard(reply.card.title, reply.card.text);
  if ('reprompt' in reply) builder.reprompt(reply.reprompt.ssml).withShouldEndSession(false);
  else builder.withShouldEndSession(true);
  return builder.getResponse();
}
