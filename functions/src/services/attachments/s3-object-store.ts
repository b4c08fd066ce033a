import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { UPLOAD_URL_SECONDS } from '@beatlink/shared';
import { tenantClientPicker } from '../../data/tenant-clients';
import { REFRESH_MARGIN_MS, tenantCredentials } from '../../data/tenant-credentials';
import { dependencyUnavailable } from '../../lib/app-error';
import { readEnv } from '../../lib/env';
import { isTransientError } from '../../lib/error-mapping';
import { logger } from '../../lib/logger';
import { contentDisposition } from './content-disposition';
import type { ObjectStore } from './object-store';

const env = readEnv();

/**
 * Locally: the S3 server on loopback, path-style; it knows a single access key id (`S3RVER`) and
 * does not check signatures. Checksums only when an operation requires one: a default CRC32 of
 * the (empty) body would be signed into the upload URL and make S3 refuse the real upload.
 */
const clientConfig: S3ClientConfig = {
  region: env.region,
  ...(env.s3Endpoint
    ? { endpoint: env.s3Endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }
    : {}),
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000 },
};

/**
 * A pre-signed URL stops working when the session that signed it expires, so a county's client
 * asks for sessions that outlive the longest URL it signs (an upload URL) by the usual margin.
 */
const SIGNING_VALIDITY_MS = UPLOAD_URL_SECONDS * 1000 + REFRESH_MARGIN_MS;

/**
 * The client for the code running now: inside a county's scope in AWS, one with that county's
 * tenant session (it reaches `tenants/<county>/…` only), else the process's own (created once).
 */
const clientNow = tenantClientPicker(new S3Client(clientConfig), tenantCredentials, (county, vendor) =>
  new S3Client({ ...clientConfig, credentials: vendor.provider(county, SIGNING_VALIDITY_MS) }),
);

/** Unreachable, throttled or failing: 503 with Retry-After. Anything else (a refused permission) is a bug: 500. */
const mapped = (error: unknown): unknown => {
  if (!isTransientError(error)) return error;
  logger.warn('object store call failed', { errorName: (error as { name?: string }).name });
  return dependencyUnavailable({ zh: '文件存储', en: 'the file store' }, 2, error);
};

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw mapped(error);
  }
}

const isNotFound = (error: unknown): boolean => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};

/** The S3 adapter for the bucket named by ATTACHMENT_BUCKET. */
export function s3ObjectStore(bucket: string = env.attachmentBucket): ObjectStore {
  return {
    presignPut: ({ key, contentType, contentLength, expiresIn }) =>
      call(() =>
        getSignedUrl(clientNow(), new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType, ContentLength: contentLength }), {
          expiresIn,
          // The presigner leaves Content-Type unsigned unless asked; signed, S3 refuses any other type.
          signableHeaders: new Set(['content-type']),
        }),
      ),

    presignGet: ({ key, expiresIn, fileName }) =>
      call(() =>
        getSignedUrl(clientNow(), new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: contentDisposition(fileName) }), {
          expiresIn,
        }),
      ),

    async head(key) {
      try {
        const head = await clientNow().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { size: head.ContentLength ?? 0, contentType: head.ContentType ?? '' };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw mapped(error);
      }
    },

    async delete(key) {
      await call(() => clientNow().send(new DeleteObjectCommand({ Bucket: bucket, Key: key })));
    },
  };
}
