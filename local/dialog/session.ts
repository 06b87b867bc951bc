import path from 'node:path';
import type { dialog, Intent, IntentRequest, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { EndOfDayReport } from '../../lambda/src/services/end-of-day-service';
import type { SlotType } from '../utterance/interaction-model';
import {
  type AlexaIdentity,
  buildRequestEnvelope,
  type DeviceKind,
  interfacesOf,
  LOCAL_IDENTITY,
  newSessionId,
  type RequestBody,
} from '../utterance/request-envelope';
import { type DialogExpectation, type Interpretation, UtteranceEngine } from '../utterance/utterance-engine';
import { type DelegationStep, dialogIntentOf, isAutoDelegated, nextDelegationStep } from './delegation';
import { type ScreenView, screenView } from './screen-view';
import { type CardView, cardView, outputSpeechText } from './speech-text';

/** Runs the skill on one envelope: `buildSkill(...).invoke`, the same code as the Lambda. */
export type SkillInvoker = (envelope: RequestEnvelope) => Promise<ResponseEnvelope>;

export const DEFAULT_SKILL_PACKAGE = path.resolve(__dirname, '../../skill-package');
export const DEFAULT_LOCALE = 'en-US';

export interface DialogSessionOptions {
  readonly invoke: SkillInvoker;
  /** Default: this repository's `skill-package/`. */
  readonly skillPackage?: string;
  readonly locale?: string;
  /** Overrides parts of {@link LOCAL_IDENTITY}: the skill id must match `SKILL_ID` when that is set. */
  readonly identity?: Partial<AlexaIdentity>;
  readonly clock?: () => Date;
  /** Runs end of day on the skill's store, closing the office now (`.endofday`, the console's button). */
  readonly endOfDay?: () => Promise<EndOfDayReport>;
}

/** The voice the local tools speak with unless told otherwise: {@link LOCAL_IDENTITY}'s person. */
export const DEFAULT_SPEAKER = 'tester';

/**
 * The voice profile id a speaker name stands for ("Priya" is `amzn1.ask.person.LOCAL-PRIYA`), so
 * every tool that says "Priya" speaks with the same voice; the default speaker keeps
 * {@link LOCAL_IDENTITY}'s id, so what it remembered before stays remembered.
 */
export function personIdOfSpeaker(name: string): string {
  const key = name
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (!key) throw new TypeError('A speaker needs a name with a letter or digit in it');
  if (key === DEFAULT_SPEAKER.toUpperCase()) return LOCAL_IDENTITY.personId ?? 'amzn1.ask.person.LOCALTESTER';
  return `amzn1.ask.person.LOCAL-${key.slice(0, 40)}`;
}

/** One request to the skill and what it answered. */
export interface Exchange {
  readonly request: RequestEnvelope;
  readonly response: ResponseEnvelope;
}

/** What happened after the tester said something or sent an envelope. */
export interface Turn {
  /** What the tester typed; undefined for a raw envelope. */
  readonly said?: string | undefined;
  readonly interpretation?: Interpretation | undefined;
  /** Every request this turn sent; usually one, none when Alexa answered by itself. */
  readonly exchanges: readonly Exchange[];
  /** What Alexa says, SSML stripped: the skill's speech, or a dialog model prompt. */
  readonly speech: string;
  readonly reprompt: string;
  readonly card?: CardView | undefined;
  /** What a device with a screen shows (only when the session's device has one). */
  readonly screen?: ScreenView | undefined;
  readonly sessionOpen: boolean;
  /** Said by Alexa itself from the dialog model while it runs a delegated dialog. */
  readonly alexaPrompt?: string | undefined;
  /** Why nothing was sent, when nothing was. */
  readonly note?: string | undefined;
}

/** The session as a tester sees it. */
export interface SessionView {
  readonly locale: string;
  /** A device with a screen (APL) or without one. */
  readonly device: DeviceKind;
  readonly open: boolean;
  readonly sessionId: string | undefined;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** What the next utterance answers, for example "elicitSlot name of CheckInIntent". */
  readonly expecting: string | undefined;
  /** Who is speaking: a voice profile's name, or undefined for a voice Alexa does not recognise. */
  readonly speaker: string | undefined;
}

interface PendingDialog {
  readonly expectation: DialogExpectation;
  /** 'auto': Alexa runs the dialog and asks the skill only when it is complete. */
  readonly auto: boolean;
}

/** How many requests one utterance may cause (Delegate completing at once sends another). */
const MAX_EXCHANGES_PER_TURN = 5;

/**
 * A conversation with the skill, in process, as Alexa would hold it: typed text becomes request
 * envelopes through the {@link UtteranceEngine}; session attributes go back with each request;
 * a response that ends the session makes the next utterance start a new one; Dialog directives
 * shape how the next utterance is heard. The REPL, the test console and the tests share it.
 */
export class DialogSession {
  private engineValue: UtteranceEngine;
  private identity: AlexaIdentity;
  private readonly clock: () => Date;
  private readonly skillPackage: string;
  private open = false;
  private sessionId: string | undefined;
  private requestsInSession = 0;
  private attributes: Record<string, unknown> = {};
  private pending: PendingDialog | undefined;
  private dynamicEntities: SlotType[] = [];
  private last: Exchange | undefined;
  private speakerName: string | undefined = DEFAULT_SPEAKER;

  public constructor(private readonly options: DialogSessionOptions) {
    this.skillPackage = options.skillPackage ?? DEFAULT_SKILL_PACKAGE;
    this.identity = { ...LOCAL_IDENTITY, ...options.identity };
    this.clock = options.clock ?? (() => new Date());
    this.engineValue = this.engineFor(options.locale ?? DEFAULT_LOCALE);
  }

  public get engine(): UtteranceEngine {
    return this.engineValue;
  }

  public get lastRequest(): RequestEnvelope | undefined {
    return this.last?.request;
  }

  public get lastResponse(): ResponseEnvelope | undefined {
    return this.last?.response;
  }

  public get state(): SessionView {
    const expectation = this.pending?.expectation;
    let expecting: string | undefined;
    if (expectation) {
      const target =
        'slot' in expectation ? `${expectation.slot} of ${expectation.intent.name}` : expectation.intent.name;
      expecting = `${expectation.kind} ${target}`;
    }
    return {
      locale: this.engineValue.locale,
      device: Object.keys(this.identity.supportedInterfaces).length > 0 ? 'screen' : 'headless',
      open: this.open,
      sessionId: this.open ? this.sessionId : undefined,
      attributes: this.attributes,
      expecting,
      speaker: this.speakerName,
    };
  }

  /** Forgets the session, as if the device had gone quiet: the next utterance starts a new one. */
  public reset(): void {
    this.open = false;
    this.sessionId = undefined;
    this.requestsInSession = 0;
    this.attributes = {};
    this.pending = undefined;
    this.dynamicEntities = [];
  }

  /** Switches to another locale's interaction model, on a new session. */
  public setLocale(locale: string): void {
    this.engineValue = this.engineFor(locale);
    this.reset();
  }

  /**
   * Talks from now on as a device with a screen (an Echo Show: its requests list APL) or without
   * one. The session goes on: only `supportedInterfaces` changes.
   */
  public setDevice(device: DeviceKind): void {
    this.identity = { ...this.identity, supportedInterfaces: interfacesOf(device) };
  }

  /**
   * Speaks from now on as the voice profile `name` ("Priya"), or, with undefined, as a voice Alexa
   * does not recognise: the requests then carry only the account, as on a shared device. The
   * session goes on, as when someone else steps up to the same Echo.
   */
  public setSpeaker(name: string | undefined): void {
    const trimmed = name?.trim();
    this.identity = { ...this.identity, personId: trimmed ? personIdOfSpeaker(trimmed) : undefined };
    this.speakerName = trimmed || undefined;
  }

  /** Runs end of day now, on the skill's store; throws when these tools were given no way to. */
  public async runEndOfDay(): Promise<EndOfDayReport> {
    if (!this.options.endOfDay) throw new TypeError('End of day is not available here');
    return this.options.endOfDay();
  }

  /**
   * A touch on the screen the skill showed last: an `Alexa.Presentation.APL.UserEvent` with the
   * arguments its SendEvent carries (`['openContact', 'c002']`), in the current session.
   */
  public async touch(args: readonly unknown[], token?: string): Promise<Turn> {
    if (!this.open) this.startSession();
    this.pending = undefined;
    return this.exchange({}, [{ type: 'Alexa.Presentation.APL.UserEvent', arguments: args, token }]);
  }

  /** Says `text` to Alexa: interprets it, sends the request, and reads the answer. */
  public async say(text: string): Promise<Turn> {
    const interpretation = this.engineValue.interpret(text, {
      dialog: this.pending?.expectation,
      dynamicEntities: this.dynamicEntities,
    });
    const turn = { said: text, interpretation };
    switch (interpretation.kind) {
      case 'nothing':
        return this.quietTurn(turn, interpretation.reason);
      case 'exit':
        if (!this.open) return this.quietTurn(turn, 'No session is open.');
        return this.exchange(turn, [{ type: 'SessionEndedRequest', reason: 'USER_INITIATED' }]);
      case 'launch':
        this.startSession();
        return this.exchange(turn, [{ type: 'LaunchRequest' }]);
      case 'intent': {
        const answered = interpretation.answered ? this.pending : undefined;
        if (interpretation.oneShot || !this.open) this.startSession();
        this.pending = undefined;
        const intent = interpretation.intent;
        if (answered?.auto || (!answered && isAutoDelegated(this.engineValue.model, intent.name))) {
          const step = nextDelegationStep(this.engineValue.model, intent);
          if (step.kind !== 'complete') return this.alexaAsks(turn, step, true);
          return this.exchange(turn, [
            { type: 'IntentRequest', intent: step.intent, dialogState: 'COMPLETED' },
          ]);
        }
        const dialogState = answered
          ? 'IN_PROGRESS'
          : dialogIntentOf(this.engineValue.model, intent.name)
            ? 'STARTED'
            : undefined;
        return this.exchange(turn, [{ type: 'IntentRequest', intent, dialogState }]);
      }
    }
  }

  /**
   * Sends an envelope exactly as given (pasted into the console, say) and carries on from the
   * skill's answer: its session becomes this session.
   */
  public async send(envelope: RequestEnvelope): Promise<Turn> {
    if (envelope.session) {
      this.sessionId = envelope.session.sessionId;
      this.requestsInSession = envelope.session.new ? 0 : Math.max(1, this.requestsInSession);
      this.open = true;
    }
    this.pending = undefined;
    return this.exchange({}, [envelope]);
  }

  private engineFor(locale: string): UtteranceEngine {
    return UtteranceEngine.forLocale(this.skillPackage, locale, {
      skillId: this.identity.skillId,
      clock: this.clock,
    });
  }

  private startSession(): void {
    this.reset();
    this.open = true;
    this.sessionId = newSessionId();
  }

  private envelopeOf(body: RequestBody): RequestEnvelope {
    return buildRequestEnvelope({
      identity: this.identity,
      session: {
        sessionId: this.sessionId ?? newSessionId(),
        isNew: this.requestsInSession === 0,
        attributes: this.attributes,
      },
      locale: this.engineValue.locale,
      body,
      now: this.clock(),
    });
  }

  private quietTurn(turn: Partial<Turn>, note: string): Turn {
    return { ...turn, exchanges: [], speech: '', reprompt: '', sessionOpen: this.open, note };
  }

  /** Alexa speaks a dialog model prompt itself and waits for the answer. */
  private alexaAsks(
    turn: Partial<Turn>,
    step: Exclude<DelegationStep, { kind: 'complete' }>,
    auto: boolean,
  ): Turn {
    this.pending = { expectation: expectationOf(step), auto };
    return {
      ...turn,
      exchanges: turn.exchanges ?? [],
      speech: step.prompt,
      reprompt: step.prompt,
      sessionOpen: true,
      alexaPrompt: step.prompt,
    };
  }

  private async exchange(
    turn: Partial<Turn>,
    first: readonly (RequestBody | RequestEnvelope)[],
  ): Promise<Turn> {
    const exchanges: Exchange[] = [];
    let next: RequestBody | RequestEnvelope | undefined = first[0];
    while (next && exchanges.length < MAX_EXCHANGES_PER_TURN) {
      const request = 'version' in next ? next : this.envelopeOf(next);
      const response = await this.options.invoke(request);
      this.requestsInSession += 1;
      const exchange = { request, response };
      exchanges.push(exchange);
      this.last = exchange;
      next = undefined;
      const outcome = this.afterResponse(request, response);
      if (outcome?.kind === 'complete') {
        next = { type: 'IntentRequest', intent: outcome.intent, dialogState: 'COMPLETED' };
      } else if (outcome) {
        const asked = this.alexaAsks({ ...turn, exchanges }, outcome, false);
        const said = outputSpeechText(response.response.outputSpeech);
        return { ...asked, speech: [said, asked.speech].filter(Boolean).join(' '), card: cardView(response) };
      }
    }
    const response = exchanges.at(-1)?.response;
    return {
      ...turn,
      exchanges,
      speech: outputSpeechText(response?.response.outputSpeech),
      reprompt: outputSpeechText(response?.response.reprompt?.outputSpeech),
      card: cardView(response),
      screen: screenView(response),
      sessionOpen: this.open,
    };
  }

  /** Carries the session on from a response; gives the delegation step a Dialog.Delegate asks for. */
  private afterResponse(request: RequestEnvelope, response: ResponseEnvelope): DelegationStep | undefined {
    this.attributes = { ...((response.sessionAttributes as Record<string, unknown> | undefined) ?? {}) };
    const directives = response.response.directives ?? [];
    for (const directive of directives) {
      if (directive.type !== 'Dialog.UpdateDynamicEntities') continue;
      const update = directive as dialog.DynamicEntitiesDirective;
      this.dynamicEntities =
        update.updateBehavior === 'CLEAR' ? [] : ((update.types ?? []) as unknown as SlotType[]);
    }
    const dialogDirective = directives.find(
      (directive) =>
        directive.type.startsWith('Dialog.') && directive.type !== 'Dialog.UpdateDynamicEntities',
    );
    const ends = response.response.shouldEndSession;
    this.open =
      request.request.type !== 'SessionEndedRequest' &&
      (ends === false || ((ends === undefined || ends === null) && dialogDirective !== undefined));
    if (!this.open) {
      this.reset();
      return undefined;
    }
    if (!dialogDirective) return undefined;
    const requestIntent =
      request.request.type === 'IntentRequest' ? (request.request as IntentRequest).intent : undefined;
    const withIntent = dialogDirective as { updatedIntent?: Intent };
    const intent = withIntent.updatedIntent ?? requestIntent;
    if (!intent) return undefined;
    switch (dialogDirective.type) {
      case 'Dialog.ElicitSlot':
        this.pending = {
          expectation: {
            kind: 'elicitSlot',
            intent,
            slot: (dialogDirective as dialog.ElicitSlotDirective).slotToElicit,
          },
          auto: false,
        };
        return undefined;
      case 'Dialog.ConfirmSlot':
        this.pending = {
          expectation: {
            kind: 'confirmSlot',
            intent,
            slot: (dialogDirective as dialog.ConfirmSlotDirective).slotToConfirm,
          },
          auto: false,
        };
        return undefined;
      case 'Dialog.ConfirmIntent':
        this.pending = { expectation: { kind: 'confirmIntent', intent }, auto: false };
        return undefined;
      case 'Dialog.Delegate':
        return nextDelegationStep(this.engineValue.model, intent);
      default:
        return undefined;
    }
  }
}

function expectationOf(step: Exclude<DelegationStep, { kind: 'complete' }>): DialogExpectation {
  if (step.kind === 'confirmIntent') return { kind: 'confirmIntent', intent: step.intent };
  return { kind: step.kind, intent: step.intent, slot: step.slot };
}
