import { type KeyObject, sign } from 'node:crypto';
import type { CertificateChainFetcher } from '../../local/certificate-fetcher';
import { RequestVerificationError } from '../../local/request-verification-error';
import { AlexaRequestVerifier, type AlexaRequestVerifierOptions } from '../../local/request-verifier';
import { generateTestKeyPair, issueTestCertificate, type TestCertificate } from './test-pki';

/**
 * Sends correctly signed Alexa requests in tests and benchmarks, with no network: a generated root,
 * intermediate and signing certificate (SAN `echo-api.amazon.com`), a fake certificate host that
 * serves the chain at an `s3.amazonaws.com/echo.api/` URL, and a verifier that trusts only that root.
 *
 * ```ts
 * const signer = await createAlexaTestSigner();
 * const server = createAlexaServer({ verifier: signer.createVerifier(), invokeSkill });
 * const { body, headers } = signer.signEnvelope(launchRequestJson);
 * await fetch(url, { method: 'POST', body, headers });
 * ```
 */

export const TEST_CERTIFICATE_URL = 'https://s3.amazonaws.com/echo.api/front-desk-test-cert.pem';

/** Serves PEM chains by URL, as S3 would, and counts what was asked for. */
export class FakeCertificateHost {
  private readonly chains = new Map<string, string>();
  /** Every URL fetched, in order. */
  public readonly requested: string[] = [];

  public serve(url: string, pem: string): string {
    this.chains.set(new URL(url).href, pem);
    return url;
  }

  public readonly fetch: CertificateChainFetcher = async (url) => {
    this.requested.push(url.href);
    const pem = this.chains.get(url.href);
    if (pem === undefined) {
      throw new RequestVerificationError(
        'certificate-unavailable',
        'Certificate chain fetch answered HTTP 404',
      );
    }
    return pem;
  };
}

/** A signing certificate, its key, and the URL its chain is served at. */
export interface SigningIdentity {
  readonly privateKey: KeyObject;
  readonly certificateUrl: string;
}

/** The headers Alexa sends with a body: `Signature-256` over the exact bytes, and the chain's URL. */
export function signatureHeaders(identity: SigningIdentity, body: Buffer | string): Record<string, string> {
  const signature = sign('sha256', Buffer.from(body), identity.privateKey).toString('base64');
  return {
    'Content-Type': 'application/json; charset=utf-8',
    'Signature-256': signature,
    SignatureCertChainUrl: identity.certificateUrl,
  };
}

export interface SignedRequest {
  readonly body: Buffer;
  readonly headers: Record<string, string>;
}

export interface AlexaTestSigner extends SigningIdentity {
  readonly root: TestCertificate;
  readonly intermediate: TestCertificate;
  readonly signing: TestCertificate;
  /** PEM roots to give the verifier: only the generated root. */
  readonly trustedRoots: readonly string[];
  readonly certificateHost: FakeCertificateHost;
  /** A verifier that trusts the generated root and fetches from {@link certificateHost}. */
  createVerifier(options?: Pick<AlexaRequestVerifierOptions, 'skillId'>): AlexaRequestVerifier;
  /**
   * Serialises and signs an envelope. `request.timestamp` is set to `now` (default: the current time)
   * unless `keepTimestamp` is set, so recorded fixtures pass the 150 s check. The input is not changed.
   */
  signEnvelope(envelope: object, options?: { now?: Date; keepTimestamp?: boolean }): SignedRequest;
}

/** Generates the chain (about half a second): call it once per test file, in `beforeAll`. */
export async function createAlexaTestSigner(): Promise<AlexaTestSigner> {
  const [rootKeys, intermediateKeys, signingKeys] = await Promise.all([
    generateTestKeyPair(),
    generateTestKeyPair(),
    generateTestKeyPair(),
  ]);
  const root = issueTestCertificate({
    commonName: 'Front Desk Test Root',
    keys: rootKeys,
    isCertificateAuthority: true,
  });
  const intermediate = issueTestCertificate({
    commonName: 'Front Desk Test Intermediate',
    keys: intermediateKeys,
    issuer: root,
    isCertificateAuthority: true,
  });
  const signing = issueTestCertificate({
    commonName: 'echo-api.amazon.com',
    keys: signingKeys,
    issuer: intermediate,
    isCertificateAuthority: false,
    dnsNames: ['echo-api.amazon.com'],
  });
  const certificateHost = new FakeCertificateHost();
  certificateHost.serve(TEST_CERTIFICATE_URL, signing.pem + intermediate.pem);
  const identity: SigningIdentity = {
    privateKey: signingKeys.privateKey,
    certificateUrl: TEST_CERTIFICATE_URL,
  };
  const trustedRoots = [root.pem];
  return {
    ...identity,
    root,
    intermediate,
    signing,
    trustedRoots,
    certificateHost,
    createVerifier: (options = {}) =>
      new AlexaRequestVerifier({ ...options, trustedRoots, fetchCertificateChain: certificateHost.fetch }),
    signEnvelope: (envelope, options = {}) => {
      const stamped = options.keepTimestamp ? envelope : withTimestamp(envelope, options.now ?? new Date());
      const body = Buffer.from(JSON.stringify(stamped));
      return { body, headers: signatureHeaders(identity, body) };
    },
  };
}

function withTimestamp(envelope: object, now: Date): object {
  const request = (envelope as { request?: object }).request ?? {};
  return { ...envelope, request: { ...request, timestamp: now.toISOString() } };
}
