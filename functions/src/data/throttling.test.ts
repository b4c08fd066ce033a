import { Readable } from 'node:stream';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toAppError } from '../lib/error-mapping';
import { errorResponse } from '../lib/middleware/error-handler';
import { dynamoClientConfig } from './client';

/**
 * DynamoDB throttling through the SDK's real retry middleware: the client is configured as the
 * functions' own (`dynamoClientConfig`), only its HTTP handler is a fake that answers what
 * DynamoDB answers when a partition is over its throughput.
 */
const THROTTLED = JSON.stringify({
  __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
  message: 'The level of configured provisioned throughput for the table was exceeded.',
});
const FOUND = JSON.stringify({ Item: { pk: { S: 'T#370283#village#v1' }, sk: { S: 'A' } } });

const response = (statusCode: number, body: string) => ({
  response: {
    statusCode,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'fake' },
    body: Readable.from([Buffer.from(body)]),
  },
});

/** Answers `throttledAttempts` throttling errors, then the item; counts the attempts the SDK made. */
function fakeDynamoDb(throttledAttempts: number) {
  const attempts: string[] = [];
  const handler = {
    handle: async (request: { headers: Record<string, string> }) => {
      attempts.push(request.headers['amz-sdk-request'] ?? '');
      return attempts.length <= throttledAttempts ? response(400, THROTTLED) : response(200, FOUND);
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
    destroy: () => undefined,
  };
  const client = new DynamoDBClient({
    ...dynamoClientConfig,
    endpoint: 'http://127.0.0.1:1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler: handler,
  });
  return { client, attempts };
}

/** The backoff the SDK computed before each retry (its retry strategy's own, spied on). */
async function spyOnBackoff(client: DynamoDBClient) {
  const strategy = (await client.config.retryStrategy()) as unknown as { retryBackoffStrategy: { computeNextBackoffDelay(i: number): number } };
  return vi.spyOn(strategy.retryBackoffStrategy, 'computeNextBackoffDelay');
}

const get = (client: DynamoDBClient) => client.send(new GetItemCommand({ TableName: 'beatlink', Key: { pk: { S: 'T#370283#village#v1' }, sk: { S: 'A' } } }));

/** Throttled on every attempt: the error and the backoff delays the SDK slept. */
async function throttledThroughout(random: number) {
  // The jitter's random draw, fixed so the delays are known and short.
  vi.spyOn(Math, 'random').mockReturnValue(random);
  const { client, attempts } = fakeDynamoDb(Number.POSITIVE_INFINITY);
  const backoff = await spyOnBackoff(client);
  const error = await get(client).then(
    () => undefined,
    (e: unknown) => e as Error & { $metadata: { attempts?: number; totalRetryDelay?: number } },
  );
  client.destroy();
  return { error, attempts, delays: backoff.mock.results.map((r) => r.value as number) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('DynamoDB throttling (ProvisionedThroughputExceededException)', () => {
  it('is retried up to maxAttempts with exponential, jittered backoff, then reported as 503 with Retry-After', async () => {
    expect(dynamoClientConfig.maxAttempts).toBe(3);
    const { error, attempts, delays } = await throttledThroughout(0.01);

    expect(attempts).toEqual(['attempt=1; max=3', 'attempt=2; max=3', 'attempt=3; max=3']);
    expect(error?.name).toBe('ProvisionedThroughputExceededException');
    expect(error?.$metadata.attempts).toBe(3);
    // Two retries, the second waiting about twice as long as the first (exponential backoff)…
    expect(delays).toHaveLength(2);
    const [first, second] = delays as [number, number];
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThanOrEqual(2 * first);
    expect(second).toBeLessThanOrEqual(2 * first + 1);
    // …and both actually waited before the next attempt.
    expect(error?.$metadata.totalRetryDelay).toBe(first + second);

    const mapped = toAppError(error);
    expect(mapped?.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(mapped?.status).toBe(503);
    const http = errorResponse(mapped!);
    expect(http.statusCode).toBe(503);
    expect(Number(http.headers?.['retry-after'])).toBeGreaterThan(0);
  });

  it('draws each delay at random up to the exponential bound (full jitter)', async () => {
    const low = await throttledThroughout(0.01);
    vi.restoreAllMocks();
    const high = await throttledThroughout(0.03);
    vi.restoreAllMocks();
    const none = await throttledThroughout(0);

    // The delay scales with the random draw: three times the draw, three times the wait (± rounding).
    low.delays.forEach((delay, i) => {
      expect(high.delays[i]).toBeGreaterThanOrEqual(3 * delay);
      expect(high.delays[i]).toBeLessThanOrEqual(3 * delay + 3);
    });
    expect(none.delays).toEqual([0, 0]);
    expect(none.attempts).toHaveLength(3);
  });

  it('succeeds without a 503 when the throttling stops before the last attempt', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.01);
    const { client, attempts } = fakeDynamoDb(2);
    const result = await get(client);
    client.destroy();
    expect(attempts).toHaveLength(3);
    expect(result.Item?.pk).toEqual({ S: 'T#370283#village#v1' });
    expect(result.$metadata.attempts).toBe(3);
  });
});
