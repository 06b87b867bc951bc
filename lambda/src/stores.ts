import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { Config } from './config';
import { BoardRepository } from './repositories/board-repository';
import { BrowseRepository } from './repositories/browse-repository';
import { DirectoryRepository } from './repositories/directory-repository';
import { NameSoundRepository } from './repositories/name-sound-repository';
import { DynamoDbPersistenceAdapter, personOrUserIdKey } from './repositories/persistence-adapter';
import { PresenceRepository } from './repositories/presence-repository';
import { VisitRepository } from './repositories/visit-repository';
import type {
  BoardReader,
  BrowseReader,
  ContactReader,
  PresenceStore,
  SoundReader,
  VisitStore,
} from './services/ports';

/**
 * Everything the skill keeps or reads: the services' ports and ASK's persistence adapter. In
 * production and locally these are the DynamoDB repositories ({@link dynamoDbStores}); tests pass
 * fakes.
 */
export interface Stores {
  readonly contacts: ContactReader;
  readonly browse: BrowseReader;
  /** Names that sound alike; without it Front Desk offers no "did you mean". */
  readonly sounds?: SoundReader | undefined;
  readonly presence: PresenceStore;
  /** The board by company and by time. */
  readonly board: BoardReader;
  /**
   * Per-speaker attributes ("remember me", the last person asked about). The DynamoDB adapter can
   * also write one attribute without a read (`SpeakerAttributeWriter`), which the skill then uses.
   */
  readonly persistence: PersistenceAdapter;
  /** The visitors' book (in the directory table). */
  readonly visits: VisitStore;
}

/** The DynamoDB repositories on one client, for the configured tables. */
export function dynamoDbStores(
  client: DynamoDBDocumentClient,
  tables: Pick<Config, 'directoryTable' | 'usersTable'>,
): Stores {
  return {
    contacts: new DirectoryRepository(client, tables.directoryTable),
    browse: new BrowseRepository(client, tables.directoryTable),
    sounds: new NameSoundRepository(client, tables.directoryTable),
    presence: new PresenceRepository(client, tables.directoryTable),
    board: new BoardRepository(client, tables.directoryTable),
    persistence: new DynamoDbPersistenceAdapter({
      client,
      tableName: tables.usersTable,
      // "Remember me" is per voice profile when Alexa recognises the speaker.
      partitionKeyGenerator: personOrUserIdKey,
    }),
    visits: new VisitRepository(client, tables.directoryTable),
  };
}
