import { randomUUID } from 'node:crypto';
import type { DialogState, Intent, RequestEnvelope, SessionEndedReason } from 'ask-sdk-model';

/** Who is asking, and on what device: what Alexa puts in `session` and `context.System`. */
export interface AlexaIdentity {
  readonly skillId: string;
  readonly userId: string;
  /** A recognised voice profile; omitted when undefined, as for an unrecognised speaker. */
  readonly personId?: string | undefined;
  readonly deviceId: string;
  /** `{}` for an Echo without a screen. */
  readonly supportedInterfaces: Readonly<Record<string, unknown>>;
  readonly apiEndpoint: string;
  readonly apiAccessToken: string;
}

/** The identity the local tools use unless told otherwise: one tester at an Echo without a screen. */
export const LOCAL_IDENTITY: AlexaIdentity = {
  skillId: 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000',
  userId: 'amzn1.ask.account.LOCALTESTER',
  personId: 'amzn1.ask.person.LOCALTESTER',
  deviceId: 'amzn1.ask.device.LOCALCONSOLE',
  supportedInterfaces: {},
  apiEndpoint: 'https://api.amazonalexa.com',
  apiAccessToken: 'local-console-api-access-token',
};

/** The devices the local tools can pretend to be. */
export type DeviceKind = 'headless' | 'screen';

/** What an Echo Show lists in `supportedInterfaces`: APL, with its runtime's version. */
export const SCREEN_DEVICE_INTERFACES: Readonly<Record<string, unknown>> = {
  'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.2' } },
};

/** The `supportedInterfaces` of a device kind. */
export function interfacesOf(device: DeviceKind): Readonly<Record<string, unknown>> {
  return device === 'screen' ? SCREEN_DEVICE_INTERFACES : {};
}

export interface SessionSnapshot {
  readonly sessionId: string;
  readonly isNew: boolean;
  readonly attributes: Readonly<Record<string, unknown>>;
}

export type RequestBody =
  | { readonly type: 'LaunchRequest' }
  | {
      readonly type: 'IntentRequest';
      readonly intent: Intent;
      readonly dialogState?: DialogState | undefined;
    }
  | { readonly type: 'SessionEndedRequest'; readonly reason: SessionEndedReason }
  | {
      /** A touch on the screen: what the document's SendEvent sent. */
      readonly type: 'Alexa.Presentation.APL.UserEvent';
      readonly arguments: readonly unknown[];
      readonly token?: string | undefined;
    };

export interface EnvelopeParts {
  readonly identity: AlexaIdentity;
  readonly session: SessionSnapshot;
  readonly locale: string;
  readonly body: RequestBody;
  readonly now: Date;
  readonly requestId?: string;
}

export function newSessionId(): string {
  return `amzn1.echo-api.session.${randomUUID()}`;
}

export function newRequestId(): string {
  return `amzn1.echo-api.request.${randomUUID()}`;
}

/** Alexa's timestamps have whole seconds: 2025-01-15T14:30:00Z. */
export function alexaTimestamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A request envelope laid out as Alexa sends it (see test/fixtures/requests/ for recorded ones). */
export function buildRequestEnvelope(parts: EnvelopeParts): RequestEnvelope {
  const { identity, session, body } = parts;
  const application = { applicationId: identity.skillId };
  const user = { userId: identity.userId };
  const common = {
    requestId: parts.requestId ?? newRequestId(),
    timestamp: alexaTimestamp(parts.now),
    locale: parts.locale,
  };
  let request: Record<string, unknown>;
  if (body.type === 'LaunchRequest') {
    request = { type: 'LaunchRequest', ...common, shouldLinkResultBeReturned: false };
  } else if (body.type === 'IntentRequest') {
    request = {
      type: 'IntentRequest',
      ...common,
      ...(body.dialogState ? { dialogState: body.dialogState } : {}),
      intent: body.intent,
    };
  } else if (body.type === 'Alexa.Presentation.APL.UserEvent') {
    request = {
      type: body.type,
      ...common,
      ...(body.token ? { token: body.token } : {}),
      arguments: [...body.arguments],
      source: { type: 'TouchWrapper', handler: 'Press', id: '' },
      components: {},
    };
  } else {
    request = { type: 'SessionEndedRequest', ...common, reason: body.reason };
  }
  return {
    version: '1.0',
    session: {
      new: session.isNew,
      sessionId: session.sessionId,
      application,
      attributes: structuredClone(session.attributes) as Record<string, unknown>,
      user,
    },
    context: {
      System: {
        application,
        user,
        ...(identity.personId ? { person: { personId: identity.personId } } : {}),
        device: {
          deviceId: identity.deviceId,
          supportedInterfaces: structuredClone(identity.supportedInterfaces),
        },
        apiEndpoint: identity.apiEndpoint,
        apiAccessToken: identity.apiAccessToken,
      },
    },
    request,
  } as unknown as RequestEnvelope;
}
