import type { Response, ResponseEnvelope } from 'ask-sdk-model';
import { check } from 'ssml-check-core';
import { ALEXA_LIMITS, enforceEnvelopeLimits, trimSsmlBody } from '../../../lambda/src/speech/limits';
import { escapeSsml, telephone } from '../../../lambda/src/speech/ssml';

const options = { truncatedSuffix: 'There is more.', expendableSessionAttributes: ['lastSpeech'] };

/** The response as `enforceEnvelopeLimits` leaves it, in an envelope with `sessionAttributes`. */
function enforceResponseLimits(
  response: Response,
  sessionAttributes: Record<string, unknown> = {},
): Response {
  return enforceEnvelopeLimits({ version: '1.0', response, sessionAttributes }, options).response;
}

function longSpeech(sentences: number): string {
  const parts: string[] = [];
  for (let index = 0; index < sentences; index += 1) {
    parts.push(`Person ${index} at ${escapeSsml('Barnes & Noble')}, ${telephone('+15125550101').ssml}.`);
  }
  return `<speak>${parts.join(' ')}</speak>`;
}

describe('enforceEnvelopeLimits', () => {
  it('trims speech over 8,000 characters at a sentence, leaving valid SSML', async () => {
    const response: Response = { outputSpeech: { type: 'SSML', ssml: longSpeech(200) } };

    const limited = enforceResponseLimits(response);
    const ssml = limited.outputSpeech?.type === 'SSML' ? limited.outputSpeech.ssml : '';

    expect(ssml.length).toBeLessThanOrEqual(ALEXA_LIMITS.speechCharacters);
    expect(ssml).toMatch(/\.<\/say-as>\. There is more\.<\/speak>$|\. There is more\.<\/speak>$/);
    expect(await check(ssml, { platform: 'amazon' })).toBeUndefined();
  });

  it('leaves a response within the limits as it is', () => {
    const response: Response = {
      outputSpeech: { type: 'SSML', ssml: '<speak>Hello.</speak>' },
      card: { type: 'Standard', title: 'Jane Doe', text: 'Company: Acme' },
    };

    expect(enforceResponseLimits(response)).toEqual(response);
  });

  it('trims card text at a line', () => {
    const text = Array.from({ length: 2000 }, (_, index) => `Line ${index}`).join('\n');
    const response: Response = { card: { type: 'Standard', title: 'List', text } };

    const limited = enforceResponseLimits(response);
    const card = limited.card?.type === 'Standard' ? limited.card : undefined;

    expect((card?.text ?? '').length + (card?.title ?? '').length).toBeLessThanOrEqual(
      ALEXA_LIMITS.cardCharacters,
    );
    expect(card?.text).toMatch(/Line \d+…$/);
  });

  it('keeps the whole response within 24 KB when the session attributes are large, trimming the card first', () => {
    const envelope: ResponseEnvelope = {
      version: '1.0',
      response: {
        outputSpeech: { type: 'SSML', ssml: longSpeech(60) },
        card: { type: 'Standard', title: 'List', text: 'x '.repeat(3900) },
      },
      sessionAttributes: { pending: { type: 'listPage', cardLines: ['y'.repeat(15000)] } },
    };

    const limited = enforceEnvelopeLimits(envelope, options);

    expect(Buffer.byteLength(JSON.stringify(limited))).toBeLessThanOrEqual(ALEXA_LIMITS.responseBytes);
    expect(limited.response.outputSpeech).toEqual(envelope.response.outputSpeech);
    expect(limited.sessionAttributes).toEqual(envelope.sessionAttributes);
  });

  it('drops the screen, then what "repeat" remembers, before it trims what is said', () => {
    const apl = { type: 'Alexa.Presentation.APL.RenderDocument', document: { big: 'z'.repeat(12000) } };
    const envelope: ResponseEnvelope = {
      version: '1.0',
      response: {
        outputSpeech: { type: 'SSML', ssml: longSpeech(60) },
        directives: [apl as never, { type: 'Dialog.ElicitSlot', slotToElicit: 'name' } as never],
        shouldEndSession: false,
      },
      sessionAttributes: {
        lastSpeech: { ssml: `<speak>${'w '.repeat(4000)}</speak>` },
        pending: { type: 'listPage', cardLines: ['u'.repeat(11500)] },
      },
    };

    const limited = enforceEnvelopeLimits(envelope, options);

    expect(Buffer.byteLength(JSON.stringify(limited))).toBeLessThanOrEqual(ALEXA_LIMITS.responseBytes);
    expect(limited.response.directives).toEqual([{ type: 'Dialog.ElicitSlot', slotToElicit: 'name' }]);
    expect(limited.sessionAttributes).toEqual({ pending: envelope.sessionAttributes?.pending });
    expect(limited.response.outputSpeech).toEqual(envelope.response.outputSpeech);
  });

  it('trims the speech, leaving valid SSML, when nothing else is left to drop', async () => {
    const envelope: ResponseEnvelope = {
      version: '1.0',
      response: { outputSpeech: { type: 'SSML', ssml: longSpeech(60) }, shouldEndSession: true },
      sessionAttributes: { pending: { type: 'listPage', cardLines: ['v'.repeat(20000)] } },
    };

    const limited = enforceEnvelopeLimits(envelope, options);
    const speech = limited.response.outputSpeech;

    expect(Buffer.byteLength(JSON.stringify(limited))).toBeLessThanOrEqual(ALEXA_LIMITS.responseBytes);
    expect(speech?.type === 'SSML' && speech.ssml.endsWith('There is more.</speak>')).toBe(true);
    expect(await check(speech?.type === 'SSML' ? speech.ssml : '', { platform: 'amazon' })).toBeUndefined();
    expect(limited.sessionAttributes).toEqual(envelope.sessionAttributes);
  });
});

describe('enforceEnvelopeLimits with a screen', () => {
  const screen = (bytes: number) => ({
    type: 'Alexa.Presentation.APL.RenderDocument' as const,
    token: 'frontDesk.list',
    document: { type: 'APL', version: '2023.3', mainTemplate: { parameters: ['screen'], items: [] } },
    datasources: { screen: { padding: 'x'.repeat(bytes) } },
  });

  it('counts the screen in the response size, and drops it (after the card) before cutting speech', () => {
    // Prepare
    const speech = longSpeech(20);
    const response: Response = {
      outputSpeech: { type: 'SSML', ssml: speech },
      card: { type: 'Standard', title: 'List', text: 'x '.repeat(1000) },
      directives: [screen(23000)],
    };

    // Act
    const limited = enforceResponseLimits(response);

    // Assess
    expect(Buffer.byteLength(JSON.stringify(limited))).toBeLessThanOrEqual(ALEXA_LIMITS.responseBytes);
    expect(limited.directives).toBeUndefined();
    expect(limited.outputSpeech).toEqual({ type: 'SSML', ssml: speech });
  });

  it('keeps a screen that fits, with the card', () => {
    const response: Response = {
      outputSpeech: { type: 'SSML', ssml: '<speak>Hello.</speak>' },
      card: { type: 'Standard', title: 'Jane Doe', text: 'Company: Acme' },
      directives: [screen(2000)],
    };

    expect(enforceResponseLimits(response)).toEqual(response);
  });
});

describe('trimSsmlBody', () => {
  it('never cuts inside an element', () => {
    const body = `Call ${telephone('+15125550101').ssml} now please`;

    const trimmed = trimSsmlBody(body, 30);

    expect(trimmed).toBe('Call');
  });
});
