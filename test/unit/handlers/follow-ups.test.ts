import { StoreUnavailableError } from '../../../lambda/src/errors';
import { IntentNames } from '../../../lambda/src/interaction';
import { Conversation } from '../../support/conversation';
import { intentRequest, launchRequest } from '../../support/requests';
import { speechOf } from '../../support/response-checks';
import { sampleContacts } from '../../support/sample-contacts';
import { buildTestSkill } from '../../support/test-skill';

const PHONE = { value: 'phone number', ids: ['phone'] };
const EMAIL = { value: 'email', ids: ['email'] };

/** Sarah Kim's status on the board, as the test skill keeps it. */
function sarahOn(test: ReturnType<typeof buildTestSkill>): string | undefined {
  const sarah = sampleContacts().find(
    (contact) => contact.firstName === 'Sarah' && contact.lastName === 'Kim',
  );
  return test.presence.presence.get(sarah?.id ?? '')?.status;
}

/** A session that checked Sarah Kim in, then Nadia Haddad out: the turn before is a check-out. */
async function sarahInThenNadiaOut() {
  const test = buildTestSkill(sampleContacts());
  const conversation = new Conversation(test.skill);
  await conversation.send(launchRequest());
  await conversation.send(intentRequest(IntentNames.checkIn, { name: 'sarah kim' }));
  await conversation.send(intentRequest(IntentNames.checkOut, { name: 'nadia haddad' }));
  return { test, conversation };
}

async function talk(): Promise<Conversation> {
  const conversation = new Conversation(buildTestSkill(sampleContacts()).skill);
  await conversation.send(launchRequest());
  return conversation;
}

describe('context carries', () => {
  it('asks the detail last asked about the next person named in "what about ..."', async () => {
    // Prepare
    const conversation = await talk();
    await conversation.send(
      intentRequest(IntentNames.contactDetails, { name: 'michael chen', detail: PHONE }),
    );

    // Act
    const answer = await conversation.send(intentRequest(IntentNames.followUp, { name: 'sarah kim' }));

    // Assess
    expect(speechOf(answer)).toContain("Sarah Kim's phone number is");
  });

  it.each([
    ['check in', IntentNames.checkIn, /^Sarah Kim has checked in\./, 'IN'],
    ['is ... in', IntentNames.isIn, /^Sarah Kim hasn't checked in yet\./, undefined],
  ])(
    'does for "and Sarah Kim too" what "%s" just did, not a detail asked before it',
    async (_case, intent, said, status) => {
      // Prepare
      const test = buildTestSkill(sampleContacts());
      const conversation = new Conversation(test.skill);
      await conversation.send(launchRequest());
      await conversation.send(
        intentRequest(IntentNames.contactDetails, { name: 'michael chen', detail: PHONE }),
      );
      await conversation.send(intentRequest(intent, { name: 'nadia haddad' }));

      // Act
      const answer = await conversation.send(intentRequest(IntentNames.followUp, { name: 'sarah kim' }));

      // Assess
      expect(speechOf(answer)).toMatch(said);
      expect(sarahOn(test)).toBe(status);
    },
  );

  it('carries a check-out on only in the very next turn: after a list in between, "what about ..." is a summary', async () => {
    const { test, conversation } = await sarahInThenNadiaOut();
    await conversation.send(intentRequest(IntentNames.browseCompany, { company: 'initech' }));

    const answer = await conversation.send(intentRequest(IntentNames.followUp, { name: 'sarah kim' }));

    expect(speechOf(answer)).toContain('Sarah Kim, Technical Recruiter at Initech');
    expect(sarahOn(test)).toBe('IN');
  });

  it('lets the check-out go when the turn in between failed', async () => {
    // Prepare
    const { test, conversation } = await sarahInThenNadiaOut();
    const readFirstPage = test.partitions.readFirstPage.bind(test.partitions);
    test.partitions.readFirstPage = async () => {
      throw new StoreUnavailableError('Query failed: TimeoutError');
    };
    const failed = await conversation.send(intentRequest(IntentNames.browseCompany, { company: 'initech' }));
    test.partitions.readFirstPage = readFirstPage;

    // Act
    const answer = await conversation.send(intentRequest(IntentNames.followUp, { name: 'sarah kim' }));

    // Assess
    expect(speechOf(failed)).toMatch(/^Sorry/);
    expect(speechOf(answer)).toContain('Sarah Kim, Technical Recruiter at Initech');
    expect(sarahOn(test)).toBe('IN');
  });

  it('asks the detail again after a detail that followed a check-in', async () => {
    const conversation = await talk();
    await conversation.send(intentRequest(IntentNames.checkIn, { name: 'nadia haddad' }));
    await conversation.send(
      intentRequest(IntentNames.contactDetails, { name: 'michael chen', detail: PHONE }),
    );

    const answer = await conversation.send(intentRequest(IntentNames.followUp, { name: 'sarah kim' }));

    expect(speechOf(answer)).toContain("Sarah Kim's phone number is");
  });

  it('gives a summary for "what about ..." when no detail was asked yet', async () => {
    const conversation = await talk();

    const answer = await conversation.send(intentRequest(IntentNames.followUp, { name: 'sarah kim' }));

    expect(speechOf(answer)).toContain('Sarah Kim, Technical Recruiter at Initech');
  });

  it('takes "her phone number" after a one-person list to mean that person', async () => {
    const conversation = await talk();
    await conversation.send(intentRequest(IntentNames.browsePlace, { city: 'Miami' }));

    const answer = await conversation.send(intentRequest(IntentNames.contactDetails, { detail: PHONE }));

    expect(speechOf(answer)).toContain("Sofía Hernández's phone number is");
  });

  it('asks whose detail after a longer list, and takes "the second one" from that list', async () => {
    const conversation = await talk();
    await conversation.send(intentRequest(IntentNames.contactDetails, { name: 'sean', detail: EMAIL }));
    await conversation.send(intentRequest(IntentNames.browseCompany, { company: 'initech' }));

    const asked = await conversation.send(intentRequest(IntentNames.contactDetails, { detail: PHONE }));
    const picked = await conversation.send(intentRequest(IntentNames.chooseContact, { ordinal: '2' }));

    expect(speechOf(asked)).toBe('Whose phone number would you like?');
    expect(speechOf(picked)).toContain("Nadia Haddad's phone number is");
  });
});

describe('picking from what was just said', () => {
  it('picks from the page just read by ordinal, by "the last one", by title and by city', async () => {
    const conversation = await talk();
    await conversation.send(intentRequest(IntentNames.browseCompany, { company: 'barnes and noble' }));

    const second = await conversation.send(intentRequest(IntentNames.chooseContact, { ordinal: 'second' }));
    const last = await conversation.send(intentRequest(IntentNames.chooseContact, { end: 'last' }));
    const buyer = await conversation.send(intentRequest(IntentNames.chooseContact, { title: 'buyer' }));
    const beaverton = await conversation.send(
      intentRequest(IntentNames.chooseContact, { city: 'Beaverton' }),
    );

    expect(speechOf(second)).toMatch(/^Renée Dubois, Events Coordinator/);
    expect(speechOf(last)).toMatch(/^José García, Store Manager/);
    expect(speechOf(buyer)).toMatch(/^Katherine Brooks, Regional Buyer/);
    expect(speechOf(beaverton)).toMatch(/^Renée Dubois/);
  });

  it('takes "the second one" heard as a name as a pick, never as a name to look up', async () => {
    const conversation = await talk();
    await conversation.send(intentRequest(IntentNames.browseCompany, { company: 'barnes and noble' }));

    const answer = await conversation.send(
      intentRequest(IntentNames.contactDetails, { name: 'the second one', detail: EMAIL }),
    );

    expect(speechOf(answer)).toContain("Renée Dubois's email is");
  });

  it('answers "which one?" with a city, and carries the check-in on', async () => {
    const { skill, presence } = buildTestSkill(sampleContacts());
    const conversation = new Conversation(skill);
    await conversation.send(launchRequest());
    await conversation.send(intentRequest(IntentNames.checkIn, { name: 'jane doe' }));

    const answer = await conversation.send(intentRequest(IntentNames.chooseContact, { city: 'New York' }));

    expect(speechOf(answer)).toContain('Jane Doe has checked in.');
    expect(presence.presence.get('c008')).toMatchObject({ status: 'IN' });
    expect(presence.presence.get('c001')).toBeUndefined();
  });

  it('closes the question on "none of them" and asks who, naming the detail', async () => {
    const conversation = await talk();
    await conversation.send(intentRequest(IntentNames.contactDetails, { name: 'jane', detail: EMAIL }));

    const none = await conversation.send(intentRequest(IntentNames.noneOfThem));
    const named = await conversation.send(intentRequest(IntentNames.contactDetails, { name: 'grace liu' }));

    expect(speechOf(none)).toBe('Okay, none of them. Whose email would you like?');
    expect(speechOf(named)).toContain("Grace Liu's email is");
  });

  it('asks again once when an answer picks nobody, then lets the question go', async () => {
    const conversation = await talk();
    await conversation.send(intentRequest(IntentNames.contactDetails, { name: 'jane' }));

    const first = await conversation.send(intentRequest(IntentNames.chooseContact, { ordinal: '9' }));
    const second = await conversation.send(intentRequest(IntentNames.chooseContact, { ordinal: '8' }));
    const after = await conversation.send(intentRequest(IntentNames.chooseContact, { ordinal: '1' }));

    expect(speechOf(first)).toContain("Sorry, I didn't catch which one. I found 3 people called jane");
    expect(speechOf(second)).toContain("Let's leave that for now.");
    expect(second.response.shouldEndSession).toBe(false);
    expect(speechOf(after)).toContain("I'm not choosing between people right now.");
  });
});

describe('paging', () => {
  it('goes back a page, starts over, and says how many', async () => {
    const conversation = await talk();
    const first = await conversation.send(intentRequest(IntentNames.browseCompany, { company: 'acme' }));
    await conversation.send(intentRequest(IntentNames.next));

    const back = await conversation.send(intentRequest(IntentNames.previous));
    const atStart = await conversation.send(intentRequest(IntentNames.previous));
    const count = await conversation.send(intentRequest(IntentNames.howMany));

    expect(speechOf(back)).toBe(speechOf(first));
    expect(back.response.card).toEqual(first.response.card);
    expect(speechOf(atStart)).toBe(`That was the first page. ${speechOf(first)}`);
    expect(speechOf(count)).toBe('There are 7 people on the list. Do you want to hear more?');
  });

  it('starts the list over while it is read, and the conversation over once a person was picked', async () => {
    const conversation = await talk();
    const first = await conversation.send(intentRequest(IntentNames.browseCompany, { company: 'acme' }));
    await conversation.send(intentRequest(IntentNames.more));

    const listAgain = await conversation.send(intentRequest(IntentNames.startOver));
    await conversation.send(intentRequest(IntentNames.chooseContact, { ordinal: '2' }));
    const conversationAgain = await conversation.send(intentRequest(IntentNames.startOver));

    expect(speechOf(listAgain)).toBe(speechOf(first));
    expect(speechOf(conversationAgain)).toBe('What would you like to do?');
  });

  it('says there is no list when "go back" or "how many" comes first', async () => {
    const conversation = await talk();

    const back = await conversation.send(intentRequest(IntentNames.previous));
    const count = await conversation.send(intentRequest(IntentNames.howMany));

    expect(speechOf(back)).toContain("I haven't read out a list yet.");
    expect(speechOf(count)).toContain("I haven't read out a list yet.");
  });
});

describe('speech that is not for us', () => {
  it('never says a possessive back as a name', async () => {
    const conversation = await talk();

    const answer = await conversation.send(
      intentRequest(IntentNames.contactDetails, { name: "jane's", detail: EMAIL }),
    );

    expect(speechOf(answer)).toContain('I found 3 people called jane:');
    expect(speechOf(answer)).not.toContain("jane's");
  });

  it('keeps "Do you want to hear more?" through a fallback', async () => {
    const conversation = await talk();
    await conversation.send(intentRequest(IntentNames.browseCompany, { company: 'acme' }));

    const fallback = await conversation.send(intentRequest(IntentNames.fallback));
    const more = await conversation.send(intentRequest(IntentNames.yes));

    expect(speechOf(fallback)).toBe("Sorry, Front Desk can't help with that. Do you want to hear more?");
    expect(speechOf(more)).toContain('And the last 2:');
  });
});

/** A page of "who's in from Acme" as Front Desk remembers it. */
const BOARD_LIST = {
  board: { by: 'presentAt', companyKey: 'acme' },
  label: 'Acme Corp.',
  page: 1,
  starts: [],
  firstNumber: 1,
  entries: [
    { id: 'c002', fullName: 'Robert Smith', company: 'Acme Corp.' },
    { id: 'c003', fullName: 'John Carter', company: 'Acme Corp.' },
  ],
};

describe('follow-ups on garbled session attributes', () => {
  const garbled: readonly [string, Record<string, unknown>][] = [
    ['a list of the wrong shape', { lastList: { request: 'acme', page: 'two', entries: [1, 2] } }],
    [
      'a list whose people are not people',
      {
        lastList: {
          request: { by: 'company' },
          facet: 'COMPANY',
          label: 'x',
          page: 1,
          starts: [],
          firstNumber: 1,
          entries: [{ id: 3 }],
        },
      },
    ],
    [
      'a list with a page that never was',
      {
        lastList: {
          request: { by: 'company', spoken: 'acme' },
          facet: 'COMPANY',
          label: 'Acme',
          page: 9,
          starts: [{ key: 'acme', after: 'zzz', shown: 40 }],
          firstNumber: 41,
          entries: [],
        },
      },
    ],
    ['a detail Front Desk does not know', { lastDetail: { toString: 'phone' } }],
    [
      'a miss count that is no number',
      { misses: 'many', pending: { type: 'askName', action: { kind: 'detail' } } },
    ],
    ['an action of a kind not known yet', { pending: { type: 'askName', action: { kind: 'visit' } } }],
    [
      'an action with a detail that is no detail',
      { pending: { type: 'askName', action: { kind: 'detail', detail: 1.5 } } },
    ],
    [
      'candidates that are not people',
      { pending: { type: 'chooseContact', spokenName: 'x', candidates: [{}], action: { kind: 'detail' } } },
    ],
    [
      'a board list of a kind Front Desk does not read',
      { lastList: { ...BOARD_LIST, board: { by: 'everyone' } } },
    ],
    [
      'a board page whose cursor is no cursor',
      {
        pending: {
          type: 'boardPage',
          list: { by: 'presentAt', companyKey: 'acme' },
          after: '%%',
          shown: 5,
          cardLines: [],
        },
        lastList: BOARD_LIST,
      },
    ],
    [
      'a board page whose list lost its company and count',
      { pending: { type: 'boardPage', list: { by: 'presentAt' }, after: 7, shown: 'five', cardLines: 'x' } },
    ],
    [
      'a board list whose day is no date',
      {
        pending: {
          type: 'boardPage',
          list: { by: 'leftSince', since: 'yesterday' },
          after: 'x',
          shown: 5,
          cardLines: [],
        },
        lastList: { ...BOARD_LIST, board: { by: 'leftSince', since: 'yesterday' } },
      },
    ],
    [
      'a board list whose pages began nowhere',
      { lastList: { ...BOARD_LIST, page: 3, starts: [{ after: 7 }, { shown: -1 }] } },
    ],
    [
      'a board list on a page that never was, with nobody on it',
      {
        lastList: {
          ...BOARD_LIST,
          page: 9,
          starts: [{ after: 'zzz', shown: 40 }],
          firstNumber: 41,
          entries: [],
        },
      },
    ],
    [
      'a board list with an empty company',
      { lastList: { ...BOARD_LIST, board: { by: 'presentAt', companyKey: '' } } },
    ],
    [
      'a browse page that lost its card lines',
      {
        pending: {
          type: 'listPage',
          position: {
            facet: 'COMPANY',
            key: 'acme',
            label: 'Acme Corp.',
            total: 7,
            shown: 5,
            after: 'ENTRY#a',
          },
        },
      },
    ],
  ];
  const turns = [
    intentRequest(IntentNames.chooseContact, { ordinal: '2' }),
    intentRequest(IntentNames.chooseContact, { end: 'last' }),
    intentRequest(IntentNames.followUp, { name: 'sarah kim' }),
    intentRequest(IntentNames.contactDetails, { detail: PHONE }),
    intentRequest(IntentNames.previous),
    intentRequest(IntentNames.startOver),
    intentRequest(IntentNames.howMany),
    intentRequest(IntentNames.noneOfThem),
    intentRequest(IntentNames.fallback),
    // Unknown ordinals and empty values, and going on with a list.
    intentRequest(IntentNames.chooseContact, { ordinal: '99' }),
    intentRequest(IntentNames.chooseContact, { ordinal: '0' }),
    intentRequest(IntentNames.chooseContact, { name: '' }),
    intentRequest(IntentNames.next),
    intentRequest(IntentNames.more),
    intentRequest(IntentNames.yes),
  ];

  it.each(garbled)('answers every follow-up with words and an open session, on %s', async (_, attributes) => {
    for (const turn of turns) {
      // Prepare
      const { skill, logLines } = buildTestSkill(sampleContacts());
      const request = structuredClone(turn);
      if (request.session) {
        request.session.new = false;
        request.session.attributes = structuredClone(attributes);
      }

      // Act
      const response = await skill.invoke(request);

      // Assess
      expect(speechOf(response).length).toBeGreaterThan(0);
      expect(response.response.shouldEndSession).toBe(false);
      expect(logLines.filter((line) => line.includes('"message":"Request failed"'))).toEqual([]);
    }
  });
});
