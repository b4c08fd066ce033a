import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * Object access to the attachment bucket. Objects live under `tenants/<tenantId>/attachments/`
 * (functions/src/services/attachments/object-store.ts): the functions reach `tenants/*` only;
 * tenant-scoped credentials (issue #8) can narrow that to `tenants/${aws:PrincipalTag/TenantId}/*`.
 * Pre-signed URLs act with the signer's permissions, so the signer needs PutObject and GetObject.
 */
export const ATTACHMENT_PREFIX = 'tenants/';
const OBJECT_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'];

export function attachmentObjectStatements(bucket: s3.IBucket, keyPattern = `${ATTACHMENT_PREFIX}*`): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({ actions: OBJECT_ACTIONS, resources: [bucket.arnForObjects(keyPattern)] }),
    // HeadObject answers 404 for a missing object only to callers who may list the bucket (else
    // 403); "not uploaded yet" depends on it. Keys carry no more than ids the table also holds.
    new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }),
  ];
}
