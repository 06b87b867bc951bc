import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { readFixture } from './fixtures';
import { loadLanguageModel, type ModelIntent, type SlotType } from './skill-package';

/**
 * Request envelopes for fuzzing, derived from the recorded ones in `test/fixtures/requests/` and
 * the real interaction model: a real shape, then one to four mutations (a field set to a hostile
 * value or a wrong type, a key dropped, another request type, a random intent with random slots,
 * an entity-resolution status Alexa can send, broken slots or session). Every draw is a plain
 * description (`FuzzCase`), so fast-check can shrink a failure to the smallest one.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const REQUESTS = path.resolve(__dirname, '../fixtures/requests');

/** Every recorded envelope, by file name. */
export const FIXTURE_NAMES: readonly string[] = readdirSync(REQUESTS)
  .filter((name) => name.endsWith('.json'))
  .sort();

/** Strings that have broken skills: markup, entities, control characters, lone surrogates, sizes. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '<speak>hello</speak>',
  '</speak><audio src="https://example.com/a.mp3"/><speak>',
  ']]>',
  '<![CDATA[x]]>',
  '&',
  '&amp;',
  '&#x0;',
  'Barnes & Noble <b>',
  '"quoted" \'single\'',
  '\u0000\u0001\u0007\u001b[31m\u001f',
  'line\nbreak\r\ttab',
  '\ud800 lone surrogate',
  '\u202e right to left \u2028\u2029',
  'Zoë Ångström Ñúñez 李小龍 🙂',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
  'jane.doe@acme.example.com',
  '+1 (512) 555-0100',
  'amzn1.ask.account.FUZZ',
  'x'.repeat(100 * 1024),
  'jane doe '.repeat(2000),
  '<'.repeat(5000),
];

export const REQUEST_TYPES: readonly string[] = [
  'LaunchRequest',
  'IntentRequest',
  'SessionEndedRequest',
  'SessionResumedRequest',
  'CanFulfillIntentRequest',
  'System.ExceptionEncountered',
  'Alexa.Presentation.APL.UserEvent',
  'Alexa.Presentation.APL.RuntimeError',
  'Display.ElementSelected',
  'Messaging.MessageReceived',
  'AudioPlayer.PlaybackStarted',
  'AudioPlayer.PlaybackFinished',
  'AudioPlayer.PlaybackNearlyFinished',
  'AudioPlayer.PlaybackStopped',
  'AudioPlayer.PlaybackFailed',
  'PlaybackController.PlayCommandIssued',
  'Connections.Response',
  'AlexaSkillEvent.SkillEnabled',
  'Dialog.API.Invoked',
  'NoSuchRequest',
  '',
];

export const ER_CODES: readonly string[] = [
  'ER_SUCCESS_MATCH',
  'ER_SUCCESS_NO_MATCH',
  'ER_ERROR_TIMEOUT',
  'ER_ERROR_EXCEPTION',
  'ER_NO_SUCH_CODE',
];

const MODEL = loadLanguageModel('en-US');
const INTENTS: readonly ModelIntent[] = MODEL.intents;
const TYPES = new Map<string, SlotType>((MODEL.types ?? []).map((type) => [type.name, type]));
/** Values of the built-in slot types the model uses, as Alexa would fill them. */
const BUILT_IN_VALUES: Readonly<Record<string, readonly string[]>> = {
  'AMAZON.Ordinal': ['1', '2', '3', '4', '0', '99', 'first'],
  'AMAZON.US_CITY': ['Austin', 'Seattle', 'New York', 'Round Rock', 'Springfield'],
  'AMAZON.US_STATE': ['Texas', 'TX', 'Washington', 'California', 'Puerto Rico'],
  // Visitor names: whatever speech recognition heard, including what no name is.
  'AMAZON.Person': [
    'Sam Carter',
    'Sam Carter from Wayne Enterprises',
    'Bartholomew '.repeat(17),
    '😀🎉',
    '<speak>Sam</speak> & Co',
    '  ',
    'Jane Doe',
  ],
};

/** A value Alexa could put in a slot of `typeName`: a name or synonym of the type, or a built-in's. */
function slotValuesOf(typeName: string): { spoken: string[]; ids: string[] } {
  const type = TYPES.get(typeName);
  if (!type) return { spoken: [...(BUILT_IN_VALUES[typeName] ?? ['something'])], ids: [] };
  return {
    spoken: type.values.flatMap((value) => [value.name.value, ...(value.name.synonyms ?? [])]),
    ids: type.values.map((value) => value.id ?? value.name.value),
  };
}

/** The JSON value a mutation puts somewhere: a hostile string, a wrong type, or nothing useful. */
export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom<Json>(0, -1, 1.5, Number.MAX_SAFE_INTEGER, true, false, null) },
  { weight: 1, arbitrary: fc.constantFrom<Json>([], {}, [null], ['a', 1], { type: 'x' }, { value: 1 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.constantFrom('type', 'name', 'value', 'id', 'slots', 'x'), fc.string(), {
      maxKeys: 3,
    }),
  },
);

/** One change to an envelope. Paths are picked by index among the paths the envelope has then. */
export type Mutation =
  | { readonly kind: 'set'; readonly at: number; readonly value: Json }
  | { readonly kind: 'drop'; readonly at: number }
  | { readonly kind: 'requestType'; readonly type: string }
  | {
      readonly kind: 'intent';
      readonly intent: number;
      readonly slots: readonly { readonly slot: number; readonly value: number; readonly code: number }[];
      readonly hostile?: string | undefined;
    }
  | { readonly kind: 'unknownIntent'; readonly name: string }
  | { readonly kind: 'slotsShape'; readonly value: Json }
  | { readonly kind: 'slotValue'; readonly value: Json }
  | { readonly kind: 'resolution'; readonly code: string; readonly keepValues: boolean }
  | { readonly kind: 'session'; readonly value: Json }
  | { readonly kind: 'locale'; readonly locale: string }
  | { readonly kind: 'attributes'; readonly snapshot: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: hostileValue }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('requestType' as const),
      type: fc.constantFrom(...REQUEST_TYPES),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        kind: fc.constant('intent' as const),
        intent: fc.nat(),
        slots: fc.array(fc.record({ slot: fc.nat(), value: fc.nat(), code: fc.nat() }), { maxLength: 3 }),
        hostile: fc.option(fc.constantFrom(...HOSTILE_STRINGS), { nil: undefined }),
      },
      { requiredKeys: ['kind', 'intent', 'slots'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('unknownIntent' as const),
      name: fc.constantFrom(
        'NoSuchIntent',
        'AMAZON.PauseIntent',
        'AMAZON.ScrollDownIntent',
        '',
        'x'.repeat(500),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('slotsShape' as const), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('slotValue' as const), value: hostileValue }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('resolution' as const),
      code: fc.constantFrom(...ER_CODES),
      keepValues: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('session' as const), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('attributes' as const), snapshot: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('locale' as const),
      locale: fc.constantFrom(
        'en-US',
        'en-GB',
        'en-CA',
        'en-AU',
        'en-IN',
        'de-DE',
        'fr-FR',
        'ja-JP',
        'EN-us',
        '__proto__',
      ),
    }),
  },
);

/** A fixture, the session attributes of a real conversation (by index), and the mutations. */
export interface FuzzCase {
  readonly fixture: string;
  readonly mutations: readonly Mutation[];
}

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
  fixture: fc.constantFrom(...FIXTURE_NAMES),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
});

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every path in a JSON tree (objects and arrays), the root excluded, in document order. */
function pathsOf(value: Json, prefix: readonly (string | number)[] = []): (string | number)[][] {
  const paths: (string | number)[][] = [];
  const children: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : isObject(value)
      ? Object.entries(value)
      : [];
  for (const [key, child] of children) {
    const here = [...prefix, key];
    paths.push(here);
    paths.push(...pathsOf(child, here));
  }
  return paths;
}

function parentOf(
  root: JsonObject,
  at: readonly (string | number)[],
): { parent: Json; key: string | number } {
  let parent: Json = root;
  for (const key of at.slice(0, -1)) {
    parent = (Array.isArray(parent) ? parent[key as number] : isObject(parent) ? parent[key] : null) ?? null;
  }
  return { parent, key: at[at.length - 1] as string | number };
}

function setAt(root: JsonObject, at: readonly (string | number)[], value: Json | undefined): void {
  const { parent, key } = parentOf(root, at);
  if (Array.isArray(parent) && typeof key === 'number') {
    if (value === undefined) parent.splice(key, 1);
    else parent[key] = value;
  } else if (isObject(parent)) {
    if (value === undefined) delete parent[key];
    else parent[key] = value;
  }
}

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

function requestOf(envelope: JsonObject): JsonObject | undefined {
  return isObject(envelope.request) ? envelope.request : undefined;
}

function slotsOf(envelope: JsonObject): JsonObject | undefined {
  const intent = requestOf(envelope)?.intent;
  return isObject(intent) && isObject(intent.slots) ? intent.slots : undefined;
}

function slotJson(name: string, value: string, code: string, id: string | undefined): JsonObject {
  const resolutions: JsonObject = {
    resolutionsPerAuthority: [
      {
        authority: `amzn1.er-authority.echo-sdk.amzn1.ask.skill.fuzz.${name}`,
        status: { code },
        ...(code === 'ER_SUCCESS_MATCH' && id ? { values: [{ value: { name: value, id } }] } : {}),
      },
    ],
  };
  return { name, value, confirmationStatus: 'NONE', source: 'USER', resolutions };
}

export interface FuzzContext {
  /** Session attributes taken from real conversations (a "which one?" pending, a list page...). */
  readonly snapshots: readonly Record<string, unknown>[];
}

export interface FuzzedEnvelope {
  readonly envelope: JsonObject;
  /** Whether a mutation changed the session attributes themselves (not only replaced them). */
  readonly attributesMutated: boolean;
}

function applyMutation(envelope: JsonObject, change: Mutation, context: FuzzContext): boolean {
  const request = requestOf(envelope);
  switch (change.kind) {
    case 'set':
    case 'drop': {
      const at = pick(pathsOf(envelope), change.at);
      if (!at) return false;
      setAt(envelope, at, change.kind === 'set' ? structuredClone(change.value) : undefined);
      return at[0] === 'session' && at[1] === 'attributes' && at.length > 2;
    }
    case 'requestType':
      if (request) request.type = change.type;
      else envelope.request = { type: change.type, requestId: 'amzn1.echo-api.request.fuzz' };
      return false;
    case 'intent': {
      const intent = pick(INTENTS, change.intent);
      if (!intent) return false;
      const slots: JsonObject = {};
      for (const choice of change.slots) {
        const slot = pick(intent.slots ?? [], choice.slot);
        if (!slot) continue;
        const values = slotValuesOf(slot.type);
        const spoken = change.hostile ?? pick(values.spoken, choice.value) ?? '';
        const code = pick(ER_CODES, choice.code) ?? 'ER_SUCCESS_NO_MATCH';
        slots[slot.name] = slotJson(slot.name, spoken, code, pick(values.ids, choice.value));
      }
      envelope.request = {
        ...(request ?? {}),
        type: request?.type === 'CanFulfillIntentRequest' ? 'CanFulfillIntentRequest' : 'IntentRequest',
        intent: { name: intent.name, confirmationStatus: 'NONE', slots },
      };
      return false;
    }
    case 'unknownIntent':
      envelope.request = {
        ...(request ?? {}),
        type: 'IntentRequest',
        intent: { name: change.name, confirmationStatus: 'NONE', slots: {} },
      };
      return false;
    case 'slotsShape': {
      const intent = request?.intent;
      if (isObject(intent)) intent.slots = structuredClone(change.value);
      return false;
    }
    case 'slotValue':
      for (const slot of Object.values(slotsOf(envelope) ?? {})) {
        if (isObject(slot)) slot.value = structuredClone(change.value);
      }
      return false;
    case 'resolution':
      for (const slot of Object.values(slotsOf(envelope) ?? {})) {
        if (!isObject(slot)) continue;
        slot.resolutions = {
          resolutionsPerAuthority: [
            {
              authority: 'amzn1.er-authority.echo-sdk.fuzz',
              status: { code: change.code },
              ...(change.keepValues ? { values: [{ value: { name: 'Jane Doe', id: 'c001' } }] } : {}),
            },
          ],
        };
      }
      return false;
    case 'session':
      envelope.session = structuredClone(change.value);
      return false;
    case 'locale':
      if (request) request.locale = change.locale;
      return false;
    case 'attributes': {
      const snapshot = pick(context.snapshots, change.snapshot);
      if (snapshot && isObject(envelope.session)) {
        envelope.session.attributes = structuredClone(snapshot) as JsonObject;
        envelope.session.new = false;
      }
      return false;
    }
  }
}

const fixtures = new Map<string, JsonObject>();

/** The envelope a case describes: a copy of its fixture with the mutations applied in order. */
export function envelopeOf(fuzz: FuzzCase, context: FuzzContext): FuzzedEnvelope {
  let fixture = fixtures.get(fuzz.fixture);
  if (!fixture) {
    fixture = readFixture(fuzz.fixture) as unknown as JsonObject;
    fixtures.set(fuzz.fixture, fixture);
  }
  const envelope = structuredClone(fixture);
  let attributesMutated = false;
  for (const change of fuzz.mutations) {
    attributesMutated = applyMutation(envelope, change, context) || attributesMutated;
  }
  return { envelope, attributesMutated };
}

/** Describes a case in a line, for failure messages: the fixture and the mutation kinds. */
export function describeCase(fuzz: FuzzCase): string {
  return `${fuzz.fixture}: ${fuzz.mutations.map((change) => change.kind).join(', ')}`;
}
