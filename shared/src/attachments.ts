import { z } from 'zod';
import { text, withExample } from './fields';
import { idSchema } from './ids';

/**
 * Attachments (photos, scanned agreements, recordings' transcripts) are uploaded straight to the
 * object store with a pre-signed PUT; the API signs type and length into the URL and checks both
 * with HeadObject before the file may be linked to a record.
 */
export const ATTACHMENT_TYPES = {
  'image/jpeg': { zh: 'JPEG 图片', ext: 'jpg' },
  'image/png': { zh: 'PNG 图片', ext: 'png' },
  'image/webp': { zh: 'WebP 图片', ext: 'webp' },
  'image/heic': { zh: 'HEIC 图片', ext: 'heic' },
  'application/pdf': { zh: 'PDF 文档', ext: 'pdf' },
} as const;
export type AttachmentContentType = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_CONTENT_TYPES = Object.keys(ATTACHMENT_TYPES) as [AttachmentContentType, ...AttachmentContentType[]];

/** 10 MiB: a phone photo is 2–5 MB; a scanned agreement fits. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Pre-signed URLs are short-lived. */
export const UPLOAD_URL_SECONDS = 15 * 60;
export const DOWNLOAD_URL_SECONDS = 5 * 60;

export const attachmentCreateSchema = withExample(
  z.strictObject({
    fileName: text(120),
    contentType: z.enum(ATTACHMENT_CONTENT_TYPES, { message: '仅支持 JPEG、PNG、WebP、HEIC 图片和 PDF / only JPEG, PNG, WebP, HEIC or PDF' }),
    size: z
      .number()
      .int()
      .min(1, { message: '文件不能为空 / the file is empty' })
      .max(MAX_ATTACHMENT_BYTES, { message: `文件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB / at most 10 MB` }),
  }),
  { fileName: '现场照片.jpg', contentType: 'image/jpeg', size: 2_345_678 },
);
export type AttachmentCreateInput = z.infer<typeof attachmentCreateSchema>;

export const attachmentParamsSchema = z.strictObject({ id: idSchema('attachment') });
