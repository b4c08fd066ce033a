import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DeleteItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoDbClient } from '@beatlink/infra/local/dynamodb-local';
import { apiAs, type ApiClient } from '../support/api';
import { writeWatch } from '../lib/write-watch';
import '../support/provided';

/**
 * The write watch the route-table and fuzz suites rely on to say "nothing was written" must see
 * every kind of write, in any partition, from the API or from anywhere else — or those suites
 * would pass on a route that writes.
 */
const config = inject('stackConfig');
const logins = inject('logins');
const seeded = inject('seededIds');
const client = localDynamoDbClient(config.dynamodbEndpoint, config.region);
let watch: Awaited<ReturnType<typeof writeWatch>>;
let office: ApiClient;

beforeAll(async () => {
  watch = await writeWatch(config, (item) => item.pk?.S === 'TEST#IGNORED');
  office = await apiAs(config, logins.byTenant['370283']!.program_office!);
});
afterAll(() => {
  watch?.close();
  client.destroy();
});

const key = (pk: string, sk: string) => ({ pk: { S: pk }, sk: { S: sk } });

describe('write watch', () => {
  it('passes when nothing is written, reads included', async () => {
    await watch.expectNoWrites(async () => {
      await office.get('/directory/departments');
    });
  });

  it('fails on a write through the API and names its keys', async () => {
    let id = '';
    const failed = await watch
      .expectNoWrites(async () => {
        id = (await office.post<{ id: string }>('/directory/departments', { name: `监视测试${randomUUID().slice(0, 6)}` })).id;
      })
      .then(
        () => undefined,
        (error: Error) => error.message,
      );
    expect(failed).toBeDefined();
    expect(failed).toContain(id);
  });

  it('sees a put, an update and a delete in any partition, each in its own check', async () => {
    const pk = `TEST#WATCHED#${randomUUID()}`;
    const writes = [
      () => client.send(new PutItemCommand({ TableName: config.tableName, Item: { ...key(pk, 'a'), n: { N: '1' } } })),
      () => client.send(new UpdateItemCommand({ TableName: config.tableName, Key: key(pk, 'a'), UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } })),
      () => client.send(new DeleteItemCommand({ TableName: config.tableName, Key: key(pk, 'a') })),
    ];
    await watch.begin();
    const seen = [];
    for (const write of writes) {
      await write();
      seen.push(await watch.writesSince());
    }
    expect(seen).toEqual([
      [{ change: 'INSERT', pk, sk: 'a' }],
      [{ change: 'MODIFY', pk, sk: 'a' }],
      [{ change: 'REMOVE', pk, sk: 'a' }],
    ]);
  });

  it("waits for the webhook fan-out's answer to earlier timeline events before a check", async () => {
    const hook = await office.post<{ id: string; version: number }>('/integrations/webhooks', { url: 'http://127.0.0.1:9/unreachable', events: ['matter.created'] });
    try {
      // A new matter is a timeline event: the fan-out writes its delivery a moment later.
      await office.post('/matters', {
        kind: 'demand',
        source: 'office',
        villageId: seeded.ids['370283']!.villages![0],
        categoryId: 'sanitation',
        description: `监视测试 ${randomUUID()}`,
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      });
      // The check lasts longer than the fan-out takes: begun too early, it would see the delivery.
      await watch.expectNoWrites(async () => {
        await office.get('/directory/departments');
        await new Promise((r) => setTimeout(r, 2_000));
      });
    } finally {
      await office.put(`/integrations/webhooks/${hook.id}`, { version: hook.version, status: 'disabled' });
    }
  });

  it('leaves out what it is told to ignore', async () => {
    await watch.expectNoWrites(async () => {
      await client.send(new PutItemCommand({ TableName: config.tableName, Item: key('TEST#IGNORED', randomUUID()) }));
    });
  });
});
