/**
 * What a handler reads from its environment. In AWS the CDK sets these; locally the embedded
 * stack does (endpoints point at DynamoDB Local, cognito-local and the local S3 server).
 */
export interface RuntimeEnv {
  tableName: string;
  region: string;
  /** Set locally only: DynamoDB Local's URL. */
  dynamodbEndpoint?: string;
  /** Set locally only: cognito-local's URL. */
  cognitoEndpoint?: string;
  /** Set locally only: the local S3 server's URL (path-style addressing). */
  s3Endpoint?: string;
  /** The bucket of uploaded photos and documents. */
  attachmentBucket: string;
  /** Local only: the file holding the master key that wraps the tenants' data keys. */
  masterKeyFile?: string;
  /** AWS only: the KMS key (ARN) that wraps the tenants' data keys. */
  masterKeyId?: string;
  userPoolId: string;
  stage: 'local' | 'aws';
  /** AWS only: the role assumed with the session tag TenantId for a county's data (tenant-scoped credentials). */
  tenantDataRoleArn?: string;
  /** AWS only: the role for platform items (tenant registry, province rollups); not assumed by the functions yet. */
  platformDataRoleArn?: string;
  /** AWS only, public function: the secret CloudFront sends in `x-beatlink-origin-verify` (origin-verify.ts). */
  originVerifySecretArn?: string;
}

/** The local stack's bucket; in AWS the CDK names it. */
export const DEFAULT_ATTACHMENT_BUCKET = 'beatlink-attachments';

export function readEnv(env: NodeJS.ProcessEnv = process.env): RuntimeEnv {
  return {
    tableName: env.TABLE_NAME ?? 'beatlink',
    region: env.AWS_REGION ?? 'ap-east-1',
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    cognitoEndpoint: env.COGNITO_ENDPOINT || undefined,
    s3Endpoint: env.S3_ENDPOINT || undefined,
    attachmentBucket: env.ATTACHMENT_BUCKET || DEFAULT_ATTACHMENT_BUCKET,
    masterKeyFile: env.MASTER_KEY_FILE || undefined,
    masterKeyId: env.MASTER_KEY_ID || undefined,
    userPoolId: env.USER_POOL_ID ?? '',
    stage: env.APP_STAGE === 'aws' ? 'aws' : 'local',
    tenantDataRoleArn: env.TENANT_DATA_ROLE_ARN || undefined,
    platformDataRoleArn: env.PLATFORM_DATA_ROLE_ARN || undefined,
    originVerifySecretArn: env.ORIGIN_VERIFY_SECRET_ARN || undefined,
  };
}
