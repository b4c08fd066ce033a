import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Send = DynamoDBDocumentClient['send'];

/**
 * A document client that sends each command through the client `pick` returns at that moment
 * (tenant-clients.ts: the county's session client or the process client). dynamodb-toolbox only
 * ever calls `send(command, options)` on its table's client (`table.getDocumentClient().send`, in
 * every action and in execute()), so that is all this implements; `asDocumentClient` is the one
 * place where it stands in for the SDK class.
 */
export class RoutingDocumentClient {
  constructor(private readonly pick: () => DynamoDBDocumentClient) {}

  readonly send: Send = ((command: unknown, options?: unknown) => (this.pick().send as (c: unknown, o?: unknown) => Promise<unknown>)(command, options)) as Send;

  /** The client now chosen (for callers that need more than `send`). */
  current(): DynamoDBDocumentClient {
    return this.pick();
  }

  asDocumentClient(): DynamoDBDocumentClient {
    return this as unknown as DynamoDBDocumentClient;
  }
}
