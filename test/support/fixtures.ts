import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestEnvelope } from 'ask-sdk-model';

const REQUESTS = path.resolve(__dirname, '../fixtures/requests');

/** A recorded request envelope from `test/fixtures/requests/`, fresh for each call. */
export function readFixture(name: string): RequestEnvelope {
  const file = path.join(REQUESTS, name.endsWith('.json') ? name : `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as RequestEnvelope;
}
