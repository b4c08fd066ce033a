import { randomUUID } from 'node:crypto';
import { PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { expect } from 'vitest';
import { localDynamoDbClient } from '@beatlink/infra/local/dynamodb-local';
import type { LocalStackConfig } from '@beatlink/infra/local/stack-config';
import { openStreamShards, type StreamRecord } from '@beatlink/infra/local/stream-shards';
import { waitUntil } from '@beatlink/infra/local/processes';

/** What the watch saw written: the item's keys and the kind of change. */
export interface SeenWrite {
  change: string;
  pk?: string;
  sk?: string;
}

/** Items a request writes by design whatever its input (an API key's rate counter). */
export type IgnoreItem = (item: Record<string, AttributeValue>) => boolean;

const WATCH_PK = 'TEST#WRITE_WATCH';

/** The local stream poller reads every 250 ms: this long without a record, the fan-out is idle. */
const QUIET_MS = 1_000;
/** The fan-out reacts to matter timeline events; this long after the last one, it has. */
const FAN_OUT_MS = 15_000;

/**
 * Asserts that requests write nothing by reading the table's stream instead of Scanning the
 * table: every put, update or delete that changed an item is a stream record, whatever its
 * partition. To know the stream has caught up, the watch writes a marker item of its own (a
 * test-only partition no route reads) and reads until the marker's record: DynamoDB Local
 * applies writes in order, so what the action wrote comes before it. A Scan of the seeded table
 * costs about a second; this costs a few milliseconds.
 *
 * The stack writes on its own too: the webhook fan-out (the stream poller) answers each matter
 * timeline event with deliveries, a moment later. So a check begins only once that is done —
 * when the stream has been quiet for a second, if a timeline event went by lately (and once when
 * the watch opens, not knowing what went before) — and whatever the fan-out writes during the
 * check is then the check's doing.
 */
export async function writeWatch(config: LocalStackConfig, ignore?: IgnoreItem) {
  const client = localDynamoDbClient(config.dynamodbEndpoint, config.region);
  const shards = await openStreamShards({ client, endpoint: config.dynamodbEndpoint, region: config.region, tableName: config.tableName });
  await shards.discover();
  const marker = randomUUID();
  let mark = 0;
  let lastRecordAt = performance.now();
  let lastTimelineEventAt = performance.now();

  /** Everything written since the last call, up to a marker written now. */
  async function caughtUp(): Promise<SeenWrite[]> {
    const n = ++mark;
    await client.send(new PutItemCommand({ TableName: config.tableName, Item: { pk: { S: WATCH_PK }, sk: { S: marker }, n: { N: String(n) } } }));
    const seen: SeenWrite[] = [];
    let reached = false;
    await waitUntil(
      async () => {
        await shards.discover();
        for (const cursor of shards.cursors()) {
          for (let records = await shards.read(cursor); records.length > 0; records = await shards.read(cursor)) {
            for (const record of records) {
              const image = (record.dynamodb?.NewImage ?? record.dynamodb?.Keys ?? {}) as Record<string, AttributeValue>;
              if (image.pk?.S === WATCH_PK) {
                if (image.sk?.S === marker && Number(image.n?.N) === n) reached = true;
                continue;
              }
              lastRecordAt = performance.now();
              if (image._et?.S === 'matterEvent') lastTimelineEventAt = lastRecordAt;
              if (!ignore?.(image)) seen.push(describe(record));
            }
          }
        }
        return reached;
      },
      { timeoutMs: 10_000, intervalMs: 5, description: "the table stream to reach the write watch's marker" },
    );
    return seen;
  }

  /** Reads the stream until the fan-out has answered the timeline events that went by (see above). */
  async function begin(): Promise<void> {
    await caughtUp();
    if (performance.now() - lastTimelineEventAt > FAN_OUT_MS) return;
    await waitUntil(
      async () => {
        await caughtUp();
        return performance.now() - lastRecordAt >= QUIET_MS;
      },
      { timeoutMs: 60_000, intervalMs: 100, description: 'the webhook fan-out to finish before the check' },
    );
  }

  await begin();
  return {
    /** Runs the action and fails with the keys it wrote, if any. */
    async expectNoWrites(action: () => Promise<void>, message?: string): Promise<void> {
      await begin();
      await action();
      const written = await caughtUp();
      const listed = written.map((w) => `${w.change} ${w.pk ?? '?'} / ${w.sk ?? '?'}`).join('; ');
      expect(written, `${message ?? 'the table changed'}: ${listed}`).toEqual([]);
    },
    /** Starts a check made of several actions: `writesSince` then tells what they wrote. */
    begin,
    /** The writes since the previous call. */
    writesSince: caughtUp,
    close(): void {
      client.destroy();
    },
  };
}

function describe(record: StreamRecord): SeenWrite {
  const keys = (record.dynamodb?.Keys ?? {}) as Record<string, AttributeValue>;
  return { change: record.eventName ?? 'unknown', pk: keys.pk?.S, sk: keys.sk?.S };
}
