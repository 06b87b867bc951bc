import { getLocale, getSlot, type HandlerInput } from 'ask-sdk-core';
import type { Slot } from 'ask-sdk-model';
import type { Random, Translator } from '../speech/i18n';
import { translatorFor } from '../speech/locales';

const TRANSLATOR = Symbol.for('frontDesk.translator');

/** The request's translator, made once per request. */
export function translatorOf(input: HandlerInput, random?: Random): Translator {
  const attributes = input.attributesManager.getRequestAttributes() as Record<string | symbol, unknown>;
  const cached = attributes[TRANSLATOR] as Translator | undefined;
  if (cached) return cached;
  let locale: string | undefined;
  try {
    locale = getLocale(input.requestEnvelope);
  } catch {
    locale = undefined;
  }
  const translator = translatorFor(locale, random);
  attributes[TRANSLATOR] = translator;
  return translator;
}

/** The slot's raw value as heard, trimmed, or undefined when empty. */
export function slotValue(input: HandlerInput, slotName: string): string | undefined {
  const slot = safeSlot(input, slotName);
  const value = typeof slot?.value === 'string' ? slot.value.trim() : '';
  return value.length > 0 ? value : undefined;
}

/** The ids entity resolution matched for a slot (custom and dynamic entities), in order. */
export function resolvedIds(input: HandlerInput, slotName: string): string[] {
  const slot = safeSlot(input, slotName);
  const ids: string[] = [];
  const authorities = slot?.resolutions?.resolutionsPerAuthority;
  if (!Array.isArray(authorities)) return ids;
  for (const authority of authorities) {
    if (authority?.status?.code !== 'ER_SUCCESS_MATCH' || !Array.isArray(authority.values)) continue;
    for (const entry of authority.values) {
      const id = entry?.value?.id;
      if (typeof id === 'string' && id.length > 0 && !ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

function safeSlot(input: HandlerInput, slotName: string): Slot | undefined {
  try {
    const slot = getSlot(input.requestEnvelope, slotName);
    return slot && typeof slot === 'object' ? slot : undefined;
  } catch {
    return undefined;
  }
}
