/**
 * The one definition of Front Desk's tables. The CDK stack, the local store and the importer's
 * `--create-tables` all build their tables from these objects, so they cannot drift apart.
 */

export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S' | 'N';
}

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  /** Attributes copied into the index besides the keys; `'ALL'` copies the whole item. */
  readonly projection: 'ALL' | 'KEYS_ONLY' | readonly string[];
}

export interface TableDefinition {
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly globalSecondaryIndexes: readonly IndexDefinition[];
  /** The attribute DynamoDB's TTL deletes items by (epoch seconds), if the table has one. */
  readonly timeToLiveAttribute?: string;
}

/**
 * The directory: contacts, the lookup and browse entries derived from them, presence and its
 * history, all in one table keyed `pk`/`sk` (see `directory-items.ts` for the item shapes).
 */
export const DIRECTORY_TABLE: TableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    {
      // Sparse: only presence items of people who are in carry `presentPk`, so "who's in" reads
      // exactly the people in, newest first, without touching the rest of the directory.
      indexName: 'present',
      partitionKey: { name: 'presentPk', type: 'S' },
      sortKey: { name: 'presentSk', type: 'S' },
      projection: 'ALL',
    },
    {
      // Sparse: presence items of people who are in and have a company carry `presentCompanyPk`
      // (`PRESENT#<company key>`), so "who's in from Globex" reads Globex's people in, newest first.
      indexName: 'presentByCompany',
      partitionKey: { name: 'presentCompanyPk', type: 'S' },
      sortKey: { name: 'presentSk', type: 'S' },
      projection: 'ALL',
    },
    {
      // Sparse: presence items of people who are out carry `leftPk`/`leftSk`, so "who checked out
      // today" reads, newest first, just the people who left since the office's midnight.
      indexName: 'left',
      partitionKey: { name: 'leftPk', type: 'S' },
      sortKey: { name: 'leftSk', type: 'S' },
      projection: 'ALL',
    },
  ],
  // Visits expire (VISITOR_RETENTION_DAYS); reads ignore expired ones, as the local store has no TTL.
  timeToLiveAttribute: 'expiresAt',
};

/**
 * Per-user persistent attributes, in the format of `ask-sdk-dynamodb-persistence-adapter`
 * (partition key `id`, map attribute `attributes`), so a skill moving to Front Desk keeps its data.
 */
export const USERS_TABLE: TableDefinition = {
  partitionKey: { name: 'id', type: 'S' },
  globalSecondaryIndexes: [],
};

export const USERS_ATTRIBUTES_NAME = 'attributes';

export const DEFAULT_TABLE_NAMES = {
  directory: 'front-desk-directory',
  users: 'front-desk-users',
} as const;
