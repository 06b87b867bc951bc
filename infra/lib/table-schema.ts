import {
  type Attribute,
  AttributeType,
  type GlobalSecondaryIndexProps,
  ProjectionType,
  type TableProps,
} from 'aws-cdk-lib/aws-dynamodb';
import type {
  IndexDefinition,
  KeyAttribute,
  TableDefinition,
} from '../../lambda/src/repositories/table-definitions';

function attributeOf(key: KeyAttribute): Attribute {
  return { name: key.name, type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER };
}

function projectionOf(
  index: IndexDefinition,
): Pick<GlobalSecondaryIndexProps, 'projectionType' | 'nonKeyAttributes'> {
  if (index.projection === 'ALL') return { projectionType: ProjectionType.ALL };
  if (index.projection === 'KEYS_ONLY') return { projectionType: ProjectionType.KEYS_ONLY };
  return { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...index.projection] };
}

/** The key schema of a table, from the single definition the local store also builds from. */
export function tableKeySchema(definition: TableDefinition): Pick<TableProps, 'partitionKey' | 'sortKey'> {
  return {
    partitionKey: attributeOf(definition.partitionKey),
    ...(definition.sortKey ? { sortKey: attributeOf(definition.sortKey) } : {}),
  };
}

/** The global secondary indexes of a table, from the same definition. */
export function globalSecondaryIndexes(definition: TableDefinition): GlobalSecondaryIndexProps[] {
  return definition.globalSecondaryIndexes.map((index) => ({
    indexName: index.indexName,
    partitionKey: attributeOf(index.partitionKey),
    ...(index.sortKey ? { sortKey: attributeOf(index.sortKey) } : {}),
    ...projectionOf(index),
  }));
}
