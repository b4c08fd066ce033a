import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/app-error';

/** The adapter reads its environment at import: point it at a port where nothing listens. */
async function storeWithoutServer() {
  const previous = process.env.S3_ENDPOINT;
  process.env.S3_ENDPOINT = 'http://127.0.0.1:9';
  try {
    const { s3ObjectStore } = await import('./s3-object-store');
    return s3ObjectStore('beatlink-attachments');
  } finally {
    if (previous === undefined) delete process.env.S3_ENDPOINT;
    else process.env.S3_ENDPOINT = previous;
  }
}

describe('S3 object store', () => {
  it('turns a store that does not answer into 503 with Retry-After', async () => {
    const store = await storeWithoutServer();
    const error = await store.head('tenants/370283/attachments/att_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', status: 503, retryAfter: 2 });
    expect((error as AppError).message).toContain('文件存储');
  });

  it('signs type and length into an upload URL without a checksum of an empty body', async () => {
    const store = await storeWithoutServer();
    const url = new URL(await store.presignPut({ key: 'tenants/370283/attachments/att_1', contentType: 'image/png', contentLength: 1234, expiresIn: 900 }));
    expect(url.pathname).toBe('/beatlink-attachments/tenants/370283/attachments/att_1');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect([...url.searchParams.keys()].filter((k) => k.toLowerCase().includes('checksum'))).toEqual([]);
  });
});
