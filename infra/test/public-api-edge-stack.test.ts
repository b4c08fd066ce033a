import { describe, expect, it } from 'vitest';
import { Stack } from 'aws-cdk-lib';
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { BOUNDED_CONTEXTS, publicRoutes } from '@beatlink/functions/routes';
import { ORIGIN_VERIFY_HEADER } from '@beatlink/functions/lib/middleware/origin-verify';
import { publicPathPatterns } from '../lib/public-api-edge-stack';
import { buildTestApp } from './support';

const { stacks } = buildTestApp();
const template = Template.fromStack(stacks.publicApiEdge);
const json = JSON.stringify.bind(JSON);

type Behavior = { PathPattern?: string; CachePolicyId: string; OriginRequestPolicyId?: string; ViewerProtocolPolicy: string; AllowedMethods?: string[]; FunctionAssociations?: unknown[] };
type DistributionConfig = {
  CacheBehaviors: Behavior[];
  DefaultCacheBehavior: Behavior;
  WebACLId: unknown;
  HttpVersion: string;
  Logging: { Bucket: unknown; Prefix: string };
  Origins: { DomainName: unknown; CustomOriginConfig: { OriginProtocolPolicy: string; OriginSSLProtocols: string[] }; OriginCustomHeaders: { HeaderName: string; HeaderValue: unknown }[] }[];
  Aliases?: string[];
  ViewerCertificate?: { AcmCertificateArn: string; MinimumProtocolVersion: string };
};
const distributionConfig = (t: Template) => (Object.values(t.findResources('AWS::CloudFront::Distribution'))[0]!.Properties as { DistributionConfig: DistributionConfig }).DistributionConfig;
const config = distributionConfig(template);

/** Does a CloudFront path pattern (`/v1/*`) cover an API Gateway route path (`/v1/matters/{id}`)? */
const covers = (pattern: string, path: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(path);

describe('public API edge stack: CloudFront in front of the public routes', () => {
  it('has one behaviour per public path prefix of the route table, and every public route is covered by one', () => {
    const patterns = publicPathPatterns();
    expect(patterns).toEqual(['/open311/*', '/v1/*']);
    expect(config.CacheBehaviors.map((b) => b.PathPattern).toSorted()).toEqual(patterns);
    for (const route of publicRoutes) {
      expect(patterns.filter((p) => covers(p, route.path)), route.path).toHaveLength(1);
    }
  });

  it('passes everything to the API on the public behaviours: all methods, no caching, all viewer headers but Host, HTTPS only', () => {
    for (const behavior of config.CacheBehaviors) {
      expect(behavior.CachePolicyId).toBe(cloudfront.CachePolicy.CACHING_DISABLED.cachePolicyId);
      expect(behavior.OriginRequestPolicyId).toBe(cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId);
      expect(behavior.ViewerProtocolPolicy).toBe('https-only');
      expect(behavior.AllowedMethods?.toSorted()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
      expect(behavior.FunctionAssociations).toEqual([expect.objectContaining({ EventType: 'viewer-request' })]);
    }
  });

  it('answers every other path with 404 at the edge (a CloudFront function on the default behaviour)', () => {
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('https-only');
    expect(config.DefaultCacheBehavior.FunctionAssociations).toHaveLength(1);
    const functions = Object.values(template.findResources('AWS::CloudFront::Function')).map((r) => (r.Properties as { FunctionCode: string }).FunctionCode);
    expect(functions.some((code) => code.includes('statusCode: 404'))).toBe(true);
  });

  it('sits behind the public API web ACL of the edge stack (us-east-1), HTTP/2 and 3, with access logs', () => {
    expect(json(config.WebACLId)).toContain('Fn::GetStackOutput');
    expect(json(config.WebACLId)).toContain(stacks.edge.stackName);
    expect(json(config.WebACLId)).toContain('us-east-1');
    expect(config.HttpVersion).toBe('http2and3');
    expect(config.Logging.Prefix).toBe('public-api/');
  });

  it('reaches the HTTP API over TLS 1.2 only and sends the origin-verify secret as a dynamic reference', () => {
    expect(config.Origins).toHaveLength(1);
    const origin = config.Origins[0]!;
    expect(json(origin.DomainName)).toContain('.execute-api.');
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    const header = origin.OriginCustomHeaders.find((h) => h.HeaderName === ORIGIN_VERIFY_HEADER);
    expect(header).toBeDefined();
    expect(json(header!.HeaderValue)).toContain('{{resolve:secretsmanager:');
    expect(json(template.toJSON())).not.toMatch(/"[A-Za-z0-9]{48}"/);
    template.hasOutput('PublicApiUrl', {});
  });

  it('uses a custom domain with its us-east-1 certificate and TLS 1.2 when configured', () => {
    const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
    const custom = buildTestApp({ config: { publicApiDomain: 'api.example.gov.cn', publicApiCertificateArn: certificateArn } }).stacks.publicApiEdge;
    const c = distributionConfig(Template.fromStack(custom));
    expect(c.Aliases).toEqual(['api.example.gov.cn']);
    expect(c.ViewerCertificate).toMatchObject({ AcmCertificateArn: certificateArn, MinimumProtocolVersion: 'TLSv1.2_2021' });
    expect(custom.publicApiUrl).toBe('https://api.example.gov.cn');
  });
});

describe('api stack: the origin-verify secret', () => {
  const api = Template.fromStack(stacks.api);
  const resources = api.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
  const secretId = Stack.of(stacks.api).getLogicalId(stacks.api.originVerifySecret.node.defaultChild as CfnElement);
  const functionId = (context: (typeof BOUNDED_CONTEXTS)[number]) => Stack.of(stacks.api).getLogicalId(stacks.api.functions[context].function.node.defaultChild as CfnElement);

  it('is a generated 48-character secret without punctuation', () => {
    expect(resources[secretId]?.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48, ExcludePunctuation: true });
  });

  it('only the public function gets ORIGIN_VERIFY_SECRET_ARN', () => {
    for (const context of BOUNDED_CONTEXTS) {
      const env = (resources[functionId(context)]!.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      if (context === 'public') expect(env.ORIGIN_VERIFY_SECRET_ARN).toEqual({ Ref: secretId });
      else expect(env.ORIGIN_VERIFY_SECRET_ARN).toBeUndefined();
    }
  });

  it('only the public function may read it', () => {
    const readers = Object.entries(resources)
      .filter(([, r]) => r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy' || r.Type === 'AWS::IAM::Role')
      .filter(([, r]) => json(r.Properties).includes(`"Ref":"${secretId}"`) || json(r.Properties).includes('secretsmanager:'));
    expect(readers).toHaveLength(1);
    const [, policy] = readers[0]!;
    const statements = (policy.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement.filter((s) => json(s.Resource).includes(secretId));
    expect(statements).toEqual([expect.objectContaining({ Action: 'secretsmanager:GetSecretValue', Resource: { Ref: secretId } })]);
    const publicRoleId = Stack.of(stacks.api).getLogicalId(stacks.api.functions.public.role.node.defaultChild as CfnElement);
    expect(policy.Properties.Roles).toEqual([{ Ref: publicRoleId }]);
  });
});
