import type { Intent } from 'ask-sdk-model';
import type { DialogIntent, InteractionModel } from '../utterance/interaction-model';
import { ssmlToText } from './speech-text';

/**
 * What Alexa does next in a delegated dialog (Dialog.Delegate, or a dialog model with
 * auto-delegation): ask for the first required slot still empty, confirm what must be confirmed,
 * or hand the completed intent to the skill.
 */
export type DelegationStep =
  | { readonly kind: 'elicitSlot'; readonly slot: string; readonly prompt: string; readonly intent: Intent }
  | { readonly kind: 'confirmSlot'; readonly slot: string; readonly prompt: string; readonly intent: Intent }
  | { readonly kind: 'confirmIntent'; readonly prompt: string; readonly intent: Intent }
  | { readonly kind: 'complete'; readonly intent: Intent };

export function dialogIntentOf(model: InteractionModel, intentName: string): DialogIntent | undefined {
  return model.dialog?.intents?.find((intent) => intent.name === intentName);
}

/** Whether Alexa runs this intent's dialog without asking the skill (delegation strategy ALWAYS). */
export function isAutoDelegated(model: InteractionModel, intentName: string): boolean {
  const dialogIntent = dialogIntentOf(model, intentName);
  if (!dialogIntent) return false;
  return (dialogIntent.delegationStrategy ?? model.dialog?.delegationStrategy) === 'ALWAYS';
}

/** The prompt's first variation, slot references filled in, as plain text. */
export function promptText(model: InteractionModel, promptId: string | undefined, intent: Intent): string {
  const variation = model.prompts?.find((prompt) => prompt.id === promptId)?.variations[0];
  if (!variation) return '';
  const filled = variation.value.replace(
    /\{([^{}]+)\}/g,
    (_, slot: string) => intent.slots?.[slot]?.value ?? '',
  );
  return variation.type === 'SSML' ? ssmlToText(filled) : filled;
}

export function nextDelegationStep(model: InteractionModel, requested: Intent): DelegationStep {
  const intent = structuredClone(requested);
  const dialogIntent = dialogIntentOf(model, intent.name);
  if (!dialogIntent || intent.confirmationStatus === 'DENIED') return { kind: 'complete', intent };
  const slots = intent.slots ?? {};
  for (const slot of dialogIntent.slots ?? []) {
    const current = slots[slot.name];
    // A denied value is asked for again.
    if (current?.confirmationStatus === 'DENIED') {
      slots[slot.name] = { name: slot.name, confirmationStatus: 'NONE' };
    }
    if (slot.elicitationRequired && !slots[slot.name]?.value) {
      intent.slots = slots;
      return {
        kind: 'elicitSlot',
        slot: slot.name,
        prompt: promptText(model, slot.prompts?.elicitation, intent),
        intent,
      };
    }
  }
  for (const slot of dialogIntent.slots ?? []) {
    const current = slots[slot.name];
    if (slot.confirmationRequired && current?.value && current.confirmationStatus === 'NONE') {
      intent.slots = slots;
      return {
        kind: 'confirmSlot',
        slot: slot.name,
        prompt: promptText(model, slot.prompts?.confirmation, intent),
        intent,
      };
    }
  }
  if (dialogIntent.confirmationRequired && intent.confirmationStatus === 'NONE') {
    return {
      kind: 'confirmIntent',
      prompt: promptText(model, dialogIntent.prompts?.confirmation, intent),
      intent,
    };
  }
  return { kind: 'complete', intent };
}
