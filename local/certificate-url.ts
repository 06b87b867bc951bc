import { RequestVerificationError } from './request-verification-error';

const REQUIRED_PROTOCOL = 'https:';
const REQUIRED_HOST = 's3.amazonaws.com';
const REQUIRED_PATH_PREFIX = '/echo.api/';
/** `URL` reports the scheme's default port as "", so an explicit `:443` and no port look alike. */
const DEFAULT_HTTPS_PORT = '';
/** Percent-encoded `.`, `/` and `\`: S3 would decode them into a key that only looks like a path. */
const ENCODED_PATH_SEPARATORS = /%2e|%2f|%5c/i;

/**
 * Checks a `SignatureCertChainUrl` header as Alexa's certification requires and returns the URL to
 * fetch. The WHATWG URL parser lowercases the scheme and host, drops the default port and resolves
 * `.` and `..` segments (also their percent-encoded and backslash forms), so every check below runs
 * on the normalised URL: `https://s3.amazonaws.com/echo.api/../evil` is checked as `/evil`.
 *
 * Stricter than the rules Amazon publishes in two ways that no genuine Alexa request trips over:
 * credentials in the URL and percent-encoded separators in the path are refused.
 */
export function parseCertificateChainUrl(header: string): URL {
  let url: URL;
  try {
    url = new URL(header);
  } catch (error) {
    throw new RequestVerificationError('certificate-url-malformed', 'Certificate URL is not a URL', {
      cause: error,
    });
  }
  if (url.protocol !== REQUIRED_PROTOCOL) {
    throw new RequestVerificationError(
      'certificate-url-not-https',
      `Certificate URL scheme must be https, not ${url.protocol.slice(0, -1)}`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new RequestVerificationError(
      'certificate-url-malformed',
      'Certificate URL must not carry credentials',
    );
  }
  if (url.hostname !== REQUIRED_HOST) {
    throw new RequestVerificationError(
      'certificate-url-wrong-host',
      `Certificate URL host must be ${REQUIRED_HOST}, not ${url.hostname}`,
    );
  }
  if (url.port !== DEFAULT_HTTPS_PORT) {
    throw new RequestVerificationError(
      'certificate-url-wrong-port',
      `Certificate URL port must be 443, not ${url.port}`,
    );
  }
  if (!url.pathname.startsWith(REQUIRED_PATH_PREFIX) || ENCODED_PATH_SEPARATORS.test(url.pathname)) {
    throw new RequestVerificationError(
      'certificate-url-wrong-path',
      `Certificate URL path must be under ${REQUIRED_PATH_PREFIX} once normalised`,
    );
  }
  url.hash = '';
  return url;
}
