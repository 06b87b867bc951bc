import type { ResponseEnvelope } from 'ask-sdk-model';
import { check } from 'ssml-check-core';
import { ALEXA_LIMITS } from '../../lambda/src/speech/limits';
import { outputSpeechText, ssmlToText } from '../../local/dialog/speech-text';
import { responseViolations } from './alexa-response-rules';

/** The words a response speaks, without SSML tags and with entities decoded. */
export function speechOf(envelope: ResponseEnvelope): string {
  return outputSpeechText(envelope.response.outputSpeech);
}

export function repromptOf(envelope: ResponseEnvelope): string {
  return outputSpeechText(envelope.response.reprompt?.outputSpeech);
}

export { ssmlToText };

export function cardOf(envelope: ResponseEnvelope): { title: string; text: string } | undefined {
  const card = envelope.response.card;
  if (!card) return undefined;
  if (card.type === 'Standard') return { title: card.title ?? '', text: card.text ?? '' };
  if (card.type === 'Simple') return { title: card.title ?? '', text: card.content ?? '' };
  return undefined;
}

/**
 * What every response in the suite must satisfy: valid Alexa SSML (checked by ssml-check-core),
 * within Alexa's size limits, and an open session always has a reprompt.
 */
export async function expectValidAlexaResponse(envelope: ResponseEnvelope): Promise<void> {
  const { response } = envelope;
  for (const speech of [response.outputSpeech, response.reprompt?.outputSpeech]) {
    if (speech?.type !== 'SSML') continue;
    const errors = await check(speech.ssml, { platform: 'amazon' });
    if (errors && errors.length > 0) {
      throw new Error(`Invalid SSML ${JSON.stringify(errors)} in ${speech.ssml}`);
    }
    expect(speech.ssml.length).toBeLessThanOrEqual(ALEXA_LIMITS.speechCharacters);
  }
  const card = cardOf(envelope);
  if (card) expect(card.title.length + card.text.length).toBeLessThanOrEqual(ALEXA_LIMITS.cardCharacters);
  expect(Buffer.byteLength(JSON.stringify(envelope), 'utf8')).toBeLessThanOrEqual(ALEXA_LIMITS.responseBytes);
  if (response.shouldEndSession === false) expect(response.reprompt).toBeDefined();
  // The fuzz tests' rules too: well-formed XML, no character XML forbids, the shapes Alexa reads.
  expect(await responseViolations(envelope)).toEqual([]);
}
