import { BatchGetItemCommand, BatchWriteItemCommand, DescribeTableCommand, DynamoDBClient, ScanCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatExport, type Item } from './county-export-format';
import { ImportRefused, ImportUndone, importCounty, writeItems } from './county-export';

/** Failure handling of the import, with DynamoDB mocked (the round trip itself is an integration test). */
const client = new DynamoDBClient({ region: 'cn-north-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
const dynamo = mockClient(client);
const item = (i: number): Item => ({ pk: { S: 'T#370211#STATION' }, sk: { S: `stn_${String(i).padStart(3, '0')}` } });
const sixty = Array.from({ length: 60 }, (_, i) => item(i));

beforeEach(() => dynamo.reset());

describe('writeItems', () => {
  it('writes in chunks of 25 and retries unprocessed items with growing, jittered waits', async () => {
    const waits: number[] = [];
    let throttled = 2;
    dynamo.on(BatchWriteItemCommand).callsFake((input: { RequestItems: Record<string, { PutRequest: { Item: Item } }[]> }) => {
      const requests = input.RequestItems.t!;
      // The first two calls leave their last three items unprocessed, as a throttled table does.
      if (throttled-- > 0) return { UnprocessedItems: { t: requests.slice(-3) } };
      return { UnprocessedItems: {} };
    });
    await writeItems(client, 't', sixty, { backoffMs: 100, random: () => 0.5, sleep: async (ms) => void waits.push(ms) });
    const written = dynamo.commandCalls(BatchWriteItemCommand).map((c) => c.args[0].input.RequestItems!.t!.length);
    expect(Math.max(...written)).toBe(25);
    expect(written.reduce((a, b) => a + b, 0)).toBe(60 + 3 + 3);
    expect(waits).toEqual([100, 100]);
  });

  it('takes no new chunk once one has failed, and lets the chunks in hand finish', async () => {
    let calls = 0;
    const finished: number[] = [];
    dynamo.on(BatchWriteItemCommand).callsFake(async (input: { RequestItems: Record<string, unknown[]> }) => {
      const call = calls++;
      if (call === 1) throw Object.assign(new Error('boom'), { name: 'InternalServerError' });
      await new Promise((r) => setTimeout(r, 20));
      finished.push(input.RequestItems.t!.length);
      return { UnprocessedItems: {} };
    });
    const many = Array.from({ length: 25 * 12 }, (_, i) => item(i));
    await expect(writeItems(client, 't', many)).rejects.toThrow('boom');
    // Four workers: the failing call and the three others in flight; no fifth call.
    expect(calls).toBe(4);
    expect(finished).toHaveLength(3);
  });

  it('gives up after maxAttempts when items stay unprocessed', async () => {
    const waits: number[] = [];
    dynamo.on(BatchWriteItemCommand).callsFake((input: { RequestItems: Record<string, unknown[]> }) => ({ UnprocessedItems: { t: input.RequestItems.t } }));
    await expect(writeItems(client, 't', [item(1)], { maxAttempts: 4, backoffMs: 10, random: () => 1, sleep: async (ms) => void waits.push(ms) })).rejects.toThrow(
      /1 item\(s\) still unprocessed after 4 attempts/,
    );
    expect(waits).toEqual([20, 40, 80]);
  });
});

describe('importCounty', () => {
  const text = formatExport(sixty, { county: '370211', table: 'beatlink', exportedAt: '2026-11-29T00:00:00.000Z' }).text;

  it('refuses a table that already holds an item of the county, writing nothing', async () => {
    dynamo.on(DescribeTableCommand).resolves({ Table: { TableName: 't' } });
    dynamo.on(ScanCommand).resolves({ Items: [{ pk: { S: 'T#370211#CONFIG' }, sk: { S: 'CONFIG' } }] });
    await expect(importCounty({ client, tableName: 't', text })).rejects.toThrow(ImportRefused);
    expect(dynamo.commandCalls(BatchWriteItemCommand)).toHaveLength(0);
  });

  it('refuses usernames claimed in the table, writing nothing', async () => {
    const claim: Item = { pk: { S: 'PLATFORM#USERNAME' }, sk: { S: 'wang.wei' }, tenantId: { S: '370211' } };
    const withClaim = formatExport([...sixty, claim], { county: '370211', table: 'beatlink', exportedAt: '2026-11-29T00:00:00.000Z' }).text;
    dynamo.on(DescribeTableCommand).resolves({ Table: { TableName: 't' } });
    dynamo.on(ScanCommand).resolves({ Items: [] });
    dynamo.on(BatchGetItemCommand).resolves({ Responses: { t: [{ ...claim, tenantId: { S: '370283' } }] } });
    await expect(importCounty({ client, tableName: 't', text: withClaim })).rejects.toThrow(/username\(s\) wang.wei \(held by 370283\)/);
    expect(dynamo.commandCalls(BatchWriteItemCommand)).toHaveLength(0);
  });

  it('checks the file before touching the table', async () => {
    await expect(importCounty({ client, tableName: 't', text: text.replace('stn_007', 'stn_007a') })).rejects.toThrow(/sha256/);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it('undoes a write that fails midway: every key of the file deleted, the table as it was', async () => {
    dynamo.on(DescribeTableCommand).resolves({ Table: { TableName: 't' } });
    dynamo.on(ScanCommand).resolves({ Items: [] });
    let puts = 0;
    dynamo.on(BatchWriteItemCommand).callsFake((input: { RequestItems: Record<string, WriteRequest[]> }) => {
      const requests = input.RequestItems.t!;
      if (requests[0]!.PutRequest && ++puts === 2) throw Object.assign(new Error('Throughput exceeds the current capacity'), { name: 'ProvisionedThroughputExceededException' });
      return { UnprocessedItems: {} };
    });
    const error = await importCounty({ client, tableName: 't', text }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportUndone);
    expect((error as Error).message).toMatch(/Throughput exceeds.*60 item\(s\).*deleted again, the table is as it was/);
    const deleted = dynamo
      .commandCalls(BatchWriteItemCommand)
      .flatMap((c) => c.args[0].input.RequestItems!.t!)
      .filter((r) => r.DeleteRequest)
      .map((r) => r.DeleteRequest!.Key!.sk!.S);
    expect(deleted.sort()).toEqual(sixty.map((i) => i.sk!.S).sort());
  });

  it('names what to delete when undoing fails too', async () => {
    dynamo.on(DescribeTableCommand).resolves({ Table: { TableName: 't' } });
    dynamo.on(ScanCommand).resolves({ Items: [] });
    dynamo.on(BatchWriteItemCommand).rejects(Object.assign(new Error('connection reset'), { name: 'TimeoutError' }));
    await expect(importCounty({ client, tableName: 't', text })).rejects.toThrow(/undoing it failed too \(connection reset\): delete the items of county 370211 \(pk T#370211#…/);
  });
});
