/** What an attachment may be, zod-free: the field pages check it before uploading. */
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
