import type { RequestEnvelope } from 'ask-sdk-model';
import { createLogger } from '../../lambda/src/logger';
import { buildSkill } from '../../lambda/src/skill';
import { FakeAlexaApi, RecordingEventPublisher } from './fakes';
import { speechOf } from './response-checks';
import { skillConfigFor, storesOn, type TestStore } from './store';

/**
 * Sends `request` to Front Desk on `testStore`, in an ongoing session holding `attributes` (as a
 * device sends back whatever it was given, garbled or not). Returns what was said and the
 * "Request failed" lines logged, so a test can tell an answer from a crash.
 */
export async function answerInSession(
  testStore: TestStore,
  request: RequestEnvelope,
  attributes: Record<string, unknown>,
): Promise<{ speech: string; failures: string[] }> {
  const lines: string[] = [];
  const skill = buildSkill({
    config: skillConfigFor(testStore),
    stores: storesOn(testStore),
    events: new RecordingEventPublisher(),
    apiClient: new FakeAlexaApi(),
    logger: createLogger({ level: 'INFO', write: (line) => lines.push(line) }),
    random: () => 0,
  });
  const envelope = structuredClone(request);
  if (envelope.session) {
    envelope.session.new = false;
    envelope.session.attributes = structuredClone(attributes);
  }
  const response = await skill.invoke(envelope);
  return {
    speech: speechOf(response),
    failures: lines.filter((line) => line.includes('"message":"Request failed"')),
  };
}
