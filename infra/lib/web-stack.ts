import { CfnOutput, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { StackProps , RemovalPolicy} from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { IMMUTABLE_PREFIX, PORTAL_HSTS_SECONDS, PORTAL_PERMISSIONS_POLICY, portalContentSecurityPolicy, type PortalOrigins } from './portal/portal-headers';
import { PORTAL_VIEWER_REQUEST_CODE } from './portal/portal-paths';
import { PRIVATE_BUCKET } from './private-bucket';

/**
 * The portal bucket's name, fixed by the deployment (prefix, account, region): PortalContentStack
 * names the bucket instead of importing it from this stack, so its deployment policy names one
 * known bucket (and a reviewer's acknowledgement can say which).
 */
export function portalBucketName(scope: Construct, stackPrefix: string): string {
  const stack = Stack.of(scope);
  return `${stackPrefix.toLowerCase().slice(0, 24)}-portal-${stack.account}-${stack.region}`;
}

export interface WebStackProps extends StackProps {
  /** The deployment's stack prefix (the bucket's name starts with it). */
  stackPrefix: string;
  /** Retain (prod) or delete (dev, staging) the buckets with the stack. */
  removalPolicy: RemovalPolicy;
  /** The portal's own domain and its ACM certificate (us-east-1); else the distribution's *.cloudfront.net name. */
  domain?: { name: string; certificateArn: string };
  /** The CLOUDFRONT-scope web ACL in front of the portal (EdgeStack). */
  webAclArn?: string;
  /** ISO 3166 country codes allowed to load the portal (geo restriction); none = everywhere. */
  allowedCountries: string[];
  /** Where the distribution's standard logs go (EdgeStack, us-east-1: CloudFront cannot log to every region). */
  distributionLogBucket: s3.IBucket;
}

/**
 * The portal's hosting: the static export (web/out) in a private bucket, served only through
 * CloudFront (origin access control), with the URL → file mapping of the local portal server (a
 * CloudFront Function running lib/portal/portal-paths.ts), security headers from
 * lib/portal/portal-headers.ts, content-hashed files cached for a year and every other file
 * revalidated on each load. The files themselves are uploaded by PortalContentStack, after the API
 * exists (the runtime config names it), while the API's CORS names this distribution's origin.
 */
export class WebStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** `https://<domain>`: the only origin the API and the attachment bucket accept. */
  readonly portalOrigin: string;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    // The web ACL and the log bucket live in us-east-1 (EdgeStack).
    super(scope, id, { crossRegionReferences: true, ...props });
    // Server access logs through a bucket policy (a bucket without ACLs cannot take the log-delivery ACL).
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const { removalPolicy } = props;
    const region = this.region;
    const suffix = this.urlSuffix;

    this.logBucket = new s3.Bucket(this, 'AccessLogs', {
      ...PRIVATE_BUCKET,
      removalPolicy,
      lifecycleRules: [{ id: 'ExpireLogs', expiration: Duration.days(365) }],
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket is the server access log target of the portal bucket; logging its own writes into itself would log without end.',
    });

    this.bucket = new s3.Bucket(this, 'Portal', {
      bucketName: portalBucketName(this, props.stackPrefix),
      ...PRIVATE_BUCKET,
      // Every deploy uploads the whole build again: the build is the version history.
      versioned: false,
      removalPolicy,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3/',
    });

    // The portal talks to the API, Cognito and pre-signed S3 URLs of this region only.
    const reach: PortalOrigins = {
      api: [`https://*.execute-api.${region}.${suffix}`],
      identity: [`https://cognito-idp.${region}.${suffix}`],
      objects: [`https://*.s3.${region}.${suffix}`],
    };
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Beatlink portal: CSP, HSTS, no framing, no sniffing, referrer and permissions policies',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: portalContentSecurityPolicy(reach), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(PORTAL_HSTS_SECONDS), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
      customHeadersBehavior: { customHeaders: [{ header: 'Permissions-Policy', value: PORTAL_PERMISSIONS_POLICY, override: true }] },
    });

    const paths = new cloudfront.Function(this, 'PortalPaths', {
      comment: 'Maps portal URLs to the static export\'s files (/matters/view → /matters/view.html)',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(PORTAL_VIEWER_REQUEST_CODE),
    });
    const origin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket);
    const viewerRequest = [{ function: paths, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }];
    // Pages, the service worker and the runtime config carry Cache-Control: no-cache (set on upload):
    // CloudFront keeps them at most a minute, and revalidates with S3 by ETag after that.
    const documents = new cloudfront.CachePolicy(this, 'Documents', {
      comment: 'Beatlink portal pages: short edge TTL, compressed',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(60),
      maxTtl: Duration.seconds(60),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    const certificate = props.domain ? acm.Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn) : undefined;
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Beatlink portal (${this.stackName})`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: documents,
        responseHeadersPolicy: headers,
        functionAssociations: viewerRequest,
        compress: true,
      },
      additionalBehaviors: {
        [`${IMMUTABLE_PREFIX}*`]: {
          origin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: headers,
          compress: true,
        },
      },
      // A missing object answers 403 through OAC (no ListBucket): both show the export's 404 page.
      errorResponses: [403, 404].map((httpStatus) => ({ httpStatus, responseHttpStatus: 404, responsePagePath: '/404.html', ttl: Duration.minutes(1) })),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      geoRestriction: props.allowedCountries.length > 0 ? cloudfront.GeoRestriction.allowlist(...props.allowedCountries) : undefined,
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: props.distributionLogBucket,
      logFilePrefix: 'portal/',
      // The TLS policy applies to a custom certificate only (the *.cloudfront.net one is fixed by AWS).
      ...(props.domain && certificate ? { domainNames: [props.domain.name], certificate, minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 } : {}),
    });
    if (!props.domain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: 'Without a custom domain the portal is served on its *.cloudfront.net name with CloudFront\'s default certificate, whose TLS policy AWS sets; production deployments give -c portalDomain and -c portalCertificateArn (docs/deploy.md), which enforce TLSv1.2_2021.',
      });
    }
    if (props.allowedCountries.length === 0) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR1',
        reason: 'The deployment was configured with -c portalCountries= (empty): officers may sign in from anywhere; access is still limited by Cognito sign-in and the WAF web ACL.',
      });
    }
    if (!props.webAclArn) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason: 'This distribution is synthesized without the Edge stack\'s web ACL (assertion tests of the web stack alone); the app always passes the portal web ACL.',
      });
    }

    this.portalOrigin = props.domain ? `https://${props.domain.name}` : `https://${this.distribution.distributionDomainName}`;
    new CfnOutput(this, 'PortalUrl', { value: this.portalOrigin });
    new CfnOutput(this, 'PortalBucketName', { value: this.bucket.bucketName });
  }
}
