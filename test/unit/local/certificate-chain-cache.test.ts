import { X509Certificate } from 'node:crypto';
import { CertificateChainCache } from '../../../local/certificate-chain-cache';
import { generateTestKeyPair, issueTestCertificate } from '../../support/test-pki';

describe('CertificateChainCache', () => {
  let chain: readonly X509Certificate[];
  const now = new Date('2026-01-01T00:00:00Z');
  const later = new Date('2026-01-02T00:00:00Z');

  beforeAll(async () => {
    const keys = await generateTestKeyPair();
    chain = [
      new X509Certificate(issueTestCertificate({ commonName: 'a', keys, isCertificateAuthority: true }).pem),
    ];
  });

  it('returns a chain until its expiry and not after', () => {
    // Prepare
    const cache = new CertificateChainCache();
    cache.set('https://s3.amazonaws.com/echo.api/a.pem', chain, new Date(now.getTime() + 1000));

    // Act
    const before = cache.get('https://s3.amazonaws.com/echo.api/a.pem', now);
    const after = cache.get('https://s3.amazonaws.com/echo.api/a.pem', later);

    // Assess
    expect(before).toBe(chain);
    expect(after).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holds no more than its limit, dropping the oldest entry first', () => {
    // Prepare
    const cache = new CertificateChainCache(2);

    // Act
    for (const name of ['a', 'b', 'c']) cache.set(name, chain, later);

    // Assess
    expect([cache.get('a', now), cache.get('b', now), cache.get('c', now)]).toEqual([
      undefined,
      chain,
      chain,
    ]);
  });
});
