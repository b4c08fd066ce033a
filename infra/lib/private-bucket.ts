import * as s3 from 'aws-cdk-lib/aws-s3';

/** Private, encrypted, TLS only, owned by the bucket owner: what every Beatlink bucket shares. */
export const PRIVATE_BUCKET: s3.BucketProps = {
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  encryption: s3.BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
};
