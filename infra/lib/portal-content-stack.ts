import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Stack, Validations } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { fileAssetObjects, wildcardResourceFinding } from './nag-findings';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, IMMUTABLE_PREFIX } from './portal/portal-headers';
import { portalBucketName } from './web-stack';

/** What the portal reads from `/runtime-config.json` in AWS (web/src/lib/runtime-config.ts). */
export interface AwsPortalRuntimeConfig {
  apiUrl: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  /** The public API's address (PublicApiEdgeStack), shown on the portal's API docs page. */
  publicApiUrl: string;
  stage: 'aws';
}

export interface PortalContentStackProps extends StackProps {
  /** The deployment's stack prefix: WebStack's bucket is named after it (web-stack.ts portalBucketName). */
  stackPrefix: string;
  /** The static export: web/out (`npm run build -w web`). */
  exportDir: string;
  runtimeConfig: AwsPortalRuntimeConfig;
}

const RUNTIME_CONFIG = 'runtime-config.json';
const STATIC_DIR = IMMUTABLE_PREFIX.replace(/^\/|\/$/g, '');

/**
 * Uploads the portal's static export to WebStack's bucket (deployed after it) with the runtime config of this
 * deployment (the API URL and the user pool, known only after the API and auth stacks exist):
 * content-hashed files under `_next/static/` with a year of immutable caching and kept across
 * deploys (a page loaded before a deploy still finds its chunks), everything else replaced on each
 * deploy and marked no-cache. One build, the same files as the local portal serves.
 */
export class PortalContentStack extends Stack {
  constructor(scope: Construct, id: string, props: PortalContentStackProps) {
    super(scope, id, props);
    if (!existsSync(join(props.exportDir, 'index.html'))) {
      throw new Error(`The portal's static export is missing (${props.exportDir}/index.html): run "npm run build -w web" before synth or deploy`);
    }
    const bucket = s3.Bucket.fromBucketName(this, 'PortalBucket', portalBucketName(this, props.stackPrefix));

    const hashed = new s3deploy.BucketDeployment(this, 'HashedFiles', {
      sources: [s3deploy.Source.asset(join(props.exportDir, STATIC_DIR))],
      destinationBucket: bucket,
      destinationKeyPrefix: `${STATIC_DIR}/`,
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString(CACHE_IMMUTABLE)],
      memoryLimit: 512,
    });
    const documents = new s3deploy.BucketDeployment(this, 'Documents', {
      sources: [
        // A runtime-config.json left in web/public by `npm start` must not reach AWS.
        s3deploy.Source.asset(props.exportDir, { exclude: [`${STATIC_DIR}/**`, RUNTIME_CONFIG] }),
        s3deploy.Source.jsonData(RUNTIME_CONFIG, props.runtimeConfig),
      ],
      destinationBucket: bucket,
      // Prune replaces the pages of the last deploy, but never the hashed files above.
      exclude: [`${STATIC_DIR}/*`],
      prune: true,
      cacheControl: [s3deploy.CacheControl.fromString(CACHE_REVALIDATE)],
      memoryLimit: 512,
    });
    // Pages name the chunks: upload the chunks first, so a page never points at a missing one.
    documents.node.addDependency(hashed);

    // The deployment provider is CDK's singleton Lambda, created inside this stack by the construct.
    const provider = this.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!provider) throw new Error('BucketDeployment created no provider function: the acknowledgements below need updating');
    Validations.of(provider).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'CDK\'s BucketDeployment provider runs with AWSLambdaBasicExecutionRole (writing its own CloudWatch logs only); the construct offers no narrower logging policy.',
      },
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `The BucketDeployment provider syncs the build into the portal bucket (${action} as granted by CDK's bucket grants): it reads the staged asset and replaces and prunes the portal's objects, only during deployments.`,
      })),
      {
        id: wildcardResourceFinding(this, fileAssetObjects(this)),
        reason: 'The provider reads the zipped portal build that the CDK CLI uploaded to the bootstrap asset bucket; asset object names are content hashes known only at publish time.',
      },
      {
        id: wildcardResourceFinding(this, `${bucket.bucketArn}/*`),
        reason: 'The provider writes and prunes the portal bucket\'s objects; their names are the files of each build, so the grant covers every object of that one bucket.',
      },
      {
        id: 'AwsSolutions-L1',
        reason: 'The BucketDeployment provider\'s Python runtime is pinned by the CDK version (its AWS CLI layer needs it); it runs only during deployments, never on a request path.',
      },
    );
  }
}
