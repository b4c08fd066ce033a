import { DynamoDBClient, GetItemCommand, QueryCommand, type GetItemCommandInput, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type * as DataClient from '@beatlink/functions/data/client';
import type { TestStack } from '../support/stack';

/**
 * The "bare reads" baseline of a service call: the GetItem and Query requests the service sends
 * (recorded at the SDK client, after marshalling, so exactly its key conditions, filters and
 * indexes) sent again with a plain DynamoDB client — each Query paged to its end, every item
 * unmarshalled as a DocumentClient would — with no service code in between. Recording is a
 * middleware on the functions' shared client; it only copies the request inputs.
 */
export interface CapturedRead {
  command: 'GetItem' | 'Query';
  input: GetItemCommandInput | QueryCommandInput;
}

export interface ReadRecorder {
  /** The first-page reads `fn` sends (continuation pages are left out: the replay pages itself). */
  record(fn: () => Promise<unknown>): Promise<CapturedRead[]>;
  stop(): void;
}

const NAME = 'benchReadRecorder';

export async function readRecorder(): Promise<ReadRecorder> {
  const { dynamoClient }: typeof DataClient = await import('@beatlink/functions/data/client');
  let into: CapturedRead[] | undefined;
  dynamoClient.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName;
      if (into && (name === 'QueryCommand' || name === 'GetItemCommand')) {
        const input = structuredClone(args.input) as QueryCommandInput;
        if (!input.ExclusiveStartKey) into.push({ command: name === 'QueryCommand' ? 'Query' : 'GetItem', input });
      }
      return next(args);
    },
    // After DocumentMarshall (which runs before the serializer): the input is the wire form.
    { step: 'build', name: NAME },
  );
  return {
    async record(fn) {
      const reads: CapturedRead[] = [];
      into = reads;
      try {
        await fn();
      } finally {
        into = undefined;
      }
      return reads;
    },
    stop() {
      dynamoClient.middlewareStack.remove(NAME);
    },
  };
}

/** A plain low-level client on the stack's DynamoDB Local. */
export function plainClient(stack: TestStack): DynamoDBClient {
  return new DynamoDBClient({ endpoint: stack.config.dynamodbEndpoint, region: stack.config.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

/** Sends one recorded read again (a Query to its last page); the items it returned. */
export async function replayRead(client: DynamoDBClient, read: CapturedRead): Promise<number> {
  if (read.command === 'GetItem') {
    const out = await client.send(new GetItemCommand(read.input as GetItemCommandInput));
    if (out.Item) unmarshall(out.Item);
    return out.Item ? 1 : 0;
  }
  let items = 0;
  let startKey: QueryCommandInput['ExclusiveStartKey'];
  do {
    const out = await client.send(new QueryCommand({ ...(read.input as QueryCommandInput), ...(startKey ? { ExclusiveStartKey: startKey } : {}) }));
    for (const item of out.Items ?? []) unmarshall(item);
    items += out.Items?.length ?? 0;
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** The tenant (`T#<tenantId>#…`) a recorded read's partition belongs to, or undefined (platform, province). */
export function tenantOfRead(read: CapturedRead): string | undefined {
  const match = /"T#(\d{6})#/.exec(JSON.stringify(read.command === 'GetItem' ? (read.input as GetItemCommandInput).Key : (read.input as QueryCommandInput).ExpressionAttributeValues));
  return match?.[1];
}

/** One county's reads as a service does them: its GetItems (settings) first, then its Queries together. */
export async function replayCountyReads(client: DynamoDBClient, reads: readonly CapturedRead[]): Promise<number> {
  let items = 0;
  for (const get of reads.filter((r) => r.command === 'GetItem')) items += await replayRead(client, get);
  const counts = await Promise.all(reads.filter((r) => r.command === 'Query').map((q) => replayRead(client, q)));
  return items + counts.reduce((a, b) => a + b, 0);
}
