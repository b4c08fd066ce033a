import {
  CreateTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type AttributeDefinition,
} from '@aws-sdk/client-dynamodb';
import { DEFAULT_TABLE_NAME, TABLE_DEFINITION } from './table-definition';

export interface CreateTableOptions {
  tableName?: string;
  /** An existing client; otherwise one is made from `endpoint`/`region` (local credentials). */
  client?: DynamoDBClient;
  endpoint?: string;
  region?: string;
}

/**
 * Creates the single table from TABLE_DEFINITION (on-demand, both GSIs, TTL on `expiresAt`).
 * Idempotent: an existing table is left as it is (TTL is still switched on if it was off).
 * Returns whether the table was created by this call.
 */
export async function createTable(options: CreateTableOptions = {}): Promise<{ tableName: string; created: boolean }> {
  const tableName = options.tableName ?? DEFAULT_TABLE_NAME;
  const client =
    options.client ??
    new DynamoDBClient({
      region: options.region ?? 'cn-north-1',
      ...(options.endpoint ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    });
  const def = TABLE_DEFINITION;
  const attributes = new Set<string>([def.partitionKey, def.sortKey]);
  for (const index of def.globalIndexes) {
    attributes.add(index.partitionKey);
    attributes.add(index.sortKey);
  }
  const attributeDefinitions: AttributeDefinition[] = [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' }));

  let created = false;
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributeDefinitions,
        KeySchema: [
          { AttributeName: def.partitionKey, KeyType: 'HASH' },
          { AttributeName: def.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: def.globalIndexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
    created = true;
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceInUseException') throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: tableName });

  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
  if (status !== 'ENABLED' && status !== 'ENABLING') {
    await client.send(
      new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: def.ttlAttribute, Enabled: true } }),
    );
  }
  if (!options.client) client.destroy();
  return { tableName, created };
}
