import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { AlexaTest, IntentRequestBuilder, LaunchRequestBuilder, type SequenceItem } from 'ask-sdk-test';
import { IntentNames } from '../../../lambda/src/interaction';
import { TEST_SKILL_ID, TEST_USER_ID } from '../../support/requests';
import { expectValidAlexaResponse } from '../../support/response-checks';
import { buildTestSkill } from '../../support/test-skill';

/**
 * Multi-turn sequences written with ask-sdk-test. It is mocha-flavoured (it imports `it` from
 * mocha); jest.config.js maps `mocha` to jest's globals, so each `alexaTest.test(...)` below is a
 * jest test. Each sequence item carries the session attributes of the previous response.
 */
const settings = {
  appId: TEST_SKILL_ID,
  userId: TEST_USER_ID,
  deviceId: 'amzn1.ask.device.TESTDEVICE',
  locale: 'en-US',
};

function alexaTest(): AlexaTest {
  const { skill } = buildTestSkill();
  const handler = async (event: RequestEnvelope, context: unknown): Promise<ResponseEnvelope> => {
    const response = await skill.invoke(event, context);
    await expectValidAlexaResponse(response);
    return response;
  };
  return new AlexaTest(handler, settings);
}

function intent(name: string, slots: Record<string, string> = {}): RequestEnvelope {
  const builder = new IntentRequestBuilder(settings, name);
  for (const [slotName, value] of Object.entries(slots)) builder.withSlot(slotName, value);
  return builder.build();
}

/** ask-sdk-test builds slots without entity resolution; the detail slot needs its resolved id. */
function withDetail(request: RequestEnvelope, detail: string): RequestEnvelope {
  const intentOfRequest = (request.request as { intent: { slots?: Record<string, unknown> } }).intent;
  intentOfRequest.slots ??= {};
  intentOfRequest.slots.detail = {
    name: 'detail',
    value: detail,
    resolutions: {
      resolutionsPerAuthority: [
        {
          authority: 'x',
          status: { code: 'ER_SUCCESS_MATCH' },
          values: [{ value: { name: detail, id: detail } }],
        },
      ],
    },
  };
  return request;
}

describe('conversations written with ask-sdk-test', () => {
  const lookupThenFollowUp: SequenceItem[] = [
    {
      request: new LaunchRequestBuilder(settings).build(),
      saysLike: 'Welcome to Front Desk.',
      repromptsLike: 'Who would you like to find?',
      shouldEndSession: false,
    },
    {
      request: withDetail(intent(IntentNames.contactDetails, { name: 'bob smith' }), 'phone'),
      says: 'Robert Smith\'s phone number is <say-as interpret-as="telephone">(503) 555-0104</say-as>. What else would you like to know?',
      hasCardTitle: 'Robert Smith',
      hasCardTextLike: 'Company: Barnes & Noble',
      hasAttributes: { lastContactId: 'c004' },
      shouldEndSession: false,
    },
    {
      request: withDetail(intent(IntentNames.contactDetails), 'email'),
      saysLike: "Robert Smith's email is bob dot smith at bn dot example dot com.",
      shouldEndSession: false,
    },
    { request: intent(IntentNames.stop), says: 'Goodbye!', shouldEndSession: true },
  ];
  alexaTest().test(lookupThenFollowUp, 'launch, a lookup, "what about his email", then stop');

  const ambiguousThenOrdinal: SequenceItem[] = [
    {
      request: withDetail(intent(IntentNames.contactDetails, { name: 'jane' }), 'title'),
      says: 'I found 3 people called jane: Jane Doe at Acme Corp., Jane Doe at Globex and Jane Smith at Initech. Which one?',
      repromptsLike: 'the first one',
      shouldEndSession: false,
    },
    {
      request: intent(IntentNames.chooseContact, { ordinal: '3' }),
      saysLike: "Jane Smith's title is Accountant.",
      hasCardTitle: 'Jane Smith',
      shouldEndSession: false,
    },
    {
      request: intent(IntentNames.repeat),
      saysLike: "Jane Smith's title is Accountant.",
      shouldEndSession: false,
    },
  ];
  alexaTest().test(ambiguousThenOrdinal, 'an ambiguous name, "the third one", then repeat');

  const unknownThenHelp: SequenceItem[] = [
    {
      request: intent(IntentNames.contactDetails, { name: 'nobody special' }),
      says: "Sorry, I couldn't find anyone called nobody special. Who else can I look up?",
      shouldEndSession: false,
    },
    {
      request: intent(IntentNames.help),
      saysLike: 'Front Desk knows the people your office works with.',
      shouldEndSession: false,
    },
    { request: intent(IntentNames.no), says: 'Goodbye!', shouldEndSession: true },
  ];
  alexaTest().test(unknownThenHelp, 'an unknown name, help, then no');
});
