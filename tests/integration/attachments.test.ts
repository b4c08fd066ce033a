import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, type Attachment, type AttachmentDownload, type AttachmentUpload, type ErrorBody } from '@beatlink/shared';
import type * as Repository from '@beatlink/functions/data/repository';
import type * as AttachmentsService from '@beatlink/functions/services/attachments/attachments';
import { handlerEnv } from '@beatlink/infra/local/stack-config';
import { apiAs, type ApiClient } from '../support/api';
import { tableDigest } from '../lib/table-digest';
import '../support/provided';

/**
 * Attachments through the API and the local S3 server, as the portal does it: ask for an upload
 * URL, PUT the bytes straight to S3 with the headers the API returned, confirm, download.
 */
const config = inject('stackConfig');
const logins = inject('logins');
const HOME = '370283';
const OTHER = '370211';
const PORTAL_ORIGIN = 'http://127.0.0.1:3000';

let uploader: ApiClient;
let colleague: ApiClient;
let foreigner: ApiClient;

beforeAll(async () => {
  uploader = await apiAs(config, logins.byTenant[HOME]!.community_officer!);
  colleague = await apiAs(config, logins.byTenant[HOME]!.program_office!);
  foreigner = await apiAs(config, logins.byTenant[OTHER]!.program_office!);
});

const jpeg = (size: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(size - 3)]);

async function startUpload(client: ApiClient, bytes: Buffer, fileName = '现场照片.jpg', contentType = 'image/jpeg'): Promise<AttachmentUpload> {
  return client.post<AttachmentUpload>('/attachments', { fileName, contentType, size: bytes.length });
}

async function putBytes(upload: AttachmentUpload, bytes: Buffer, headers: Record<string, string> = upload.upload.headers): Promise<void> {
  const response = await fetch(upload.upload.url, { method: upload.upload.method, headers: { ...headers, origin: PORTAL_ORIGIN }, body: new Uint8Array(bytes) });
  expect(response.status, await response.text()).toBe(200);
}

const complete = (client: ApiClient, id: string) => client.request<Attachment | ErrorBody>('POST', `/attachments/${id}/complete`);

function expectRefused(response: { status: number; body: unknown }, status: number, path: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect((response.body as ErrorBody).error.details?.map((d) => d.path)).toContain(path);
}

async function readyAttachment(client: ApiClient, bytes = jpeg(2048)): Promise<{ attachment: Attachment; bytes: Buffer }> {
  const upload = await startUpload(client, bytes);
  await putBytes(upload, bytes);
  const done = await complete(client, upload.attachment.id);
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return { attachment: done.body as Attachment, bytes };
}

describe('upload, confirm, download', () => {
  it('lets a community officer upload a photo and download the very same bytes', async () => {
    const bytes = jpeg(150_000);
    const upload = await startUpload(uploader, bytes);
    expect(upload.attachment).toMatchObject({ fileName: '现场照片.jpg', contentType: 'image/jpeg', size: bytes.length, status: 'pending' });
    expect(upload.attachment.id).toMatch(/^att_[0-9A-Z]{26}$/);
    expect(upload.upload).toMatchObject({ method: 'PUT', headers: { 'content-type': 'image/jpeg' } });
    expect(new URL(upload.upload.url).pathname).toBe(`/${config.attachmentBucket}/tenants/${HOME}/attachments/${upload.attachment.id}`);
    // Type and length are signed into the URL, so S3 in AWS refuses anything else.
    expect(new URL(upload.upload.url).searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(Date.parse(upload.upload.expiresAt)).toBeGreaterThan(Date.now());

    await putBytes(upload, bytes);
    const done = await complete(uploader, upload.attachment.id);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ id: upload.attachment.id, status: 'ready', size: bytes.length });

    const download = await uploader.get<AttachmentDownload>(`/attachments/${upload.attachment.id}`);
    expect(download.attachment).toMatchObject({ id: upload.attachment.id, status: 'ready' });
    const file = await fetch(download.url, { headers: { origin: PORTAL_ORIGIN } });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('现场照片.jpg')}`);
    expect(file.headers.get('access-control-allow-origin')).toBe(PORTAL_ORIGIN);
  });

  it('lets the portal’s origin PUT from the browser (CORS preflight)', async () => {
    const upload = await startUpload(uploader, jpeg(100));
    const preflight = await fetch(upload.upload.url, {
      method: 'OPTIONS',
      headers: { origin: PORTAL_ORIGIN, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
  });

  it('completing twice returns the ready attachment again and writes nothing', async () => {
    const { attachment } = await readyAttachment(uploader);
    const before = await tableDigest(config);
    const again = await complete(uploader, attachment.id);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: attachment.id, status: 'ready' });
    expect(await tableDigest(config)).toEqual(before);
  });
});

describe('what is declared is what must arrive', () => {
  it('refuses a declared size over 10 MiB and a type that is not a photo or PDF, writing nothing', async () => {
    const before = await tableDigest(config);
    const tooBig = await uploader.request('POST', '/attachments', { body: { fileName: 'big.jpg', contentType: 'image/jpeg', size: MAX_ATTACHMENT_BYTES + 1 } });
    expectRefused(tooBig, 400, 'size');
    const html = await uploader.request('POST', '/attachments', { body: { fileName: 'page.html', contentType: 'text/html', size: 100 } });
    expectRefused(html, 400, 'contentType');
    expect(await tableDigest(config)).toEqual(before);
  });

  it('refuses to complete before the bytes are there', async () => {
    const upload = await startUpload(uploader, jpeg(500));
    const before = await tableDigest(config);
    expectRefused(await complete(uploader, upload.attachment.id), 400, 'id');
    expect(await tableDigest(config)).toEqual(before);
  });

  it('refuses more bytes than declared, deletes them and keeps the record pending for a correct upload', async () => {
    const declared = jpeg(1000);
    const upload = await startUpload(uploader, declared);
    await putBytes(upload, jpeg(5000));
    const before = await tableDigest(config);
    expectRefused(await complete(uploader, upload.attachment.id), 400, 'size');
    expect(await tableDigest(config)).toEqual(before);
    // The wrong bytes are gone: completing again finds nothing uploaded.
    expectRefused(await complete(uploader, upload.attachment.id), 400, 'id');
    // A pending attachment has no download.
    expect((await uploader.request('GET', `/attachments/${upload.attachment.id}`)).status).toBe(409);

    await putBytes(upload, declared);
    const done = await complete(uploader, upload.attachment.id);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'ready', size: 1000 });
  });

  it('refuses another content type than declared', async () => {
    const bytes = jpeg(800);
    const upload = await startUpload(uploader, bytes, '协议.pdf', 'application/pdf');
    await putBytes(upload, bytes, { 'content-type': 'text/html' });
    expectRefused(await complete(uploader, upload.attachment.id), 400, 'contentType');
  });
});

describe('who sees an attachment', () => {
  it('hides an unlinked attachment from everyone but its uploader (404, never 403)', async () => {
    const { attachment } = await readyAttachment(uploader);
    const before = await tableDigest(config);
    for (const client of [colleague, foreigner]) {
      const got = await client.request<ErrorBody>('GET', `/attachments/${attachment.id}`);
      expect(got.status).toBe(404);
      expect(got.body.error.code).toBe('NOT_FOUND');
      expect((await complete(client, attachment.id)).status).toBe(404);
    }
    expect(await tableDigest(config)).toEqual(before);
  });

  it('gives a user of 370211 404 for an attachment of 370283, even a pending one', async () => {
    const upload = await startUpload(uploader, jpeg(300));
    expect((await foreigner.request('GET', `/attachments/${upload.attachment.id}`)).status).toBe(404);
    expect((await foreigner.request('POST', `/attachments/${upload.attachment.id}/complete`)).status).toBe(404);
  });
});

/**
 * linkAttachmentOps is what the matters service puts in its transaction. Run here in the test's
 * own process against the same table and bucket, as the handlers would.
 */
describe('linking to a record', () => {
  let service: typeof AttachmentsService;
  let repository: typeof Repository;
  const officer = () => ({
    tenantId: HOME,
    username: logins.byTenant[HOME]!.community_officer!.username,
    name: '测试',
    roles: ['community_officer' as const],
    scope: 'unit' as const,
  });
  const matter = (suffix: string) => ({ kind: 'matter' as const, id: `mat_01TESTLINK${suffix.padEnd(16, '0')}` });

  beforeAll(async () => {
    Object.assign(process.env, handlerEnv(config));
    service = await import('@beatlink/functions/services/attachments/attachments');
    repository = await import('@beatlink/functions/data/repository');
  });

  async function refusal(promise: Promise<unknown>): Promise<{ status: number; paths: string[] }> {
    const error = (await promise.then(
      () => undefined,
      (e: unknown) => e,
    )) as { status: number; details?: Array<{ path: string }> } | undefined;
    expect(error, 'must be refused').toBeDefined();
    return { status: error!.status, paths: (error!.details ?? []).map((d) => d.path) };
  }

  it('links ready own attachments once; a second link, a duplicate or a pending one is refused', async () => {
    const a = (await readyAttachment(uploader)).attachment;
    const b = (await readyAttachment(uploader)).attachment;
    const pending = (await startUpload(uploader, jpeg(100))).attachment;
    const first = matter('A');

    expect(await refusal(service.linkAttachmentOps(officer(), [a.id, a.id], first, 'attachmentIds'))).toEqual({ status: 400, paths: ['attachmentIds.1'] });
    expect(await refusal(service.linkAttachmentOps(officer(), [a.id, pending.id], first, 'attachmentIds'))).toEqual({ status: 400, paths: ['attachmentIds.1'] });

    await repository.runTransaction(await service.linkAttachmentOps(officer(), [a.id, b.id], first, 'attachmentIds'));
    expect(await service.linkAttachmentOps(officer(), [a.id], first, 'attachmentIds')).toEqual([]);
    expect(await refusal(service.linkAttachmentOps(officer(), [b.id], matter('B'), 'attachmentIds'))).toEqual({ status: 400, paths: ['attachmentIds.0'] });
    // Linked to a matter the caller cannot see (here: none), it is hidden even from its uploader.
    expect((await uploader.request('GET', `/attachments/${a.id}`)).status).toBe(404);
  });

  it('refuses someone else’s attachment (400) and another county’s (404)', async () => {
    const colleagues = (await readyAttachment(colleague)).attachment;
    expect(await refusal(service.linkAttachmentOps(officer(), [colleagues.id], matter('C'), 'photos'))).toEqual({ status: 400, paths: ['photos.0'] });
    const foreign = (await readyAttachment(foreigner)).attachment;
    expect(await refusal(service.linkAttachmentOps(officer(), [foreign.id], matter('C'), 'photos'))).toEqual({ status: 404, paths: ['photos.0'] });
  });

  it('lets only one of two concurrent links through', async () => {
    const { attachment } = await readyAttachment(uploader);
    const [one, two] = await Promise.all([
      service.linkAttachmentOps(officer(), [attachment.id], matter('D'), 'attachmentIds'),
      service.linkAttachmentOps(officer(), [attachment.id], matter('E'), 'attachmentIds'),
    ]);
    const results = await Promise.allSettled([repository.runTransaction(one), repository.runTransaction(two)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as { status: number }).status).toBe(409);
  });
});
