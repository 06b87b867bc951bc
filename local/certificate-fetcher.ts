import { RequestVerificationError } from './request-verification-error';

/**
 * Loads the PEM text of a certificate chain from a URL that has already passed
 * `parseCertificateChainUrl`. Injected into the verifier, so tests serve their own chain without a
 * network.
 */
export type CertificateChainFetcher = (url: URL) => Promise<string>;

export interface HttpsCertificateFetcherOptions {
  /** Whole fetch, body included. Default 2000 ms: Alexa gives the skill 8 s for everything. */
  readonly timeoutMs?: number;
  /** Amazon's chain is about 6 KB. Default 64 KiB. */
  readonly maxBytes?: number;
  /** Default: the global `fetch`. */
  readonly fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 2000;
const DEFAULT_MAX_BYTES = 64 * 1024;

function unavailable(message: string, cause?: unknown): RequestVerificationError {
  return new RequestVerificationError(
    'certificate-unavailable',
    message,
    cause === undefined ? undefined : { cause },
  );
}

async function readLimited(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) throw unavailable(`Certificate chain is larger than ${maxBytes} bytes`);
  if (response.body === null) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw unavailable(`Certificate chain is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The production fetcher: one GET with a timeout and a size limit. Redirects are refused, because
 * the URL that was checked must be the URL that is read. It does not cache: the verifier caches
 * only chains that passed validation.
 */
export function createHttpsCertificateFetcher(
  options: HttpsCertificateFetcherOptions = {},
): CertificateChainFetcher {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const fetchFn = options.fetch ?? fetch;
  return async (url) => {
    try {
      const response = await fetchFn(url, { redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
      if (response.status !== 200) {
        await response.body?.cancel();
        throw unavailable(`Certificate chain fetch answered HTTP ${response.status}`);
      }
      return (await readLimited(response, maxBytes)).toString('utf8');
    } catch (error) {
      if (error instanceof RequestVerificationError) throw error;
      // AbortSignal.timeout rejects with a DOMException, which is not an Error in every realm.
      const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
      throw unavailable(
        timedOut
          ? `Certificate chain fetch timed out after ${timeoutMs} ms`
          : 'Certificate chain fetch failed',
        error,
      );
    }
  };
}
