import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { LambdaHandler } from './handler-runtime';
import { openStreamShards, type ShardCursor, type StreamRecord } from './stream-shards';

/**
 * The local twin of a Lambda event source mapping on the table's stream: polls DynamoDB Local's
 * stream (stream-shards.ts), keeps the records the mapping's filter would pass, and invokes the
 * same handler Lambda runs with a `DynamoDBStreamEvent`. Like the mapping it retries a batch that
 * failed (from the first record the handler reported, `ReportBatchItemFailures`) before moving
 * on, and gives up on a batch after `maxRetries`. History is not replayed on restart.
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

interface Batch {
  pending: DynamoDBRecord[];
  failures: number;
}

export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const intervalMs = options.intervalMs ?? 250;
  const maxRetries = options.maxRetries ?? 10;
  const log = options.log ?? (() => undefined);
  const shards = await openStreamShards(options);
  // Per shard cursor: a closed shard's cursor is dropped by the reader, and its batch with it.
  const batches = new WeakMap<ShardCursor, Batch>();
  let stopped = false;

  /** Invokes the handler with the pending records; keeps those from the first reported failure. */
  async function deliver(shardId: string, batch: Batch): Promise<void> {
    if (batch.pending.length === 0) return;
    const handler = await options.handler();
    let failedFrom: number;
    try {
      const result = (await handler({ Records: batch.pending }, {})) as { batchItemFailures?: Array<{ itemIdentifier: string }> } | undefined;
      const failedIds = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      failedFrom = batch.pending.findIndex((r) => failedIds.has((r as StreamRecord).dynamodb?.SequenceNumber ?? ''));
    } catch (error) {
      log(`stream: handler failed on ${shardId}: ${(error as Error).message}`);
      failedFrom = 0;
    }
    if (failedFrom < 0) {
      batch.pending = [];
      batch.failures = 0;
      return;
    }
    batch.pending = batch.pending.slice(failedFrom);
    if (++batch.failures > maxRetries) {
      log(`stream: dropping ${batch.pending.length} record(s) of ${shardId} after ${maxRetries} retries`);
      batch.pending = [];
      batch.failures = 0;
    }
  }

  async function tick(): Promise<void> {
    await shards.discover();
    await Promise.all(
      shards.cursors().map(async (cursor) => {
        let batch = batches.get(cursor);
        if (!batch) batches.set(cursor, (batch = { pending: [], failures: 0 }));
        if (batch.pending.length === 0) batch.pending = (await shards.read(cursor)).filter(options.filter);
        await deliver(cursor.shardId, batch);
      }),
    );
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
  await shards.discover();
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
