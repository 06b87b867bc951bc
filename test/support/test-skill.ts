import type { Skill } from 'ask-sdk-core';
import type { Contact } from '../../lambda/src/domain/contact';
import { createLogger, type Logger } from '../../lambda/src/logger';
import { buildSkill } from '../../lambda/src/skill';
import { TEST_CONTACTS } from '../fixtures/contacts';
import { FakeContactReader, FakeDirectoryPartitions, MemoryPersistenceAdapter } from './fakes';

export const TEST_CONFIG = {
  directoryTable: 'front-desk-directory',
  usersTable: 'front-desk-users',
  skillId: undefined,
  officeTimeZone: 'America/New_York',
} as const;

export interface TestSkill {
  readonly skill: Skill;
  readonly reader: FakeContactReader;
  readonly partitions: FakeDirectoryPartitions;
  readonly persistence: MemoryPersistenceAdapter;
  readonly logLines: string[];
}

/** The real skill, on an in-memory directory, with speech variants fixed to the first one. */
export function buildTestSkill(contacts: readonly Contact[] = TEST_CONTACTS): TestSkill {
  const reader = new FakeContactReader(contacts);
  const partitions = new FakeDirectoryPartitions(contacts);
  const persistence = new MemoryPersistenceAdapter();
  const logLines: string[] = [];
  const logger: Logger = createLogger({ level: 'DEBUG', write: (line) => logLines.push(line) });
  const skill = buildSkill({
    config: TEST_CONFIG,
    contactReader: reader,
    browseReader: partitions,
    soundReader: partitions,
    persistenceAdapter: persistence,
    logger,
    random: () => 0,
  });
  return { skill, reader, partitions, persistence, logLines };
}
