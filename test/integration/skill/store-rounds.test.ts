import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { IntentNames } from '../../../lambda/src/interaction';
import { PresenceRepository } from '../../../lambda/src/repositories/presence-repository';
import { buildSkill } from '../../../lambda/src/skill';
import { FakeAlexaApi, RecordingEventPublisher } from '../../support/fakes';
import { intentRequest, sessionEndedRequest } from '../../support/requests';
import { speechOf } from '../../support/response-checks';
import { sampleContacts } from '../../support/sample-contacts';
import { putDirectory, skillConfigFor, startTestStore, storesOn, type TestStore } from '../../support/store';
import { sequentialRounds, type TimedCall } from '../../support/store-rounds';

/** How long the users table's answer may wait for the request's next store call (a hang guard, not a timing). */
const HOLD_LIMIT_MS = 500;
/**
 * The speaker of these one-shot requests: a voice Alexa recognised, whose next session carries on
 * with the person asked about. An unrecognised voice on a shared Echo is nobody in particular.
 */
const SPEAKER = { newSession: true, personId: 'amzn1.ask.person.FRONTDESK' } as const;
const UNRECOGNISED = { newSession: true } as const;

/**
 * The store calls of one request, in the order they started and ended. The users table's answer is
 * held until a later call has started (or {@link HOLD_LIMIT_MS}), so a read started beside the others
 * is seen to overlap them however fast the store answers.
 */
class CallOrder {
  private calls: Array<TimedCall & { table: string; operation: string; sent: number }> = [];
  private release: (() => void) | undefined;
  private readonly byContext = new WeakMap<object, { sent: number }>();

  public attach(client: DynamoDBDocumentClient): this {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const table = String((args.input as { TableName?: unknown }).TableName ?? '');
        const operation = context.commandName ?? '';
        const call = { start: performance.now(), end: Number.POSITIVE_INFINITY, table, operation, sent: 0 };
        this.byContext.set(context, call);
        const index = this.calls.push(call) - 1;
        this.release?.();
        try {
          const result = await next(args);
          if (table.includes('users')) await this.heldUntilACallAfter(index);
          return result;
        } finally {
          call.end = performance.now();
        }
      },
      { step: 'initialize', name: 'callOrder', priority: 'high' },
    );
    // When the call goes out: prepared, signed, handed to the HTTP handler.
    client.middlewareStack.add(
      (next, context) => (args) => {
        const call = this.byContext.get(context);
        if (call) call.sent = performance.now();
        return next(args);
      },
      { step: 'deserialize', name: 'callSent', priority: 'low' },
    );
    return this;
  }

  /** The calls since the last take: the operation, the table, when each started and went out. */
  public takeCalls(): ReadonlyArray<TimedCall & { operation: string; table: string; sent: number }> {
    const calls = this.calls;
    this.calls = [];
    return calls;
  }

  private heldUntilACallAfter(index: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.calls.length > index + 1) {
        resolve();
        return;
      }
      const timer = setTimeout(resolve, HOLD_LIMIT_MS);
      this.release = () => {
        clearTimeout(timer);
        this.release = undefined;
        resolve();
      };
    });
  }

  /** The sequential round trips of the calls since the last take, and the tables they read. */
  public takeRounds(): { rounds: number; tables: string[] } {
    const calls = this.calls;
    this.calls = [];
    return { rounds: sequentialRounds(calls), tables: calls.map((call) => call.table) };
  }
}

describe('store round trips of one-shot board requests', () => {
  let testStore: TestStore;
  let client: DynamoDBDocumentClient;
  let order: CallOrder;
  let skill: ReturnType<typeof buildSkill>;

  beforeAll(async () => {
    testStore = await startTestStore();
    await putDirectory(testStore.setup, testStore.tables.directory, sampleContacts());
    client = testStore.skillClient();
    order = new CallOrder().attach(client);
    skill = buildSkill({
      config: skillConfigFor(testStore),
      stores: storesOn(testStore, client),
      events: new RecordingEventPublisher(),
      apiClient: new FakeAlexaApi(),
    });
  });

  afterAll(async () => {
    client.destroy();
    await testStore.close();
  });

  /** A one-shot question about Robert Smith: the speaker's next session carries on with him. */
  async function rememberRobert(): Promise<void> {
    await skill.invoke(intentRequest(IntentNames.isIn, { name: 'robert smith' }, SPEAKER));
  }

  /**
   * A one-shot "check in Priya Raman", Priya being out and the speaker's last session about Robert,
   * with the calls of its preparation taken away.
   */
  async function checkInPriyaAfterRobert(): Promise<ResponseEnvelope> {
    await skill.invoke(intentRequest(IntentNames.checkOut, { name: 'priya raman' }, SPEAKER));
    await rememberRobert();
    order.takeCalls();
    return skill.invoke(intentRequest(IntentNames.checkIn, { name: 'priya raman' }, SPEAKER));
  }

  /** Who a new session of the same speaker carries on with: "what's her email", without a name. */
  async function rememberedEmail(): Promise<string> {
    const answer = await skill.invoke(
      intentRequest(IntentNames.contactDetails, { detail: { value: 'email', ids: ['email'] } }, SPEAKER),
    );
    order.takeRounds();
    return speechOf(answer);
  }

  // Each one-shot answer below is about Priya while the speaker's last remembered contact is
  // Robert, so it also remembers Priya: that write (no read) goes beside the answer's store calls.

  it('remembers who "when did Priya check in" was about beside the board: two rounds, not three', async () => {
    // Prepare
    await skill.invoke(intentRequest(IntentNames.checkIn, { name: 'priya raman' }, SPEAKER));
    await rememberRobert();
    order.takeRounds();

    // Act
    const answer = await skill.invoke(
      intentRequest(IntentNames.whenPresence, { name: 'priya raman' }, SPEAKER),
    );

    // Assess
    expect(speechOf(answer)).toMatch(/^Priya Raman checked in at /);
    const { rounds, tables } = order.takeRounds();
    // The speaker's record is written, not read: one call.
    expect(tables.filter((table) => table.includes('users'))).toHaveLength(1);
    expect(rounds).toBe(2);
    expect(await rememberedEmail()).toMatch(/^Priya Raman's email is /);
  });

  it('remembers who "is Priya in" was about beside the board: two rounds', async () => {
    // Prepare
    await rememberRobert();
    order.takeRounds();

    // Act
    const answer = await skill.invoke(intentRequest(IntentNames.isIn, { name: 'priya raman' }, SPEAKER));

    // Assess
    expect(speechOf(answer)).toMatch(/^Yes, Priya Raman /);
    expect(order.takeRounds().rounds).toBe(2);
    expect(await rememberedEmail()).toMatch(/^Priya Raman's email is /);
  });

  it('checks someone in in three rounds: the person, the board and remembering her, the change', async () => {
    // Act
    const answer = await checkInPriyaAfterRobert();

    // Assess
    expect(speechOf(answer)).toBe('Priya Raman has checked in.');
    expect(order.takeRounds().rounds).toBe(3);
    expect(await rememberedEmail()).toMatch(/^Priya Raman's email is /);
  });

  it("sends the check-in's board reads before it prepares the write that remembers her", async () => {
    // Act
    const answer = await checkInPriyaAfterRobert();

    // Assess
    expect(speechOf(answer)).toBe('Priya Raman has checked in.');
    const calls = order.takeCalls();
    const remembering = calls.find((call) => call.table.includes('users'));
    const boardReads = calls.filter(
      (call) => /^(Get|Query)/.test(call.operation) && !call.table.includes('users'),
    );
    // The person's name, then the board: the presence item and the history's newest entry.
    expect(boardReads.map((call) => call.operation)).toEqual([
      'QueryCommand',
      'GetItemCommand',
      'QueryCommand',
    ]);
    expect(remembering?.operation).toBe('UpdateItemCommand');
    // What the user waits for goes out first, instead of being prepared in turns with the write.
    // This relies on the SDK's way from `send` to the HTTP handler taking no timer or I/O (true
    // with fixed credentials and the standard retry mode): an SDK that added one would fail here.
    for (const read of boardReads) expect(remembering?.start).toBeGreaterThan(read.sent);
    // The write still goes beside the reads: the rounds are those of the test above.
    expect(sequentialRounds(calls)).toBe(3);
  });

  it("publishes a check-in's event without waiting for the history append beside it, and answers once the append is done", async () => {
    // Prepare: a skill on a client that holds the history append until an event is published (or
    // HOLD_LIMIT_MS, against a hang), and records whether the append had ended by the answer.
    let eventOut: () => void = () => undefined;
    const published = new Promise<void>((resolve) => {
      eventOut = resolve;
    });
    const events = new RecordingEventPublisher();
    const publish = events.publish.bind(events);
    events.publish = async (event) => {
      await publish(event);
      eventOut();
    };
    const append = { heldUntilTheEvent: false, ended: false };
    const holdingClient = testStore.skillClient();
    holdingClient.middlewareStack.add(
      (next) => async (args) => {
        const pk = (args.input as { Item?: { pk?: unknown } }).Item?.pk;
        if (typeof pk !== 'string' || !pk.startsWith('HISTORY#')) return next(args);
        let timer: NodeJS.Timeout | undefined;
        append.heldUntilTheEvent = await Promise.race([
          published.then(() => true),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(false), HOLD_LIMIT_MS);
          }),
        ]);
        clearTimeout(timer);
        const result = await next(args);
        append.ended = true;
        return result;
      },
      { step: 'initialize', name: 'holdHistoryAppend' },
    );
    const holding = buildSkill({
      config: skillConfigFor(testStore),
      stores: storesOn(testStore, holdingClient),
      events,
      apiClient: new FakeAlexaApi(),
    });
    try {
      // Priya checks in and out, so her check-in below appends the check-out to the history.
      await skill.invoke(intentRequest(IntentNames.checkIn, { name: 'priya raman' }, SPEAKER));
      await skill.invoke(intentRequest(IntentNames.checkOut, { name: 'priya raman' }, SPEAKER));

      // Act
      const answer = await holding.invoke(
        intentRequest(IntentNames.checkIn, { name: 'priya raman' }, SPEAKER),
      );
      const endedByTheAnswer = append.ended;

      // Assess
      expect(speechOf(answer)).toBe('Priya Raman has checked in.');
      expect(events.events.map((event) => event.type)).toEqual(['Checked In']);
      expect(append.heldUntilTheEvent).toBe(true);
      expect(endedByTheAnswer).toBe(true);
      const history = await new PresenceRepository(
        testStore.setup,
        testStore.tables.directory,
      ).listArchivedChanges('c007');
      expect(history.at(-1)?.status).toBe('OUT');
    } finally {
      holdingClient.destroy();
    }
  });

  it('checks someone in in two rounds when Alexa resolved the name to one person: the board is read beside the directory', async () => {
    // Prepare
    const priya = { value: 'priya raman', ids: ['c007'] };
    await skill.invoke(intentRequest(IntentNames.checkOut, { name: priya }, SPEAKER));
    await rememberRobert();
    order.takeRounds();

    // Act
    const answer = await skill.invoke(intentRequest(IntentNames.checkIn, { name: priya }, SPEAKER));

    // Assess
    expect(speechOf(answer)).toBe('Priya Raman has checked in.');
    expect(order.takeRounds().rounds).toBe(2);
    expect(await rememberedEmail()).toMatch(/^Priya Raman's email is /);
    const board = await skill.invoke(intentRequest(IntentNames.isIn, { name: priya }, SPEAKER));
    expect(speechOf(board)).toMatch(/^Yes, Priya Raman /);
  });

  it('remembers the one person "who checked out today" named in two rounds: the board, then remembering him', async () => {
    // Prepare: John Carter is the only one who left today.
    await skill.invoke(intentRequest(IntentNames.checkIn, { name: 'priya raman' }, SPEAKER));
    await skill.invoke(intentRequest(IntentNames.checkIn, { name: 'john carter' }, SPEAKER));
    await skill.invoke(intentRequest(IntentNames.checkOut, { name: 'john carter' }, SPEAKER));
    await rememberRobert();
    order.takeRounds();

    // Act
    const answer = await skill.invoke(intentRequest(IntentNames.whoLeftToday, {}, SPEAKER));

    // Assess
    expect(speechOf(answer)).toMatch(/^Checked out today: John Carter at /);
    expect(order.takeRounds().rounds).toBe(2);
    expect(await rememberedEmail()).toMatch(/^John Carter's email is /);
  });

  it('keeps what "check me in" read of a known voice, and writes the last contact only when it changed', async () => {
    // Prepare: the voice is remembered as Priya, and its last session was about Robert.
    const voice = 'amzn1.ask.person.PRIYA';
    const priya = { contactId: 'c007', firstName: 'Priya', fullName: 'Priya Raman' };
    await testStore.setup.send(
      new PutCommand({
        TableName: testStore.tables.users,
        Item: { id: voice, attributes: { identity: priya, lastContactId: 'c002' } },
      }),
    );
    await skill.invoke(intentRequest(IntentNames.checkOut, { name: 'priya raman' }, SPEAKER));
    order.takeRounds();
    const speakerCalls = () => order.takeRounds().tables.filter((table) => table.includes('users')).length;
    const stored = async () =>
      (
        await testStore.setup.send(
          new GetCommand({ TableName: testStore.tables.users, Key: { id: voice }, ConsistentRead: true }),
        )
      ).Item?.attributes;

    // Act
    const checkedIn = await skill.invoke(
      intentRequest(IntentNames.checkMeIn, {}, { newSession: true, personId: voice }),
    );
    const inCalls = speakerCalls();
    const checkedOut = await skill.invoke(
      intentRequest(IntentNames.checkMeOut, {}, { newSession: true, personId: voice }),
    );
    const outCalls = speakerCalls();

    // Assess: the read, and a write only the first time; who the voice is stays remembered.
    expect(speechOf(checkedIn)).toMatch(/checked in/i);
    expect(speechOf(checkedOut)).toMatch(/checked out/i);
    expect([inCalls, outCalls]).toEqual([2, 1]);
    expect(await stored()).toEqual({ identity: priya, lastContactId: 'c007' });
  });

  it('reads before it writes when a session ends by itself, which nobody waits for: no write when nothing changed', async () => {
    // Prepare: the speaker's last session was about Robert; this one was about him too, then Priya.
    await rememberRobert();
    order.takeRounds();
    const ended = (lastContactId: string) =>
      skill.invoke(
        sessionEndedRequest('EXCEEDED_MAX_REPROMPTS', {
          ...SPEAKER,
          newSession: false,
          attributes: { lastContactId },
        }),
      );
    const speakerCalls = () => order.takeRounds().tables.filter((table) => table.includes('users')).length;

    // Act
    await ended('c002');
    const unchanged = speakerCalls();
    await ended('c007');
    const changed = speakerCalls();

    // Assess: a read alone, then a read and a write; the next session carries on with Priya.
    expect([unchanged, changed]).toEqual([1, 2]);
    expect(await rememberedEmail()).toMatch(/^Priya Raman's email is /);
  });

  it('finishes remembering the person before it answers, also when the answer fails after the write started', async () => {
    // Prepare: a skill whose board write fails with a bug, and whose speaker writes answer late.
    const failingClient = testStore.skillClient();
    let speakerWrites = { started: 0, ended: 0 };
    failingClient.middlewareStack.add(
      (next, context) => async (args) => {
        const writesSpeaker =
          String((args.input as { TableName?: unknown }).TableName).includes('users') &&
          /^(Put|Update)ItemCommand$/.test(context.commandName ?? '');
        if (!writesSpeaker) return next(args);
        speakerWrites.started += 1;
        try {
          await new Promise((resolve) => setTimeout(resolve, 50));
          return await next(args);
        } finally {
          speakerWrites.ended += 1;
        }
      },
      { step: 'initialize', name: 'lateSpeakerWrites' },
    );
    const stores = storesOn(testStore, failingClient);
    const failing = buildSkill({
      config: skillConfigFor(testStore),
      stores: {
        ...stores,
        presence: Object.assign(Object.create(stores.presence) as typeof stores.presence, {
          putPresence: () => Promise.reject(new TypeError('a bug in the board write')),
        }),
      },
      events: new RecordingEventPublisher(),
      apiClient: new FakeAlexaApi(),
    });
    try {
      await skill.invoke(intentRequest(IntentNames.checkOut, { name: 'priya raman' }, SPEAKER));
      await rememberRobert();
      speakerWrites = { started: 0, ended: 0 };

      // Act
      const answer = await failing.invoke(
        intentRequest(IntentNames.checkIn, { name: 'priya raman' }, SPEAKER),
      );

      // Assess: an apology, and the write that remembers Priya had ended when it came.
      expect(speechOf(answer)).toMatch(/sorry/i);
      expect(speakerWrites).toEqual({ started: 1, ended: 1 });
      expect(await rememberedEmail()).toMatch(/^Priya Raman's email is /);
    } finally {
      failingClient.destroy();
    }
  });

  it('reads nobody\'s attributes for "check me in" from a voice Alexa does not know on a shared device: it asks who', async () => {
    // Prepare
    order.takeRounds();

    // Act
    const answer = await skill.invoke(intentRequest(IntentNames.checkMeIn, {}, UNRECOGNISED));

    // Assess
    expect(answer.response.shouldEndSession).toBe(false);
    expect(order.takeRounds().tables).toEqual([]);
  });

  it('remembers nobody for a voice Alexa does not know on a shared device: nothing written, and its next session asks who', async () => {
    // Prepare
    await rememberRobert();
    order.takeRounds();

    // Act
    const answer = await skill.invoke(intentRequest(IntentNames.isIn, { name: 'priya raman' }, UNRECOGNISED));
    const { rounds, tables } = order.takeRounds();
    const next = await skill.invoke(
      intentRequest(IntentNames.contactDetails, { detail: { value: 'email', ids: ['email'] } }, UNRECOGNISED),
    );

    // Assess
    expect(speechOf(answer)).toMatch(/^(Yes|No), Priya Raman /);
    // The name, then the board: nothing written for the speaker.
    expect(rounds).toBe(2);
    expect(tables.filter((table) => table.includes('users'))).toEqual([]);
    expect(speechOf(next)).toBe('Whose email would you like?');
    expect(order.takeRounds().tables.filter((table) => table.includes('users'))).toEqual([]);
  });

  it('searches the directory once for "Zed Quux is leaving" when nobody and no visitor has the name', async () => {
    // Prepare: the same name looked up, for the searches one lookup makes.
    await skill.invoke(intentRequest(IntentNames.contactDetails, { name: 'zed quux' }, SPEAKER));
    const directoryCalls = (tables: string[]) => tables.filter((table) => table.includes('directory')).length;
    const lookup = directoryCalls(order.takeRounds().tables);

    // Act
    const answer = await skill.invoke(intentRequest(IntentNames.checkOut, { name: 'zed quux' }, SPEAKER));

    // Assess: the lookup's searches, and one read of today's visitors (in the same table).
    expect(speechOf(answer)).toMatch(/zed quux/i);
    expect(directoryCalls(order.takeRounds().tables)).toBe(lookup + 1);
  });
});
