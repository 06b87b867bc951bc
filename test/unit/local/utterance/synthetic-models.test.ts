import type { Intent } from 'ask-sdk-model';
import type { InteractionModel } from '../../../../local/utterance/interaction-model';
import { type Interpretation, UtteranceEngine } from '../../../../local/utterance/utterance-engine';

const SKILL_ID = 'amzn1.ask.skill.synthetic';
const WEDNESDAY = new Date(2025, 0, 15, 10, 0, 0);

/** A small office model: check-ins with a dialog, places, numbers and dates. */
const OFFICE: InteractionModel = {
  languageModel: {
    invocationName: 'office helper',
    intents: [
      {
        name: 'CheckInIntent',
        slots: [
          { name: 'person', type: 'PERSON', samples: ['it is {person}', 'for {person}'] },
          { name: 'day', type: 'AMAZON.DATE' },
        ],
        samples: ['check in {person}', 'check in {person} {day}', '{person} is here'],
      },
      {
        name: 'WhoIsInIntent',
        slots: [
          { name: 'state', type: 'AMAZON.US_STATE' },
          { name: 'city', type: 'AMAZON.US_CITY' },
        ],
        samples: ['who is in {state}', 'who is in {city}', 'who is based in {city}', "who's in"],
      },
      {
        name: 'CountIntent',
        slots: [{ name: 'count', type: 'AMAZON.NUMBER' }],
        samples: ['show {count} people'],
      },
      {
        name: 'RoomIntent',
        slots: [{ name: 'room', type: 'ROOM' }],
        samples: ['book {room}', 'book the {room} room'],
      },
      { name: 'AMAZON.YesIntent', samples: [] },
      { name: 'AMAZON.NoIntent', samples: [] },
      { name: 'AMAZON.StopIntent', samples: [] },
      { name: 'AMAZON.NextIntent', samples: [] },
    ],
    types: [
      {
        name: 'PERSON',
        values: [
          { id: 'p1', name: { value: 'Ada Lovelace', synonyms: ['Ada'] } },
          { id: 'p2', name: { value: 'Alan Turing', synonyms: ['Alan'] } },
        ],
      },
      {
        name: 'ROOM',
        values: [{ name: { value: 'blue' } }, { name: { value: 'green', synonyms: ['lime'] } }],
      },
    ],
  },
};

const engine = new UtteranceEngine(OFFICE, 'en-US', { skillId: SKILL_ID, clock: () => WEDNESDAY });

function intentOf(heard: Interpretation): Intent {
  if (heard.kind !== 'intent') throw new Error(`expected an intent, got ${heard.kind}`);
  return heard.intent;
}

function slotValueOf(heard: Interpretation, slot: string): string | undefined {
  return intentOf(heard).slots?.[slot]?.value;
}

describe('the utterance engine on small synthetic models', () => {
  it('reads only the model: a new intent works without a change to the engine', () => {
    // Act
    const heard = engine.interpret('book the blue room');

    // Assess
    expect(intentOf(heard).name).toBe('RoomIntent');
    expect(slotValueOf(heard, 'room')).toBe('blue');
  });

  it('gives a value without an id a stable generated id, as Alexa does', () => {
    // Act
    const first = intentOf(engine.interpret('book lime')).slots?.room?.resolutions
      ?.resolutionsPerAuthority?.[0];
    const second = intentOf(engine.interpret('book green')).slots?.room?.resolutions
      ?.resolutionsPerAuthority?.[0];

    // Assess
    expect(first?.values[0]?.value.name).toBe('green');
    expect(first?.values[0]?.value.id).toMatch(/^[0-9a-f]{32}$/);
    expect(second?.values[0]?.value.id).toBe(first?.values[0]?.value.id);
  });

  it('prefers literal words to a slot catching them: "who\'s in" is not a state', () => {
    expect(intentOf(engine.interpret("who's in")).name).toBe('WhoIsInIntent');
    expect(intentOf(engine.interpret("who's in")).slots?.state?.value).toBeUndefined();
  });

  it('puts a real state in the state slot and anything else in the city slot', () => {
    expect(intentOf(engine.interpret('who is in Texas')).slots?.state?.value).toBe('Texas');
    expect(intentOf(engine.interpret('who is in Austin')).slots?.city?.value).toBe('Austin');
    expect(intentOf(engine.interpret('who is in Austin')).slots?.state?.value).toBeUndefined();
  });

  it('passes US states and cities as heard, without entity resolution', () => {
    // Act
    const heard = intentOf(engine.interpret('who is in Texas'));

    // Assess
    expect(heard.slots?.state?.value).toBe('Texas');
    expect(heard.slots?.state?.resolutions).toBeUndefined();
    expect(slotValueOf(engine.interpret('who is based in San Antonio'), 'city')).toBe('San Antonio');
  });

  it('converts numbers and dates, and does not match words they cannot convert', () => {
    expect(slotValueOf(engine.interpret('show twenty five people'), 'count')).toBe('25');
    expect(slotValueOf(engine.interpret('check in Ada tomorrow'), 'day')).toBe('2025-01-16');
    expect(slotValueOf(engine.interpret('check in Ada on friday'), 'day')).toBe('2025-01-17');
    expect(engine.interpret('show many people').kind).toBe('nothing');
  });

  it('matches the standard phrases only of built-in intents the model declares', () => {
    expect(intentOf(engine.interpret('next')).name).toBe('AMAZON.NextIntent');
    expect(engine.interpret('help')).toEqual({
      kind: 'nothing',
      reason: 'No intent matches and the model has no AMAZON.FallbackIntent.',
    });
  });

  it('fills the elicited slot from a bare answer, keeping the slots already given', () => {
    // Prepare
    const asked: Intent = {
      name: 'CheckInIntent',
      confirmationStatus: 'NONE',
      slots: {
        person: { name: 'person', confirmationStatus: 'NONE' },
        day: { name: 'day', value: '2025-01-16', confirmationStatus: 'NONE' },
      },
    };

    // Act
    const heard = engine.interpret('Alan', { dialog: { kind: 'elicitSlot', intent: asked, slot: 'person' } });

    // Assess
    expect(heard).toMatchObject({ kind: 'intent', answered: 'elicitSlot' });
    expect(slotValueOf(heard, 'person')).toBe('Alan');
    expect(slotValueOf(heard, 'day')).toBe('2025-01-16');
    expect(
      intentOf(heard).slots?.person?.resolutions?.resolutionsPerAuthority?.[0]?.values[0]?.value.id,
    ).toBe('p2');
  });

  it("fills the elicited slot from the slot's own samples", () => {
    // Prepare
    const asked: Intent = { name: 'CheckInIntent', confirmationStatus: 'NONE', slots: {} };

    // Act
    const heard = engine.interpret('it is Ada', {
      dialog: { kind: 'elicitSlot', intent: asked, slot: 'person' },
    });

    // Assess
    expect(slotValueOf(heard, 'person')).toBe('Ada');
  });

  it('lets "stop" stop, even while a slot is being asked for', () => {
    // Prepare
    const asked: Intent = { name: 'CheckInIntent', confirmationStatus: 'NONE', slots: {} };

    // Act
    const heard = engine.interpret('stop', { dialog: { kind: 'elicitSlot', intent: asked, slot: 'person' } });

    // Assess
    expect(intentOf(heard).name).toBe('AMAZON.StopIntent');
  });

  it('sets the confirmation status from yes and no', () => {
    // Prepare
    const intent: Intent = {
      name: 'CheckInIntent',
      confirmationStatus: 'NONE',
      slots: { person: { name: 'person', value: 'Ada', confirmationStatus: 'NONE' } },
    };

    // Act
    const yes = engine.interpret('yes please', { dialog: { kind: 'confirmIntent', intent } });
    const no = engine.interpret('nope', { dialog: { kind: 'confirmSlot', intent, slot: 'person' } });

    // Assess
    expect(intentOf(yes)).toMatchObject({ name: 'CheckInIntent', confirmationStatus: 'CONFIRMED' });
    expect(intentOf(no).slots?.person?.confirmationStatus).toBe('DENIED');
    expect(intentOf(no).confirmationStatus).toBe('NONE');
  });

  it('resolves dynamic entities first, under their own authority', () => {
    // Prepare
    const dynamicEntities = [
      { name: 'PERSON', values: [{ id: 'guest-7', name: { value: 'Grace Hopper' } }] },
    ];

    // Act
    const heard = intentOf(engine.interpret('check in Grace Hopper', { dynamicEntities }));

    // Assess
    expect(heard.slots?.person?.resolutions?.resolutionsPerAuthority).toEqual([
      {
        authority: `amzn1.er-authority.echo-sdk.dynamic.${SKILL_ID}.PERSON`,
        status: { code: 'ER_SUCCESS_MATCH' },
        values: [{ value: { name: 'Grace Hopper', id: 'guest-7' } }],
      },
      {
        authority: `amzn1.er-authority.echo-sdk.${SKILL_ID}.PERSON`,
        status: { code: 'ER_SUCCESS_NO_MATCH' },
      },
    ]);
  });

  it('knows the invocation name from the model', () => {
    expect(engine.interpret('open office helper')).toEqual({ kind: 'launch' });
    expect(engine.interpret('open front desk').kind).not.toBe('launch');
  });
});
