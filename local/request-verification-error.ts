import { FrontDeskError } from '../lambda/src/errors';

/**
 * Why a request to `POST /alexa` was refused. Each check has its own reason, so a log line or a
 * test tells exactly which rule a request broke without exposing the request itself.
 */
export const VerificationFailureReasons = [
  'missing-signature',
  'missing-certificate-url',
  'certificate-url-malformed',
  'certificate-url-not-https',
  'certificate-url-wrong-host',
  'certificate-url-wrong-port',
  'certificate-url-wrong-path',
  'certificate-unavailable',
  'certificate-chain-malformed',
  'certificate-expired',
  'certificate-not-yet-valid',
  'certificate-wrong-subject',
  'certificate-untrusted',
  'signature-invalid',
  'body-not-json',
  'timestamp-missing',
  'timestamp-invalid',
  'timestamp-out-of-tolerance',
  'skill-id-mismatch',
] as const;

export type VerificationFailureReason = (typeof VerificationFailureReasons)[number];

/**
 * A request could not be proven to come from Alexa for this skill. The HTTP layer answers it with
 * 400 and the {@link reason}; the message is for logs and tests and never holds request content.
 */
export class RequestVerificationError extends FrontDeskError {
  public readonly reason: VerificationFailureReason;

  public constructor(reason: VerificationFailureReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RequestVerificationError';
    this.reason = reason;
  }
}
