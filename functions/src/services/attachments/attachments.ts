import {
  DOWNLOAD_URL_SECONDS,
  MAX_ATTACHMENT_BYTES,
  UPLOAD_URL_SECONDS,
  newId,
  type Attachment,
  type AttachmentCreateInput,
  type AttachmentDownload,
  type AttachmentUpload,
  type ErrorDetail,
} from '@beatlink/shared';
import {
  createAttachmentOp,
  getAttachmentRecord,
  linkAttachmentOp,
  markReadyOp,
  type AttachmentLink,
  type AttachmentRecord,
} from '../../data/attachments';
import { runTransaction, type TxOp } from '../../data/repository';
import { AppError, conflict, invalidField, notFound, validationFailed, versionConflict } from '../../lib/app-error';
import { isoNow, systemClock, type Clock } from '../../lib/clock';
import { requireTenant, type TenantContext, type TenantScopedContext } from '../../lib/tenant-context';
import { loadVisibleMatter } from '../matters/matter-access';
import { attachmentObjectKey, type ObjectStore } from './object-store';
import { s3ObjectStore } from './s3-object-store';

/**
 * Attachments: the client asks for an upload URL (a pending record), PUTs the bytes straight to
 * the object store, then confirms; the API checks size and type with HeadObject before the file
 * counts as ready. A ready, unused attachment can then be linked to one record (a matter).
 */
export interface AttachmentDeps {
  clock: Clock;
  objects: ObjectStore;
}

let defaults: AttachmentDeps | undefined;

export function defaultAttachmentDeps(): AttachmentDeps {
  defaults ??= { clock: systemClock, objects: s3ObjectStore() };
  return defaults;
}

/** Abandoned uploads: the pending record expires (table TTL) a day after it was made. */
const PENDING_TTL_SECONDS = 24 * 60 * 60;

const missing = (path = 'id') => notFound(path, '附件不存在 / attachment not found');

const epochSeconds = (clock: Clock): number => Math.floor(clock.now().getTime() / 1000);

/** TTL deletion lags by up to days: an expired pending record already counts as gone. */
function live(record: AttachmentRecord | undefined, clock: Clock): AttachmentRecord | undefined {
  if (!record) return undefined;
  return record.status === 'pending' && record.expiresAt !== undefined && record.expiresAt <= epochSeconds(clock) ? undefined : record;
}

export function toAttachment(record: AttachmentRecord): Attachment {
  return {
    id: record.id,
    fileName: record.fileName,
    contentType: record.contentType,
    size: record.size,
    status: record.status,
    ...(record.linkedKind && record.linkedId ? { linkedTo: { kind: record.linkedKind, id: record.linkedId } } : {}),
    createdAt: record.createdAt,
    createdBy: record.createdBy,
  };
}

const expiresAt = (clock: Clock, seconds: number): string => new Date(clock.now().getTime() + seconds * 1000).toISOString();

/** POST /attachments: a pending record and the URL to PUT the bytes to. */
export async function createAttachment(ctxIn: TenantContext, input: AttachmentCreateInput, deps: AttachmentDeps = defaultAttachmentDeps()): Promise<AttachmentUpload> {
  const ctx = requireTenant(ctxIn);
  const now = isoNow(deps.clock);
  const record: AttachmentRecord = {
    tenantId: ctx.tenantId,
    id: newId('attachment'),
    fileName: input.fileName,
    contentType: input.contentType,
    size: input.size,
    status: 'pending',
    expiresAt: epochSeconds(deps.clock) + PENDING_TTL_SECONDS,
    createdAt: now,
    createdBy: ctx.username,
    updatedAt: now,
    version: 1,
  };
  // Signing is local (no call to S3): a failure here leaves nothing behind.
  const url = await deps.objects.presignPut({
    key: attachmentObjectKey(ctx.tenantId, record.id),
    contentType: record.contentType,
    contentLength: record.size,
    expiresIn: UPLOAD_URL_SECONDS,
  });
  await runTransaction([createAttachmentOp(record, conflict('id', '附件编号冲突，请重试 / attachment id clash, retry'))]);
  return {
    attachment: toAttachment(record),
    upload: { url, method: 'PUT', headers: { 'content-type': record.contentType }, expiresAt: expiresAt(deps.clock, UPLOAD_URL_SECONDS) },
  };
}

/** `image/jpeg; charset=…`, `Image/JPEG` → `image/jpeg`. */
const mediaType = (contentType: string): string => contentType.split(';')[0]!.trim().toLowerCase();

/** What is wrong with the stored object compared with what was declared (empty: nothing). */
function objectMismatch(record: Pick<AttachmentRecord, 'size' | 'contentType'>, object: { size: number; contentType: string }, path?: string): ErrorDetail[] {
  const at = (field: string) => (path === undefined ? field : path);
  const details: ErrorDetail[] = [];
  if (object.size > MAX_ATTACHMENT_BYTES) {
    details.push({ path: at('size'), message: `文件超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB / the file exceeds 10 MB` });
  } else if (object.size !== record.size) {
    details.push({ path: at('size'), message: `上传的文件为 ${object.size} 字节，与登记的 ${record.size} 字节不符 / ${object.size} bytes uploaded, ${record.size} declared` });
  }
  if (mediaType(object.contentType) !== mediaType(record.contentType)) {
    details.push({ path: at('contentType'), message: '上传的文件类型与登记的不符 / the uploaded type differs from the declared one' });
  }
  return details;
}

/** The caller's own attachment (the uploader's), else 404: others' uploads are not revealed. */
async function loadOwn(ctx: TenantScopedContext, id: string, clock: Clock): Promise<AttachmentRecord> {
  const record = live(await getAttachmentRecord(ctx.tenantId, id), clock);
  if (!record || record.createdBy !== ctx.username) throw missing();
  return record;
}

/**
 * POST /attachments/{id}/complete: the uploader confirms. A wrong size or type deletes the object
 * (the record stays pending, so the same URL may be used again); completing twice is harmless.
 */
export async function completeAttachment(ctxIn: TenantContext, id: string, deps: AttachmentDeps = defaultAttachmentDeps()): Promise<Attachment> {
  const ctx = requireTenant(ctxIn);
  const record = await loadOwn(ctx, id, deps.clock);
  if (record.status === 'ready') return toAttachment(record);

  const key = attachmentObjectKey(ctx.tenantId, id);
  const object = await deps.objects.head(key);
  if (!object) throw invalidField('id', '文件尚未上传 / file not uploaded yet');
  const details = objectMismatch(record, object);
  if (details.length > 0) {
    await deps.objects.delete(key);
    throw validationFailed(details, '上传的文件与登记的不符，请重新上传 / the upload does not match, upload again');
  }

  try {
    await runTransaction([markReadyOp(record, isoNow(deps.clock), versionConflict())]);
  } catch (error) {
    // A concurrent completion of the same upload got there first: the outcome is the same.
    const now = await getAttachmentRecord(ctx.tenantId, id);
    if (now?.status === 'ready') return toAttachment(now);
    throw error;
  }
  return toAttachment({ ...record, status: 'ready', expiresAt: undefined, version: record.version + 1 });
}

/**
 * Who may see an attachment: its uploader while it is unused; once linked, whoever may see the
 * record it belongs to. Anyone else (and another county) gets 404.
 */
async function loadVisible(ctx: TenantScopedContext, id: string, clock: Clock): Promise<AttachmentRecord> {
  const record = live(await getAttachmentRecord(ctx.tenantId, id), clock);
  if (!record) throw missing();
  if (!record.linkedId) {
    if (record.createdBy !== ctx.username) throw missing();
    return record;
  }
  try {
    await loadVisibleMatter(ctx, record.linkedId);
  } catch (error) {
    // The matter's own 404 would name the matter; this one is about the attachment.
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw missing();
    throw error;
  }
  return record;
}

/** GET /attachments/{id}: the attachment and a short-lived download URL. */
export async function getAttachment(ctxIn: TenantContext, id: string, deps: AttachmentDeps = defaultAttachmentDeps()): Promise<AttachmentDownload> {
  const ctx = requireTenant(ctxIn);
  const record = await loadVisible(ctx, id, deps.clock);
  // The API hands out only bytes it has checked.
  if (record.status !== 'ready') throw conflict('id', '附件尚未上传完成 / the upload is not complete');
  const url = await deps.objects.presignGet({ key: attachmentObjectKey(ctx.tenantId, id), expiresIn: DOWNLOAD_URL_SECONDS, fileName: record.fileName });
  return { attachment: toAttachment(record), url, expiresAt: expiresAt(deps.clock, DOWNLOAD_URL_SECONDS) };
}

const refused = (path: string, message: string): ErrorDetail => ({ path, message });

/**
 * The transaction ops that link the caller's ready, unused attachments to `link`, for the
 * service that writes the record in the same transaction. `path` names the list in the request
 * body (`attachmentIds`), so each error points at `attachmentIds.<i>`. An attachment already
 * linked to this very record needs no op. The objects are checked once more with HeadObject: an
 * upload URL stays valid for a while after completion.
 */
export async function linkAttachmentOps(
  ctxIn: TenantContext,
  attachmentIds: string[],
  link: AttachmentLink,
  path: string,
  deps: AttachmentDeps = defaultAttachmentDeps(),
): Promise<TxOp[]> {
  const ctx = requireTenant(ctxIn);
  const duplicates = attachmentIds.flatMap((id, i) => (attachmentIds.indexOf(id) < i ? [refused(`${path}.${i}`, '附件重复 / duplicate attachment')] : []));
  if (duplicates.length > 0) throw validationFailed(duplicates);

  const records = await Promise.all(attachmentIds.map(async (id) => live(await getAttachmentRecord(ctx.tenantId, id), deps.clock)));
  const absent = records.findIndex((r) => !r);
  if (absent >= 0) throw missing(`${path}.${absent}`);

  const details: ErrorDetail[] = [];
  const toLink: Array<{ record: AttachmentRecord; at: string }> = [];
  records.forEach((record, i) => {
    const at = `${path}.${i}`;
    if (!record) return;
    if (record.createdBy !== ctx.username) details.push(refused(at, '只能使用本人上传的附件 / only your own uploads can be attached'));
    else if (record.status !== 'ready') details.push(refused(at, '附件尚未上传完成 / the upload is not complete'));
    else if (record.linkedId === link.id && record.linkedKind === link.kind) return;
    else if (record.linkedId) details.push(refused(at, '附件已被其他记录使用 / the attachment belongs to another record'));
    else toLink.push({ record, at });
  });
  if (details.length > 0) throw validationFailed(details);

  const objects = await Promise.all(toLink.map(({ record }) => deps.objects.head(attachmentObjectKey(ctx.tenantId, record.id))));
  const changed = toLink.flatMap(({ record, at }, i) => {
    const object = objects[i];
    return object ? objectMismatch(record, object, at) : [refused(at, '附件文件已不存在，请重新上传 / the file is gone, upload again')];
  });
  if (changed.length > 0) throw validationFailed(changed);

  const updatedAt = isoNow(deps.clock);
  return toLink.map(({ record, at }) =>
    linkAttachmentOp(record, link, updatedAt, conflict(at, '附件已被同时使用或修改，请重试 / the attachment changed concurrently, retry')),
  );
}
