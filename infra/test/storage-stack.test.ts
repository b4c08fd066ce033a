import { describe, expect, it } from 'vitest';
import { Stack } from 'aws-cdk-lib';
import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { BOUNDED_CONTEXTS } from '@beatlink/functions/routes';
import { buildTestApp, TEST_PORTAL_ORIGIN } from './support';

const { stacks } = buildTestApp({ config: { stage: 'prod' } });
const storage = stacks.storage;
const template = Template.fromStack(storage);
const logicalId = (construct: IConstruct) => Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
const bucketId = logicalId(storage.attachmentBucket);
const logBucketId = logicalId(storage.accessLogBucket);

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };
const resources = template.toJSON().Resources as Record<string, Resource>;
const attachmentBucket = resources[bucketId]!;

describe('storage stack: the attachment bucket', () => {
  it('is one of two buckets, private and encrypted, retained with the stack in prod', () => {
    template.resourceCountIs('AWS::S3::Bucket', 2);
    for (const id of [bucketId, logBucketId]) {
      expect(resources[id]).toMatchObject({
        DeletionPolicy: 'Retain',
        Properties: {
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
          BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
          OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        },
      });
    }
  });

  it('dev and staging delete both buckets with the stack (once emptied)', () => {
    for (const stage of ['dev', 'staging'] as const) {
      const staged = Template.fromStack(buildTestApp({ config: { stage } }).stacks.storage);
      expect(Object.values(staged.findResources('AWS::S3::Bucket')).map((b) => b.DeletionPolicy)).toEqual(['Delete', 'Delete']);
    }
  });

  it('blocks public access and refuses requests without TLS (bucket policy)', () => {
    for (const id of [bucketId, logBucketId]) {
      expect(resources[id]!.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('keeps no versions and aborts multipart uploads left incomplete after a day', () => {
    expect(attachmentBucket.Properties.VersioningConfiguration).toBeUndefined();
    expect(attachmentBucket.Properties.LifecycleConfiguration).toEqual({
      Rules: [{ Id: 'AbortIncompleteUploads', Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }],
    });
  });

  it('lets only the portal origin PUT and GET from the browser, with the signed Content-Type', () => {
    expect(attachmentBucket.Properties.CorsConfiguration).toEqual({
      CorsRules: [
        {
          AllowedOrigins: [TEST_PORTAL_ORIGIN],
          AllowedMethods: ['PUT', 'GET'],
          AllowedHeaders: ['content-type'],
          ExposedHeaders: ['ETag'],
          MaxAge: 600,
        },
      ],
    });
  });

  it('writes server access logs to the log bucket, delivered through its bucket policy', () => {
    expect(attachmentBucket.Properties.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: logBucketId }, LogFilePrefix: 'attachments/' });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logBucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
            Condition: Match.objectLike({ ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [bucketId, 'Arn'] } } }),
          }),
        ]),
      },
    });
  });
});

describe('storage stack: who reaches the objects', () => {
  it('grants get, put and delete under tenants/<the session tag TenantId>/ only, and listing for 404s within that prefix', () => {
    const policy = resources[logicalId(storage.tenantAttachmentPolicy)]!;
    expect(policy.Type).toBe('AWS::IAM::ManagedPolicy');
    expect((policy.Properties.PolicyDocument as { Statement: unknown[] }).Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/tenants/${aws:PrincipalTag/TenantId}/*']] },
      },
      {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: { 'Fn::GetAtt': [bucketId, 'Arn'] },
        Condition: { StringLikeIfExists: { 's3:prefix': 'tenants/${aws:PrincipalTag/TenantId}/*' } },
      },
    ]);
  });

  it('gives the bucket name to the attachments and matters functions only, and the object policy to TenantDataAccessRole only', () => {
    const api = Template.fromStack(stacks.api).toJSON().Resources as Record<string, Resource>;
    for (const context of BOUNDED_CONTEXTS) {
      const fn = api[logicalId(stacks.api.functions[context].function)]!;
      const role = api[logicalId(stacks.api.functions[context].role)]!;
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      const expected = context === 'attachments' || context === 'matters';
      expect(variables.ATTACHMENT_BUCKET !== undefined, context).toBe(expected);
      expect(JSON.stringify(role.Properties.ManagedPolicyArns ?? []), context).not.toContain('TenantAttachmentPolicy');
      if (expected) expect(variables.ATTACHMENT_BUCKET).toEqual({ 'Fn::ImportValue': expect.stringMatching(/Storage.*Attachments/) });
    }
    const tenantRole = api[logicalId(stacks.api.tenantDataAccessRole)]!;
    expect(JSON.stringify(tenantRole.Properties.ManagedPolicyArns)).toMatch(/Storage.*TenantAttachmentPolicy/);
  });
});
