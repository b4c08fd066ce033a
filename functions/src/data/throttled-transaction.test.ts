import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError, conflict } from '../lib/app-error';
import { errorHandler } from '../lib/middleware/error-handler';
import type { RouteRequest } from '../lib/http-types';
import { createAttachmentOp } from './attachments';
import { runTransaction } from './repository';

/**
 * What a write route answers when DynamoDB keeps throttling its transaction (after the SDK's own
 * retries, which the mock skips): 503 with Retry-After, never a 500 or a 409 the client would
 * take for a real conflict.
 */
const documentClient = mockClient(DynamoDBDocumentClient);

afterEach(() => {
  documentClient.reset();
});

const op = () =>
  createAttachmentOp(
    {
      tenantId: '370283',
      id: 'att_01JTHROTTLED0000000000000',
      fileName: 'a.jpg',
      contentType: 'image/jpeg',
      size: 10,
      status: 'pending',
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'someone',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 1,
    },
    conflict('id', 'clash'),
  );

/** Runs the error handler on what the transaction threw: the HTTP response a client would get. */
async function responseTo(error: unknown) {
  const request = { error, response: undefined } as unknown as RouteRequest;
  await errorHandler().onError!(request);
  return request.response!;
}

describe('a throttled TransactWriteItems', () => {
  it('answers 503 DEPENDENCY_UNAVAILABLE with Retry-After when the whole request is throttled', async () => {
    documentClient.on(TransactWriteCommand).rejects(
      Object.assign(new Error('throughput exceeded'), { name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400 } }),
    );
    const error = await runTransaction([op()]).catch((e: unknown) => e);
    expect(documentClient.commandCalls(TransactWriteCommand)).toHaveLength(1);
    const response = await responseTo(error);
    expect(response.statusCode).toBe(503);
    expect(JSON.parse(String(response.body)).error.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(Number(response.headers?.['retry-after'])).toBeGreaterThan(0);
  });

  it('answers 503 when the transaction is cancelled because an item was throttled', async () => {
    documentClient.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: { httpStatusCode: 400 },
        CancellationReasons: [{ Code: 'ThrottlingError', Message: 'Throughput exceeds the current capacity of your table or index.' }],
      }),
    );
    const error = await runTransaction([op()]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const response = await responseTo(error);
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBeDefined();
  });
});
