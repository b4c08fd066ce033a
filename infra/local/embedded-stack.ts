import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTable } from '@beatlink/functions/data/create-table';
import { DEFAULT_TABLE_NAME } from '@beatlink/functions/data/table-definition';
import { DEFAULT_ATTACHMENT_BUCKET } from '@beatlink/functions/lib/env';
import type { LocalStackConfig } from './stack-config';
import { localDynamoDbClient, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local';
import { persistUserPool, provisionUserPool, startCognitoLocal, type CognitoLocal } from './cognito-local';
import { startGateway, type Gateway } from './gateway';
import { startS3Server, type S3Server } from './s3-server';
import { importHandler, jobHandlerFile } from './handler-runtime';
import { isNewMatterEvent, startStreamPoller } from './stream-poller';
import { waitUntil } from './processes';

/**
 * The embedded stack's core, shared by `npm start` and the test harness: DynamoDB Local,
 * cognito-local and the S3 server as child processes, the table, the user pool and the
 * attachment bucket (created when missing), and the local API gateway in this process. Resolves
 * once the gateway's /health says every part is up.
 */
export interface EmbeddedStackOptions {
  ports: { gateway: number; dynamodb: number; cognito: number; s3: number };
  /** DynamoDB Local's `-dbPath` (data kept across restarts); omit for `-inMemory`. */
  dynamodbPath?: string;
  /** cognito-local's working directory (its data is in `<cognitoDir>/.cognito`). */
  cognitoDir: string;
  /** The S3 server's objects (kept across restarts when the directory is). */
  s3Dir: string;
  /** The master key file that wraps the tenants' data keys; created (0600) on first use. */
  masterKeyFile: string;
  logDir: string;
  region?: string;
  tableName?: string;
  /** Progress and gateway request lines. */
  log?: (line: string) => void;
  /** Log every API request (npm start: yes; tests: no). */
  logRequests?: boolean;
}

export interface EmbeddedStack {
  config: LocalStackConfig;
  gateway: Gateway;
  dynamodb: DynamoDbLocal;
  cognito: CognitoLocal;
  s3: S3Server;
  /** Pids of the child processes, for diagnostics. */
  pids: Record<string, number>;
  /** Whether this start created the table (a first start). */
  tableCreated: boolean;
  /**
   * Stops one backing service (fault tests: the gateway keeps running); `resume` starts it again
   * on the same port and data, and the stack's `stop` then stops the new process.
   */
  interrupt(part: BackingService): Promise<{ resume(): Promise<void> }>;
  stop(): Promise<void>;
}

export type BackingService = 'dynamodb' | 'cognito' | 's3';

export async function startEmbeddedStack(options: EmbeddedStackOptions): Promise<EmbeddedStack> {
  const log = options.log ?? (() => undefined);
  const region = options.region ?? 'cn-north-1';
  const tableName = options.tableName ?? DEFAULT_TABLE_NAME;
  mkdirSync(options.logDir, { recursive: true });
  mkdirSync(options.cognitoDir, { recursive: true });

  const started: Array<{ stop(): Promise<void> }> = [];
  /** What runs in this process (gateway, stream poller), newest first, one after another. */
  const inProcess: Array<{ stop(): Promise<void> }> = [];
  /** The in-process parts first, then the child processes together. */
  const stopAll = async () => {
    for (const part of inProcess.splice(0).reverse()) await part.stop().catch(() => undefined);
    await Promise.allSettled(started.splice(0).map((s) => s.stop()));
  };
  try {
    const starters = {
      dynamodb: () =>
        startDynamoDbLocal({ port: options.ports.dynamodb, dbPath: options.dynamodbPath, logFile: resolve(options.logDir, 'dynamodb-local.log') }),
      cognito: () => startCognitoLocal({ port: options.ports.cognito, dataDir: options.cognitoDir, logFile: resolve(options.logDir, 'cognito-local.log') }),
      s3: () =>
        startS3Server({ port: options.ports.s3, dataDir: options.s3Dir, bucket: DEFAULT_ATTACHMENT_BUCKET, logFile: resolve(options.logDir, 's3-server.log') }),
    };
    const [dynamodb, cognito, s3] = await Promise.all([
      starters.dynamodb().then((d) => (started.push(d), d)),
      starters.cognito().then((c) => (started.push(c), c)),
      starters.s3().then((s) => (started.push(s), s)),
    ]);
    const running: Record<BackingService, { stop(): Promise<void> }> = { dynamodb, cognito, s3 };
    log(
      `DynamoDB Local ${dynamodb.endpoint} (pid ${dynamodb.process.pid}), cognito-local ${cognito.endpoint} (pid ${cognito.process.pid}), ` +
        `S3 server ${s3.endpoint} (pid ${s3.process.pid})`,
    );

    const client = localDynamoDbClient(dynamodb.endpoint, region);
    const table = await createTable({ client, tableName }).finally(() => client.destroy());
    const pool = await provisionUserPool(cognito.endpoint, resolve(options.cognitoDir, 'user-pool.json'));
    log(`table ${tableName} ${table.created ? 'created' : 'found'}; user pool ${pool.userPoolId}, app client ${pool.userPoolClientId}`);

    const gateway = await startGateway({
      stack: {
        region,
        tableName,
        dynamodbEndpoint: dynamodb.endpoint,
        cognitoEndpoint: cognito.endpoint,
        s3Endpoint: s3.endpoint,
        attachmentBucket: DEFAULT_ATTACHMENT_BUCKET,
        masterKeyFile: options.masterKeyFile,
        ...pool,
      },
      port: options.ports.gateway,
      log: options.logRequests ? log : (line) => (line.startsWith('gateway:') ? log(line) : undefined),
    });
    // Stopping: let requests in flight finish, have cognito-local write its file once more, then
    // stop the children (stopAll runs this entry first).
    inProcess.push({
      stop: async () => {
        await gateway.close();
        await persistUserPool(cognito.endpoint, pool.userPoolId).catch((error: unknown) =>
          log(`cognito-local: final write failed: ${(error as Error).message}`),
        );
      },
    });
    await gateway.handlersReady;
    // The table stream → webhook fan-out, as the Lambda event source mapping does in AWS.
    const fanout = importHandler(jobHandlerFile('webhook-fanout'));
    fanout.catch(() => undefined);
    const streamClient = localDynamoDbClient(dynamodb.endpoint, region);
    const poller = await startStreamPoller({
      client: streamClient,
      endpoint: dynamodb.endpoint,
      region,
      tableName,
      filter: isNewMatterEvent,
      handler: () => fanout,
      log,
    });
    // Stopped before the gateway.
    inProcess.push({ stop: () => poller.stop().finally(() => streamClient.destroy()) });
    await waitUntil(async () => (await gateway.health()).status === 'ok', {
      timeoutMs: 30_000,
      intervalMs: 200,
      description: 'the gateway’s /health',
    });
    return {
      config: gateway.config,
      gateway,
      dynamodb,
      cognito,
      s3,
      pids: { dynamodb: dynamodb.process.pid, cognito: cognito.process.pid, s3: s3.process.pid },
      tableCreated: table.created,
      async interrupt(part) {
        // cognito-local keeps recent changes in memory: have it write its file first.
        if (part === 'cognito') await persistUserPool(cognito.endpoint, pool.userPoolId);
        const service = running[part];
        started.splice(started.indexOf(service), 1);
        await service.stop();
        return {
          resume: async () => {
            const again = await starters[part]();
            running[part] = again;
            started.push(again);
          },
        };
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
