import type { services } from 'ask-sdk-model';

/**
 * The Alexa APIs as a device without network or permission sees them: every call is refused with
 * 403 at once, so the skill takes its fallbacks (the office's time zone) without waiting on
 * api.amazonalexa.com. Replays use it so that they never touch the network and always say the same.
 */
export const offlineAlexaApi: services.ApiClient = {
  invoke: async () => ({
    statusCode: 403,
    headers: [{ key: 'content-type', value: 'application/json' }],
    body: JSON.stringify({ type: 'FORBIDDEN', message: 'The local tools do not call Alexa APIs.' }),
  }),
};
