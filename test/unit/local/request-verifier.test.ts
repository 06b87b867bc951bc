import { generateKeyPairSync } from 'node:crypto';
import {
  RequestVerificationError,
  type VerificationFailureReason,
} from '../../../local/request-verification-error';
import { AlexaRequestVerifier, type SignedHttpRequest } from '../../../local/request-verifier';
import {
  type AlexaTestSigner,
  createAlexaTestSigner,
  FakeCertificateHost,
  type SigningIdentity,
  signatureHeaders,
} from '../../support/alexa-signing';
import { generateTestKeyPair, issueTestCertificate, TEST_DAY_MS } from '../../support/test-pki';

const SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000001';
const OTHER_SKILL_ID = 'amzn1.ask.skill.99999999-9999-9999-9999-999999999999';
const NOW = new Date();
const HOUR_MS = 60 * 60 * 1000;

function launchEnvelope(
  timestamp: unknown = NOW.toISOString(),
  applicationId = SKILL_ID,
): Record<string, unknown> {
  return {
    version: '1.0',
    session: { new: true, sessionId: 'amzn1.echo-api.session.1', application: { applicationId } },
    context: { System: { application: { applicationId }, user: { userId: 'amzn1.ask.account.1' } } },
    request: { type: 'LaunchRequest', requestId: 'amzn1.echo-api.request.1', timestamp, locale: 'en-US' },
  };
}

function withoutTimestamp(): Record<string, unknown> {
  const envelope = launchEnvelope();
  const { timestamp: _timestamp, ...rest } = envelope.request as Record<string, unknown>;
  return { ...envelope, request: rest };
}

function request(
  identity: SigningIdentity,
  envelope: unknown = launchEnvelope(),
  now: Date = NOW,
): SignedHttpRequest & { headers: Record<string, string> } {
  const body = Buffer.from(typeof envelope === 'string' ? envelope : JSON.stringify(envelope));
  return { headers: signatureHeaders(identity, body), body, now };
}

async function reasonOf(promise: Promise<unknown>): Promise<VerificationFailureReason | 'accepted'> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof RequestVerificationError) return error.reason;
    throw error;
  }
}

describe('AlexaRequestVerifier', () => {
  let signer: AlexaTestSigner;
  let verifier: AlexaRequestVerifier;
  /** Signing certificates that break one rule each, served by the signer's host at their own URL. */
  let identities: Record<
    | 'expired'
    | 'notYetValid'
    | 'wrongSan'
    | 'wildcardSan'
    | 'commonNameOnly'
    | 'impostor'
    | 'missingIntermediate'
    | 'nonCaIssuer',
    SigningIdentity
  >;

  beforeAll(async () => {
    signer = await createAlexaTestSigner();
    verifier = signer.createVerifier();
    const [impostorRootKeys, impostorIntermediateKeys] = await Promise.all([
      generateTestKeyPair(),
      generateTestKeyPair(),
    ]);
    const { intermediate, root } = signer;
    const keys = signer.signing.keys;
    const serve = (name: string, pem: string): SigningIdentity => ({
      privateKey: keys.privateKey,
      certificateUrl: signer.certificateHost.serve(`https://s3.amazonaws.com/echo.api/${name}.pem`, pem),
    });
    const leaf = (options: {
      dnsNames?: string[];
      notBefore?: Date;
      notAfter?: Date;
      issuer?: typeof root;
    }) =>
      issueTestCertificate({
        commonName: 'echo-api.amazon.com',
        keys,
        issuer: options.issuer ?? intermediate,
        isCertificateAuthority: false,
        dnsNames: options.dnsNames ?? ['echo-api.amazon.com'],
        ...(options.notBefore ? { notBefore: options.notBefore } : {}),
        ...(options.notAfter ? { notAfter: options.notAfter } : {}),
      }).pem;
    // Same names as the trusted root and intermediate, other keys: only the signatures tell them apart.
    const impostorRoot = issueTestCertificate({
      commonName: 'Front Desk Test Root',
      keys: impostorRootKeys,
      isCertificateAuthority: true,
    });
    const impostorIntermediate = issueTestCertificate({
      commonName: 'Front Desk Test Intermediate',
      keys: impostorIntermediateKeys,
      issuer: impostorRoot,
      isCertificateAuthority: true,
    });
    const nonCaIssuer = issueTestCertificate({
      commonName: 'Front Desk Test Leaf Posing As Issuer',
      keys: impostorIntermediateKeys,
      issuer: intermediate,
      isCertificateAuthority: false,
      dnsNames: ['issuer.example.com'],
    });
    identities = {
      expired: serve(
        'expired',
        leaf({
          notBefore: new Date(NOW.getTime() - 30 * TEST_DAY_MS),
          notAfter: new Date(NOW.getTime() - TEST_DAY_MS),
        }) + intermediate.pem,
      ),
      notYetValid: serve(
        'not-yet-valid',
        leaf({
          notBefore: new Date(NOW.getTime() + TEST_DAY_MS),
          notAfter: new Date(NOW.getTime() + 30 * TEST_DAY_MS),
        }) + intermediate.pem,
      ),
      wrongSan: serve('wrong-san', leaf({ dnsNames: ['echo-api.example.com'] }) + intermediate.pem),
      wildcardSan: serve('wildcard-san', leaf({ dnsNames: ['*.amazon.com'] }) + intermediate.pem),
      commonNameOnly: serve('common-name-only', leaf({ dnsNames: [] }) + intermediate.pem),
      impostor: serve(
        'impostor',
        leaf({ issuer: impostorIntermediate }) + impostorIntermediate.pem + impostorRoot.pem,
      ),
      missingIntermediate: serve('missing-intermediate', leaf({})),
      nonCaIssuer: serve('non-ca-issuer', leaf({ issuer: nonCaIssuer }) + nonCaIssuer.pem + intermediate.pem),
    };
  });

  it('accepts a correctly signed request and returns its envelope', async () => {
    // Prepare
    const envelope = launchEnvelope();

    // Act
    const verified = await verifier.verify(request(signer, envelope));

    // Assess
    expect(verified).toEqual(envelope);
  });

  it('accepts a signing chain that includes its root', async () => {
    // Prepare
    const identity = {
      privateKey: signer.privateKey,
      certificateUrl: signer.certificateHost.serve(
        'https://s3.amazonaws.com/echo.api/with-root.pem',
        signer.signing.pem + signer.intermediate.pem + signer.root.pem,
      ),
    };

    // Act
    const reason = await reasonOf(verifier.verify(request(identity)));

    // Assess
    expect(reason).toBe('accepted');
  });

  it('accepts the certificate URL forms Amazon lists as valid', async () => {
    // Prepare
    const forms = [
      'HTTPS://s3.amazonaws.com/echo.api/front-desk-test-cert.pem',
      'https://S3.AMAZONAWS.COM/echo.api/front-desk-test-cert.pem',
      'https://s3.amazonaws.com:443/echo.api/front-desk-test-cert.pem',
      'https://s3.amazonaws.com/echo.api/../echo.api/front-desk-test-cert.pem',
    ];

    // Act
    const reasons = await Promise.all(
      forms.map((certificateUrl) => reasonOf(verifier.verify(request({ ...signer, certificateUrl })))),
    );

    // Assess
    expect(reasons).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
  });

  describe('refuses a request whose headers are wrong', () => {
    it.each([
      [
        'no Signature-256 header',
        (headers: Record<string, string>): void => {
          delete headers['Signature-256'];
        },
        'missing-signature',
      ],
      [
        'an empty Signature-256 header',
        (headers: Record<string, string>): void => {
          headers['Signature-256'] = '';
        },
        'missing-signature',
      ],
      [
        'no SignatureCertChainUrl header',
        (headers: Record<string, string>): void => {
          delete headers.SignatureCertChainUrl;
        },
        'missing-certificate-url',
      ],
      [
        'an empty SignatureCertChainUrl header',
        (headers: Record<string, string>): void => {
          headers.SignatureCertChainUrl = '';
        },
        'missing-certificate-url',
      ],
      [
        'a Signature-256 that is not base64',
        (headers: Record<string, string>): void => {
          headers['Signature-256'] = 'not base64!';
        },
        'signature-invalid',
      ],
    ] as const)('with %s', async (_case, change, expected) => {
      // Prepare
      const signed = request(signer);
      change(signed.headers);

      // Act
      const reason = await reasonOf(verifier.verify(signed));

      // Assess
      expect(reason).toBe(expected);
    });

    it('refuses a request signed only with the legacy SHA-1 Signature header', async () => {
      // Prepare
      const signed = request(signer);
      signed.headers.Signature = signed.headers['Signature-256'] ?? '';
      delete signed.headers['Signature-256'];

      // Act
      const verifying = verifier.verify(signed);

      // Assess
      await expect(verifying).rejects.toMatchObject({
        name: 'RequestVerificationError',
        reason: 'missing-signature',
        message: expect.stringContaining('legacy SHA-1'),
      });
    });

    it('reads header names in any case', async () => {
      // Prepare
      const signed = request(signer);
      const headers = Object.fromEntries(
        Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), value]),
      );

      // Act
      const reason = await reasonOf(verifier.verify({ ...signed, headers }));

      // Assess
      expect(reason).toBe('accepted');
    });
  });

  describe('refuses a certificate URL that does not point at Amazon', () => {
    it.each([
      ['http://s3.amazonaws.com/echo.api/echo-api-cert.pem', 'certificate-url-not-https'],
      ['ftp://s3.amazonaws.com/echo.api/echo-api-cert.pem', 'certificate-url-not-https'],
      ['https://notamazon.com/echo.api/echo-api-cert.pem', 'certificate-url-wrong-host'],
      ['https://s3.amazonaws.com.evil.example/echo.api/echo-api-cert.pem', 'certificate-url-wrong-host'],
      ['https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem', 'certificate-url-wrong-port'],
      ['https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem', 'certificate-url-wrong-path'],
      ['https://s3.amazonaws.com/invalid.path/echo-api-cert.pem', 'certificate-url-wrong-path'],
      ['https://s3.amazonaws.com/echo.api/../evil', 'certificate-url-wrong-path'],
      ['https://s3.amazonaws.com/echo.api/%2e%2e/evil', 'certificate-url-wrong-path'],
      ['https://s3.amazonaws.com/echo.api/..\\evil', 'certificate-url-wrong-path'],
      ['https://s3.amazonaws.com/echo.api/..%2fevil', 'certificate-url-wrong-path'],
      ['https://user@s3.amazonaws.com/echo.api/echo-api-cert.pem', 'certificate-url-malformed'],
      ['not a url', 'certificate-url-malformed'],
    ] as const)('%s', async (certificateUrl, expected) => {
      // Prepare
      const host = new FakeCertificateHost();
      const isolated = new AlexaRequestVerifier({
        trustedRoots: signer.trustedRoots,
        fetchCertificateChain: host.fetch,
      });

      // Act
      const reason = await reasonOf(isolated.verify(request({ ...signer, certificateUrl })));

      // Assess
      expect(reason).toBe(expected);
      expect(host.requested).toEqual([]);
    });
  });

  describe('refuses a signature that does not match', () => {
    it('refuses a body changed after it was signed', async () => {
      // Prepare
      const signed = request(signer);
      const tampered = Buffer.from(
        signed.body.toString('utf8').replace('LaunchRequest', 'SessionEndedRequest'),
      );

      // Act
      const reason = await reasonOf(verifier.verify({ ...signed, body: tampered }));

      // Assess
      expect(reason).toBe('signature-invalid');
    });

    it('refuses a body signed with a key other than the certificate’s', async () => {
      // Prepare
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

      // Act
      const reason = await reasonOf(verifier.verify(request({ ...signer, privateKey })));

      // Assess
      expect(reason).toBe('signature-invalid');
    });

    it('checks the signature over the bytes received, not over a re-encoding of them', async () => {
      // Prepare: the same JSON with its non-ASCII text escaped differently has other bytes.
      const envelope = launchEnvelope();
      const signed = request(signer, JSON.stringify({ ...envelope, note: 'café' }));
      const reencoded = Buffer.from(signed.body.toString('utf8').replace('é', '\\u00e9'));

      // Act
      const reason = await reasonOf(verifier.verify({ ...signed, body: reencoded }));

      // Assess
      expect(reason).toBe('signature-invalid');
    });
  });

  describe('refuses a signing certificate that Alexa would not use', () => {
    it.each([
      ['expired', 'certificate-expired'],
      ['notYetValid', 'certificate-not-yet-valid'],
      ['wrongSan', 'certificate-wrong-subject'],
      ['wildcardSan', 'certificate-wrong-subject'],
      ['commonNameOnly', 'certificate-wrong-subject'],
      ['impostor', 'certificate-untrusted'],
      ['missingIntermediate', 'certificate-untrusted'],
      ['nonCaIssuer', 'certificate-untrusted'],
    ] as const)('%s', async (name, expected) => {
      // Prepare
      const identity = identities[name];

      // Act
      const reason = await reasonOf(verifier.verify(request(identity)));

      // Assess
      expect(reason).toBe(expected);
    });

    it('refuses a correct chain when its root is not one of the trusted roots', async () => {
      // Prepare
      const otherRoot = issueTestCertificate({
        commonName: 'Some Other Root',
        keys: await generateTestKeyPair(),
        isCertificateAuthority: true,
      });
      const distrusting = new AlexaRequestVerifier({
        trustedRoots: [otherRoot.pem],
        fetchCertificateChain: signer.certificateHost.fetch,
      });

      // Act
      const reason = await reasonOf(distrusting.verify(request(signer)));

      // Assess
      expect(reason).toBe('certificate-untrusted');
    });

    it('refuses a chain that is not PEM certificates', async () => {
      // Prepare
      const identity = {
        privateKey: signer.privateKey,
        certificateUrl: signer.certificateHost.serve(
          'https://s3.amazonaws.com/echo.api/garbage.pem',
          '<Error/>',
        ),
      };

      // Act
      const reason = await reasonOf(verifier.verify(request(identity)));

      // Assess
      expect(reason).toBe('certificate-chain-malformed');
    });
  });

  describe('refuses a body that is not a fresh Alexa request', () => {
    it.each([
      [
        '151 seconds old',
        launchEnvelope(new Date(NOW.getTime() - 151_000).toISOString()),
        'timestamp-out-of-tolerance',
      ],
      [
        '151 seconds in the future',
        launchEnvelope(new Date(NOW.getTime() + 151_000).toISOString()),
        'timestamp-out-of-tolerance',
      ],
      ['without a timestamp', withoutTimestamp(), 'timestamp-missing'],
      ['with a timestamp that is not a time', launchEnvelope('yesterday'), 'timestamp-invalid'],
      ['with a timestamp that is a number', launchEnvelope(NOW.getTime()), 'timestamp-invalid'],
      [
        'with a timestamp that is an impossible date',
        launchEnvelope('2026-13-45T25:61:00Z'),
        'timestamp-invalid',
      ],
      ['that is not JSON', '{"request": ', 'body-not-json'],
      ['that is a JSON array', '[]', 'body-not-json'],
      ['that is empty', '', 'body-not-json'],
    ] as const)('%s', async (_case, envelope, expected) => {
      // Act
      const reason = await reasonOf(verifier.verify(request(signer, envelope)));

      // Assess
      expect(reason).toBe(expected);
    });

    it('accepts a timestamp 149 seconds away in either direction', async () => {
      // Prepare
      const old = launchEnvelope(new Date(NOW.getTime() - 149_000).toISOString());
      const ahead = launchEnvelope(new Date(NOW.getTime() + 149_000).toISOString());

      // Act
      const reasons = await Promise.all([
        reasonOf(verifier.verify(request(signer, old))),
        reasonOf(verifier.verify(request(signer, ahead))),
      ]);

      // Assess
      expect(reasons).toEqual(['accepted', 'accepted']);
    });

    it('carries the parse error as the cause of a body that is not JSON', async () => {
      // Act
      const verifying = verifier.verify(request(signer, 'not json'));

      // Assess
      await expect(verifying).rejects.toMatchObject({
        name: 'RequestVerificationError',
        cause: expect.any(SyntaxError),
      });
    });
  });

  describe('with a skill id configured', () => {
    let guarded: AlexaRequestVerifier;

    beforeAll(() => {
      guarded = signer.createVerifier({ skillId: SKILL_ID });
    });

    it('accepts a request for this skill', async () => {
      // Act
      const reason = await reasonOf(guarded.verify(request(signer, launchEnvelope())));

      // Assess
      expect(reason).toBe('accepted');
    });

    it('refuses a request for another skill', async () => {
      // Act
      const reason = await reasonOf(
        guarded.verify(request(signer, launchEnvelope(NOW.toISOString(), OTHER_SKILL_ID))),
      );

      // Assess
      expect(reason).toBe('skill-id-mismatch');
    });

    it('refuses a request whose session names another skill than its context', async () => {
      // Prepare
      const envelope = launchEnvelope();
      envelope.session = {
        new: true,
        sessionId: 'amzn1.echo-api.session.1',
        application: { applicationId: OTHER_SKILL_ID },
      };

      // Act
      const reason = await reasonOf(guarded.verify(request(signer, envelope)));

      // Assess
      expect(reason).toBe('skill-id-mismatch');
    });

    it('refuses a request that names no skill at all', async () => {
      // Prepare
      const { session: _session, context: _context, ...anonymous } = launchEnvelope();

      // Act
      const reason = await reasonOf(guarded.verify(request(signer, anonymous)));

      // Assess
      expect(reason).toBe('skill-id-mismatch');
    });
  });

  describe('certificate fetching', () => {
    const url = 'https://s3.amazonaws.com/echo.api/cached.pem';
    let host: FakeCertificateHost;
    let fresh: AlexaRequestVerifier;
    let identity: SigningIdentity;

    beforeEach(() => {
      host = new FakeCertificateHost();
      fresh = new AlexaRequestVerifier({
        trustedRoots: signer.trustedRoots,
        fetchCertificateChain: host.fetch,
      });
      identity = { privateKey: signer.privateKey, certificateUrl: url };
    });

    function leafValidUntil(notAfter: Date): string {
      return issueTestCertificate({
        commonName: 'echo-api.amazon.com',
        keys: signer.signing.keys,
        issuer: signer.intermediate,
        isCertificateAuthority: false,
        dnsNames: ['echo-api.amazon.com'],
        notAfter,
      }).pem;
    }

    it('fetches a chain once and serves later and concurrent requests from the cache', async () => {
      // Prepare
      host.serve(url, signer.signing.pem + signer.intermediate.pem);

      // Act
      await Promise.all([fresh.verify(request(identity)), fresh.verify(request(identity))]);
      await fresh.verify(request(identity));

      // Assess
      expect(host.requested).toEqual([url]);
    });

    it('does not cache a failed fetch', async () => {
      // Prepare
      const first = await reasonOf(fresh.verify(request(identity)));
      host.serve(url, signer.signing.pem + signer.intermediate.pem);

      // Act
      const second = await reasonOf(fresh.verify(request(identity)));

      // Assess
      expect([first, second]).toEqual(['certificate-unavailable', 'accepted']);
    });

    it('does not cache a chain that failed validation', async () => {
      // Prepare
      host.serve(url, leafValidUntil(new Date(NOW.getTime() - HOUR_MS)) + signer.intermediate.pem);
      const first = await reasonOf(fresh.verify(request(identity)));
      host.serve(url, signer.signing.pem + signer.intermediate.pem);

      // Act
      const second = await reasonOf(fresh.verify(request(identity)));

      // Assess
      expect([first, second]).toEqual(['certificate-expired', 'accepted']);
    });

    it('keeps a chain only until its signing certificate expires, then fetches the renewed one', async () => {
      // Prepare
      host.serve(url, leafValidUntil(new Date(NOW.getTime() + HOUR_MS)) + signer.intermediate.pem);
      const at = (offsetMs: number) => {
        const now = new Date(NOW.getTime() + offsetMs);
        return request(identity, launchEnvelope(now.toISOString()), now);
      };
      await fresh.verify(at(0));
      await fresh.verify(at(HOUR_MS / 2));
      host.serve(url, leafValidUntil(new Date(NOW.getTime() + 30 * TEST_DAY_MS)) + signer.intermediate.pem);

      // Act
      const reason = await reasonOf(fresh.verify(at(2 * HOUR_MS)));

      // Assess
      expect(reason).toBe('accepted');
      expect(host.requested).toEqual([url, url]);
    });

    it('refuses a request whose chain cannot be fetched, and carries the cause', async () => {
      // Prepare
      const failure = new TypeError('fetch failed');
      const offline = new AlexaRequestVerifier({
        trustedRoots: signer.trustedRoots,
        fetchCertificateChain: async () => {
          throw failure;
        },
      });

      // Act
      const verifying = offline.verify(request(signer));

      // Assess
      await expect(verifying).rejects.toMatchObject({ reason: 'certificate-unavailable', cause: failure });
    });
  });
});
