import type { RequestEnvelope } from 'ask-sdk-model';

/**
 * Builds Alexa request envelopes shaped like the ones Alexa sends (see test/fixtures/requests/ for
 * recorded ones). Tests use these when they need a variation a fixture does not have.
 */

export const TEST_SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000';
export const TEST_USER_ID = 'amzn1.ask.account.TESTUSER';

export type SlotSpec =
  | string
  | {
      readonly value?: string;
      readonly ids?: readonly string[];
      readonly noMatch?: boolean;
      readonly names?: readonly string[];
    };

export interface EnvelopeOptions {
  readonly attributes?: Record<string, unknown>;
  readonly newSession?: boolean;
  readonly userId?: string;
  readonly personId?: string;
  readonly locale?: string;
  readonly timestamp?: string;
  readonly sessionId?: string;
  /**
   * The device: `screen` is an Echo Show (APL, runtime 2024.2), `oldScreen` a screen whose APL
   * runtime is older than Front Desk's documents; without it, a device with no screen.
   */
  readonly device?: 'screen' | 'oldScreen' | 'headless';
}

/** What an Echo Show lists in `supportedInterfaces`. */
export const SCREEN_DEVICE_INTERFACES = {
  'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.2' } },
} as const;

function supportedInterfaces(device: EnvelopeOptions['device']): Record<string, unknown> {
  if (device === 'screen') return structuredClone(SCREEN_DEVICE_INTERFACES);
  if (device === 'oldScreen') return { 'Alexa.Presentation.APL': { runtime: { maxVersion: '1.6' } } };
  return {};
}

let counter = 0;

function envelope(request: Record<string, unknown>, options: EnvelopeOptions): RequestEnvelope {
  counter += 1;
  const userId = options.userId ?? TEST_USER_ID;
  const application = { applicationId: TEST_SKILL_ID };
  return {
    version: '1.0',
    session: {
      new: options.newSession ?? false,
      sessionId: options.sessionId ?? 'amzn1.echo-api.session.test',
      application,
      attributes: options.attributes ?? {},
      user: { userId },
    },
    context: {
      System: {
        application,
        user: { userId },
        ...(options.personId ? { person: { personId: options.personId } } : {}),
        device: {
          deviceId: 'amzn1.ask.device.TESTDEVICE',
          supportedInterfaces: supportedInterfaces(options.device),
        },
        apiEndpoint: 'https://api.amazonalexa.com',
        apiAccessToken: 'test-token',
      },
    },
    request: {
      requestId: `amzn1.echo-api.request.test-${counter}`,
      timestamp: options.timestamp ?? new Date().toISOString(),
      locale: options.locale ?? 'en-US',
      ...request,
    },
  } as unknown as RequestEnvelope;
}

export function launchRequest(options: EnvelopeOptions = {}): RequestEnvelope {
  return envelope({ type: 'LaunchRequest' }, { newSession: true, ...options });
}

function slot(name: string, spec: SlotSpec): Record<string, unknown> {
  const { value, ids, noMatch, names } = typeof spec === 'string' ? { value: spec } : spec;
  const result: Record<string, unknown> = {
    name,
    confirmationStatus: 'NONE',
    ...(value !== undefined ? { value } : {}),
  };
  if (ids && ids.length > 0) {
    result.resolutions = {
      resolutionsPerAuthority: [
        {
          authority: `amzn1.er-authority.echo-sdk.${TEST_SKILL_ID}.SLOT_TYPE`,
          status: { code: 'ER_SUCCESS_MATCH' },
          values: ids.map((id, index) => ({ value: { name: names?.[index] ?? value ?? id, id } })),
        },
      ],
    };
  } else if (noMatch) {
    result.resolutions = {
      resolutionsPerAuthority: [
        {
          authority: `amzn1.er-authority.echo-sdk.${TEST_SKILL_ID}.SLOT_TYPE`,
          status: { code: 'ER_SUCCESS_NO_MATCH' },
        },
      ],
    };
  }
  return result;
}

export function intentRequest(
  name: string,
  slots: Record<string, SlotSpec> = {},
  options: EnvelopeOptions = {},
): RequestEnvelope {
  return envelope(
    {
      type: 'IntentRequest',
      dialogState: 'COMPLETED',
      intent: {
        name,
        confirmationStatus: 'NONE',
        slots: Object.fromEntries(
          Object.entries(slots).map(([slotName, spec]) => [slotName, slot(slotName, spec)]),
        ),
      },
    },
    options,
  );
}

export function sessionEndedRequest(reason: string, options: EnvelopeOptions = {}): RequestEnvelope {
  return envelope(
    {
      type: 'SessionEndedRequest',
      reason,
      ...(reason === 'ERROR' ? { error: { type: 'INVALID_RESPONSE', message: 'test' } } : {}),
    },
    options,
  );
}

/** A touch on an APL screen: `arguments` as the document's SendEvent sent them. */
export function userEventRequest(args: readonly unknown[], options: EnvelopeOptions = {}): RequestEnvelope {
  return envelope(
    {
      type: 'Alexa.Presentation.APL.UserEvent',
      token: 'frontDesk.list',
      arguments: [...args],
      source: { type: 'TouchWrapper', handler: 'Press', id: '' },
      components: {},
    },
    { device: 'screen', ...options },
  );
}
