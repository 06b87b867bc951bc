import { verify as verifySignature, type X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import type { RequestEnvelope } from 'ask-sdk-model';
import { chainExpiry, parseCertificateChain, TrustStore, validateSigningChain } from './certificate-chain';
import { CertificateChainCache } from './certificate-chain-cache';
import { type CertificateChainFetcher, createHttpsCertificateFetcher } from './certificate-fetcher';
import { parseCertificateChainUrl } from './certificate-url';
import { RequestVerificationError } from './request-verification-error';

/** Alexa's limit: a request more than 150 s from the skill's clock, either way, is refused. */
export const TIMESTAMP_TOLERANCE_MS = 150_000;

const SIGNATURE_256_HEADER = 'signature-256';
const LEGACY_SIGNATURE_HEADER = 'signature';
const CERTIFICATE_URL_HEADER = 'signaturecertchainurl';
/** Canonical base64 only: `Buffer.from(x, 'base64')` would silently skip anything else. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** ISO 8601 as Alexa writes it; `Date.parse` alone accepts far looser text ("1" is the year 2001). */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** One HTTP request as received: header names in any case, the body's raw bytes, and the time. */
export interface SignedHttpRequest {
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: Buffer;
  readonly now: Date;
}

/** What the HTTP server needs: a verified request's envelope, or a {@link RequestVerificationError}. */
export interface RequestVerifier {
  verify(request: SignedHttpRequest): Promise<RequestEnvelope>;
}

export interface AlexaRequestVerifierOptions {
  /** PEM roots the signing chain must lead to. Default: Node's bundled store, `tls.rootCertificates`. */
  readonly trustedRoots?: readonly string[];
  /** Default: {@link createHttpsCertificateFetcher} (2 s timeout, no redirects). */
  readonly fetchCertificateChain?: CertificateChainFetcher;
  /** When set, requests for any other skill are refused. */
  readonly skillId?: string | undefined;
  readonly cache?: CertificateChainCache;
}

function headerValue(headers: SignedHttpRequest['headers'], name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    return typeof value === 'string' ? value : value.join(', ');
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: unknown, ...path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/**
 * Verifies that an HTTP request comes from Alexa, as the certification for skills hosted as a web
 * service requires, and returns its envelope. Every refusal is a {@link RequestVerificationError}
 * with its own reason.
 *
 * Stricter than `ask-sdk-express-adapter`'s verifiers, which:
 * - check the URL path with `url.parse` and `startsWith`, so `/echo.api/../evil` passes;
 * - verify the signature over the body decoded and re-encoded as UTF-8, not over the bytes received;
 * - cache a chain forever after its first check, so an expired certificate keeps being accepted;
 * - accept a timestamp from the future, or one that does not parse (NaN compares as "recent");
 * - fetch without a timeout, follow redirects and do not limit the response size.
 *
 * Only `Signature-256` (SHA256withRSA) is accepted. The legacy `Signature` header is SHA-1, whose
 * collisions are practical; Alexa sends `Signature-256` with every request, and Amazon's own SDK
 * verifiers read nothing else. A request that carries only `Signature` is refused as unsigned.
 *
 * The cheap checks (headers, URL, body, timestamp, skill id) run before any network access, so a
 * forged or replayed request costs no certificate fetch. Chains are cached by URL once they pass,
 * until the earliest `validTo` in them, and are checked again against `now` on every request.
 */
export class AlexaRequestVerifier implements RequestVerifier {
  private readonly fetchCertificateChain: CertificateChainFetcher;
  private readonly cache: CertificateChainCache;
  private readonly inFlight = new Map<string, Promise<string>>();
  private readonly trustedRoots: readonly string[];
  private trustStore: TrustStore | undefined;

  public constructor(private readonly options: AlexaRequestVerifierOptions = {}) {
    this.fetchCertificateChain = options.fetchCertificateChain ?? createHttpsCertificateFetcher();
    this.cache = options.cache ?? new CertificateChainCache();
    this.trustedRoots = options.trustedRoots ?? rootCertificates;
  }

  public async verify(request: SignedHttpRequest): Promise<RequestEnvelope> {
    const signature = signatureOf(request.headers);
    const certificateUrl = certificateUrlOf(request.headers);
    const envelope = parseEnvelope(request.body);
    checkTimestamp(envelope, request.now);
    this.checkSkillId(envelope);
    const chain = await this.loadValidatedChain(certificateUrl, request.now);
    checkSignature(chain, request.body, signature);
    return envelope as unknown as RequestEnvelope;
  }

  private checkSkillId(envelope: Record<string, unknown>): void {
    const expected = this.options.skillId;
    if (expected === undefined) return;
    const ids = [
      field(envelope, 'context', 'System', 'application', 'applicationId'),
      field(envelope, 'session', 'application', 'applicationId'),
    ].filter((id) => id !== undefined);
    if (ids.length === 0 || ids.some((id) => id !== expected)) {
      throw new RequestVerificationError('skill-id-mismatch', 'Request is not addressed to this skill');
    }
  }

  private async loadValidatedChain(url: URL, now: Date): Promise<readonly X509Certificate[]> {
    const key = url.href;
    const cached = this.cache.get(key, now);
    if (cached !== undefined) {
      try {
        validateSigningChain(cached, this.trust(), now);
        return cached;
      } catch (error) {
        this.cache.delete(key);
        throw error;
      }
    }
    const chain = parseCertificateChain(await this.fetchOnce(url));
    validateSigningChain(chain, this.trust(), now);
    this.cache.set(key, chain, chainExpiry(chain));
    return chain;
  }

  /** Concurrent requests with the same URL share one fetch; a failed fetch is forgotten at once. */
  private async fetchOnce(url: URL): Promise<string> {
    const key = url.href;
    let pending = this.inFlight.get(key);
    if (pending === undefined) {
      pending = this.fetchCertificateChain(url).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    try {
      return await pending;
    } catch (error) {
      if (error instanceof RequestVerificationError) throw error;
      throw new RequestVerificationError(
        'certificate-unavailable',
        'Certificate chain could not be fetched',
        {
          cause: error,
        },
      );
    }
  }

  /** Parsed on first use: Node's store is about 150 certificates, and tests never need it. */
  private trust(): TrustStore {
    this.trustStore ??= new TrustStore(this.trustedRoots);
    return this.trustStore;
  }
}

function signatureOf(headers: SignedHttpRequest['headers']): Buffer {
  const value = headerValue(headers, SIGNATURE_256_HEADER);
  if (value === undefined || value === '') {
    const legacyOnly = (headerValue(headers, LEGACY_SIGNATURE_HEADER) ?? '') !== '';
    throw new RequestVerificationError(
      'missing-signature',
      legacyOnly
        ? 'Request carries only the legacy SHA-1 Signature header; Signature-256 is required'
        : 'Request has no Signature-256 header',
    );
  }
  if (!BASE64.test(value)) {
    throw new RequestVerificationError('signature-invalid', 'Signature-256 is not base64');
  }
  return Buffer.from(value, 'base64');
}

function certificateUrlOf(headers: SignedHttpRequest['headers']): URL {
  const value = headerValue(headers, CERTIFICATE_URL_HEADER);
  if (value === undefined || value === '') {
    throw new RequestVerificationError(
      'missing-certificate-url',
      'Request has no SignatureCertChainUrl header',
    );
  }
  return parseCertificateChainUrl(value);
}

function parseEnvelope(body: Buffer): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new RequestVerificationError('body-not-json', 'Request body is not JSON', { cause: error });
  }
  if (!isRecord(parsed)) {
    throw new RequestVerificationError('body-not-json', 'Request body is not a JSON object');
  }
  return parsed;
}

function checkTimestamp(envelope: Record<string, unknown>, now: Date): void {
  const timestamp = field(envelope, 'request', 'timestamp');
  if (timestamp === undefined || timestamp === null || timestamp === '') {
    throw new RequestVerificationError('timestamp-missing', 'Request has no request.timestamp');
  }
  const time =
    typeof timestamp === 'string' && ISO_TIMESTAMP.test(timestamp) ? Date.parse(timestamp) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new RequestVerificationError('timestamp-invalid', 'request.timestamp is not an ISO 8601 time');
  }
  const skewMs = time - now.getTime();
  if (Math.abs(skewMs) > TIMESTAMP_TOLERANCE_MS) {
    throw new RequestVerificationError(
      'timestamp-out-of-tolerance',
      `request.timestamp is ${Math.round(Math.abs(skewMs) / 1000)} s ${skewMs < 0 ? 'old' : 'in the future'}; the limit is ${TIMESTAMP_TOLERANCE_MS / 1000} s`,
    );
  }
}

function checkSignature(chain: readonly X509Certificate[], body: Buffer, signature: Buffer): void {
  const signing = chain[0];
  if (signing === undefined || signing.publicKey.asymmetricKeyType !== 'rsa') {
    throw new RequestVerificationError('signature-invalid', 'Signing certificate does not hold an RSA key');
  }
  let valid: boolean;
  try {
    valid = verifySignature('sha256', body, signing.publicKey, signature);
  } catch (error) {
    throw new RequestVerificationError('signature-invalid', 'Signature-256 could not be checked', {
      cause: error,
    });
  }
  if (!valid) {
    throw new RequestVerificationError('signature-invalid', 'Signature-256 does not match the request body');
  }
}
