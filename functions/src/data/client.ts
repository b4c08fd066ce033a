import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Table } from 'dynamodb-toolbox/table';
import { readEnv } from '../lib/env';
import { TABLE_DEFINITION } from './table-definition';

const env = readEnv();

/**
 * Created once per process (Lambda container, local gateway, CLI). Short timeouts: a dependency
 * that does not answer becomes a 503 with Retry-After rather than a hung request.
 */
export const dynamoClient = new DynamoDBClient({
  region: env.region,
  ...(env.dynamodbEndpoint ? { endpoint: env.dynamodbEndpoint } : {}),
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000 },
});

export const documentClient = DynamoDBDocumentClient.from(dynamoClient, {
  marshallOptions: { removeUndefinedValues: true },
});

const [gsi1, gsi2] = TABLE_DEFINITION.globalIndexes;

export const table = new Table({
  documentClient,
  name: env.tableName,
  partitionKey: { name: TABLE_DEFINITION.partitionKey, type: 'string' },
  sortKey: { name: TABLE_DEFINITION.sortKey, type: 'string' },
  indexes: {
    [gsi1.indexName]: { type: 'global', partitionKey: { name: gsi1.partitionKey, type: 'string' }, sortKey: { name: gsi1.sortKey, type: 'string' } },
    [gsi2.indexName]: { type: 'global', partitionKey: { name: gsi2.partitionKey, type: 'string' }, sortKey: { name: gsi2.sortKey, type: 'string' } },
  } as const,
});

export type IndexName = (typeof TABLE_DEFINITION.globalIndexes)[number]['indexName'];
