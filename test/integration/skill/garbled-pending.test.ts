import type { RequestEnvelope } from 'ask-sdk-model';
import { IntentNames } from '../../../lambda/src/interaction';
import { answerInSession } from '../../support/answer-in-session';
import { intentRequest } from '../../support/requests';
import { sampleContacts } from '../../support/sample-contacts';
import { putDirectory, startTestStore, type TestStore } from '../../support/store';

const POSITION = { facet: 'STATE', key: 'TX', label: 'Texas', total: 9, shown: 5, after: 'bell#marcus#c031' };

/**
 * Pending questions that are not what Front Desk wrote. The pending-question guard drops each one
 * before any handler runs, and the handlers read the question without checking it again: each
 * request must be answered word for word as if no question were pending. On the embedded store,
 * because some shapes only go wrong there (a host id that is a list still makes a key that finds
 * someone).
 */
describe("a pending question not in Front Desk's shape, on the embedded store", () => {
  let testStore: TestStore;

  beforeAll(async () => {
    testStore = await startTestStore();
    await putDirectory(testStore.setup, testStore.tables.directory, sampleContacts());
  });

  afterAll(() => testStore.close());

  const answerTo = (request: RequestEnvelope, attributes: Record<string, unknown>) =>
    answerInSession(testStore, request, attributes);

  it.each([
    [
      'a list page whose card lines are not all lines',
      intentRequest(IntentNames.more),
      { type: 'listPage', position: POSITION, cardLines: ['1. Marcus Bell', 7] },
    ],
    [
      'a board page whose list lost its company',
      intentRequest(IntentNames.yes),
      { type: 'boardPage', list: { by: 'presentAt' }, after: 'x', shown: 5, cardLines: [] },
    ],
    [
      'a "which Portland?" whose states are one string',
      intentRequest(IntentNames.contactDetails, { name: 'Maine' }),
      { type: 'choosePlace', city: 'Portland', states: 'ME OR' },
    ],
    [
      'a "which Portland?" whose city is a list',
      intentRequest(IntentNames.browsePlace, { state: 'Maine' }),
      { type: 'choosePlace', city: ['Portland'], states: ['ME', 'OR'] },
    ],
    [
      "a visitor's name asked for a host whose id is a list",
      intentRequest(IntentNames.visitorArrival, { visitorName: 'Sam Carter' }),
      { type: 'visitorName', hostId: ['c031'] },
    ],
    [
      'a "did you mean" that names nobody',
      intentRequest(IntentNames.fallback),
      { type: 'confirmName', suggestedName: 5, candidates: [], action: { kind: 'detail' } },
    ],
    [
      'a "which one?" for a visit whose visitor name is a number',
      intentRequest(IntentNames.chooseContact, { ordinal: '1' }),
      {
        type: 'chooseContact',
        candidates: [{ id: 'c001', fullName: 'Jane Doe' }],
        spokenName: 'jane doe',
        action: { kind: 'visit', visitor: { name: 42 } },
      },
    ],
    [
      'a "should I remember you" without an identity',
      intentRequest(IntentNames.fallback),
      { type: 'confirmIdentity' },
    ],
    [
      'a "should I remember you" whose identity names no contact',
      intentRequest(IntentNames.yes),
      { type: 'confirmIdentity', identity: { fullName: 'Jane Doe' } },
    ],
  ])('answers as if nothing were pending on %s', async (_name, request, pending) => {
    // Act
    const garbled = await answerTo(request, { pending });
    const nothingPending = await answerTo(request, {});

    // Assess
    expect(garbled.speech).toBe(nothingPending.speech);
    expect(garbled.failures).toEqual([]);
  });
});
