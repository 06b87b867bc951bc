import { X509Certificate } from 'node:crypto';
import { ConfigurationError } from '../lambda/src/errors';
import { RequestVerificationError } from './request-verification-error';

/** The name Alexa's signing certificate must carry in its Subject Alternative Names. */
export const ALEXA_SIGNING_CERTIFICATE_HOST = 'echo-api.amazon.com';

/** Amazon's chain holds three or four certificates; anything far longer is not Amazon's. */
const MAX_CHAIN_LENGTH = 8;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Parses a PEM bundle into certificates, signing certificate first (the order TLS and Alexa use).
 * Throws `certificate-chain-malformed` when the text holds no certificate or one does not parse.
 */
export function parseCertificateChain(pem: string): readonly X509Certificate[] {
  const blocks = pem.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) {
    throw new RequestVerificationError(
      'certificate-chain-malformed',
      'Certificate chain holds no certificate',
    );
  }
  if (blocks.length > MAX_CHAIN_LENGTH) {
    throw new RequestVerificationError(
      'certificate-chain-malformed',
      `Certificate chain holds ${blocks.length} certificates, more than ${MAX_CHAIN_LENGTH}`,
    );
  }
  return blocks.map((block, index) => {
    try {
      return new X509Certificate(block);
    } catch (error) {
      throw new RequestVerificationError(
        'certificate-chain-malformed',
        `Certificate ${index + 1} of the chain does not parse`,
        { cause: error },
      );
    }
  });
}

/** `validFrom`/`validTo` are OpenSSL's text ("Nov 27 14:27:51 2026 GMT"), which `Date` parses. */
function validityOf(certificate: X509Certificate): { from: number; to: number } {
  const from = Date.parse(certificate.validFrom);
  const to = Date.parse(certificate.validTo);
  if (Number.isNaN(from) || Number.isNaN(to)) {
    throw new RequestVerificationError(
      'certificate-chain-malformed',
      'Certificate validity dates do not parse',
    );
  }
  return { from, to };
}

function isValidAt(certificate: X509Certificate, now: Date): boolean {
  const { from, to } = validityOf(certificate);
  return from <= now.getTime() && now.getTime() <= to;
}

/** The earliest `validTo` in the chain: after it, the chain can no longer pass {@link validateSigningChain}. */
export function chainExpiry(chain: readonly X509Certificate[]): Date {
  return new Date(Math.min(...chain.map((certificate) => validityOf(certificate).to)));
}

function isIssuedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
  // checkIssued compares names and key identifiers only; verify checks the signature itself.
  return certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
}

/**
 * The root certificates a signing chain must lead to. Production uses Node's bundled Mozilla store
 * (`tls.rootCertificates`); tests pass the root they generate.
 */
export class TrustStore {
  private readonly rootsBySubject = new Map<string, X509Certificate[]>();
  private readonly fingerprints = new Set<string>();

  public constructor(rootsPem: readonly string[]) {
    rootsPem.forEach((pem, index) => {
      let root: X509Certificate;
      try {
        root = new X509Certificate(pem);
      } catch (error) {
        throw new ConfigurationError(`Trusted root certificate ${index + 1} does not parse`, {
          cause: error,
        });
      }
      this.fingerprints.add(root.fingerprint256);
      const sameSubject = this.rootsBySubject.get(root.subject) ?? [];
      sameSubject.push(root);
      this.rootsBySubject.set(root.subject, sameSubject);
    });
  }

  /** True when the certificate is itself a trusted root. */
  public contains(certificate: X509Certificate): boolean {
    return this.fingerprints.has(certificate.fingerprint256);
  }

  /** True when a trusted root that is valid at `now` issued and signed the certificate. */
  public hasIssuerOf(certificate: X509Certificate, now: Date): boolean {
    const candidates = this.rootsBySubject.get(certificate.issuer) ?? [];
    return candidates.some((root) => isValidAt(root, now) && isIssuedBy(certificate, root));
  }
}

function checkDates(chain: readonly X509Certificate[], now: Date): void {
  chain.forEach((certificate, index) => {
    const { from, to } = validityOf(certificate);
    const which = index === 0 ? 'Signing certificate' : `Chain certificate ${index + 1}`;
    if (now.getTime() < from) {
      throw new RequestVerificationError(
        'certificate-not-yet-valid',
        `${which} is not valid before ${certificate.validFrom}`,
      );
    }
    if (now.getTime() > to) {
      throw new RequestVerificationError('certificate-expired', `${which} expired at ${certificate.validTo}`);
    }
  });
}

function checkSubject(signing: X509Certificate): void {
  // subject 'never': a Common Name does not count, only the SAN does; no wildcard may stand in for it.
  const matched = signing.checkHost(ALEXA_SIGNING_CERTIFICATE_HOST, {
    subject: 'never',
    wildcards: false,
    partialWildcards: false,
  });
  if (matched === undefined) {
    throw new RequestVerificationError(
      'certificate-wrong-subject',
      `Signing certificate does not name ${ALEXA_SIGNING_CERTIFICATE_HOST} in its Subject Alternative Names`,
    );
  }
}

/**
 * Walks from the signing certificate up the chain until a certificate is a trusted root or was
 * issued by one. Each step must be signed by the next certificate, which must be a CA. Stopping at
 * the first trusted link lets a chain that ends in a cross-signed root still be accepted.
 */
function checkTrust(chain: readonly X509Certificate[], trustStore: TrustStore, now: Date): void {
  for (const [index, certificate] of chain.entries()) {
    if (trustStore.contains(certificate) || trustStore.hasIssuerOf(certificate, now)) return;
    const issuer = chain[index + 1];
    if (issuer === undefined) {
      throw new RequestVerificationError(
        'certificate-untrusted',
        'Certificate chain does not lead to a trusted root',
      );
    }
    if (!issuer.ca) {
      throw new RequestVerificationError(
        'certificate-untrusted',
        `Chain certificate ${index + 2} issues another but is not a certificate authority`,
      );
    }
    if (!isIssuedBy(certificate, issuer)) {
      throw new RequestVerificationError(
        'certificate-untrusted',
        `Certificate ${index + 1} of the chain is not signed by certificate ${index + 2}`,
      );
    }
  }
}

/**
 * Checks a signing chain as Alexa's certification requires: every certificate is within its dates
 * at `now`, the signing certificate names `echo-api.amazon.com` in its SAN, and the chain leads to
 * a trusted root. Revocation is not checked (neither does the ASK SDK's own verifier).
 */
export function validateSigningChain(
  chain: readonly X509Certificate[],
  trustStore: TrustStore,
  now: Date,
): void {
  const signing = chain[0];
  if (signing === undefined) {
    throw new RequestVerificationError(
      'certificate-chain-malformed',
      'Certificate chain holds no certificate',
    );
  }
  checkDates(chain, now);
  checkSubject(signing);
  checkTrust(chain, trustStore, now);
}
