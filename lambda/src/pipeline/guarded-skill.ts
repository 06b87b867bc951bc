import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { FrontDeskError } from '../errors';
import type { Logger } from '../logger';
import { apologyCauseOf, type Metrics } from '../metrics';
import {
  lambdaFieldsOf,
  type RequestScope,
  runInRequestScope,
  type StoreTime,
  settleKeptWork,
  takeColdStart,
} from '../request-scope';
import type { Random } from '../speech/i18n';
import { translatorFor } from '../speech/locales';
import { Ssml, speakDocument } from '../speech/ssml';
import { describeRequest } from './interceptors';
import { guardRequestEnvelope } from './request-envelope-guard';
import { applyResponseRules, isSilentRequestType } from './response-rules';

/** A request addressed to another skill: refused, the one request `invoke` does not answer. */
export class SkillIdMismatchError extends FrontDeskError {
  public constructor() {
    super('The request is addressed to another skill');
    this.name = 'SkillIdMismatchError';
  }
}

export interface GuardOptions {
  /** When set, requests for any other skill are refused with {@link SkillIdMismatchError}. */
  readonly skillId?: string | undefined;
  readonly logger: Logger;
  /** Counts every request, and the apology said when even the error handler failed. */
  readonly metrics: Metrics;
  readonly random?: Random | undefined;
  /** How long all the store calls of one request may take together, in milliseconds. */
  readonly storeBudgetMs: number;
  /** Milliseconds since the epoch; `Date.now` unless given. */
  readonly now?: () => number;
}

function applicationIdOf(raw: unknown): unknown {
  const envelope = raw as {
    context?: { System?: { application?: { applicationId?: unknown } } };
    session?: { application?: { applicationId?: unknown } };
  } | null;
  return (
    envelope?.context?.System?.application?.applicationId ?? envelope?.session?.application?.applicationId
  );
}

/** The apology said when even the error handler failed: built without ASK, from fixed parts. */
function lastResortResponse(request: RequestEnvelope, random: Random | undefined): ResponseEnvelope {
  const type = (request.request as { type?: string }).type;
  if (isSilentRequestType(type)) return { version: '1.0', response: {} };
  let speech = 'Sorry, something went wrong on my side. Please try again.';
  let reprompt = 'What would you like to do?';
  try {
    const t = translatorFor(request.request.locale, random);
    speech = Ssml.join([t.speak('error.generic'), t.speak('error.tryAgain')]).ssml;
    reprompt = t.speak('error.reprompt').ssml;
  } catch {
    // The fixed English sentences above stand.
  }
  const attributes = request.session ? { ...(request.session.attributes ?? {}) } : undefined;
  // The question the code failed on is not asked again.
  if (attributes) delete attributes.pending;
  return {
    version: '1.0',
    response: {
      outputSpeech: { type: 'SSML', ssml: speakDocument(speech) },
      reprompt: { outputSpeech: { type: 'SSML', ssml: speakDocument(reprompt) } },
      shouldEndSession: false,
    },
    ...(attributes ? { sessionAttributes: attributes } : {}),
  };
}

/** What Lambda, the local server, the tools and the tests invoke. */
export interface FrontDeskSkill {
  invoke(envelope: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope>;
}

/**
 * The ASK skill behind a guard: whatever the envelope, `invoke` resolves to a response Alexa
 * accepts (or refuses a request for another skill). It wraps ASK's `invoke` and nothing else of
 * ASK's skill. In order:
 * 1. the envelope's shape is checked and repaired (`guardRequestEnvelope`); an envelope with no
 *    request type gets an empty response;
 * 2. the request runs in its own scope: every log line carries its id, type and intent, and its
 *    store calls share one time budget;
 * 3. ASK answers it; if anything escapes ASK (the error handler failing included), a fixed apology;
 *    work the answer started without awaiting it (`keepUntilAnswered`) settles before it is returned;
 * 4. `applyResponseRules` has the last word on speech, reprompts and Alexa's limits.
 */
export function guardSkill(skill: Pick<Skill, 'invoke'>, guard: GuardOptions): FrontDeskSkill {
  const now = guard.now ?? Date.now;
  return {
    invoke: async (raw, context) => {
      if (guard.skillId !== undefined && applicationIdOf(raw) !== guard.skillId) {
        throw new SkillIdMismatchError();
      }
      const request = guardRequestEnvelope(raw);
      if (!request) {
        guard.logger.warn('Request without a request type; answered with an empty response');
        return { version: '1.0', response: {} };
      }
      const coldStart = takeColdStart();
      const fields = describeRequest(request);
      const storeTime: StoreTime = { calls: 0, milliseconds: 0 };
      const scope: RequestScope = {
        // Alexa's request id and Lambda's invocation id, so a skill line joins Lambda's own lines.
        logFields: { ...fields, ...lambdaFieldsOf(context, coldStart) },
        storeDeadline: now() + guard.storeBudgetMs,
        storeTime,
        unsettled: [],
      };
      return runInRequestScope(scope, async () => {
        let response: ResponseEnvelope;
        try {
          response = await skill.invoke(request, context);
        } catch (error) {
          guard.logger.error('Request failed outside the error handler', {
            error: { name: (error as Error)?.name, message: (error as Error)?.message },
          });
          response = lastResortResponse(request, guard.random);
          if (response.response.outputSpeech) guard.metrics.apology(apologyCauseOf(error).reason);
        }
        await settleKeptWork(scope);
        guard.metrics.request({
          intent: fields.intent,
          requestType: fields.requestType,
          coldStart,
          storeTime,
        });
        return applyResponseRules(request, response, guard.random);
      });
    },
  };
}
