import { buildRequestEnvelope, LOCAL_IDENTITY } from '../../../../local/utterance/request-envelope';

describe('request envelopes', () => {
  const now = new Date('2025-01-15T14:30:00.123Z');
  const session = {
    sessionId: 'amzn1.echo-api.session.1',
    isNew: true,
    attributes: { lastContactId: 'c002' },
  };

  it('lays out a launch the way Alexa sends it', () => {
    // Act
    const envelope = buildRequestEnvelope({
      identity: LOCAL_IDENTITY,
      session,
      locale: 'en-US',
      body: { type: 'LaunchRequest' },
      now,
      requestId: 'amzn1.echo-api.request.1',
    });

    // Assess
    expect(envelope).toEqual({
      version: '1.0',
      session: {
        new: true,
        sessionId: 'amzn1.echo-api.session.1',
        application: { applicationId: LOCAL_IDENTITY.skillId },
        attributes: { lastContactId: 'c002' },
        user: { userId: LOCAL_IDENTITY.userId },
      },
      context: {
        System: {
          application: { applicationId: LOCAL_IDENTITY.skillId },
          user: { userId: LOCAL_IDENTITY.userId },
          person: { personId: LOCAL_IDENTITY.personId },
          device: { deviceId: LOCAL_IDENTITY.deviceId, supportedInterfaces: {} },
          apiEndpoint: 'https://api.amazonalexa.com',
          apiAccessToken: LOCAL_IDENTITY.apiAccessToken,
        },
      },
      request: {
        type: 'LaunchRequest',
        requestId: 'amzn1.echo-api.request.1',
        timestamp: '2025-01-15T14:30:00Z',
        locale: 'en-US',
        shouldLinkResultBeReturned: false,
      },
    });
  });

  it('leaves the person out for an unrecognised speaker, and dialogState out unless given', () => {
    // Act
    const envelope = buildRequestEnvelope({
      identity: { ...LOCAL_IDENTITY, personId: undefined },
      session,
      locale: 'en-US',
      body: { type: 'IntentRequest', intent: { name: 'AMAZON.HelpIntent', confirmationStatus: 'NONE' } },
      now,
    });

    // Assess
    expect(envelope.context.System.person).toBeUndefined();
    expect(envelope.request).not.toHaveProperty('dialogState');
    expect(envelope.request.requestId).toMatch(/^amzn1\.echo-api\.request\.[0-9a-f-]{36}$/);
  });

  it('copies the attributes, so a skill changing them cannot change the session', () => {
    // Prepare
    const envelope = buildRequestEnvelope({
      identity: LOCAL_IDENTITY,
      session,
      locale: 'en-US',
      body: { type: 'LaunchRequest' },
      now,
    });

    // Act
    (envelope.session?.attributes as Record<string, unknown>).lastContactId = 'changed';

    // Assess
    expect(session.attributes.lastContactId).toBe('c002');
  });
});
