import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from './stack-config';
import { logTail, spawnService, waitUntil, type ServiceProcess } from './processes';

/**
 * s3rver 3.7 as one node process, on loopback, path-style: the attachment bucket (created, with
 * its CORS rule, at every start; both idempotent). It keeps objects under `dataDir`. It accepts
 * the access key id `S3RVER` and does not verify signatures, so upload limits never rely on it:
 * the API checks size and type with HeadObject.
 */
export const S3RVER_BIN = resolve(REPO_ROOT, 'node_modules/s3rver/bin/s3rver.js');
export const S3_HOST = '127.0.0.1';

/**
 * The portal uploads and downloads straight from the browser. Locally it runs on loopback on
 * whatever port it was given (the e2e suite serves it on a free one), hence the port wildcard.
 */
export const LOCAL_PORTAL_ORIGINS = ['http://127.0.0.1:*', 'http://localhost:*'];

export interface S3ServerOptions {
  port: number;
  /** Where objects are kept (`.data/s3` for `npm start`, a temp dir for tests). */
  dataDir: string;
  bucket: string;
  logFile: string;
  allowedOrigins?: string[];
  startTimeoutMs?: number;
}

export interface S3Server {
  endpoint: string;
  process: ServiceProcess;
  stop(): Promise<void>;
}

export function s3Endpoint(port: number): string {
  return `http://${S3_HOST}:${port}`;
}

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The bucket's CORS rule: the browser PUTs with the signed Content-Type and GETs the file. */
export function corsConfiguration(origins: string[]): string {
  return [
    '<CORSConfiguration>',
    '  <CORSRule>',
    ...origins.map((origin) => `    <AllowedOrigin>${escapeXml(origin)}</AllowedOrigin>`),
    '    <AllowedMethod>PUT</AllowedMethod>',
    '    <AllowedMethod>GET</AllowedMethod>',
    '    <AllowedHeader>content-type</AllowedHeader>',
    '    <ExposeHeader>ETag</ExposeHeader>',
    '    <MaxAgeSeconds>600</MaxAgeSeconds>',
    '  </CORSRule>',
    '</CORSConfiguration>',
    '',
  ].join('\n');
}

/** True once the bucket answers (s3rver creates it before it listens). */
export async function bucketAnswers(endpoint: string, bucket: string): Promise<boolean> {
  const response = await fetch(`${endpoint}/${bucket}`, { method: 'HEAD', signal: AbortSignal.timeout(2_000) });
  return response.ok;
}

export async function startS3Server(options: S3ServerOptions): Promise<S3Server> {
  const endpoint = s3Endpoint(options.port);
  mkdirSync(options.dataDir, { recursive: true });
  // Next to the data, not in it: s3rver takes every directory in `dataDir` for a bucket.
  const corsFile = `${options.dataDir}-cors.xml`;
  writeFileSync(corsFile, corsConfiguration(options.allowedOrigins ?? LOCAL_PORTAL_ORIGINS));
  const child = spawnService({
    name: 'S3 server',
    command: process.execPath,
    args: [
      S3RVER_BIN,
      '--directory', options.dataDir,
      '--address', S3_HOST,
      '--port', String(options.port),
      '--no-vhost-buckets',
      '--configure-bucket', options.bucket, corsFile,
    ],
    cwd: REPO_ROOT,
    logFile: options.logFile,
  });
  try {
    await waitUntil(() => bucketAnswers(endpoint, options.bucket), {
      timeoutMs: options.startTimeoutMs ?? 30_000,
      intervalMs: 150,
      description: `the S3 server (s3rver) on port ${options.port}`,
      abortIf: () =>
        child.hasExited() ? `The S3 server (s3rver) exited during start-up. Its log (${options.logFile}):\n${logTail(options.logFile)}` : undefined,
    });
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { endpoint, process: child, stop: () => child.stop() };
}
