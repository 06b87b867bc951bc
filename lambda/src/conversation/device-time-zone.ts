import type { HandlerInput } from 'ask-sdk-core';
import { isTimeZone } from '../domain/time-zones';
import type { Logger } from '../logger';
import { getSessionState, updateSessionState } from './session-state';

/**
 * How long the Alexa Settings API may take before the office's zone is used instead: a time said
 * in the office's zone beats an answer that comes too late.
 */
export const TIME_ZONE_TIMEOUT_MS = 800;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The zone to say times in: the device's, from the Alexa Settings API through the ASK SDK's UPS
 * service client, or else `officeTimeZone` (no API client, no device, no permission, an error,
 * a slow answer or a zone this runtime does not know). Asked once per session.
 */
export async function timeZoneOf(
  input: HandlerInput,
  officeTimeZone: string,
  logger: Logger,
): Promise<string> {
  const remembered = getSessionState(input).timeZone;
  if (isTimeZone(remembered)) return remembered;
  const deviceId = input.requestEnvelope.context?.System?.device?.deviceId;
  let zone = officeTimeZone;
  if (deviceId && input.serviceClientFactory) {
    try {
      const deviceZone = await withTimeout(
        input.serviceClientFactory.getUpsServiceClient().getSystemTimeZone(deviceId),
        TIME_ZONE_TIMEOUT_MS,
      );
      if (isTimeZone(deviceZone)) zone = deviceZone;
    } catch (error) {
      const { name, statusCode } = error as { name?: string; statusCode?: number };
      logger.info('Device time zone unavailable; using the office zone', {
        name,
        statusCode,
      });
    }
  }
  updateSessionState(input, { timeZone: zone });
  return zone;
}
