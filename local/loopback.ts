import { isIPv4 } from 'node:net';

/**
 * Loopback checks for the development routes (test console and friends). Those routes read and
 * change the directory without Alexa's signature, so they answer only this machine: the caller's
 * address must be loopback, and so must the names in `Host` and `Origin`, which a web page in the
 * developer's own browser controls (DNS rebinding, cross-site form posts) while its address stays
 * 127.0.0.1.
 */

const IPV4_MAPPED_PREFIX = '::ffff:';
const LOOPBACK_HOST = /^(localhost|\d{1,3}(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/i;

function isLoopbackIPv4(address: string): boolean {
  return isIPv4(address) && address.startsWith('127.');
}

/** True for 127.0.0.0/8, `::1` and IPv4-mapped 127.x addresses, as `socket.remoteAddress` gives them. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const lower = address.toLowerCase();
  if (lower === '::1') return true;
  if (lower.startsWith(IPV4_MAPPED_PREFIX)) return isLoopbackIPv4(lower.slice(IPV4_MAPPED_PREFIX.length));
  return isLoopbackIPv4(lower);
}

/** True when a `Host` header names this machine: `localhost`, `127.x.x.x` or `[::1]`, with any port. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  const match = LOOPBACK_HOST.exec(host);
  const name = match?.[1];
  if (name === undefined) return false;
  return name.toLowerCase() === 'localhost' || name === '[::1]' || isLoopbackIPv4(name);
}

/** True when an `Origin` header is a page served from this machine over http(s). */
export function isLoopbackOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // includes the opaque origin "null"
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.origin === origin &&
    isLoopbackHost(url.host)
  );
}
