import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Table } from 'dynamodb-toolbox/table';
import { readEnv } from '../lib/env';
import { RoutingDocumentClient } from './routing-document-client';
import { TABLE_DEFINITION } from './table-definition';
import { tenantClientPicker } from './tenant-clients';
import { platformCredentials, tenantCredentials } from './tenant-credentials';

const env = readEnv();

/**
 * Short timeouts: a dependency that does not answer becomes a 503 with Retry-After rather than a
 * hung request. Exported for the throttling test, which runs a client configured exactly so.
 */
export const dynamoClientConfig: DynamoDBClientConfig = {
  region: env.region,
  ...(env.dynamodbEndpoint ? { endpoint: env.dynamodbEndpoint } : {}),
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000 },
};

const documentClientOf = (client: DynamoDBClient) => DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });

/**
 * The process's client (created once per Lambda container, local gateway, CLI): in AWS with the
 * platform role's session where the function has one (its own role reaches no data), locally with
 * the process's credentials — the only client there.
 */
export const dynamoClient = new DynamoDBClient({ ...dynamoClientConfig, ...(platformCredentials ? { credentials: platformCredentials } : {}) });

/**
 * What every data module sends through: inside a county's scope in AWS, a client whose
 * credentials are that county's tenant session (it reaches `T#<county>#…` only); otherwise the
 * process client.
 */
export const documentClient = new RoutingDocumentClient(
  tenantClientPicker(documentClientOf(dynamoClient), tenantCredentials, (county, vendor) =>
    documentClientOf(new DynamoDBClient({ ...dynamoClientConfig, credentials: vendor.provider(county) })),
  ),
);

type IndexDefinition = (typeof TABLE_DEFINITION.globalIndexes)[number];
type Indexes = { [I in IndexDefinition as I['indexName']]: { type: 'global'; partitionKey: { name: I['partitionKey']; type: 'string' }; sortKey: { name: I['sortKey']; type: 'string' } } };

const indexes = Object.fromEntries(
  TABLE_DEFINITION.globalIndexes.map((index) => [
    index.indexName,
    { type: 'global', partitionKey: { name: index.partitionKey, type: 'string' }, sortKey: { name: index.sortKey, type: 'string' } },
  ]),
) as Indexes;

export const table = new Table({
  documentClient: documentClient.asDocumentClient(),
  name: env.tableName,
  partitionKey: { name: TABLE_DEFINITION.partitionKey, type: 'string' },
  sortKey: { name: TABLE_DEFINITION.sortKey, type: 'string' },
  indexes,
});

export type IndexName = (typeof TABLE_DEFINITION.globalIndexes)[number]['indexName'];
