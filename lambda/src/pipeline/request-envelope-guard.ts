import type { RequestEnvelope } from 'ask-sdk-model';

/**
 * The one place a request envelope's shape is checked. Alexa sends well-formed envelopes, but a
 * Lambda can be invoked with anything, and a malformed envelope must get an answer, not a crash
 * deep in a handler. The guard returns a copy every handler can trust:
 * - `request` is an object with a non-empty string `type` (else there is nothing to answer);
 * - `context.System` is an object; ids are strings of a plausible length, or absent; the locale
 *   is a language tag or absent;
 * - `session` is an object with object `attributes`, or absent;
 * - a screen event's string arguments are cut to {@link MAX_ARGUMENT_LENGTH} characters;
 * - an intent request (or CanFulfillIntentRequest) has an intent with a name (else it becomes
 *   AMAZON.FallbackIntent) and an object of slots, each an object whose `value` is a string, cut
 *   to {@link MAX_SLOT_VALUE_LENGTH} characters without control characters, and whose entity
 *   resolutions are well-formed (ids longer than {@link MAX_RESOLVED_ID_LENGTH} are dropped).
 * Everything else is kept as it came, so handlers for other interfaces still see their fields.
 */

/**
 * What a slot value is cut to. Spoken names are a few words; a longer value cannot match anyone,
 * and a store key built from it must stay far below DynamoDB's 2,048-byte partition key limit.
 */
export const MAX_SLOT_VALUE_LENGTH = 200;
/** Entity ids are the directory's contact ids and slot value ids: short. */
export const MAX_RESOLVED_ID_LENGTH = 128;
/**
 * Alexa's user, person and device ids are a few hundred characters. A longer one is no Alexa id,
 * and as a store key (persistent attributes are keyed by it) it would break DynamoDB's 2,048-byte
 * key limit and be refused, which would sound like the store being down.
 */
export const MAX_ALEXA_ID_LENGTH = 1000;
/** What a screen event's string argument is cut to (at most 2,000 bytes of UTF-8 in a key). */
export const MAX_ARGUMENT_LENGTH = 500;

const FALLBACK_INTENT = 'AMAZON.FallbackIntent';
/** A BCP 47 tag as Alexa writes them ("en-US"); anything else ("__proto__") is no locale. */
const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A copy of `source` with only the listed string fields that are strings. */
function keepStrings(source: unknown, fields: readonly string[]): JsonObject {
  const copy: JsonObject = isObject(source) ? { ...source } : {};
  for (const field of fields) if (typeof copy[field] !== 'string') delete copy[field];
  return copy;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A spoken value as text: control characters become spaces, and it is cut at a word. */
export function cleanSlotValue(value: string): string {
  const clean = value.replace(CONTROL, ' ').replace(LONE_SURROGATE, '');
  if (clean.length <= MAX_SLOT_VALUE_LENGTH) return clean;
  const cut = clean.slice(0, MAX_SLOT_VALUE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return space > MAX_SLOT_VALUE_LENGTH / 2 ? cut.slice(0, space) : cut;
}

function guardResolutions(resolutions: unknown): JsonObject | undefined {
  if (!isObject(resolutions) || !Array.isArray(resolutions.resolutionsPerAuthority)) return undefined;
  const authorities = resolutions.resolutionsPerAuthority.flatMap((authority: unknown) => {
    if (!isObject(authority) || !isObject(authority.status)) return [];
    const code = stringOrUndefined(authority.status.code);
    if (code === undefined) return [];
    const values = Array.isArray(authority.values)
      ? authority.values.flatMap((entry: unknown) => {
          const value = isObject(entry) && isObject(entry.value) ? entry.value : undefined;
          const id = stringOrUndefined(value?.id);
          if (id === undefined || id.length === 0 || id.length > MAX_RESOLVED_ID_LENGTH) return [];
          const name = stringOrUndefined(value?.name);
          return [{ value: { id, name: name === undefined ? id : cleanSlotValue(name) } }];
        })
      : [];
    return [
      {
        ...(typeof authority.authority === 'string' ? { authority: authority.authority } : {}),
        status: { code },
        ...(values.length > 0 ? { values } : {}),
      },
    ];
  });
  return { resolutionsPerAuthority: authorities };
}

function guardSlot(name: string, slot: unknown): JsonObject | undefined {
  if (!isObject(slot)) return undefined;
  const guarded: JsonObject = { ...slot, name };
  const value = slot.value;
  if (typeof value === 'string') guarded.value = cleanSlotValue(value);
  else if (typeof value === 'number' && Number.isFinite(value)) guarded.value = String(value);
  else delete guarded.value;
  const resolutions = guardResolutions(slot.resolutions);
  if (resolutions) guarded.resolutions = resolutions;
  else delete guarded.resolutions;
  // The multi-value form repeats what `value` says; no handler reads it, and it is not checked here.
  delete guarded.slotValue;
  return guarded;
}

function guardIntent(intent: unknown): JsonObject {
  if (!isObject(intent) || typeof intent.name !== 'string' || intent.name.trim() === '') {
    return { name: FALLBACK_INTENT, confirmationStatus: 'NONE', slots: {} };
  }
  const slots: JsonObject = {};
  if (isObject(intent.slots)) {
    for (const [name, slot] of Object.entries(intent.slots)) {
      const guarded = guardSlot(name, slot);
      if (guarded) slots[name] = guarded;
    }
  }
  return { ...intent, slots };
}

/** Printable ASCII, as Alexa's ids are: so the length in characters is the length in bytes. */
const ASCII_ID = /^[\x21-\x7e]+$/;

function isAlexaId(value: unknown): boolean {
  return typeof value === 'string' && value.length <= MAX_ALEXA_ID_LENGTH && ASCII_ID.test(value);
}

/**
 * A screen event's arguments (APL `SendEvent`) are the skill's own values, such as a contact id;
 * a string longer than any of them is cut, so no store key made from it can break the key limit.
 */
function guardArguments(values: unknown): unknown {
  if (!Array.isArray(values)) return values;
  return values.map((value) => (typeof value === 'string' ? value.slice(0, MAX_ARGUMENT_LENGTH) : value));
}

function guardSystem(system: unknown): JsonObject {
  const guarded = keepStrings(system, ['apiEndpoint', 'apiAccessToken']);
  for (const [field, idField] of [
    ['application', 'applicationId'],
    ['user', 'userId'],
    ['person', 'personId'],
    ['device', 'deviceId'],
  ] as const) {
    const part = guarded[field];
    if (part !== undefined && !(isObject(part) && isAlexaId(part[idField]))) delete guarded[field];
  }
  return guarded;
}

function guardSession(session: unknown): JsonObject | undefined {
  if (!isObject(session)) return undefined;
  const guarded = keepStrings(session, ['sessionId']);
  guarded.new = session.new === true;
  guarded.attributes = isObject(session.attributes) ? session.attributes : {};
  for (const [field, idField] of [
    ['application', 'applicationId'],
    ['user', 'userId'],
  ] as const) {
    const part = guarded[field];
    if (part !== undefined && !(isObject(part) && isAlexaId(part[idField]))) delete guarded[field];
  }
  return guarded;
}

/**
 * A copy of `raw` that satisfies the shapes above, or undefined when it holds no request to
 * answer (not an object, or no request type).
 */
export function guardRequestEnvelope(raw: unknown): RequestEnvelope | undefined {
  if (!isObject(raw) || !isObject(raw.request)) return undefined;
  const type = raw.request.type;
  if (typeof type !== 'string' || type.trim() === '') return undefined;
  const copy = jsonCopy(raw);
  if (!copy) return undefined;
  const request = keepStrings(copy.request, ['type', 'requestId', 'timestamp', 'locale']);
  if (typeof request.locale === 'string' && !LOCALE.test(request.locale)) delete request.locale;
  if (type === 'IntentRequest' || type === 'CanFulfillIntentRequest') {
    request.intent = guardIntent(request.intent);
  }
  if (request.arguments !== undefined) request.arguments = guardArguments(request.arguments);
  const context = isObject(copy.context) ? copy.context : {};
  const session = guardSession(copy.session);
  const guarded: JsonObject = {
    ...copy,
    version: typeof copy.version === 'string' ? copy.version : '1.0',
    context: { ...context, System: guardSystem(context.System) },
    session,
    request,
  };
  if (!session) delete guarded.session;
  return guarded as unknown as RequestEnvelope;
}

/** A deep copy as JSON would carry it (what Alexa sends), or undefined when it is not JSON at all. */
function jsonCopy(raw: JsonObject): JsonObject | undefined {
  try {
    const copy: unknown = JSON.parse(JSON.stringify(raw));
    return isObject(copy) && isObject(copy.request) ? copy : undefined;
  } catch {
    return undefined;
  }
}
