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

type IndexDefinition = (typeof TABLE_DEFINITION.globalIndexes)[number];
type Indexes = { [I in IndexDefinition as I['indexName']]: { type: 'global'; partitionKey: { name: I['partitionKey']; type: 'string' }; sortKey: { name: I['sortKey']; type: 'string' } } };

const indexes = Object.fromEntries(
  TABLE_DEFINITION.globalIndexes.map((index) => [
    index.indexName,
    { type: 'global', partitionKey: { name: index.partitionKey, type: 'string' }, sortKey: { name: index.sortKey, type: 'string' } },
  ]),
) as Indexes;

export const table = new Table({
  documentClient,
  name: env.tableName,
  partitionKey: { name: TABLE_DEFINITION.partitionKey, type: 'string' },
  sortKey: { name: TABLE_DEFINITION.sortKey, type: 'string' },
  indexes,
});

export type IndexName = (typeof TABLE_DEFINITION.globalIndexes)[number]['indexName'];
