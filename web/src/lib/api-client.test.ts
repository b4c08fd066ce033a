import { describe, expect, it, vi } from 'vitest';
import { buildUrl, createApiClient } from './api-client';
import { fileNameOfDisposition } from './content-disposition';
import { ApiError } from './api-error';

function fakeFetch(status: number, body: unknown) {
  return vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response(body === undefined ? null : JSON.stringify(body), { status }));
}

describe('createApiClient', () => {
  it('sends the ID token, and an Idempotency-Key on POST only', async () => {
    const fetchImpl = fakeFetch(201, { id: 'x' });
    const client = createApiClient({ baseUrl: 'http://api', getToken: async () => 'id.token.here', fetchImpl, newIdempotencyKey: () => 'key-1' });
    await client.post('/directory/villages', { name: '东风村' });
    await client.get('/me');
    const [postUrl, postInit] = fetchImpl.mock.calls[0]!;
    expect(postUrl).toBe('http://api/directory/villages');
    expect(postInit?.method).toBe('POST');
    expect(postInit?.headers).toMatchObject({ Authorization: 'Bearer id.token.here', 'Idempotency-Key': 'key-1', 'Content-Type': 'application/json' });
    expect(postInit?.body).toBe(JSON.stringify({ name: '东风村' }));
    const getHeaders = fetchImpl.mock.calls[1]![1]?.headers as Record<string, string>;
    expect(getHeaders['Idempotency-Key']).toBeUndefined();
    expect(getHeaders.Authorization).toBe('Bearer id.token.here');
  });

  it('reuses a given Idempotency-Key (a retried submit of one draft) and makes new ones otherwise', async () => {
    const fetchImpl = fakeFetch(201, { id: 'x' });
    let n = 0;
    const client = createApiClient({ baseUrl: 'http://api', getToken: async () => 't', fetchImpl, newIdempotencyKey: () => `new-${++n}` });
    await client.post('/matters', { a: 1 }, { idempotencyKey: 'draft-1' });
    await client.post('/matters', { a: 1 }, { idempotencyKey: 'draft-1' });
    await client.post('/matters', { a: 1 });
    await client.post('/matters', { a: 1 }, {});
    const keys = fetchImpl.mock.calls.map(([, init]) => (init?.headers as Record<string, string>)['Idempotency-Key']);
    expect(keys).toEqual(['draft-1', 'draft-1', 'new-1', 'new-2']);
  });

  it('throws ApiError with the parsed body and signals 401', async () => {
    const onUnauthenticated = vi.fn();
    const client = createApiClient({
      baseUrl: 'http://api',
      getToken: async () => undefined,
      onUnauthenticated,
      fetchImpl: fakeFetch(401, { error: { code: 'UNAUTHENTICATED', message: 'no token' } }),
    });
    const error = await client.get('/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('UNAUTHENTICATED');
    expect(onUnauthenticated).toHaveBeenCalledOnce();
  });

  it('turns a network failure into a NETWORK error', async () => {
    const client = createApiClient({
      baseUrl: 'http://api',
      getToken: async () => 't',
      fetchImpl: vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    });
    await expect(client.get('/me')).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });
});

describe('buildUrl', () => {
  it('drops empty query values', () => {
    expect(buildUrl('http://api', '/directory/officers', { limit: 20, role: undefined, stationId: '', cursor: null, status: 'all' })).toBe(
      'http://api/directory/officers?limit=20&status=all',
    );
    expect(buildUrl('http://api', '/me')).toBe('http://api/me');
  });
});

describe('download', () => {
  it('fetches a file with the token and names it from Content-Disposition (the UTF-8 name first)', async () => {
    const disposition = `attachment; filename="______2026-W48.xlsx"; filename*=UTF-8''${encodeURIComponent('研判报告_2026-W48.xlsx')}`;
    const fetchImpl = vi.fn(async () => new Response(new Uint8Array([80, 75, 3, 4]), { status: 200, headers: { 'content-disposition': disposition } }));
    const client = createApiClient({ baseUrl: 'http://api', getToken: async () => 'tok', fetchImpl });
    const file = await client.download('/analysis/reports/rpt_w_2026-W48_370283/export');
    expect(fileNameOfDisposition(file.disposition)).toBe('研判报告_2026-W48.xlsx');
    expect(file.blob.size).toBe(4);
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://api/analysis/reports/rpt_w_2026-W48_370283/export');
    expect(init.headers).toMatchObject({ Authorization: 'Bearer tok' });
  });

  it('throws the API error of a refused download', async () => {
    const client = createApiClient({ baseUrl: 'http://api', getToken: async () => 't', fetchImpl: fakeFetch(403, { error: { code: 'FORBIDDEN', message: '无权' } }) });
    await expect(client.download('/x')).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });
});
