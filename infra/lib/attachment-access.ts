import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * Object access to the attachment bucket. Objects live under `tenants/<tenantId>/attachments/`
 * (functions/src/services/attachments/object-store.ts), so tenant-scoped credentials reach one
 * county's objects: `tenants/${aws:PrincipalTag/TenantId}/*`. Pre-signed URLs act with the
 * signer's permissions (and expire with the signer's session), so the signer needs PutObject and
 * GetObject.
 */
export const ATTACHMENT_PREFIX = 'tenants/';
/** The object keys of the county named by the session tag TenantId. */
export const TENANT_ATTACHMENT_KEYS = `${ATTACHMENT_PREFIX}\${aws:PrincipalTag/TenantId}/*`;
const OBJECT_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'];

export function attachmentObjectStatements(bucket: s3.IBucket, keyPattern = TENANT_ATTACHMENT_KEYS): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({ actions: OBJECT_ACTIONS, resources: [bucket.arnForObjects(keyPattern)] }),
    // HeadObject answers 404 for a missing object only to callers who may list the bucket (else
    // 403); "not uploaded yet" depends on it. That check carries no s3:prefix, hence IfExists;
    // an actual listing is confined to the same county prefix.
    new iam.PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringLikeIfExists: { 's3:prefix': keyPattern } },
    }),
  ];
}
