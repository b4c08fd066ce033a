import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { LambdaHandler } from './handler-runtime';

/**
 * The local twin of a Lambda event source mapping on the table's stream: polls DynamoDB Local's
 * stream, keeps the records the mapping's filter would pass, and invokes the same handler Lambda
 * runs with a `DynamoDBStreamEvent`. Like the mapping it retries a batch that failed (from the
 * first record the handler reported, `ReportBatchItemFailures`) before moving on, and gives up on
 * a batch after `maxRetries`. Shards open when polling starts are read from their end (history is
 * not replayed on restart); shards that appear later, from their start.
 *
 * DynamoDB Local serves the Streams API on its own endpoint; the AWS SDK's streams client is not
 * published in the version the rest of the SDK is pinned to here, so the four calls are made as
 * plain JSON requests (DynamoDB Local does not check signatures).
 */
export interface StreamPollerOptions {
  client: DynamoDBClient;
  endpoint: string;
  region: string;
  tableName: string;
  /** Which records reach the handler (the mapping's FilterCriteria). */
  filter: (record: DynamoDBRecord) => boolean;
  handler: () => Promise<LambdaHandler>;
  intervalMs?: number;
  maxRetries?: number;
  log?: (line: string) => void;
}

export interface StreamPoller {
  stop(): Promise<void>;
}

interface ShardState {
  iterator?: string;
  lastSequence?: string;
  pending: DynamoDBRecord[];
  failures: number;
}

type StreamRecord = DynamoDBRecord & { dynamodb?: { SequenceNumber?: string } };

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

export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const { endpoint, region } = options;
  const intervalMs = options.intervalMs ?? 250;
  const maxRetries = options.maxRetries ?? 10;
  const log = options.log ?? (() => undefined);
  const { Table } = await options.client.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream`);

  const shards = new Map<string, ShardState>();
  const closed = new Set<string>();
  let first = true;
  let stopped = false;

  async function discoverShards(): Promise<void> {
    let start: string | undefined;
    do {
      const page = await streamsCall<{ StreamDescription: { Shards?: Array<{ ShardId: string }>; LastEvaluatedShardId?: string } }>(endpoint, region, 'DescribeStream', {
        StreamArn: streamArn,
        ...(start ? { ExclusiveStartShardId: start } : {}),
      });
      for (const shard of page.StreamDescription.Shards ?? []) {
        if (shards.has(shard.ShardId) || closed.has(shard.ShardId)) continue;
        const { ShardIterator } = await streamsCall<{ ShardIterator?: string }>(endpoint, region, 'GetShardIterator', {
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: first ? 'LATEST' : 'TRIM_HORIZON',
        });
        shards.set(shard.ShardId, { iterator: ShardIterator, pending: [], failures: 0 });
      }
      start = page.StreamDescription.LastEvaluatedShardId;
    } while (start);
    first = false;
  }

  /** Invokes the handler with the pending records; keeps those from the first reported failure. */
  async function deliver(shardId: string, state: ShardState): Promise<void> {
    if (state.pending.length === 0) return;
    const handler = await options.handler();
    let failedFrom: number;
    try {
      const result = (await handler({ Records: state.pending }, {})) as { batchItemFailures?: Array<{ itemIdentifier: string }> } | undefined;
      const failedIds = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      failedFrom = state.pending.findIndex((r) => failedIds.has((r as StreamRecord).dynamodb?.SequenceNumber ?? ''));
    } catch (error) {
      log(`stream: handler failed on ${shardId}: ${(error as Error).message}`);
      failedFrom = 0;
    }
    if (failedFrom < 0) {
      state.pending = [];
      state.failures = 0;
      return;
    }
    state.pending = state.pending.slice(failedFrom);
    if (++state.failures > maxRetries) {
      log(`stream: dropping ${state.pending.length} record(s) of ${shardId} after ${maxRetries} retries`);
      state.pending = [];
      state.failures = 0;
    }
  }

  async function pollShard(shardId: string, state: ShardState): Promise<void> {
    if (state.pending.length > 0) return deliver(shardId, state);
    if (!state.iterator) {
      shards.delete(shardId);
      closed.add(shardId);
      return;
    }
    let page: { Records?: StreamRecord[]; NextShardIterator?: string };
    try {
      page = await streamsCall(endpoint, region, 'GetRecords', { ShardIterator: state.iterator, Limit: 1000 });
    } catch (error) {
      if ((error as Error).name !== 'ExpiredIteratorException') throw error;
      const { ShardIterator } = await streamsCall<{ ShardIterator?: string }>(endpoint, region, 'GetShardIterator', {
        StreamArn: streamArn,
        ShardId: shardId,
        ...(state.lastSequence ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: state.lastSequence } : { ShardIteratorType: 'LATEST' }),
      });
      state.iterator = ShardIterator;
      return;
    }
    const records = page.Records ?? [];
    state.iterator = page.NextShardIterator;
    const last = records.at(-1);
    if (last?.dynamodb?.SequenceNumber) state.lastSequence = last.dynamodb.SequenceNumber;
    state.pending = records.map((r) => ({ ...r, eventSourceARN: streamArn })).filter(options.filter);
    await deliver(shardId, state);
  }

  async function tick(): Promise<void> {
    await discoverShards();
    await Promise.all([...shards.entries()].map(([id, state]) => pollShard(id, state)));
  }

  let loop: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      loop = tick()
        .catch((error: unknown) => log(`stream: ${(error as Error).message}`))
        .finally(schedule);
    }, intervalMs);
  };
  await discoverShards();
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await loop;
    },
  };
}

/** The webhook fan-out mapping's filter (the CDK sets the same FilterCriteria): new matter timeline events. */
export function isNewMatterEvent(record: DynamoDBRecord): boolean {
  return record.eventName === 'INSERT' && record.dynamodb?.NewImage?._et?.S === 'matterEvent';
}
