import { createHash } from 'node:crypto';
import type { slu } from 'ask-sdk-model';
import type { SlotType, SlotTypeValue } from './interaction-model';
import { phraseKey } from './tokens';

type Resolution = slu.entityresolution.Resolution;

/** A value of a custom slot type that what was said resolves to. */
export interface ResolvedValue {
  readonly id: string;
  readonly name: string;
}

/**
 * Entity resolution against custom slot types, the way Alexa reports it: a value or synonym that
 * matches gives ER_SUCCESS_MATCH with the value's name and id, every value sharing that synonym
 * included ("Jane Doe" is two people); anything else gives ER_SUCCESS_NO_MATCH. Dynamic entities
 * (Dialog.UpdateDynamicEntities) come first, under their own authority, as Alexa sends them.
 */
export class EntityResolver {
  private readonly staticIndex: ReadonlyMap<string, ReadonlyMap<string, ResolvedValue[]>>;

  public constructor(
    types: readonly SlotType[],
    private readonly skillId: string,
  ) {
    this.staticIndex = new Map(types.map((type) => [type.name, indexValues(type)]));
  }

  /** Whether the model defines this type's values (a custom type, or an extended built-in one). */
  public knows(typeName: string): boolean {
    return this.staticIndex.has(typeName);
  }

  /** The resolutions Alexa would send for `heard` in a slot of type `typeName`. */
  public resolve(typeName: string, heard: string, dynamicTypes: readonly SlotType[] = []): Resolution[] {
    const resolutions: Resolution[] = [];
    const dynamic = dynamicTypes.find((type) => type.name === typeName);
    if (dynamic) {
      resolutions.push(
        this.resolution(
          `amzn1.er-authority.echo-sdk.dynamic.${this.skillId}.${typeName}`,
          lookUp(indexValues(dynamic), heard),
        ),
      );
    }
    const index = this.staticIndex.get(typeName);
    if (index) {
      resolutions.push(
        this.resolution(`amzn1.er-authority.echo-sdk.${this.skillId}.${typeName}`, lookUp(index, heard)),
      );
    }
    return resolutions;
  }

  private resolution(authority: string, values: readonly ResolvedValue[]): Resolution {
    // Alexa leaves `values` out of a no-match, though the SDK's type says it is always there.
    if (values.length === 0) return { authority, status: { code: 'ER_SUCCESS_NO_MATCH' } } as Resolution;
    return {
      authority,
      status: { code: 'ER_SUCCESS_MATCH' },
      values: values.map((value) => ({ value: { name: value.name, id: value.id } })),
    };
  }
}

/** Whether any authority matched. */
export function isResolved(resolutions: readonly Resolution[]): boolean {
  return resolutions.some((resolution) => resolution.status.code === 'ER_SUCCESS_MATCH');
}

/** Alexa gives a value without an id a generated one; a stable hash stands in for it. */
function idOf(value: SlotTypeValue): string {
  return value.id ?? createHash('sha256').update(value.name.value).digest('hex').slice(0, 32);
}

function indexValues(type: SlotType): ReadonlyMap<string, ResolvedValue[]> {
  const index = new Map<string, ResolvedValue[]>();
  for (const value of type.values ?? []) {
    const resolved = { id: idOf(value), name: value.name.value };
    for (const phrase of [value.name.value, ...(value.name.synonyms ?? [])]) {
      const key = phraseKey(phrase);
      if (!key) continue;
      const entries = index.get(key) ?? [];
      if (!entries.some((entry) => entry.id === resolved.id)) entries.push(resolved);
      index.set(key, entries);
    }
  }
  return index;
}

/**
 * Looks `heard` up as said, ignoring case, accents and punctuation. A possessive is not stripped:
 * Alexa resolves "jane okafor's" (from "what's {name} {detail}") to nothing, so the skill must cope.
 */
function lookUp(index: ReadonlyMap<string, ResolvedValue[]>, heard: string): ResolvedValue[] {
  return index.get(phraseKey(heard)) ?? [];
}
