import type { Directive, ResponseEnvelope } from 'ask-sdk-model';
import { IntentNames } from '../../../lambda/src/interaction';
import { BROWSE_CONTACTS } from '../../fixtures/browse-contacts';
import { TEST_CONTACTS } from '../../fixtures/contacts';
import { Conversation } from '../../support/conversation';
import { readFixture } from '../../support/fixtures';
import { type EnvelopeOptions, intentRequest, launchRequest, userEventRequest } from '../../support/requests';
import { cardOf, speechOf } from '../../support/response-checks';
import { buildTestSkill } from '../../support/test-skill';

/** 14:05 UTC on 15 January 2025: 9:05 AM in New York, the office. */
const NINE_OH_FIVE = new Date('2025-01-15T14:05:00Z');

interface ScreenData {
  readonly token?: string;
  readonly screen: Record<string, unknown> & {
    readonly items?: readonly { id: string; primaryText: string; secondaryText: string }[];
    readonly rows?: readonly { label: string; value: string }[];
  };
}

function screensOf(envelope: ResponseEnvelope): Directive[] {
  return (envelope.response.directives ?? []).filter(
    (directive) => directive.type === 'Alexa.Presentation.APL.RenderDocument',
  );
}

/** The one screen a response shows: its token and the datasource it binds. */
function screenOf(envelope: ResponseEnvelope): ScreenData {
  const [screen, ...others] = screensOf(envelope) as {
    token?: string;
    datasources?: { screen: ScreenData['screen'] };
  }[];
  if (!screen?.datasources || others.length > 0) throw new Error('Expected exactly one screen');
  return { token: screen.token, screen: screen.datasources.screen };
}

const janeAtGlobex = (options: EnvelopeOptions) =>
  intentRequest(IntentNames.contactDetails, { name: { value: 'jane doe', ids: ['c002'] } }, options);
const browseCompany = (company: string, options: EnvelopeOptions) =>
  intentRequest(IntentNames.browseCompany, { company }, options);

describe('screens on a device that shows APL', () => {
  it('shows the contact screen with the details the card has', async () => {
    // Prepare
    const talk = new Conversation(buildTestSkill().skill);

    // Act
    const response = await talk.send(janeAtGlobex({ device: 'screen' }));

    // Assess
    const { token, screen } = screenOf(response);
    expect(token).toBe('frontDesk.contact');
    expect(screen).toMatchObject({ brand: 'Front Desk', name: 'Jane Doe', subtitle: 'Engineer at Globex' });
    expect(screen.rows).toEqual([
      { label: 'Phone', value: '(206) 555-0102' },
      { label: 'Email', value: 'jdoe@globex.example.com' },
      { label: 'Office', value: 'Seattle, Washington' },
      { label: 'Company', value: 'Globex' },
      { label: 'Title', value: 'Engineer' },
    ]);
    expect(cardOf(response)?.title).toBe('Jane Doe');
  });

  it('shows a browse page as a numbered list, and the next page goes on with the numbers', async () => {
    // Prepare
    const talk = new Conversation(buildTestSkill(BROWSE_CONTACTS).skill);

    // Act
    const first = screenOf(await talk.send(browseCompany('initrode', { device: 'screen' })));
    const second = screenOf(await talk.send(intentRequest(IntentNames.more, {}, { device: 'screen' })));

    // Assess
    expect(first.token).toBe('frontDesk.list');
    expect(first.screen).toMatchObject({
      title: 'People at Initrode Inc.',
      hint: 'Touch a name to see their details.',
      footer: '7 more: say "more" to hear them.',
    });
    expect(first.screen.items?.[0]).toEqual({
      id: 'i001',
      primaryText: '1. Ava Adams',
      secondaryText: 'Analyst, Initrode Inc., Houston, Texas',
    });
    expect(second.screen.items?.map((item) => item.primaryText)).toEqual([
      '6. Fay Fox',
      '7. Gus Gray',
      '8. Hal Hunt',
      '9. Ivy Ito',
      '10. Jo Jensen',
    ]);
  });

  it("shows who's in, each with their company and when they checked in", async () => {
    // Prepare
    const test = buildTestSkill(TEST_CONTACTS, { clock: () => NINE_OH_FIVE });
    await new Conversation(test.skill).send(intentRequest(IntentNames.checkIn, { name: 'bob' }));

    // Act
    const response = await new Conversation(test.skill).send(
      intentRequest(IntentNames.whoIsIn, {}, { device: 'screen' }),
    );

    // Assess
    expect(screenOf(response).screen.items).toEqual([
      {
        id: 'c004',
        primaryText: 'Robert Smith',
        secondaryText: 'Barnes &amp; Noble · Checked in at 9:05 AM',
      },
    ]);
  });

  it('opens the contact that was touched, as if their name had been asked for', async () => {
    // Prepare
    const talk = new Conversation(buildTestSkill(BROWSE_CONTACTS).skill);
    const list = screenOf(await talk.send(browseCompany('acme', { device: 'screen' })));
    const touched = list.screen.items?.[1]?.id ?? '';

    // Act
    const response = await talk.send(userEventRequest(['openContact', touched]));

    // Assess
    expect(touched).toBe('c005');
    expect(speechOf(response)).toBe(
      "Sean O'Neill, Counsel at Acme Corp., in Austin, Texas. Phone: (512) 555-0105. Email: sean dot oneill at acme dot example dot com. What else would you like to know?",
    );
    expect(screenOf(response)).toMatchObject({
      token: 'frontDesk.contact',
      screen: { name: 'Sean O’Neill'.replace('’', "'") },
    });
    expect(response.response.shouldEndSession).toBe(false);
    expect(talk.sessionAttributes.lastContactId).toBe('c005');
  });

  it('opens the contact touched on a recorded Echo Show event', async () => {
    const response = await new Conversation(buildTestSkill().skill).send(
      readFixture('apl-user-event-open-contact'),
    );

    expect(speechOf(response)).toMatch(
      /^Robert Smith, Buyer <Books> at Barnes & Noble, in Portland, Oregon\./,
    );
    expect(screenOf(response).screen.name).toBe('Robert Smith');
  });

  it('says so when the touched person has left the directory since, and keeps the conversation going', async () => {
    const response = await new Conversation(buildTestSkill().skill).send(
      userEventRequest(['openContact', 'c999']),
    );

    expect(speechOf(response)).toBe(
      "Sorry, I can't find that person in the directory any more. Who else can I look up?",
    );
    expect(response.response.shouldEndSession).toBe(false);
    expect(screensOf(response)).toEqual([]);
  });

  it('answers a touch it does not know with the usual question', async () => {
    const response = await new Conversation(buildTestSkill().skill).send(userEventRequest(['somethingElse']));

    expect(speechOf(response)).toBe('What would you like to do?');
  });

  it('words the screens in the language of the request', async () => {
    // Prepare
    const talk = new Conversation(buildTestSkill().skill);

    // Act
    const contact = screenOf(await talk.send(janeAtGlobex({ device: 'screen', locale: 'de-DE' })));
    const list = screenOf(await talk.send(browseCompany('acme', { device: 'screen', locale: 'de-DE' })));

    // Assess
    expect(contact.screen).toMatchObject({ brand: 'Büroempfang', subtitle: 'Engineer bei Globex' });
    expect(contact.screen.rows?.map((row) => row.label)).toEqual([
      'Telefon',
      'E-Mail',
      'Büro',
      'Firma',
      'Position',
    ]);
    expect(list.screen).toMatchObject({
      title: 'Personen bei Acme Corp.',
      hint: 'Tippen Sie auf einen Namen, um die Details zu sehen.',
    });
  });
});

describe('no screens where there is no screen', () => {
  it.each([
    ['a device without a screen', 'headless'],
    ['a screen whose APL runtime is older than the documents', 'oldScreen'],
  ] as const)(
    'sends no APL directive to %s, for details, lists or who is in, and says the same',
    async (_what, device) => {
      // Prepare
      const test = buildTestSkill(BROWSE_CONTACTS, { clock: () => NINE_OH_FIVE });
      await new Conversation(test.skill).send(intentRequest(IntentNames.checkIn, { name: 'bob' }));
      const requestsOn = (on: EnvelopeOptions['device']) => [
        launchRequest({ device: on }),
        janeAtGlobex({ device: on }),
        browseCompany('initrode', { device: on }),
        intentRequest(IntentNames.more, {}, { device: on }),
        intentRequest(IntentNames.whoIsIn, {}, { device: on }),
      ];
      const onScreen = new Conversation(test.skill);
      const withoutScreen = new Conversation(test.skill);

      // Act
      const shown: ResponseEnvelope[] = [];
      const heard: ResponseEnvelope[] = [];
      for (const request of requestsOn('screen')) shown.push(await onScreen.send(request));
      for (const request of requestsOn(device)) heard.push(await withoutScreen.send(request));

      // Assess
      expect(heard.flatMap((response) => response.response.directives ?? [])).toEqual([]);
      expect(shown.filter((response) => screensOf(response).length === 1)).toHaveLength(4);
      expect(heard.map(speechOf)).toEqual(shown.map(speechOf));
    },
  );
});
