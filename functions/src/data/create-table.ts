import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type AttributeDefinition,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import { DEFAULT_TABLE_NAME, TABLE_DEFINITION } from './table-definition';

function indexSpec(index: (typeof TABLE_DEFINITION.globalIndexes)[number]): GlobalSecondaryIndex {
  return {
    IndexName: index.indexName,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' },
      { AttributeName: index.sortKey, KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: 'ALL' },
  };
}

async function waitForActiveIndexes(client: DynamoDBClient, tableName: string): Promise<string[]> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexes = Table?.GlobalSecondaryIndexes ?? [];
    if (Table?.TableStatus === 'ACTIVE' && indexes.every((i) => i.IndexStatus === 'ACTIVE')) return indexes.map((i) => i.IndexName!);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`table ${tableName}: indexes did not become active`);
}

/** Indexes added to TABLE_DEFINITION after the table was created (a kept `.data/` table). */
async function addMissingIndexes(client: DynamoDBClient, tableName: string, attributeDefinitions: AttributeDefinition[]): Promise<void> {
  let present = await waitForActiveIndexes(client, tableName);
  for (const index of TABLE_DEFINITION.globalIndexes) {
    if (present.includes(index.indexName)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: attributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: indexSpec(index) }],
      }),
    );
    present = await waitForActiveIndexes(client, tableName);
  }
}

/** A table made before the stream was part of TABLE_DEFINITION gains it (kept `.data/`). */
async function enableStream(client: DynamoDBClient, tableName: string): Promise<void> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  if (Table?.StreamSpecification?.StreamEnabled) return;
  await client.send(
    new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: TABLE_DEFINITION.stream } }),
  );
  await waitForActiveIndexes(client, tableName);
}

export interface CreateTableOptions {
  tableName?: string;
  /** An existing client; otherwise one is made from `endpoint`/`region` (local credentials). */
  client?: DynamoDBClient;
  endpoint?: string;
  region?: string;
}

/**
 * Creates the single table from TABLE_DEFINITION (on-demand, the GSIs, TTL on `expiresAt`).
 * Idempotent: an existing table keeps its data; TTL is switched on if it was off and indexes added
 * to TABLE_DEFINITION since the table was made are created (one at a time, as DynamoDB requires).
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
        GlobalSecondaryIndexes: def.globalIndexes.map(indexSpec),
        StreamSpecification: { StreamEnabled: true, StreamViewType: def.stream },
      }),
    );
    created = true;
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceInUseException') throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: tableName });
  if (!created) {
    await addMissingIndexes(client, tableName, attributeDefinitions);
    await enableStream(client, tableName);
  }

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
