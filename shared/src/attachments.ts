import * as z from 'zod';
import { text, withExample } from './fields';
import { idSchema } from './ids';
import { ATTACHMENT_CONTENT_TYPES, MAX_ATTACHMENT_BYTES } from './attachment-limits';

/**
 * Attachments (photos, scanned agreements, recordings' transcripts) are uploaded straight to the
 * object store with a pre-signed PUT; the API signs type and length into the URL and checks both
 * with HeadObject before the file may be linked to a record.
 */
export * from './attachment-limits';

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
