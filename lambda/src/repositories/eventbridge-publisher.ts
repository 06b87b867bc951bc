import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { EVENT_SOURCE, type FrontDeskEvent } from '../domain/events';
import { FrontDeskError } from '../errors';
import type { EventPublisher } from '../services/ports';
import { SETTINGS_THE_SDK_WOULD_LOOK_UP, whereToConnect } from './dynamodb-client';

/** An event was not accepted by EventBridge (the call failed, or the entry was refused). */
export class EventPublishError extends FrontDeskError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventPublishError';
  }
}

/** How long a PutEvents may take before the answer goes on without it (the visitor is waiting). */
export const PUT_EVENTS_TIMEOUT_MS = 1500;

export interface EventBridgeClientOptions {
  /** An EventBridge-compatible endpoint (local and tests); AWS's own when unset. */
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
}

/** The EventBridge client the publisher sends with: one attempt, and a bounded wait. */
export function createEventBridgeClient(options: EventBridgeClientOptions = {}): EventBridgeClient {
  return new EventBridgeClient({
    ...SETTINGS_THE_SDK_WOULD_LOOK_UP,
    ...whereToConnect(options),
    // A retry would keep the visitor waiting; a failure is counted and spoken about instead.
    maxAttempts: 1,
    requestHandler: { requestTimeout: PUT_EVENTS_TIMEOUT_MS, connectionTimeout: PUT_EVENTS_TIMEOUT_MS },
  });
}

/**
 * Publishes each accepted change as one `PutEvents` entry on the configured bus: `Source`
 * `front-desk`, `DetailType` the event's type, `Detail` its detail as JSON (DESIGN.md,
 * "Events"). A refused entry is an error like a failed call: the caller counts it.
 */
export class EventBridgePublisher implements EventPublisher {
  public constructor(
    private readonly client: Pick<EventBridgeClient, 'send'>,
    private readonly eventBusName: string,
  ) {}

  public async publish(event: FrontDeskEvent): Promise<void> {
    let failed: number | undefined;
    let code: string | undefined;
    try {
      const output = await this.client.send(
        new PutEventsCommand({
          Entries: [
            {
              EventBusName: this.eventBusName,
              Source: EVENT_SOURCE,
              DetailType: event.type,
              Detail: JSON.stringify(event.detail),
            },
          ],
        }),
      );
      failed = output.FailedEntryCount;
      code = output.Entries?.[0]?.ErrorCode;
    } catch (error) {
      const name = error instanceof Error ? error.name : 'unknown error';
      throw new EventPublishError(`PutEvents failed: ${name}`, { cause: error });
    }
    if (failed) throw new EventPublishError(`PutEvents refused the entry: ${code ?? 'no error code'}`);
  }
}
