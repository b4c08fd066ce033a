import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTable } from '@beatlink/functions/data/create-table';
import { TABLE_DEFINITION } from '@beatlink/functions/data/table-definition';
import '../support/provided';

/** A table kept from before the matter indexes existed (a developer's `.data/`) gains them on start. */
const config = inject('stackConfig');
const client = new DynamoDBClient({ endpoint: config.dynamodbEndpoint, region: config.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
const tableName = `upgrade-${Date.now()}`;

afterAll(async () => {
  await client.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
  client.destroy();
});

describe('createTable on an existing table', () => {
  it('adds the indexes the table lacks, one at a time, and keeps its items', async () => {
    const old = TABLE_DEFINITION.globalIndexes.slice(0, 2);
    const names = ['pk', 'sk', ...old.flatMap((i) => [i.partitionKey, i.sortKey])];
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: names.map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: old.map((i) => ({
          IndexName: i.indexName,
          KeySchema: [
            { AttributeName: i.partitionKey, KeyType: 'HASH' },
            { AttributeName: i.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
    const key = { pk: { S: 'T#370283#STATION' }, sk: { S: 'stn_kept' } };
    await client.send(new PutItemCommand({ TableName: tableName, Item: { ...key, name: { S: '保留的派出所' } } }));
    const result = await createTable({ tableName, client });
    expect(result.created).toBe(false);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName).sort()).toEqual(TABLE_DEFINITION.globalIndexes.map((i) => i.indexName).sort());
    expect(Table?.GlobalSecondaryIndexes?.every((i) => i.IndexStatus === 'ACTIVE')).toBe(true);
    expect((await client.send(new GetItemCommand({ TableName: tableName, Key: key }))).Item?.name?.S).toBe('保留的派出所');
  }, 120_000);
});
