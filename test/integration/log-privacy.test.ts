import type { RequestEnvelope } from 'ask-sdk-model';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { IntentNames } from '../../lambda/src/interaction';
import { createLogger } from '../../lambda/src/logger';
import { buildSkill } from '../../lambda/src/skill';
import { type AlexaServer, createAlexaServer } from '../../local/http-server';
import { createAlexaTestSigner } from '../support/alexa-signing';
import { Conversation } from '../support/conversation';
import { FakeAlexaApi } from '../support/fakes';
import {
  type EnvelopeOptions,
  intentRequest,
  launchRequest,
  type SlotSpec,
  sessionEndedRequest,
  TEST_SKILL_ID,
} from '../support/requests';
import { sampleContacts } from '../support/sample-contacts';
import { loadSampleDirectory } from '../support/skill-package';
import { putDirectory, startTestStore, storesOn, type TestStore } from '../support/store';
import { injectStoreFaults } from '../support/store-faults';

/** Every way the sample directory's emails and phone numbers could be written in a log. */
function personalDataOfSampleDirectory(): string[] {
  const values: string[] = [];
  for (const row of loadSampleDirectory().rows) {
    if (row.email) values.push(row.email, row.email.toLowerCase(), row.email.split('@')[0] ?? row.email);
    const phone = row.phone ? parsePhoneNumberFromString(row.phone, 'US') : undefined;
    if (row.phone && phone) {
      values.push(
        row.phone,
        phone.number,
        phone.nationalNumber,
        phone.formatNational(),
        phone.formatInternational(),
      );
    }
  }
  // Local parts shorter than 5 characters ("bob") also occur in ordinary words.
  return [...new Set(values)].filter((value) => value.length >= 5);
}

describe('the logs of a whole run of conversations', () => {
  let testStore: TestStore;
  const lines: string[] = [];
  const userIds: string[] = [];
  const personIds: string[] = [];
  let counter = 0;

  /** A new speaker for each conversation, so every id used can be looked for. */
  function speaker(): EnvelopeOptions {
    counter += 1;
    const userId = `amzn1.ask.account.PRIVACY${counter}AEXAMPLEUSERIDTHATISLONG`;
    const personId = `amzn1.ask.person.PRIVACY${counter}PEXAMPLEPERSONID`;
    userIds.push(userId);
    personIds.push(personId);
    return { userId, personId };
  }

  beforeAll(async () => {
    testStore = await startTestStore();
    await putDirectory(testStore.setup, testStore.tables.directory, sampleContacts());
  });

  afterAll(() => testStore.close());

  const skillOn = (documentClient = testStore.client) =>
    buildSkill({
      config: { skillId: TEST_SKILL_ID, officeTimeZone: 'America/New_York' },
      stores: storesOn(testStore, documentClient),
      apiClient: new FakeAlexaApi(),
      logger: createLogger({ level: 'DEBUG', write: (line) => lines.push(line) }),
      random: () => 0,
    });

  async function converse(
    turns: ((who: EnvelopeOptions) => RequestEnvelope)[],
    skill = skillOn(),
  ): Promise<void> {
    const who = speaker();
    const talk = new Conversation(skill);
    for (const turn of turns) await talk.send(turn(who));
  }

  const intent =
    (name: string, slots: Record<string, SlotSpec> = {}) =>
    (who: EnvelopeOptions) =>
      intentRequest(name, slots, who);

  it('hold no email address, phone number or full user or person id, and give every line its request', async () => {
    // Act: every intent family, through buildSkill.
    for (const contact of sampleContacts()) {
      await converse([
        (who) => launchRequest(who),
        intent(IntentNames.contactDetails, {
          name: `${contact.firstName} ${contact.lastName}`.toLowerCase(),
        }),
        intent(IntentNames.contactDetails, {
          name: contact.id === 'c001' ? 'jane doe' : contact.firstName,
          detail: { value: 'email', ids: ['email'] },
        }),
        intent(IntentNames.contactDetails, {
          name: { value: contact.lastName, ids: [contact.id] },
          detail: { value: 'phone', ids: ['phone'] },
        }),
        intent(IntentNames.stop),
      ]);
    }
    await converse([
      intent(IntentNames.browseCompany, { company: 'acme' }),
      intent(IntentNames.more),
      intent(IntentNames.next),
      intent(IntentNames.browsePlace, { state: 'Texas' }),
      intent(IntentNames.browseInitial, { letter: 'J' }),
      intent(IntentNames.repeat),
      intent(IntentNames.startOver),
      intent(IntentNames.help),
      intent(IntentNames.fallback),
      intent('NoSuchIntent'),
      intent(IntentNames.cancel),
    ]);
    await converse([
      intent(IntentNames.checkIn, { name: 'robert smith' }),
      intent(IntentNames.whoIsIn),
      intent(IntentNames.isIn, { name: 'bob' }),
      intent(IntentNames.identify, { name: 'robert smith' }),
      intent(IntentNames.yes),
      intent(IntentNames.checkMeOut),
      intent(IntentNames.amIIn),
      intent(IntentNames.forgetMe),
      intent(IntentNames.checkOut, { name: 'jane doe' }),
      intent(IntentNames.chooseContact, { ordinal: '1' }),
      intent(IntentNames.no),
    ]);
    await converse([
      // Names and numbers spoken where a name was expected.
      intent(IntentNames.contactDetails, { name: 'jane.doe@acme.example.com' }),
      intent(IntentNames.checkIn, { name: '512 555 0100' }),
      (who) => sessionEndedRequest('ERROR', who),
    ]);
    await converse([
      (who) =>
        ({
          ...launchRequest(who),
          request: {
            type: 'System.ExceptionEncountered',
            requestId: 'amzn1.echo-api.request.exception',
            timestamp: new Date().toISOString(),
            locale: 'en-US',
            error: {
              type: 'INVALID_RESPONSE',
              message: 'Invalid SSML: Call (512) 555-0100 or write to jane.doe@acme.example.com',
            },
            cause: { requestId: 'amzn1.echo-api.request.before' },
          },
        }) as unknown as RequestEnvelope,
    ]);
    // Errors: the store refuses, and a garbled session fails a turn.
    const failing = testStore.skillClient();
    injectStoreFaults(failing, [
      { operation: 'Query', fault: 'refuse' },
      { operation: 'GetItem', fault: 'unreachable' },
    ]);
    await converse(
      [(who) => launchRequest(who), intent(IntentNames.contactDetails, { name: 'jane doe' })],
      skillOn(failing),
    );
    failing.destroy();
    await converse([
      (who) =>
        intentRequest(
          IntentNames.yes,
          {},
          {
            ...who,
            attributes: { pending: { type: 'chooseContact', candidates: 'jane.doe@acme.example.com' } },
          },
        ),
    ]);

    // Act: through the HTTP endpoint, its own access log included.
    const signer = await createAlexaTestSigner();
    const skill = skillOn();
    const server: AlexaServer = createAlexaServer({
      verifier: signer.createVerifier({ skillId: TEST_SKILL_ID }),
      invokeSkill: (envelope) => skill.invoke(envelope),
      log: (line) => lines.push(line),
    });
    const { port } = await server.listen(0);
    const who = speaker();
    for (const envelope of [
      launchRequest(who),
      intentRequest(IntentNames.contactDetails, { name: 'jane doe' }, who),
      intentRequest(IntentNames.chooseContact, { ordinal: '2' }, who),
    ]) {
      const { body, headers } = signer.signEnvelope(envelope);
      await fetch(`http://127.0.0.1:${port}/alexa`, { method: 'POST', body, headers });
    }
    await fetch(`http://127.0.0.1:${port}/alexa/jane.doe@acme.example.com/5125550100`, { method: 'POST' });
    await server.close();

    // Assess
    const log = lines.join('\n');
    const leaks = [...personalDataOfSampleDirectory(), ...userIds, ...personIds].filter((value) =>
      log.includes(value),
    );
    expect(leaks).toEqual([]);
    expect(lines.length).toBeGreaterThan(200);
    const skillLines = lines
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(skillLines.filter((line) => typeof line.requestId !== 'string')).toEqual([]);
    expect(
      skillLines.filter((line) => line.requestType === 'IntentRequest' && typeof line.intent !== 'string'),
    ).toEqual([]);
    expect(skillLines.some((line) => line.message === 'Store call refused by IAM')).toBe(true);
    expect(lines.some((line) => /^POST \S*\[email\]\/\[phone\] 404 /.test(line))).toBe(true);
  });
});
