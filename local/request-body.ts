import type { IncomingMessage } from 'node:http';
import { FrontDeskError } from '../lambda/src/errors';

/** The request body is larger than the server accepts. Answered with 413. */
export class RequestBodyTooLargeError extends FrontDeskError {
  public constructor(maxBytes: number) {
    super(`Request body is larger than ${maxBytes} bytes`);
    this.name = 'RequestBodyTooLargeError';
  }
}

/** The client closed the connection before the body was complete. */
export class RequestAbortedError extends FrontDeskError {
  public constructor(options?: { cause?: unknown }) {
    super('Client closed the connection before the request body was complete', options);
    this.name = 'RequestAbortedError';
  }
}

/**
 * Reads a request body as raw bytes (the signature covers bytes, not text), refusing it as soon as
 * it is declared or found to be larger than `maxBytes`, so an oversized body is never buffered.
 */
export function readRequestBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length']) > maxBytes) {
      reject(new RequestBodyTooLargeError(maxBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer): void => {
      total += chunk.length;
      if (total > maxBytes) {
        request.off('data', onData);
        reject(new RequestBodyTooLargeError(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', (error) => reject(new RequestAbortedError({ cause: error })));
    // A client that hangs up mid-body would otherwise leave this promise pending forever.
    request.once('close', () => {
      if (!request.complete) reject(new RequestAbortedError());
    });
  });
}
