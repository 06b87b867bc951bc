import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { applyResponseRules, isSilentRequestType } from '../../../lambda/src/pipeline/response-rules';
import { intentRequest, launchRequest } from '../../support/requests';

const spoken = (ssml: string): ResponseEnvelope => ({
  version: '1.0',
  response: {
    outputSpeech: { type: 'SSML', ssml },
    card: { type: 'Simple', title: 'T', content: 'C' },
    shouldEndSession: false,
    reprompt: { outputSpeech: { type: 'SSML', ssml: '<speak>Anything else?</speak>' } },
  },
});

function ofType(type: string): RequestEnvelope {
  const envelope = launchRequest();
  (envelope.request as { type: string }).type = type;
  return envelope;
}

describe('applyResponseRules', () => {
  it.each([
    'SessionEndedRequest',
    'System.ExceptionEncountered',
    'AudioPlayer.PlaybackStarted',
    'Messaging.MessageReceived',
  ])('takes speech, reprompt and card away from an answer to %s', (type) => {
    // Act
    const result = applyResponseRules(ofType(type), spoken('<speak>Hello.</speak>'));

    // Assess
    expect(result.response).toEqual({});
    expect(isSilentRequestType(type)).toBe(true);
  });

  it('leaves a valid answer to an intent as it is', () => {
    // Prepare
    const response = spoken('<speak>Hello.</speak>');

    // Assess
    expect(applyResponseRules(intentRequest('AMAZON.HelpIntent'), response)).toEqual(response);
  });

  it('gives an open session without a reprompt the default one', () => {
    // Prepare
    const response: ResponseEnvelope = {
      version: '1.0',
      response: { outputSpeech: { type: 'SSML', ssml: '<speak>Who?</speak>' }, shouldEndSession: false },
    };

    // Act
    const result = applyResponseRules(launchRequest(), response);

    // Assess
    expect(result.response.reprompt?.outputSpeech).toEqual({
      type: 'SSML',
      ssml: "<speak>Who would you like to find? For example, say: what's Jane Doe's phone number?</speak>",
    });
  });

  it('takes the reprompt away from a session that ends', () => {
    // Prepare
    const response = spoken('<speak>Goodbye!</speak>');
    response.response.shouldEndSession = true;

    // Assess
    expect(applyResponseRules(launchRequest(), response).response.reprompt).toBeUndefined();
  });

  it('replaces speech that is not well-formed SSML with an apology, never sending it to Alexa', () => {
    // Act
    const result = applyResponseRules(launchRequest(), spoken('<speak>Barnes & Noble</speak>'));

    // Assess
    expect(result.response.outputSpeech).toEqual({
      type: 'SSML',
      ssml: '<speak>Sorry, something went wrong on my side. Please try again. Who would you like to find?</speak>',
    });
  });
});
