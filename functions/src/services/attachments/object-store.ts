/**
 * The object store port (S3 in AWS, the local S3 server on a laptop, a fake in unit tests).
 * Clients upload and download the bytes themselves through pre-signed URLs; the API only signs
 * URLs and checks what arrived.
 */
export interface ObjectStore {
  /** A PUT URL whose signature covers the content type and length (S3 enforces both). */
  presignPut(input: { key: string; contentType: string; contentLength: number; expiresIn: number }): Promise<string>;
  /** A GET URL that answers with `Content-Disposition` naming `fileName` (UTF-8). */
  presignGet(input: { key: string; expiresIn: number; fileName: string }): Promise<string>;
  /** What was uploaded, or undefined when nothing is there. */
  head(key: string): Promise<{ size: number; contentType: string } | undefined>;
  /** Deletes the object; deleting a missing one is not an error. */
  delete(key: string): Promise<void>;
}

/**
 * `tenants/<tenantId>/attachments/<id>`: the tenant is the first path segment after a fixed
 * prefix, so tenant-scoped credentials can be limited to
 * `arn:aws:s3:::<bucket>/tenants/${aws:PrincipalTag/TenantId}/*` (and the functions to `tenants/*`).
 */
export const attachmentObjectKey = (tenantId: string, attachmentId: string): string => `tenants/${tenantId}/attachments/${attachmentId}`;
