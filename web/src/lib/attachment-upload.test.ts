import { describe, expect, it, vi } from 'vitest';
import * as shared from '@beatlink/shared/attachments';
import { ApiError } from './api-error';
import {
  ATTACHMENT_TYPES,
  IMAGE_CONTENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  attachmentContentType,
  attachmentFileName,
  checkAttachmentFile,
  readyAttachmentIds,
  uploadAttachment,
  uploadStatusText,
  uploadsPending,
  uploadsReducer,
  UploadError,
  type PutFn,
  type UploadItem,
  type UploadProgress,
} from './attachment-upload';

const file = (name: string, type: string, size: number) => Object.assign(new Blob([new Uint8Array(size)], { type }), { name });

describe('client-side limits', () => {
  it('are the limits the API enforces', () => {
    expect(Object.keys(ATTACHMENT_TYPES)).toContain('image/jpeg');
    expect(shared.attachmentCreateSchema.safeParse({ fileName: 'a.jpg', contentType: 'image/jpeg', size: MAX_ATTACHMENT_BYTES }).success).toBe(true);
    expect(shared.attachmentCreateSchema.safeParse({ fileName: 'a.jpg', contentType: 'image/jpeg', size: MAX_ATTACHMENT_BYTES + 1 }).success).toBe(false);
  });

  it('takes the declared type, or guesses it from the extension when the browser gives none', () => {
    expect(attachmentContentType({ name: 'a.jpg', type: 'image/jpeg' })).toBe('image/jpeg');
    expect(attachmentContentType({ name: 'IMG_0001.HEIC', type: '' })).toBe('image/heic');
    expect(attachmentContentType({ name: 'x.jpeg', type: 'application/octet-stream' })).toBe('image/jpeg');
    expect(attachmentContentType({ name: 'x.jpg', type: 'image/jpg' })).toBe('image/jpeg');
    expect(attachmentContentType({ name: 'x.gif', type: 'image/gif' })).toBeUndefined();
    expect(attachmentContentType({ name: 'x.jpg', type: 'image/gif' })).toBeUndefined();
    expect(attachmentContentType({ name: 'x', type: '' })).toBeUndefined();
  });

  it('refuses empty, too large and unsupported files with a Chinese reason', () => {
    expect(checkAttachmentFile({ name: 'a.jpg', type: 'image/jpeg', size: 1000 })).toBeUndefined();
    expect(checkAttachmentFile({ name: 'a.jpg', type: 'image/jpeg', size: MAX_ATTACHMENT_BYTES })).toBeUndefined();
    expect(checkAttachmentFile({ name: 'a.jpg', type: 'image/jpeg', size: 0 })).toBe('文件为空');
    expect(checkAttachmentFile({ name: 'a.jpg', type: 'image/jpeg', size: MAX_ATTACHMENT_BYTES + 1 })).toMatch(/超过 10 MB/);
    expect(checkAttachmentFile({ name: 'a.gif', type: 'image/gif', size: 10 })).toMatch(/不支持的文件类型/);
    // A photo input takes images only.
    expect(checkAttachmentFile({ name: 'a.pdf', type: 'application/pdf', size: 10 }, IMAGE_CONTENT_TYPES)).toMatch(/仅支持JPEG 图片/);
    expect(checkAttachmentFile({ name: 'a.pdf', type: 'application/pdf', size: 10 })).toBeUndefined();
  });

  it('keeps names within 120 characters with their extension, never empty', () => {
    expect(attachmentFileName('  现场.jpg ', 'image/jpeg')).toBe('现场.jpg');
    expect(attachmentFileName('', 'image/png')).toBe('附件.png');
    const long = attachmentFileName(`${'长'.repeat(200)}.jpeg`, 'image/jpeg');
    expect(Array.from(long)).toHaveLength(120);
    expect(long.endsWith('.jpeg')).toBe(true);
  });
});

describe('uploadAttachment', () => {
  const started = {
    attachment: { id: 'att_1', fileName: 'a.jpg', contentType: 'image/jpeg', size: 5, status: 'pending', createdAt: '', createdBy: 'u' },
    upload: { url: 'http://s3/put', method: 'PUT', headers: { 'content-type': 'image/jpeg' }, expiresAt: '' },
  };

  it('signs, PUTs with the signed headers, completes, and reports progress', async () => {
    const post = vi.fn(async (path: string, _body: unknown) =>
      (path === '/attachments' ? started : { ...started.attachment, status: 'ready' }) as never,
    );
    const put = vi.fn<PutFn>(async (_url, _headers, _body, onProgress) => {
      onProgress(2, 5);
      onProgress(5, 5);
    });
    const progress: UploadProgress[] = [];
    const result = await uploadAttachment({ post }, file('a.jpg', 'image/jpeg', 5), { put, onProgress: (p) => progress.push(p) });
    expect(result).toMatchObject({ id: 'att_1', status: 'ready' });
    expect(post.mock.calls[0]).toEqual(['/attachments', { fileName: 'a.jpg', contentType: 'image/jpeg', size: 5 }]);
    expect(post.mock.calls[1]![0]).toBe('/attachments/att_1/complete');
    expect(put.mock.calls[0]![0]).toBe('http://s3/put');
    expect(put.mock.calls[0]![1]).toEqual({ 'content-type': 'image/jpeg' });
    expect(progress.map((p) => `${p.phase}:${p.percent}`)).toEqual(['signing:0', 'uploading:0', 'uploading:38', 'uploading:95', 'completing:95']);
  });

  it('sends a HEIC photo without a browser type with the declared type', async () => {
    const post = vi.fn(async (path: string, _body: unknown) => (path === '/attachments' ? started : started.attachment) as never);
    const put = vi.fn<PutFn>(async () => {});
    await uploadAttachment({ post }, file('IMG.HEIC', '', 5), { put });
    expect(post.mock.calls[0]![1]).toMatchObject({ contentType: 'image/heic' });
    expect(put.mock.calls[0]![2].type).toBe('image/heic');
  });

  it('fails before any request for a refused file', async () => {
    const post = vi.fn();
    const error = await uploadAttachment({ post }, file('a.gif', 'image/gif', 5)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadError);
    expect((error as UploadError).phase).toBe('check');
    expect(post).not.toHaveBeenCalled();
  });

  it('names the step that failed, with a Chinese message', async () => {
    const post = vi.fn(async () => started as never);
    const put = vi.fn<PutFn>(async () => {
      throw new TypeError('network error');
    });
    const error = (await uploadAttachment({ post }, file('a.jpg', 'image/jpeg', 5), { put }).catch((e: unknown) => e)) as UploadError;
    expect(error.phase).toBe('uploading');
    expect(error.message).toBe('上传失败：网络中断，请重试');

    const refusing = vi.fn(async (path: string) => {
      if (path === '/attachments') return started as never;
      throw new ApiError(400, 'VALIDATION_FAILED', '上传的文件与登记的不符，请重新上传 / the upload does not match, upload again');
    });
    const completeError = (await uploadAttachment({ post: refusing }, file('a.jpg', 'image/jpeg', 5), { put: async () => {} }).catch(
      (e: unknown) => e,
    )) as UploadError;
    expect(completeError.phase).toBe('completing');
    expect(completeError.message).toBe('上传的文件与登记的不符，请重新上传');
  });
});

describe('uploadsReducer', () => {
  const progress = (phase: UploadProgress['phase'], percent: number): UploadProgress => ({ phase, loaded: 0, total: 1, percent });

  it('walks a row from signing to done, and a refused file is added failed', () => {
    let items: UploadItem[] = uploadsReducer([], {
      type: 'add',
      items: [
        { key: 'a', fileName: 'a.jpg', size: 5 },
        { key: 'b', fileName: 'b.gif', size: 5, error: '不支持的文件类型' },
      ],
    });
    expect(items.map((i) => i.state)).toEqual(['uploading', 'failed']);
    expect(uploadsPending(items)).toBe(true);
    items = uploadsReducer(items, { type: 'progress', key: 'a', progress: progress('uploading', 40) });
    expect(uploadStatusText(items[0]!)).toBe('正在上传 40%');
    // Progress never goes backwards.
    items = uploadsReducer(items, { type: 'progress', key: 'a', progress: progress('uploading', 10) });
    expect(items[0]!.percent).toBe(40);
    items = uploadsReducer(items, { type: 'done', key: 'a', attachment: { id: 'att_a' } });
    expect(items[0]).toMatchObject({ state: 'done', percent: 100, attachmentId: 'att_a' });
    expect(uploadsPending(items)).toBe(false);
    expect(readyAttachmentIds(items)).toEqual(['att_a']);
    // Late progress of a finished row is ignored.
    items = uploadsReducer(items, { type: 'progress', key: 'a', progress: progress('completing', 95) });
    expect(items[0]!.state).toBe('done');
    expect(uploadStatusText(items[1]!)).toBe('不支持的文件类型');
    // A refused file cannot be retried, only removed.
    expect(uploadsReducer(items, { type: 'retry', key: 'b' })[1]).toMatchObject({ state: 'failed', refused: true });
  });

  it('retries a failed row afresh and removes rows', () => {
    let items = uploadsReducer([], { type: 'add', items: [{ key: 'a', fileName: 'a.jpg', size: 5 }] });
    items = uploadsReducer(items, { type: 'failed', key: 'a', error: '上传失败：网络中断，请重试' });
    expect(items[0]).toMatchObject({ state: 'failed', error: '上传失败：网络中断，请重试' });
    items = uploadsReducer(items, { type: 'retry', key: 'a' });
    expect(items[0]).toMatchObject({ state: 'uploading', phase: 'signing', percent: 0 });
    expect(items[0]!.error).toBeUndefined();
    items = uploadsReducer(items, { type: 'remove', key: 'a' });
    expect(items).toEqual([]);
    // A late answer for a removed row changes nothing.
    expect(uploadsReducer(items, { type: 'done', key: 'a', attachment: { id: 'x' } })).toEqual([]);
  });
});
