import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Directive, IntentRequest, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { DialogSession } from '../../../../local/dialog/session';
import { UtteranceEngineError } from '../../../../local/utterance/errors';
import type { InteractionModel } from '../../../../local/utterance/interaction-model';

/** A skill package with a dialog model: visitors sign in, with a host Alexa asks for and confirms. */
const VISITORS: InteractionModel = {
  languageModel: {
    invocationName: 'visitor desk',
    intents: [
      {
        name: 'SignInIntent',
        slots: [
          { name: 'visitor', type: 'AMAZON.Person' },
          { name: 'host', type: 'HOST', samples: ['to see {host}'] },
        ],
        samples: ['sign in {visitor}', 'sign in {visitor} to see {host}'],
      },
      {
        name: 'BadgeIntent',
        slots: [{ name: 'colour', type: 'COLOUR' }],
        samples: ['print a {colour} badge', 'print a badge'],
      },
      { name: 'AMAZON.HelpIntent', samples: [] },
      { name: 'AMAZON.YesIntent', samples: [] },
      { name: 'AMAZON.NoIntent', samples: [] },
      { name: 'AMAZON.StopIntent', samples: [] },
      { name: 'AMAZON.FallbackIntent', samples: [] },
    ],
    types: [
      { name: 'HOST', values: [{ id: 'h1', name: { value: 'Ada Lovelace', synonyms: ['Ada'] } }] },
      { name: 'COLOUR', values: [{ id: 'red', name: { value: 'red' } }] },
    ],
  },
  dialog: {
    intents: [
      {
        name: 'SignInIntent',
        confirmationRequired: true,
        prompts: { confirmation: 'Confirm.Intent' },
        slots: [
          { name: 'visitor', type: 'AMAZON.Person', elicitationRequired: false },
          { name: 'host', type: 'HOST', elicitationRequired: true, prompts: { elicitation: 'Elicit.Host' } },
        ],
      },
      {
        name: 'BadgeIntent',
        delegationStrategy: 'ALWAYS',
        slots: [
          {
            name: 'colour',
            type: 'COLOUR',
            elicitationRequired: true,
            prompts: { elicitation: 'Elicit.Colour' },
          },
        ],
      },
    ],
  },
  prompts: [
    { id: 'Elicit.Host', variations: [{ type: 'PlainText', value: 'Who is {visitor} here to see?' }] },
    {
      id: 'Confirm.Intent',
      variations: [{ type: 'SSML', value: '<speak>Sign in {visitor} to see {host}?</speak>' }],
    },
    { id: 'Elicit.Colour', variations: [{ type: 'PlainText', value: 'Which colour?' }] },
  ],
};

type Reply = Partial<ResponseEnvelope['response']> & { sessionAttributes?: Record<string, unknown> };

/** A skill that answers from a script and records what it was sent. */
class ScriptedSkill {
  public readonly requests: RequestEnvelope[] = [];
  private readonly replies: Reply[] = [];

  public answer(...replies: Reply[]): this {
    this.replies.push(...replies);
    return this;
  }

  public readonly invoke = async (envelope: RequestEnvelope): Promise<ResponseEnvelope> => {
    this.requests.push(structuredClone(envelope));
    const { sessionAttributes, ...response } = this.replies.shift() ?? { shouldEndSession: true };
    return { version: '1.0', response, ...(sessionAttributes ? { sessionAttributes } : {}) };
  };

  public intentRequest(index: number): IntentRequest {
    return this.requests.at(index)?.request as IntentRequest;
  }
}

const ask = (text: string): Reply => ({
  outputSpeech: { type: 'SSML', ssml: `<speak>${text}</speak>` },
  reprompt: { outputSpeech: { type: 'SSML', ssml: `<speak>${text}</speak>` } },
  shouldEndSession: false,
});

const directive = (value: Record<string, unknown>): Reply => ({
  directives: [value as unknown as Directive],
});

describe('the dialog session', () => {
  let skillPackage: string;
  let skill: ScriptedSkill;
  let session: DialogSession;

  beforeEach(() => {
    skillPackage = mkdtempSync(path.join(tmpdir(), 'front-desk-session-'));
    const folder = path.join(skillPackage, 'interactionModels', 'custom');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'en-US.json'), JSON.stringify({ interactionModel: VISITORS }));
    skill = new ScriptedSkill();
    session = new DialogSession({ invoke: skill.invoke, skillPackage });
  });

  afterEach(() => rmSync(skillPackage, { recursive: true, force: true }));

  it('carries the session attributes the skill returned into the next request of the same session', async () => {
    // Prepare
    skill.answer({ ...ask('Welcome. What now?'), sessionAttributes: { visits: 1 } }, ask('Here to help.'));

    // Act
    const first = await session.say('open visitor desk');
    await session.say('help');

    // Assess
    const [launch, help] = skill.requests;
    expect(first.speech).toBe('Welcome. What now?');
    expect(launch?.session?.new).toBe(true);
    expect(help?.session?.new).toBe(false);
    expect(help?.session?.sessionId).toBe(launch?.session?.sessionId);
    expect(help?.session?.attributes).toEqual({ visits: 1 });
    expect(session.state).toMatchObject({ open: true, attributes: {} });
  });

  it('starts a new session after a response that ended the last one', async () => {
    // Prepare
    skill.answer(
      { ...ask('Welcome.'), sessionAttributes: { visits: 1 } },
      { shouldEndSession: true },
      ask('Help.'),
    );

    // Act
    await session.say('open visitor desk');
    const stopped = await session.say('stop');
    await session.say('help');

    // Assess
    expect(stopped.sessionOpen).toBe(false);
    const help = skill.requests[2];
    expect(help?.session?.new).toBe(true);
    expect(help?.session?.attributes).toEqual({});
    expect(help?.session?.sessionId).not.toBe(skill.requests[0]?.session?.sessionId);
  });

  it('fills the slot the skill elicited, on the same intent, in progress', async () => {
    // Prepare
    skill.answer(
      {
        outputSpeech: { type: 'PlainText', text: 'Who are you here to see?' },
        ...directive({
          type: 'Dialog.ElicitSlot',
          slotToElicit: 'host',
          updatedIntent: {
            name: 'SignInIntent',
            confirmationStatus: 'NONE',
            slots: {
              visitor: { name: 'visitor', value: 'Grace', confirmationStatus: 'NONE' },
              host: { name: 'host', confirmationStatus: 'NONE' },
            },
          },
        }),
      },
      ask('Signed in.'),
    );

    // Act
    const question = await session.say('sign in Grace');
    await session.say('Ada');

    // Assess
    expect(question).toMatchObject({ speech: 'Who are you here to see?', sessionOpen: true });
    expect(skill.intentRequest(0).dialogState).toBe('STARTED');
    const answer = skill.intentRequest(1);
    expect(answer.dialogState).toBe('IN_PROGRESS');
    expect(answer.intent.name).toBe('SignInIntent');
    expect(answer.intent.slots?.visitor?.value).toBe('Grace');
    expect(answer.intent.slots?.host?.value).toBe('Ada');
    expect(answer.intent.slots?.host?.resolutions?.resolutionsPerAuthority?.[0]?.values[0]?.value.id).toBe(
      'h1',
    );
  });

  it('turns yes into a confirmed intent after Dialog.ConfirmIntent', async () => {
    // Prepare
    skill.answer(
      {
        outputSpeech: { type: 'PlainText', text: 'Sign in Grace?' },
        ...directive({ type: 'Dialog.ConfirmIntent' }),
      },
      ask('Done.'),
    );

    // Act
    await session.say('sign in Grace to see Ada');
    await session.say('yes');

    // Assess
    expect(skill.intentRequest(1).intent).toMatchObject({
      name: 'SignInIntent',
      confirmationStatus: 'CONFIRMED',
    });
    expect(skill.intentRequest(1).intent.slots?.visitor?.value).toBe('Grace');
  });

  it('follows Dialog.Delegate through the dialog model: prompts, the answer, the confirmation, then COMPLETED', async () => {
    // Prepare
    const delegate = directive({ type: 'Dialog.Delegate' });
    skill.answer(delegate, delegate, delegate, ask('Grace is signed in.'));

    // Act
    const prompt = await session.say('sign in Grace');
    const expecting = session.state.expecting;
    const confirmation = await session.say('to see Ada');
    const done = await session.say('yes');

    // Assess
    expect(prompt).toMatchObject({
      speech: 'Who is Grace here to see?',
      alexaPrompt: 'Who is Grace here to see?',
    });
    expect(expecting).toBe('elicitSlot host of SignInIntent');
    expect(confirmation.speech).toBe('Sign in Grace to see Ada?');
    expect(done.speech).toBe('Grace is signed in.');
    expect(done.exchanges).toHaveLength(2);
    expect(skill.requests.map((request) => (request.request as IntentRequest).dialogState)).toEqual([
      'STARTED',
      'IN_PROGRESS',
      'IN_PROGRESS',
      'COMPLETED',
    ]);
    expect(skill.intentRequest(3).intent.confirmationStatus).toBe('CONFIRMED');
    expect(skill.intentRequest(3).intent.slots?.host?.value).toBe('Ada');
  });

  it('runs an auto-delegated dialog without the skill until it is complete', async () => {
    // Prepare
    skill.answer(ask('Printing a red badge.'));

    // Act
    const prompt = await session.say('print a badge');
    const done = await session.say('red');

    // Assess
    expect(prompt.speech).toBe('Which colour?');
    expect(prompt.exchanges).toHaveLength(0);
    expect(done.speech).toBe('Printing a red badge.');
    expect(skill.requests).toHaveLength(1);
    expect(skill.intentRequest(0)).toMatchObject({ dialogState: 'COMPLETED' });
    expect(skill.intentRequest(0).intent.slots?.colour?.value).toBe('red');
  });

  it('tells the skill the user said "exit", and closes the session', async () => {
    // Prepare
    skill.answer(ask('Welcome.'), {});

    // Act
    await session.say('open visitor desk');
    const turn = await session.say('exit');

    // Assess
    expect(skill.requests[1]?.request).toMatchObject({
      type: 'SessionEndedRequest',
      reason: 'USER_INITIATED',
    });
    expect(turn.sessionOpen).toBe(false);
  });

  it('starts a new session for a one-shot, even with a session open', async () => {
    // Prepare
    skill.answer(ask('Welcome.'), ask('Help.'));

    // Act
    await session.say('open visitor desk');
    await session.say('ask visitor desk for help');

    // Assess
    expect(skill.requests[1]?.session?.new).toBe(true);
    expect(skill.requests[1]?.session?.sessionId).not.toBe(skill.requests[0]?.session?.sessionId);
  });

  it('sends a raw envelope exactly as given, and carries on from its answer', async () => {
    // Prepare
    skill.answer({ ...ask('Raw.'), sessionAttributes: { from: 'raw' } }, ask('Help.'));
    const raw = {
      version: '1.0',
      session: {
        new: true,
        sessionId: 'amzn1.echo-api.session.raw',
        application: { applicationId: 'x' },
        user: { userId: 'u' },
      },
      context: {
        System: {
          application: { applicationId: 'x' },
          user: { userId: 'u' },
          apiEndpoint: 'https://api.amazonalexa.com',
        },
      },
      request: { type: 'LaunchRequest', requestId: 'r1', timestamp: '2025-01-15T14:30:00Z', locale: 'en-US' },
    } as unknown as RequestEnvelope;

    // Act
    const turn = await session.send(raw);
    await session.say('help');

    // Assess
    expect(skill.requests[0]).toEqual(raw);
    expect(turn.speech).toBe('Raw.');
    expect(skill.requests[1]?.session).toMatchObject({
      new: false,
      sessionId: 'amzn1.echo-api.session.raw',
      attributes: { from: 'raw' },
    });
  });

  it('forgets the session on reset', async () => {
    // Prepare
    skill.answer({ ...ask('Welcome.'), sessionAttributes: { visits: 1 } }, ask('Help.'));

    // Act
    await session.say('open visitor desk');
    session.reset();
    await session.say('help');

    // Assess
    expect(session.state.open).toBe(true);
    expect(skill.requests[1]?.session).toMatchObject({ new: true, attributes: {} });
  });

  it('resolves against the dynamic entities the skill set for the session', async () => {
    // Prepare
    skill.answer(
      {
        ...ask('Who?'),
        directives: [
          {
            type: 'Dialog.UpdateDynamicEntities',
            updateBehavior: 'REPLACE',
            types: [{ name: 'HOST', values: [{ id: 'guest-host', name: { value: 'Grace Hopper' } }] }],
          } as unknown as Directive,
        ],
      },
      ask('OK.'),
    );

    // Act
    await session.say('open visitor desk');
    await session.say('sign in Alan to see Grace Hopper');

    // Assess
    const authorities = skill.intentRequest(1).intent.slots?.host?.resolutions?.resolutionsPerAuthority ?? [];
    expect(authorities.map((authority) => authority.status.code)).toEqual([
      'ER_SUCCESS_MATCH',
      'ER_SUCCESS_NO_MATCH',
    ]);
  });

  it('sends nothing when nothing was said, and says why', async () => {
    // Act
    const turn = await session.say('   ');

    // Assess
    expect(turn.exchanges).toHaveLength(0);
    expect(turn.note).toBe('Nothing was said.');
    expect(skill.requests).toHaveLength(0);
  });

  it('refuses a locale without an interaction model, naming the ones there are', () => {
    expect(() => session.setLocale('de-DE')).toThrow(UtteranceEngineError);
    expect(() => session.setLocale('de-DE')).toThrow(/models: en-US/);
  });
});
