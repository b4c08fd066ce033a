import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, type AttachmentContentType } from '@beatlink/shared/attachment-limits';
import type { Attachment, AttachmentUpload } from '@beatlink/shared/matters/views';
import type { ApiClient } from './api-client';
import { describeError } from './api-error';

/**
 * Uploading one file as an attachment, shared by the office and the field pages:
 * POST /attachments (a pending record and a pre-signed PUT URL) → PUT the bytes to the object store
 * with the headers the signature covers → POST /attachments/{id}/complete (the API checks size and
 * type). UI-free: progress is reported through a callback, and `uploadsReducer` keeps the state of
 * a list of uploads for a form.
 */

export { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES };

/** What of a browser `File` the checks need (a `File` fits; tests pass plain objects). */
export interface FileLike {
  name: string;
  type: string;
  size: number;
}

/** The API's limit on a file name (`text(120)` in shared/src/attachments.ts). */
export const MAX_FILE_NAME_LENGTH = 120;

const BY_EXTENSION: Record<string, AttachmentContentType> = Object.fromEntries(
  (Object.entries(ATTACHMENT_TYPES) as Array<[AttachmentContentType, { ext: string }]>).map(([type, { ext }]) => [ext, type]),
);
BY_EXTENSION.jpeg = 'image/jpeg';
BY_EXTENSION.heif = 'image/heic';

/** Image types a photo input accepts. */
export const IMAGE_CONTENT_TYPES = (Object.keys(ATTACHMENT_TYPES) as AttachmentContentType[]).filter((type) => type.startsWith('image/'));

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/**
 * The content type to declare: the browser's when it is one the API takes, else guessed from the
 * extension (phones often hand HEIC photos over with an empty type). Undefined: not allowed.
 */
export function attachmentContentType(file: Pick<FileLike, 'name' | 'type'>): AttachmentContentType | undefined {
  const declared = file.type.split(';')[0]!.trim().toLowerCase();
  if (declared === 'image/jpg' || declared === 'image/pjpeg') return 'image/jpeg';
  if (declared === 'image/heif') return 'image/heic';
  if (declared in ATTACHMENT_TYPES) return declared as AttachmentContentType;
  if (declared && declared !== 'application/octet-stream') return undefined;
  return BY_EXTENSION[extensionOf(file.name)];
}

/** "JPEG、PNG、WebP、HEIC 图片" style list of the allowed types, for messages. */
export function allowedTypesText(allowed: readonly AttachmentContentType[] = Object.keys(ATTACHMENT_TYPES) as AttachmentContentType[]): string {
  return allowed.map((type) => ATTACHMENT_TYPES[type].zh).join('、');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Why the file cannot be attached (Chinese), or undefined when it can: empty, larger than
 * MAX_ATTACHMENT_BYTES, or a type the API (or this input: `allowed`) does not take.
 */
export function checkAttachmentFile(file: FileLike, allowed?: readonly AttachmentContentType[]): string | undefined {
  const type = attachmentContentType(file);
  if (!type || (allowed && !allowed.includes(type))) return `不支持的文件类型，仅支持${allowedTypesText(allowed)}`;
  if (file.size <= 0) return '文件为空';
  if (file.size > MAX_ATTACHMENT_BYTES) return `文件为 ${formatBytes(file.size)}，超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB 的上限`;
  return undefined;
}

/** The name to declare: trimmed, at most 120 characters with the extension kept, never empty. */
export function attachmentFileName(name: string, contentType: AttachmentContentType): string {
  const trimmed = Array.from(name)
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  const fallbackExt = ATTACHMENT_TYPES[contentType].ext;
  if (!trimmed) return `附件.${fallbackExt}`;
  const chars = Array.from(trimmed);
  if (chars.length <= MAX_FILE_NAME_LENGTH) return trimmed;
  const ext = extensionOf(trimmed);
  const suffix = ext && ext.length <= 10 ? `.${ext}` : '';
  return chars.slice(0, MAX_FILE_NAME_LENGTH - suffix.length).join('') + suffix;
}

// ---- One upload ----

export type UploadPhase = 'signing' | 'uploading' | 'completing';

export interface UploadProgress {
  phase: UploadPhase;
  /** Bytes sent so far (0 until the PUT starts). */
  loaded: number;
  total: number;
  /** 0–100 over the whole flow: signing 0, the PUT up to 95, completing 95. */
  percent: number;
}

/** PUTs `body` to a pre-signed URL; rejects on a network failure or a non-2xx answer. */
export type PutFn = (
  url: string,
  headers: Record<string, string>,
  body: Blob,
  onProgress: (loaded: number, total: number) => void,
  signal?: AbortSignal,
) => Promise<void>;

/** A failed upload, with the step it failed in and a Chinese message for the user. */
export class UploadError extends Error {
  constructor(
    readonly phase: UploadPhase | 'check',
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/** The browser's PUT with upload progress (fetch cannot report upload progress; XHR can). */
export const xhrPut: PutFn = (url, headers, body, onProgress, signal) =>
  new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    for (const [name, value] of Object.entries(headers)) {
      // The browser sets Content-Length (and refuses to let scripts set it).
      if (name.toLowerCase() !== 'content-length') xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : body.size);
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(`HTTP ${xhr.status}`)));
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.ontimeout = () => reject(new TypeError('timeout'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    if (signal) {
      if (signal.aborted) return xhr.abort();
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(body);
  });

const percentOf = (phase: UploadPhase, loaded: number, total: number): number => {
  if (phase === 'signing') return 0;
  if (phase === 'completing') return 95;
  return total > 0 ? Math.min(95, Math.round((loaded / total) * 95)) : 0;
};

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  /** Types this input takes (default: every type the API takes). */
  allowed?: readonly AttachmentContentType[];
  signal?: AbortSignal;
  /** The PUT (default: XHR with progress). */
  put?: PutFn;
}

/**
 * Uploads one file and returns the ready attachment (use its id in `attachmentIds`). Throws
 * UploadError with a Chinese message; a retry starts afresh (an abandoned pending record expires
 * by itself).
 */
export async function uploadAttachment(api: Pick<ApiClient, 'post'>, file: Blob & FileLike, options: UploadOptions = {}): Promise<Attachment> {
  const refused = checkAttachmentFile(file, options.allowed);
  if (refused) throw new UploadError('check', refused);
  const contentType = attachmentContentType(file)!;
  const report = (phase: UploadPhase, loaded = 0) => options.onProgress?.({ phase, loaded, total: file.size, percent: percentOf(phase, loaded, file.size) });
  const step = async <T>(phase: UploadPhase, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw new UploadError(phase, '已取消上传', error);
      throw new UploadError(phase, uploadErrorMessage(phase, error), error);
    }
  };

  report('signing');
  const started = await step('signing', () =>
    api.post<AttachmentUpload>('/attachments', { fileName: attachmentFileName(file.name, contentType), contentType, size: file.size }),
  );
  report('uploading');
  // The signature covers the declared type: send the bytes with exactly that type.
  const body = file.type === contentType ? file : file.slice(0, file.size, contentType);
  await step('uploading', () =>
    (options.put ?? xhrPut)(started.upload.url, started.upload.headers, body, (loaded) => report('uploading', loaded), options.signal),
  );
  report('completing');
  return step('completing', () => api.post<Attachment>(`/attachments/${encodeURIComponent(started.attachment.id)}/complete`, {}));
}

function uploadErrorMessage(phase: UploadPhase, error: unknown): string {
  if (phase === 'uploading') {
    return error instanceof TypeError ? '上传失败：网络中断，请重试' : `上传失败（${error instanceof Error ? error.message : '未知错误'}），请重试`;
  }
  return describeError(error);
}

// ---- A list of uploads in a form ----

export type UploadItemState = 'uploading' | 'done' | 'failed';

export interface UploadItem {
  /** Local key of the row (not the attachment id). */
  key: string;
  fileName: string;
  size: number;
  state: UploadItemState;
  phase?: UploadPhase;
  percent: number;
  attachmentId?: string;
  error?: string;
  /** Refused by the client-side check (type, size, count): retrying cannot help. */
  refused?: boolean;
}

export type UploadAction =
  | { type: 'add'; items: Array<Pick<UploadItem, 'key' | 'fileName' | 'size'> & { error?: string }> }
  | { type: 'progress'; key: string; progress: UploadProgress }
  | { type: 'done'; key: string; attachment: Pick<Attachment, 'id'> }
  | { type: 'failed'; key: string; error: string }
  | { type: 'retry'; key: string }
  | { type: 'remove'; key: string }
  | { type: 'reset' };

/**
 * The state of a form's uploads. A file refused by the client-side check is added already failed
 * (with its reason); late progress of a removed or finished row is ignored.
 */
export function uploadsReducer(items: readonly UploadItem[], action: UploadAction): UploadItem[] {
  const update = (key: string, change: (item: UploadItem) => UploadItem | undefined) =>
    items.map((item) => (item.key === key ? (change(item) ?? item) : item));
  switch (action.type) {
    case 'add':
      return [
        ...items,
        ...action.items.map((item): UploadItem => ({
          key: item.key,
          fileName: item.fileName,
          size: item.size,
          percent: 0,
          ...(item.error ? { state: 'failed', error: item.error, refused: true } : { state: 'uploading', phase: 'signing' }),
        })),
      ];
    case 'progress':
      return update(action.key, (item) =>
        item.state === 'uploading' ? { ...item, phase: action.progress.phase, percent: Math.max(item.percent, action.progress.percent) } : undefined,
      );
    case 'done':
      return update(action.key, (item) =>
        item.state === 'uploading' ? { key: item.key, fileName: item.fileName, size: item.size, state: 'done', percent: 100, attachmentId: action.attachment.id } : undefined,
      );
    case 'failed':
      return update(action.key, (item) => (item.state === 'uploading' ? { ...item, state: 'failed', phase: undefined, error: action.error } : undefined));
    case 'retry':
      return update(action.key, (item) => (item.state === 'failed' && !item.refused ? { key: item.key, fileName: item.fileName, size: item.size, state: 'uploading', phase: 'signing', percent: 0 } : undefined));
    case 'remove':
      return items.filter((item) => item.key !== action.key);
    case 'reset':
      return [];
  }
}

/** Ids of the finished uploads, in the order they were added. */
export function readyAttachmentIds(items: readonly UploadItem[]): string[] {
  return items.flatMap((item) => (item.state === 'done' && item.attachmentId ? [item.attachmentId] : []));
}

/** Whether any upload is still running (a form waits for them before it submits). */
export function uploadsPending(items: readonly UploadItem[]): boolean {
  return items.some((item) => item.state === 'uploading');
}

/** Whether any upload failed (a form asks the user to retry or remove it). */
export function uploadsFailed(items: readonly UploadItem[]): boolean {
  return items.some((item) => item.state === 'failed');
}

/** Chinese line for a row: "正在上传 45%", "已上传", or the error. */
export function uploadStatusText(item: UploadItem): string {
  if (item.state === 'done') return '已上传';
  if (item.state === 'failed') return item.error ?? '上传失败';
  if (item.phase === 'signing') return '准备上传…';
  if (item.phase === 'completing') return '正在校验…';
  return `正在上传 ${item.percent}%`;
}
