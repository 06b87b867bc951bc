import type { Intent, Slot, slu } from 'ask-sdk-model';
import {
  BUILT_IN_INTENT_PHRASES,
  EXIT_PHRASES,
  FALLBACK_INTENT,
  NO_INTENT,
  YES_INTENT,
} from './built-in-intents';
import { fillBuiltInSlot } from './built-in-slot-types';
import { EntityResolver, isResolved } from './entity-resolution';
import {
  type InteractionModel,
  loadInteractionModel,
  type ModelIntent,
  type ModelSlot,
  type SlotType,
} from './interaction-model';
import { parseInvocation } from './invocation';
import { compileSample, matchPattern, type PatternMatch, type SamplePattern } from './sample-pattern';
import { phraseKey, type Token, textOf, tokenize } from './tokens';

type Resolution = slu.entityresolution.Resolution;

/** What the skill's last response asked for, which colours how the next utterance is heard. */
export type DialogExpectation =
  | { readonly kind: 'elicitSlot'; readonly intent: Intent; readonly slot: string }
  | { readonly kind: 'confirmSlot'; readonly intent: Intent; readonly slot: string }
  | { readonly kind: 'confirmIntent'; readonly intent: Intent };

export interface InterpretContext {
  readonly dialog?: DialogExpectation | undefined;
  /** Entities the skill added with Dialog.UpdateDynamicEntities in this session. */
  readonly dynamicEntities?: readonly SlotType[] | undefined;
}

/** Which sample matched, for testers wondering why Alexa heard what it heard. */
export interface MatchedSample {
  readonly sample: string;
  readonly origin: SamplePattern['origin'] | 'confirmation' | 'fallback';
}

export type Interpretation =
  /** "open front desk": a LaunchRequest on a new session. */
  | { readonly kind: 'launch' }
  /** An IntentRequest; `oneShot` when the skill was named ("ask front desk ..."), so a new session. */
  | {
      readonly kind: 'intent';
      readonly intent: Intent;
      readonly oneShot: boolean;
      readonly matched: MatchedSample;
      /** Set when the utterance answered the skill's elicitation or confirmation. */
      readonly answered?: DialogExpectation['kind'] | undefined;
    }
  /** "exit": Alexa closes the session and tells the skill with SessionEndedRequest. */
  | { readonly kind: 'exit' }
  /** Nothing to send: empty text, or no intent fits and the model has no AMAZON.FallbackIntent. */
  | { readonly kind: 'nothing'; readonly reason: string };

export interface UtteranceEngineOptions {
  /** The skill id that entity resolution authorities name. */
  readonly skillId: string;
  /** For AMAZON.DATE ("tomorrow"). Default: the system clock. */
  readonly clock?: () => Date;
}

interface FilledSlot {
  readonly name: string;
  readonly value: string;
  readonly resolutions: readonly Resolution[];
  /**
   * resolved: ER matched, or a built-in type converted or recognised it; unresolved: a custom value
   * ER did not match, or words a catalogue type does not know; heard: a built-in list type's words.
   */
  readonly quality: 'resolved' | 'unresolved' | 'heard';
}

interface Candidate {
  readonly pattern: SamplePattern;
  readonly order: number;
  readonly slots: readonly FilledSlot[];
  readonly literalWords: number;
  /** Literal words plus the words of resolved slots: how much of the utterance the match explains. */
  readonly explainedWords: number;
  readonly capturedWords: number;
  readonly exactWords: number;
  readonly unresolved: number;
  readonly resolved: number;
}

/**
 * Turns what a tester types into the intent and slots Alexa would send, from the skill's own
 * interaction model. Every sample of every intent is compiled into a pattern with slot captures;
 * the best match wins:
 * 1. fewest captures left unresolved (a custom slot whose words are no value or synonym),
 * 2. most words explained by literal words and resolved slots ("bob smith's | phone number", not
 *    "bob | smith's phone number"),
 * 3. most literal words matched,
 * 4. fewest words captured into slots, then fewest captures,
 * 5. most literal words spelt as typed ("what is" over "what's"), then the model's order.
 * A match with neither a literal word nor a resolved slot ("{name}" catching "order a pizza") is too
 * weak, as Alexa's out-of-domain detection would judge it: AMAZON.FallbackIntent gets the utterance.
 * New intents need no change here: the model is the only list.
 */
export class UtteranceEngine {
  private readonly patterns: readonly SamplePattern[];
  private readonly intents: ReadonlyMap<string, ModelIntent>;
  private readonly resolver: EntityResolver;
  private readonly clock: () => Date;

  public constructor(
    public readonly model: InteractionModel,
    public readonly locale: string,
    options: UtteranceEngineOptions,
  ) {
    const language = model.languageModel;
    this.intents = new Map(language.intents.map((intent) => [intent.name, intent]));
    this.resolver = new EntityResolver(language.types ?? [], options.skillId);
    this.clock = options.clock ?? (() => new Date());
    const patterns: SamplePattern[] = [];
    for (const intent of language.intents) {
      for (const sample of intent.samples ?? []) patterns.push(compileSample(intent.name, sample));
    }
    for (const intent of language.intents) {
      for (const phrase of BUILT_IN_INTENT_PHRASES[intent.name] ?? []) {
        patterns.push(compileSample(intent.name, phrase, 'built-in'));
      }
    }
    this.patterns = patterns;
  }

  /** The engine for one locale of a skill package (`skill-package/`). */
  public static forLocale(
    skillPackage: string,
    locale: string,
    options: UtteranceEngineOptions,
  ): UtteranceEngine {
    return new UtteranceEngine(loadInteractionModel(skillPackage, locale), locale, options);
  }

  public get invocationName(): string {
    return this.model.languageModel.invocationName;
  }

  /** The model's slots of an intent, in the model's order. */
  public slotsOf(intentName: string): readonly ModelSlot[] {
    return this.intents.get(intentName)?.slots ?? [];
  }

  public hasIntent(intentName: string): boolean {
    return this.intents.has(intentName);
  }

  /** What Alexa would make of `text`, given what the skill last asked for. */
  public interpret(text: string, context: InterpretContext = {}): Interpretation {
    const tokens = tokenize(text);
    if (tokens.length === 0) return { kind: 'nothing', reason: 'Nothing was said.' };
    const invocation = parseInvocation(tokens, this.invocationName);
    if (invocation?.kind === 'launch') return { kind: 'launch' };
    if (invocation?.kind === 'one-shot') {
      const readings = invocation.readings.map((reading) => this.understand(text, reading, context));
      const understood = readings.find(
        (reading) => reading.kind === 'intent' && reading.matched.origin !== 'fallback',
      );
      const chosen = understood ?? readings[0];
      if (chosen?.kind === 'intent') return { ...chosen, oneShot: true };
      return chosen ?? { kind: 'nothing', reason: 'Nothing followed the invocation name.' };
    }
    const key = tokens.map((token) => token.key).join(' ');
    if (EXIT_PHRASES.some((phrase) => phraseKey(phrase) === key)) return { kind: 'exit' };
    if (context.dialog) {
      const answer = this.answerDialog(text, tokens, context.dialog, context);
      if (answer) return answer;
    }
    return this.understand(text, tokens, context);
  }

  private understand(text: string, tokens: readonly Token[], context: InterpretContext): Interpretation {
    const best = this.rank(this.patterns, text, tokens, context).find((candidate) => !isWeak(candidate));
    if (best) {
      return {
        kind: 'intent',
        intent: this.intentOf(best.pattern.intent, best.slots),
        oneShot: false,
        matched: { sample: best.pattern.sample, origin: best.pattern.origin },
      };
    }
    if (!this.intents.has(FALLBACK_INTENT)) {
      return { kind: 'nothing', reason: 'No intent matches and the model has no AMAZON.FallbackIntent.' };
    }
    return {
      kind: 'intent',
      intent: this.intentOf(FALLBACK_INTENT, []),
      oneShot: false,
      matched: { sample: '', origin: 'fallback' },
    };
  }

  /**
   * The answer to Dialog.ElicitSlot, ConfirmSlot or ConfirmIntent. Yes and no confirm or deny; an
   * elicited slot is filled from the slot's own samples, the bare value, or the intent's samples.
   * A phrase that is all literal words ("help", "stop") still goes to its own intent, and an
   * utterance that plainly matches another intent while the elicited value resolves to nothing
   * switches intent, as Alexa allows.
   */
  private answerDialog(
    text: string,
    tokens: readonly Token[],
    dialog: DialogExpectation,
    context: InterpretContext,
  ): Interpretation | undefined {
    if (dialog.kind === 'confirmSlot' || dialog.kind === 'confirmIntent') {
      const answer = yesOrNo(tokens);
      if (!answer) return undefined;
      const status = answer === 'yes' ? 'CONFIRMED' : 'DENIED';
      const intent = structuredClone(dialog.intent);
      if (dialog.kind === 'confirmIntent') intent.confirmationStatus = status;
      else {
        const slot = intent.slots?.[dialog.slot];
        if (slot) slot.confirmationStatus = status;
      }
      return {
        kind: 'intent',
        intent,
        oneShot: false,
        matched: { sample: answer, origin: 'confirmation' },
        answered: dialog.kind,
      };
    }
    const general = this.rank(this.patterns, text, tokens, context).find((candidate) => !isWeak(candidate));
    if (general && general.slots.length === 0) return undefined;
    const intentName = dialog.intent.name;
    const modelSlot = this.slotsOf(intentName).find((slot) => slot.name === dialog.slot);
    const patterns = [
      ...(modelSlot?.samples ?? []).map((sample) => compileSample(intentName, sample, 'slot-sample')),
      compileSample(intentName, `{${dialog.slot}}`, 'slot-sample'),
      ...this.patterns.filter((pattern) => pattern.intent === intentName),
    ];
    const best = this.rank(patterns, text, tokens, context).find((candidate) =>
      candidate.slots.some((slot) => slot.name === dialog.slot),
    );
    if (!best) return undefined;
    const elicited = best.slots.find((slot) => slot.name === dialog.slot);
    if (general && general.pattern.intent !== intentName && elicited?.quality === 'unresolved') {
      if (general.unresolved === 0 && general.literalWords > 0) return undefined;
    }
    const intent = structuredClone(dialog.intent);
    const slots = { ...(intent.slots ?? {}) };
    for (const filled of best.slots) slots[filled.name] = slotOf(filled, 'NONE');
    intent.slots = slots;
    return {
      kind: 'intent',
      intent,
      oneShot: false,
      matched: { sample: best.pattern.sample, origin: best.pattern.origin },
      answered: 'elicitSlot',
    };
  }

  private rank(
    patterns: readonly SamplePattern[],
    text: string,
    tokens: readonly Token[],
    context: InterpretContext,
  ): Candidate[] {
    const candidates: Candidate[] = [];
    patterns.forEach((pattern, order) => {
      for (const match of matchPattern(pattern.parts, tokens)) {
        const candidate = this.candidate(pattern, order, match, text, tokens, context);
        if (candidate) candidates.push(candidate);
      }
    });
    return candidates.sort(
      (a, b) =>
        a.unresolved - b.unresolved ||
        b.explainedWords - a.explainedWords ||
        b.literalWords - a.literalWords ||
        a.capturedWords - b.capturedWords ||
        a.slots.length - b.slots.length ||
        b.exactWords - a.exactWords ||
        a.order - b.order,
    );
  }

  private candidate(
    pattern: SamplePattern,
    order: number,
    { captures, exactWords }: PatternMatch,
    text: string,
    tokens: readonly Token[],
    context: InterpretContext,
  ): Candidate | undefined {
    const slots: FilledSlot[] = [];
    let resolvedWords = 0;
    for (const capture of captures) {
      const filled = this.fill(pattern.intent, capture, text, tokens, context);
      if (!filled) return undefined;
      slots.push(filled);
      if (filled.quality === 'resolved') resolvedWords += capture.to - capture.from;
    }
    const capturedWords = captures.reduce((sum, capture) => sum + capture.to - capture.from, 0);
    return {
      pattern,
      order,
      slots,
      literalWords: tokens.length - capturedWords,
      explainedWords: tokens.length - capturedWords + resolvedWords,
      exactWords,
      capturedWords,
      unresolved: slots.filter((slot) => slot.quality === 'unresolved').length,
      resolved: slots.filter((slot) => slot.quality === 'resolved').length,
    };
  }

  /** Fills one slot, or refuses when a converting built-in type cannot read the words. */
  private fill(
    intentName: string,
    capture: PatternMatch['captures'][number],
    text: string,
    tokens: readonly Token[],
    context: InterpretContext,
  ): FilledSlot | undefined {
    const type = this.slotsOf(intentName).find((slot) => slot.name === capture.slot)?.type ?? '';
    // Alexa writes apostrophes straight, whatever the keyboard typed.
    const heard = textOf(text, tokens, capture.from, capture.to).replace(/[\u2018\u2019\u02bc`]/g, "'");
    const words = tokens.slice(capture.from, capture.to).map((token) => token.key);
    const dynamicTypes = context.dynamicEntities ?? [];
    const custom = this.resolver.knows(type) || dynamicTypes.some((dynamic) => dynamic.name === type);
    if (custom) {
      const resolutions = this.resolver.resolve(type, heard, dynamicTypes);
      if (isResolved(resolutions) || !type.startsWith('AMAZON.')) {
        const quality = isResolved(resolutions) ? 'resolved' : 'unresolved';
        return { name: capture.slot, value: heard, resolutions, quality };
      }
    }
    const builtIn = fillBuiltInSlot(type, words, heard, this.clock());
    if (builtIn.kind === 'refused') return undefined;
    const quality = {
      converted: 'resolved',
      recognised: 'resolved',
      unrecognised: 'unresolved',
      heard: 'heard',
    } as const;
    return { name: capture.slot, value: builtIn.value, resolutions: [], quality: quality[builtIn.kind] };
  }

  /** The intent as Alexa sends it: every slot of the model present, the filled ones with values. */
  private intentOf(intentName: string, filled: readonly FilledSlot[]): Intent {
    const modelSlots = this.slotsOf(intentName);
    const intent: Intent = { name: intentName, confirmationStatus: 'NONE' };
    if (modelSlots.length === 0) return intent;
    const slots: Record<string, Slot> = {};
    for (const modelSlot of modelSlots) {
      const value = filled.find((slot) => slot.name === modelSlot.name);
      slots[modelSlot.name] = value
        ? slotOf(value, 'NONE')
        : ({ name: modelSlot.name, confirmationStatus: 'NONE', source: 'USER' } as Slot);
    }
    intent.slots = slots;
    return intent;
  }
}

function isWeak(candidate: Candidate): boolean {
  return candidate.literalWords === 0 && candidate.resolved === 0;
}

function slotOf(filled: FilledSlot, confirmationStatus: Slot['confirmationStatus']): Slot {
  const resolutions =
    filled.resolutions.length > 0 ? { resolutionsPerAuthority: [...filled.resolutions] } : undefined;
  return {
    name: filled.name,
    value: filled.value,
    ...(resolutions ? { resolutions } : {}),
    confirmationStatus,
    source: 'USER',
    slotValue: { type: 'Simple', value: filled.value, ...(resolutions ? { resolutions } : {}) },
  } as Slot;
}

function yesOrNo(tokens: readonly Token[]): 'yes' | 'no' | undefined {
  const key = tokens.map((token) => token.key).join(' ');
  const says = (intent: string) =>
    (BUILT_IN_INTENT_PHRASES[intent] ?? []).some((phrase) => phraseKey(phrase) === key);
  if (says(YES_INTENT)) return 'yes';
  if (says(NO_INTENT)) return 'no';
  return undefined;
}
