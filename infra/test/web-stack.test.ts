import { describe, expect, it } from 'vitest';
import { Stack } from 'aws-cdk-lib';
import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE } from '../lib/portal/portal-headers';
import { PORTAL_VIEWER_REQUEST_CODE } from '../lib/portal/portal-paths';
import { buildTestApp } from './support';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };
const logicalId = (construct: IConstruct) => Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);

// No portalOrigin override: the API and the attachment bucket must take the distribution's origin.
const { stacks } = buildTestApp({ config: { stage: 'prod', portalOrigin: undefined } });
const web = Template.fromStack(stacks.web);
const webResources = web.toJSON().Resources as Record<string, Resource>;
const content = Template.fromStack(stacks.portalContent!);
const distributionId = logicalId(stacks.web.distribution);
const bucketId = logicalId(stacks.web.bucket);
const distribution = webResources[distributionId]!.Properties.DistributionConfig as Record<string, unknown>;
const defaultBehavior = distribution.DefaultCacheBehavior as Record<string, unknown>;

describe('web stack: the portal in S3 behind CloudFront', () => {
  it('keeps the portal in a private, encrypted, TLS-only bucket with access logs, retained in prod', () => {
    expect(webResources[bucketId]).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: {
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LoggingConfiguration: { LogFilePrefix: 's3/' },
      },
    });
    expect(webResources[bucketId]!.Properties.WebsiteConfiguration).toBeUndefined();
    web.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('lets only this distribution read the objects (origin access control, no public or OAI access)', () => {
    const policies = Object.values(webResources).filter((r) => r.Type === 'AWS::S3::BucketPolicy' && JSON.stringify(r.Properties.Bucket) === JSON.stringify({ Ref: bucketId }));
    const allows = policies.flatMap((p) => (p.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement).filter((s) => s.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({
      Action: 's3:GetObject',
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Condition: { StringEquals: { 'AWS:SourceArn': { 'Fn::Join': ['', expect.arrayContaining([{ Ref: distributionId }])] } } },
    });
    web.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    web.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    const origins = distribution.Origins as Record<string, unknown>[];
    expect(origins).toHaveLength(1);
    expect(origins[0]).toMatchObject({ OriginAccessControlId: expect.anything(), S3OriginConfig: { OriginAccessIdentity: '' } });
  });

  it('maps page URLs with the CloudFront Function whose code the local portal server runs', () => {
    web.hasResourceProperties('AWS::CloudFront::Function', { FunctionCode: PORTAL_VIEWER_REQUEST_CODE, FunctionConfig: { Runtime: 'cloudfront-js-2.0' } });
    expect(defaultBehavior.FunctionAssociations).toEqual([expect.objectContaining({ EventType: 'viewer-request' })]);
    expect(distribution.CustomErrorResponses).toEqual([
      { ErrorCode: 403, ResponseCode: 404, ResponsePagePath: '/404.html', ErrorCachingMinTTL: 60 },
      { ErrorCode: 404, ResponseCode: 404, ResponsePagePath: '/404.html', ErrorCachingMinTTL: 60 },
    ]);
  });

  it('sends the security headers on every behaviour: CSP, HSTS, no framing, no sniffing, referrer and permissions policies', () => {
    const [policyId] = Object.entries(webResources).find(([, r]) => r.Type === 'AWS::CloudFront::ResponseHeadersPolicy')!;
    const config = webResources[policyId]!.Properties.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Record<string, Record<string, unknown>>; CustomHeadersConfig: unknown };
    const csp = JSON.stringify(config.SecurityHeadersConfig.ContentSecurityPolicy);
    for (const directive of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", 'connect-src', 'https://*.execute-api.ap-east-1.', 'https://cognito-idp.ap-east-1.']) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-eval');
    expect(config.SecurityHeadersConfig).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
    });
    expect(JSON.stringify(config.CustomHeadersConfig)).toContain('geolocation=(self)');
    const behaviors = [defaultBehavior, ...(distribution.CacheBehaviors as Record<string, unknown>[])];
    for (const behavior of behaviors) {
      expect(behavior).toMatchObject({ ResponseHeadersPolicyId: { Ref: policyId }, ViewerProtocolPolicy: 'redirect-to-https', AllowedMethods: ['GET', 'HEAD'], Compress: true });
    }
  });

  it('caches content-hashed files for long and revalidates pages within a minute', () => {
    const [hashed] = distribution.CacheBehaviors as Record<string, unknown>[];
    expect(hashed).toMatchObject({ PathPattern: '/_next/static/*', CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' });
    web.hasResourceProperties('AWS::CloudFront::CachePolicy', { CachePolicyConfig: Match.objectLike({ MinTTL: 0, DefaultTTL: 60, MaxTTL: 60 }) });
  });

  it('has the Edge stack\'s portal web ACL, logs to the Edge log bucket, HTTP/2 and 3, geo-restricted to CN, HK, MO', () => {
    expect(JSON.stringify(distribution.WebACLId)).toContain('Beatlink-Dev-Edge');
    expect(JSON.stringify(distribution.Logging)).toContain('Beatlink-Dev-Edge');
    expect(distribution).toMatchObject({ HttpVersion: 'http2and3', Logging: { Prefix: 'portal/' }, Restrictions: { GeoRestriction: { RestrictionType: 'whitelist', Locations: ['CN', 'HK', 'MO'] } } });
  });

  it('takes a custom domain with its certificate and TLS 1.2', () => {
    const domain = 'portal.example.gov.cn';
    const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0f0e0d0c-0b0a-0908-0706-050403020100';
    const custom = Template.fromStack(buildTestApp({ config: { portalDomain: domain, portalCertificateArn: certificateArn, portalOrigin: undefined } }).stacks.web);
    custom.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Aliases: [domain], ViewerCertificate: { AcmCertificateArn: certificateArn, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' } }),
    });
    custom.hasOutput('PortalUrl', { Value: `https://${domain}` });
  });

  it('is the only origin the API and the attachment bucket accept when none is configured', () => {
    const expected = { 'Fn::Join': ['', ['https://', { 'Fn::ImportValue': Match.stringLikeRegexp('^Beatlink-Dev-Web:.*DomainName') }]] };
    Template.fromStack(stacks.api).hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.objectLike({ AllowOrigins: [expected] }) });
    Template.fromStack(stacks.storage).hasResourceProperties('AWS::S3::Bucket', { CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: [expected] })] } });
  });
});

describe('portal content stack: the export and this deployment\'s runtime config', () => {
  const deployments = content.findResources('Custom::CDKBucketDeployment');
  const byPrefix = (prefix: string | undefined) => Object.values(deployments).find((d) => (d as Resource).Properties.DestinationBucketKeyPrefix === prefix) as Resource;

  it('uploads content-hashed files as immutable and keeps old ones across deploys', () => {
    expect(byPrefix('_next/static/').Properties).toMatchObject({ Prune: false, SystemMetadata: { 'cache-control': CACHE_IMMUTABLE } });
  });

  it('replaces every other file on each deploy as no-cache, never pruning the hashed files', () => {
    expect(byPrefix(undefined).Properties).toMatchObject({ Prune: true, Exclude: ['_next/static/*'], SystemMetadata: { 'cache-control': CACHE_REVALIDATE } });
  });

  it('writes runtime-config.json from the API URL and the user pool of this deployment', () => {
    const markers = JSON.stringify(byPrefix(undefined).Properties.SourceMarkers);
    expect(markers).toContain('Beatlink-Dev-Api:');
    expect(markers).toMatch(/Beatlink-Dev-Auth:ExportsOutputRefUserPool[0-9A-F]+/);
    expect(markers).toMatch(/Beatlink-Dev-Auth:ExportsOutputRefUserPoolPortalClient/);
    expect(markers).toContain('Beatlink-Dev-PublicApiEdge:');
  });

  it('targets the web stack\'s bucket by name and deploys after it', () => {
    for (const deployment of Object.values(deployments)) {
      expect((deployment as Resource).Properties.DestinationBucketName).toBe('beatlink-dev-portal-123456789012-ap-east-1');
    }
    expect(webResources[bucketId]!.Properties.BucketName).toBe('beatlink-dev-portal-123456789012-ap-east-1');
    expect(stacks.portalContent!.dependencies).toContain(stacks.web);
  });

  it('refuses to synthesize without a built portal', () => {
    expect(() => buildTestApp({ portalExportDir: '/nonexistent/out' })).toThrow(/npm run build -w web/);
  });
});
