import { generateKeyPair, type KeyObject, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

/**
 * A throwaway public key infrastructure, made at test time with no network: Node makes the RSA keys,
 * node-forge makes the X.509 certificates (Node cannot), and every date and extension is chosen
 * by the test, so expired or misnamed certificates need no clock tricks.
 */

const generateRsaKeyPair = promisify(generateKeyPair);
const DAY_MS = 24 * 60 * 60 * 1000;

export interface TestKeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

export interface TestCertificate {
  readonly pem: string;
  readonly keys: TestKeyPair;
  readonly forgeCertificate: forge.pki.Certificate;
}

export interface CertificateOptions {
  readonly commonName: string;
  readonly keys: TestKeyPair;
  /** Absent: self-signed. */
  readonly issuer?: TestCertificate;
  readonly isCertificateAuthority: boolean;
  readonly dnsNames?: readonly string[];
  /** Default: a day ago. */
  readonly notBefore?: Date;
  /** Default: a year from now. */
  readonly notAfter?: Date;
}

export async function generateTestKeyPair(): Promise<TestKeyPair> {
  return generateRsaKeyPair('rsa', { modulusLength: 2048 });
}

function toForgePrivateKey(key: KeyObject): forge.pki.rsa.PrivateKey {
  return forge.pki.privateKeyFromPem(key.export({ type: 'pkcs8', format: 'pem' }).toString());
}

function toForgePublicKey(key: KeyObject): forge.pki.rsa.PublicKey {
  return forge.pki.publicKeyFromPem(
    key.export({ type: 'spki', format: 'pem' }).toString(),
  ) as forge.pki.rsa.PublicKey;
}

function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f; // positive, as RFC 5280 requires
  return bytes.toString('hex');
}

export function issueTestCertificate(options: CertificateOptions): TestCertificate {
  const now = Date.now();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = toForgePublicKey(options.keys.publicKey);
  certificate.serialNumber = serialNumber();
  certificate.validity.notBefore = options.notBefore ?? new Date(now - DAY_MS);
  certificate.validity.notAfter = options.notAfter ?? new Date(now + 365 * DAY_MS);
  const subject = [{ name: 'commonName', value: options.commonName }];
  certificate.setSubject(subject);
  certificate.setIssuer(options.issuer ? options.issuer.forgeCertificate.subject.attributes : subject);
  const issuerKeyId = (options.issuer?.forgeCertificate ?? certificate)
    .generateSubjectKeyIdentifier()
    .getBytes();
  const extensions: object[] = [
    { name: 'basicConstraints', cA: options.isCertificateAuthority, critical: true },
    options.isCertificateAuthority
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: issuerKeyId },
  ];
  if (!options.isCertificateAuthority) extensions.push({ name: 'extKeyUsage', serverAuth: true });
  if (options.dnsNames && options.dnsNames.length > 0) {
    extensions.push({
      name: 'subjectAltName',
      altNames: options.dnsNames.map((value) => ({ type: 2, value })),
    });
  }
  certificate.setExtensions(extensions);
  const signingKey = options.issuer ? options.issuer.keys.privateKey : options.keys.privateKey;
  certificate.sign(toForgePrivateKey(signingKey), forge.md.sha256.create());
  return { pem: forge.pki.certificateToPem(certificate), keys: options.keys, forgeCertificate: certificate };
}

export const TEST_DAY_MS = DAY_MS;
