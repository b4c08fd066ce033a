import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * What a running local stack looks like: written by `npm start` to `.data/stack.json` (and by
 * the test harness to its own temp dir), read by the CLIs (`npm run tenant`, `npm run job`),
 * the portal's runtime config and the benchmarks.
 */
export interface LocalStackConfig {
  region: string;
  tableName: string;
  dynamodbEndpoint: string;
  cognitoEndpoint: string;
  /** The S3 server (path-style) and the bucket attachments are uploaded to. */
  s3Endpoint: string;
  attachmentBucket: string;
  /** The master key that wraps the tenants' data keys (personal data encryption). */
  masterKeyFile: string;
  userPoolId: string;
  userPoolClientId: string;
  gatewayUrl: string;
  portalUrl?: string;
}

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** `BEATLINK_DATA_DIR` moves the local data elsewhere (a test's temp dir); the CLIs follow it. */
export const DATA_DIR = process.env.BEATLINK_DATA_DIR ? resolve(process.env.BEATLINK_DATA_DIR) : resolve(REPO_ROOT, '.data');
export const STACK_FILE = resolve(DATA_DIR, 'stack.json');

export function readStackConfig(file = STACK_FILE): LocalStackConfig {
  if (!existsSync(file)) {
    throw new Error(`No local stack found (${file} is missing). Start it first with: npm start`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as LocalStackConfig;
}

/** The environment a handler expects (functions/src/lib/env.ts), pointed at a local stack. */
export function handlerEnv(config: LocalStackConfig): Record<string, string> {
  return {
    TABLE_NAME: config.tableName,
    AWS_REGION: config.region,
    DYNAMODB_ENDPOINT: config.dynamodbEndpoint,
    COGNITO_ENDPOINT: config.cognitoEndpoint,
    S3_ENDPOINT: config.s3Endpoint,
    ATTACHMENT_BUCKET: config.attachmentBucket,
    MASTER_KEY_FILE: config.masterKeyFile,
    USER_POOL_ID: config.userPoolId,
    APP_STAGE: 'local',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}
