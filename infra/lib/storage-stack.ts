import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { CfnElement, StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { ATTACHMENT_PREFIX, attachmentObjectStatements } from './attachment-access';
import { PRIVATE_BUCKET } from './private-bucket';

export interface StorageStackProps extends StackProps {
  /** The portal's origin: browsers there PUT uploads and GET downloads with pre-signed URLs. */
  portalOrigin: string;
  /**
   * Retain (prod) or delete (dev, staging) both buckets with the stack. CloudFormation deletes
   * only an empty bucket: empty it first (docs/deploy.md, tearing down a stage).
   */
  removalPolicy?: RemovalPolicy;
}


/**
 * The attachment bucket: photos and documents of every county under `tenants/<tenantId>/…`,
 * uploaded and downloaded by browsers with short-lived pre-signed URLs the API signs. Server
 * access logs go to a bucket of their own. No function role reaches the objects directly: the
 * managed policy `tenantAttachmentPolicy` (objects under `tenants/${aws:PrincipalTag/TenantId}/`
 * only) is attached to the API stack's TenantDataAccessRole.
 */
export class StorageStack extends Stack {
  readonly attachmentBucket: s3.Bucket;
  readonly accessLogBucket: s3.Bucket;
  readonly tenantAttachmentPolicy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: StorageStackProps) {
    super(scope, id, props);
    // Log delivery through a bucket policy, not the LogDeliveryWrite ACL, which a bucket with
    // ACLs disabled (BucketOwnerEnforced) cannot have. Set before any construct is added.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);

    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.accessLogBucket = new s3.Bucket(this, 'AccessLogs', {
      ...PRIVATE_BUCKET,
      removalPolicy,
      lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: Duration.days(365) }],
    });
    Validations.of(this.accessLogBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket is the server access log target of the attachment bucket; logging its own writes into itself would log without end.',
    });

    this.attachmentBucket = new s3.Bucket(this, 'Attachments', {
      ...PRIVATE_BUCKET,
      removalPolicy,
      // Each attachment is written once under a fresh id: nothing to keep old versions of.
      versioned: false,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'attachments/',
      lifecycleRules: [{ id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      cors: [
        {
          allowedOrigins: [props.portalOrigin],
          allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET],
          // The upload URL signs Content-Type: the browser must send it, so the preflight must allow it.
          allowedHeaders: ['content-type'],
          exposedHeaders: ['ETag'],
          maxAge: 600,
        },
      ],
    });

    this.tenantAttachmentPolicy = new iam.ManagedPolicy(this, 'TenantAttachmentPolicy', {
      description: 'Get, put and delete attachment objects of the county named by the session tag TenantId (for signing upload and download URLs)',
      statements: attachmentObjectStatements(this.attachmentBucket),
    });
    const bucketId = this.getLogicalId(this.attachmentBucket.node.defaultChild as CfnElement);
    Validations.of(this.tenantAttachmentPolicy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${ATTACHMENT_PREFIX}<aws:PrincipalTag/TenantId>/*]`,
      reason: `Attachment objects are created at run time under ${ATTACHMENT_PREFIX}<county>/attachments/<id>; the wildcard lies below the caller's own county (the session tag TenantId, set when a function assumes TenantDataAccessRole), so it reaches one county's objects only (get, put and delete).`,
    });
  }
}
