import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { IntentNames } from '../../../lambda/src/interaction';
import { SkillIdMismatchError } from '../../../lambda/src/pipeline/guarded-skill';
import { ALEXA_LIMITS } from '../../../lambda/src/speech/limits';
import { TEST_CONTACTS } from '../../fixtures/contacts';
import { responseViolations } from '../../support/alexa-response-rules';
import { readFixture } from '../../support/fixtures';
import { intentRequest, launchRequest, TEST_SKILL_ID } from '../../support/requests';
import { repromptOf, speechOf } from '../../support/response-checks';
import { buildTestSkill } from '../../support/test-skill';

type Json = Record<string, unknown>;

/** Invokes the skill with anything, as a Lambda can be, and checks the answer against Alexa's rules. */
async function answer(envelope: unknown): Promise<ResponseEnvelope> {
  const { skill } = buildTestSkill();
  const response = await skill.invoke(envelope as RequestEnvelope);
  const requestType = ((envelope as Json | null)?.request as Json | undefined)?.type;
  expect(await responseViolations(response, requestType)).toEqual([]);
  return response;
}

function withRequest(envelope: RequestEnvelope, change: (request: Json) => void): Json {
  const copy = structuredClone(envelope) as unknown as Json;
  change(copy.request as Json);
  return copy;
}

const lookUp = (value: unknown, resolutions?: unknown): Json =>
  withRequest(intentRequest(IntentNames.contactDetails), (request) => {
    (request.intent as Json).slots = {
      name: { name: 'name', value, ...(resolutions ? { resolutions } : {}) },
    };
  });

describe('malformed envelopes', () => {
  it.each([
    ['nothing at all', undefined],
    ['a string', 'hello'],
    ['an envelope whose request is a string', { ...launchRequest(), request: 'LaunchRequest' }],
    ['an envelope whose request has no type', withRequest(launchRequest(), (request) => delete request.type)],
    [
      'an envelope whose request type is a number',
      withRequest(launchRequest(), (request) => (request.type = 7)),
    ],
  ])('answers %s with an empty response', async (_, envelope) => {
    expect(await answer(envelope)).toEqual({ version: '1.0', response: {} });
  });

  it('welcomes a launch without context or session', async () => {
    const { context: _context, session: _session, ...bare } = launchRequest();

    const response = await answer(bare);

    expect(speechOf(response)).toMatch(/^Welcome to Front Desk\./);
  });

  it('answers a lookup whose session is null, outside any session', async () => {
    const envelope = {
      ...(intentRequest(IntentNames.contactDetails, { name: 'robert smith' }) as unknown as Json),
      session: null,
    };

    const response = await answer(envelope);

    expect(speechOf(response)).toMatch(/^Robert Smith/);
    expect(response.sessionAttributes).toBeUndefined();
  });

  it('asks who, when the slots are an array', async () => {
    const envelope = withRequest(intentRequest(IntentNames.contactDetails), (request) => {
      (request.intent as Json).slots = [{ name: 'name', value: 'robert smith' }];
    });

    const response = await answer(envelope);

    expect(response.response.shouldEndSession).toBe(false);
    expect(speechOf(response)).toMatch(/\?$/);
    expect(speechOf(response)).not.toMatch(/^Sorry/);
  });

  it('reads a number slot value sent as a number', async () => {
    // Prepare: "which one?" is pending.
    const { skill } = buildTestSkill();
    const which = await skill.invoke(intentRequest(IntentNames.contactDetails, { name: 'jane doe' }));
    const choose = withRequest(
      intentRequest(IntentNames.chooseContact, {}, { attributes: which.sessionAttributes as Json }),
      (request) => {
        (request.intent as Json).slots = { ordinal: { name: 'ordinal', value: 2 } };
      },
    );

    // Act
    const response = await skill.invoke(choose as unknown as RequestEnvelope);

    // Assess
    expect(speechOf(response)).toMatch(/^Jane Doe.*Globex/);
  });

  it('treats an intent request without an intent as something Front Desk did not understand', async () => {
    const response = await answer(
      withRequest(intentRequest(IntentNames.help), (request) => delete request.intent),
    );

    expect(speechOf(response)).toBe(speechOf(await answer(intentRequest(IntentNames.fallback))));
  });

  it('answers an intent it does not have with what it can do', async () => {
    const response = await answer(intentRequest('AMAZON.PauseIntent'));

    expect(speechOf(response)).toBe(speechOf(await answer(intentRequest(IntentNames.fallback))));
    expect(response.response.shouldEndSession).toBe(false);
  });

  it('ignores a locale that is no language tag', async () => {
    const response = await answer(withRequest(launchRequest(), (request) => (request.locale = '__proto__')));

    expect(speechOf(response)).toMatch(/^Welcome to Front Desk\./);
  });
});

describe('request types Front Desk does not converse in', () => {
  it('answers System.ExceptionEncountered with an empty response', async () => {
    const envelope = withRequest(launchRequest(), (request) => {
      request.type = 'System.ExceptionEncountered';
      request.error = {
        type: 'INVALID_RESPONSE',
        message: 'An exception occurred while dispatching the request',
      };
    });

    expect((await answer(envelope)).response).toEqual({});
  });

  it.each([
    'AudioPlayer.PlaybackStarted',
    'AudioPlayer.PlaybackFailed',
    'PlaybackController.PlayCommandIssued',
    'Messaging.MessageReceived',
    'Display.ElementSelected',
    'Alexa.Presentation.APL.UserEvent',
    'Connections.Response',
    'SomethingAlexaAddsLater',
  ])('answers %s without an apology', async (type) => {
    const response = await answer(withRequest(launchRequest(), (request) => (request.type = type)));

    expect(speechOf(response)).not.toMatch(/Sorry/);
  });

  it('answers CanFulfillIntentRequest per the spec: YES for resolved slots, MAYBE for a name it may know, NO for an intent it lacks', async () => {
    const canFulfill = (envelope: RequestEnvelope): Json =>
      withRequest(envelope, (request) => {
        request.type = 'CanFulfillIntentRequest';
        delete request.dialogState;
      });

    const resolved = await answer(
      canFulfill(intentRequest(IntentNames.checkIn, { name: { value: 'bob', ids: ['c004'] } })),
    );
    const spoken = await answer(canFulfill(intentRequest(IntentNames.isIn, { name: 'somebody new' })));
    const noSlots = await answer(canFulfill(intentRequest(IntentNames.whoIsIn)));
    const foreign = await answer(canFulfill(intentRequest('PlayMusicIntent', { song: 'x' })));
    const onlyInConversation = await answer(canFulfill(intentRequest(IntentNames.howMany)));

    expect(resolved.response.canFulfillIntent).toEqual({
      canFulfill: 'YES',
      slots: { name: { canUnderstand: 'YES', canFulfill: 'YES' } },
    });
    expect(spoken.response.canFulfillIntent).toEqual({
      canFulfill: 'MAYBE',
      slots: { name: { canUnderstand: 'MAYBE', canFulfill: 'NO' } },
    });
    expect(noSlots.response.canFulfillIntent).toEqual({ canFulfill: 'YES', slots: {} });
    expect(foreign.response.canFulfillIntent).toEqual({ canFulfill: 'NO' });
    expect(onlyInConversation.response.canFulfillIntent).toEqual({ canFulfill: 'NO' });
  });
});

describe('hostile slot values', () => {
  it.each([
    ['empty', ''],
    ['blank', '   '],
  ])('asks who, for an %s name', async (_, value) => {
    const response = await answer(lookUp(value));

    expect(speechOf(response)).toMatch(/\?$/);
    expect(speechOf(response)).not.toMatch(/^Sorry/);
  });

  it.each([
    ['a 100 KB name', 'x'.repeat(100 * 1024)],
    ['a name of words repeated', 'jane doe '.repeat(12000)],
    ['control characters', 'rob\u0000ert\u0007 \u001bsmith\u0085'],
    ['SSML', '<speak><audio src="https://example.com/a.mp3"/></speak>'],
    ['an unterminated CDATA end', ']]> & <![CDATA['],
    ['a lone surrogate', 'jane \ud800 doe'],
  ])('answers %s within Alexa limits, in valid SSML', async (_, value) => {
    const response = await answer(lookUp(value));

    expect(response.response.outputSpeech).toBeDefined();
    expect(speechOf(response)).not.toMatch(/^Sorry, something went wrong/);
  });

  it('says an SSML-like name back as the words it is, not as markup', async () => {
    const response = await answer(lookUp('Barnes & Noble <b>'));

    expect(speechOf(response)).toBe(
      "Sorry, I couldn't find anyone called Barnes & Noble <b>. Who else can I look up?",
    );
  });

  it.each(['ER_SUCCESS_NO_MATCH', 'ER_ERROR_TIMEOUT', 'ER_ERROR_EXCEPTION'])(
    'finds a person by the spoken name when entity resolution answers %s',
    async (code) => {
      const resolutions = {
        resolutionsPerAuthority: [{ authority: 'amzn1.er-authority.x', status: { code } }],
      };

      const response = await answer(lookUp('robert smith', resolutions));

      expect(speechOf(response)).toMatch(/^Robert Smith/);
    },
  );

  it('ignores entity-resolution values that are not ids', async () => {
    const resolutions = {
      resolutionsPerAuthority: [
        {
          status: { code: 'ER_SUCCESS_MATCH' },
          values: [{ value: { id: 'c'.repeat(5000) } }, { value: { id: 42 } }, null],
        },
      ],
    };

    const response = await answer(lookUp('robert smith', resolutions));

    expect(speechOf(response)).toMatch(/^Robert Smith/);
  });
});

describe('responses made by the error handler', () => {
  it('stay within 24 KB when the session carries more than that, and drop the question that failed', async () => {
    // Prepare: a lookup that fails with a programming error while a "who?" is pending, and 30 KB
    // of session attributes.
    const { skill, reader } = buildTestSkill();
    reader.findContactsBySpokenForm = () => Promise.reject(new TypeError('broken on purpose'));
    const envelope = intentRequest(
      IntentNames.contactDetails,
      { name: 'jane' },
      {
        attributes: {
          pending: { type: 'askName', action: { kind: 'detail' } },
          lastSpeech: { ssml: `<speak>${'Jane Doe. '.repeat(300)}</speak>` },
          notes: 'n'.repeat(30 * 1024),
        },
      },
    );

    // Act
    const response = await skill.invoke(envelope);

    // Assess
    expect(await responseViolations(response, 'IntentRequest')).toEqual([]);
    expect(speechOf(response)).toMatch(/^Sorry, something went wrong on my side\./);
    expect(Buffer.byteLength(JSON.stringify(response))).toBeLessThanOrEqual(ALEXA_LIMITS.responseBytes);
    expect((response.sessionAttributes as Json | undefined)?.pending).toBeUndefined();
    expect(repromptOf(response)).not.toBe('');
  });
});

describe('the skill id', () => {
  const guarded = () => buildTestSkill(TEST_CONTACTS, { config: { skillId: TEST_SKILL_ID } }).skill;

  it('answers requests for its own skill', async () => {
    expect(speechOf(await guarded().invoke(readFixture('launch')))).toMatch(/^Welcome/);
  });

  it.each([
    ['another skill', { applicationId: 'amzn1.ask.skill.someone-else' }],
    ['no skill at all', undefined],
  ])('refuses a request addressed to %s', async (_, application) => {
    const envelope = structuredClone(readFixture('launch')) as unknown as {
      context: { System: Json };
      session: Json;
    };
    envelope.context.System.application = application;
    delete envelope.session.application;

    await expect(guarded().invoke(envelope as unknown as RequestEnvelope)).rejects.toBeInstanceOf(
      SkillIdMismatchError,
    );
  });
});
