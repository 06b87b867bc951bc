import type { X509Certificate } from 'node:crypto';

interface Entry {
  readonly chain: readonly X509Certificate[];
  readonly expiresAt: number;
}

/**
 * Validated certificate chains by URL, each kept until the given expiry (the earliest `validTo` in
 * its chain). Failures are never stored. Bounded, because any path under `/echo.api/` passes the
 * URL check and each distinct URL would otherwise stay forever; the oldest entry goes first.
 */
export class CertificateChainCache {
  private readonly entries = new Map<string, Entry>();

  public constructor(private readonly maxEntries = 16) {}

  public get(url: string, now: Date): readonly X509Certificate[] | undefined {
    const entry = this.entries.get(url);
    if (entry === undefined) return undefined;
    if (now.getTime() > entry.expiresAt) {
      this.entries.delete(url);
      return undefined;
    }
    return entry.chain;
  }

  public set(url: string, chain: readonly X509Certificate[], expiresAt: Date): void {
    this.entries.delete(url);
    this.entries.set(url, { chain, expiresAt: expiresAt.getTime() });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  public delete(url: string): void {
    this.entries.delete(url);
  }

  public get size(): number {
    return this.entries.size;
  }
}
