import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';

/**
 * A reader of DynamoDB Local's table stream, shard by shard: what the local event source mapping
 * (stream-poller.ts) and the tests' write watch both read. Shards open at the first discovery are
 * read from their end (history is not replayed); shards that appear later, from their start. A
 * shard whose iterator runs out is closed and forgotten.
 *
 * DynamoDB Local serves the Streams API on its own endpoint; the AWS SDK's streams client is not
 * published in the version the rest of the SDK is pinned to here, so the calls are made as plain
 * JSON requests (DynamoDB Local does not check signatures).
 */
export type StreamRecord = DynamoDBRecord & { dynamodb?: { SequenceNumber?: string } };

export interface ShardCursor {
  readonly shardId: string;
  iterator?: string;
  lastSequence?: string;
}

export interface StreamShards {
  readonly streamArn: string;
  /** Opens cursors on shards not seen before. */
  discover(): Promise<void>;
  /** The open shards' cursors. */
  cursors(): ShardCursor[];
  /** One page of records after the cursor (empty when caught up or the shard has closed). */
  read(cursor: ShardCursor): Promise<StreamRecord[]>;
}

export interface StreamShardsOptions {
  client: DynamoDBClient;
  endpoint: string;
  region: string;
  tableName: string;
}

async function streamsCall<T>(endpoint: string, region: string, target: string, body: unknown): Promise<T> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDBStreams_20120810.${target}`,
      authorization: `AWS4-HMAC-SHA256 Credential=local/20260101/${region}/dynamodb/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const json = (await response.json()) as T & { __type?: string; message?: string };
  if (!response.ok) throw Object.assign(new Error(`${target}: ${json.message ?? response.status}`), { name: (json.__type ?? '').split('#').pop() || 'StreamsError' });
  return json;
}

export async function openStreamShards(options: StreamShardsOptions): Promise<StreamShards> {
  const { endpoint, region } = options;
  const { Table } = await options.client.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream`);
  const call = <T>(target: string, body: unknown) => streamsCall<T>(endpoint, region, target, body);

  const open = new Map<string, ShardCursor>();
  const closed = new Set<string>();
  let first = true;

  const iterator = async (shardId: string, position: Record<string, string>) =>
    (await call<{ ShardIterator?: string }>('GetShardIterator', { StreamArn: streamArn, ShardId: shardId, ...position })).ShardIterator;

  return {
    streamArn,
    async discover() {
      let start: string | undefined;
      do {
        const page = await call<{ StreamDescription: { Shards?: Array<{ ShardId: string }>; LastEvaluatedShardId?: string } }>('DescribeStream', {
          StreamArn: streamArn,
          ...(start ? { ExclusiveStartShardId: start } : {}),
        });
        for (const { ShardId } of page.StreamDescription.Shards ?? []) {
          if (open.has(ShardId) || closed.has(ShardId)) continue;
          open.set(ShardId, { shardId: ShardId, iterator: await iterator(ShardId, { ShardIteratorType: first ? 'LATEST' : 'TRIM_HORIZON' }) });
        }
        start = page.StreamDescription.LastEvaluatedShardId;
      } while (start);
      first = false;
    },
    cursors: () => [...open.values()],
    async read(cursor) {
      if (!cursor.iterator) {
        open.delete(cursor.shardId);
        closed.add(cursor.shardId);
        return [];
      }
      let page: { Records?: StreamRecord[]; NextShardIterator?: string };
      try {
        page = await call('GetRecords', { ShardIterator: cursor.iterator, Limit: 1000 });
      } catch (error) {
        if ((error as Error).name !== 'ExpiredIteratorException') throw error;
        cursor.iterator = await iterator(
          cursor.shardId,
          cursor.lastSequence ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: cursor.lastSequence } : { ShardIteratorType: 'LATEST' },
        );
        return [];
      }
      const records = (page.Records ?? []).map((r) => ({ ...r, eventSourceARN: streamArn }));
      cursor.iterator = page.NextShardIterator;
      const last = records.at(-1)?.dynamodb?.SequenceNumber;
      if (last) cursor.lastSequence = last;
      return records;
    },
  };
}
