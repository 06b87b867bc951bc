import type { ResponseEnvelope } from 'ask-sdk-model';
import { check } from 'ssml-check-core';
import { ALEXA_LIMITS } from '../../lambda/src/speech/limits';

/**
 * What Alexa accepts as a response, as a list of violations (empty when valid), so fuzz tests can
 * count and report them. `expectValidAlexaResponse` (response-checks.ts) asserts the same.
 */

/** Request types Alexa accepts no speech, reprompt or card for. */
export function isSilentRequestType(type: unknown): boolean {
  return (
    type === 'SessionEndedRequest' ||
    type === 'System.ExceptionEncountered' ||
    type === 'CanFulfillIntentRequest' ||
    type === 'Messaging.MessageReceived' ||
    (typeof type === 'string' && /^(AudioPlayer|PlaybackController|AlexaSkillEvent)\./.test(type))
  );
}

const XML_INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

async function speechViolations(label: string, speech: unknown): Promise<string[]> {
  if (speech === undefined) return [];
  const value = speech as { type?: unknown; ssml?: unknown; text?: unknown };
  if (value.type === 'PlainText') {
    if (typeof value.text !== 'string') return [`${label} PlainText has no text`];
    return value.text.length > ALEXA_LIMITS.speechCharacters
      ? [`${label} is ${value.text.length} characters`]
      : [];
  }
  if (value.type !== 'SSML' || typeof value.ssml !== 'string')
    return [`${label} is neither SSML nor PlainText`];
  const ssml = value.ssml;
  const problems: string[] = [];
  if (!ssml.startsWith('<speak>') || !ssml.endsWith('</speak>')) problems.push(`${label} is not in <speak>`);
  if (ssml.length > ALEXA_LIMITS.speechCharacters) problems.push(`${label} is ${ssml.length} characters`);
  if (XML_INVALID.test(ssml)) problems.push(`${label} holds a character XML forbids`);
  const errors = await check(ssml, { platform: 'amazon' });
  if (errors && errors.length > 0)
    problems.push(`${label} is invalid SSML: ${JSON.stringify(errors).slice(0, 300)}`);
  return problems;
}

function canFulfillViolations(response: Record<string, unknown>): string[] {
  const answer = response.canFulfillIntent as { canFulfill?: unknown; slots?: unknown } | undefined;
  if (!answer) return ['CanFulfillIntentRequest answered without canFulfillIntent'];
  const problems: string[] = [];
  if (!['YES', 'NO', 'MAYBE'].includes(String(answer.canFulfill)))
    problems.push('canFulfill is not YES, NO or MAYBE');
  for (const [name, slot] of Object.entries((answer.slots as Record<string, unknown> | undefined) ?? {})) {
    const { canUnderstand, canFulfill } = slot as { canUnderstand?: unknown; canFulfill?: unknown };
    if (!['YES', 'NO', 'MAYBE'].includes(String(canUnderstand))) problems.push(`slot ${name} canUnderstand`);
    if (canFulfill !== undefined && !['YES', 'NO'].includes(String(canFulfill)))
      problems.push(`slot ${name} canFulfill`);
  }
  return problems;
}

/** Every way `envelope` breaks Alexa's rules for an answer to a request of `requestType`. */
export async function responseViolations(
  envelope: ResponseEnvelope,
  requestType?: unknown,
): Promise<string[]> {
  if (typeof envelope !== 'object' || envelope === null) return ['no response envelope'];
  const problems: string[] = [];
  if (envelope.version !== '1.0') problems.push('version is not 1.0');
  const response = envelope.response as unknown as Record<string, unknown> | undefined;
  if (typeof response !== 'object' || response === null) return [...problems, 'no response object'];
  const bytes = Buffer.byteLength(JSON.stringify(envelope), 'utf8');
  if (bytes > ALEXA_LIMITS.responseBytes) problems.push(`response is ${bytes} bytes`);
  const reprompt = (response.reprompt as { outputSpeech?: unknown } | undefined)?.outputSpeech;
  problems.push(...(await speechViolations('outputSpeech', response.outputSpeech)));
  problems.push(...(await speechViolations('reprompt', reprompt)));
  const card = response.card as
    | { type?: unknown; title?: unknown; text?: unknown; content?: unknown }
    | undefined;
  if (card) {
    const length = String(card.title ?? '').length + String(card.text ?? card.content ?? '').length;
    if (length > ALEXA_LIMITS.cardCharacters) problems.push(`card is ${length} characters`);
  }
  if (response.shouldEndSession === false && !reprompt) problems.push('open session without a reprompt');
  if (isSilentRequestType(requestType)) {
    for (const key of ['outputSpeech', 'reprompt', 'card'] as const) {
      if (response[key] !== undefined) problems.push(`${String(requestType)} answered with ${key}`);
    }
  }
  if (requestType === 'CanFulfillIntentRequest') problems.push(...canFulfillViolations(response));
  return problems;
}
