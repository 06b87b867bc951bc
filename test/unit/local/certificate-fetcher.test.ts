import { createHttpsCertificateFetcher } from '../../../local/certificate-fetcher';

const URL_OF_CHAIN = new URL('https://s3.amazonaws.com/echo.api/echo-api-cert.pem');
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('createHttpsCertificateFetcher', () => {
  it('returns the body of a 200 answer', async () => {
    // Prepare
    const fetcher = createHttpsCertificateFetcher({ fetch: async () => new Response(PEM, { status: 200 }) });

    // Act
    const pem = await fetcher(URL_OF_CHAIN);

    // Assess
    expect(pem).toBe(PEM);
  });

  it('asks for the checked URL itself and refuses to follow redirects', async () => {
    // Prepare
    const calls: { url: string; redirect: RequestInit['redirect'] }[] = [];
    const fetcher = createHttpsCertificateFetcher({
      fetch: async (url, init) => {
        calls.push({ url: String(url), redirect: init?.redirect });
        return new Response(PEM);
      },
    });

    // Act
    await fetcher(URL_OF_CHAIN);

    // Assess
    expect(calls).toEqual([{ url: URL_OF_CHAIN.href, redirect: 'error' }]);
  });

  it('refuses an answer other than 200', async () => {
    // Prepare
    const fetcher = createHttpsCertificateFetcher({
      fetch: async () => new Response('<Error/>', { status: 403 }),
    });

    // Act
    const fetching = fetcher(URL_OF_CHAIN);

    // Assess
    await expect(fetching).rejects.toMatchObject({
      reason: 'certificate-unavailable',
      message: expect.stringContaining('403'),
    });
  });

  it('gives up when the answer takes longer than the timeout', async () => {
    // Prepare
    const fetcher = createHttpsCertificateFetcher({
      timeoutMs: 20,
      fetch: (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    });

    // Act
    const fetching = fetcher(URL_OF_CHAIN);

    // Assess
    await expect(fetching).rejects.toMatchObject({
      reason: 'certificate-unavailable',
      message: expect.stringContaining('timed out'),
    });
  });

  it('refuses a chain larger than the limit, whether declared or streamed', async () => {
    // Prepare
    const big = 'x'.repeat(2048);
    const declared = createHttpsCertificateFetcher({ maxBytes: 1024, fetch: async () => new Response(big) });
    const streamed = createHttpsCertificateFetcher({
      maxBytes: 1024,
      fetch: async () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode(big));
              controller.close();
            },
          }),
        ),
    });

    // Act
    const results = await Promise.allSettled([declared(URL_OF_CHAIN), streamed(URL_OF_CHAIN)]);

    // Assess
    expect(results.map((result) => result.status === 'rejected' && result.reason.reason)).toEqual([
      'certificate-unavailable',
      'certificate-unavailable',
    ]);
  });

  it('carries a network failure as the cause', async () => {
    // Prepare
    const failure = new TypeError('fetch failed');
    const fetcher = createHttpsCertificateFetcher({
      fetch: async () => {
        throw failure;
      },
    });

    // Act
    const fetching = fetcher(URL_OF_CHAIN);

    // Assess
    await expect(fetching).rejects.toMatchObject({ reason: 'certificate-unavailable', cause: failure });
  });
});
