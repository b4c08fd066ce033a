import { describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { DEFAULT_CONFIG } from '../lib/config';
import { API_KEY_RATE_FACTOR, EDGE_REGION, MANAGED_RULE_GROUPS, REDACTED_HEADERS } from '../lib/edge-stack';
import { buildTestApp } from './support';

const { stacks } = buildTestApp({ config: { publicApiRateLimitPer5Min: 700, portalRateLimitPer5Min: 4000 } });
const template = Template.fromStack(stacks.edge);

type Rule = { Name: string; Priority: number; Statement: Record<string, unknown>; Action?: unknown; OverrideAction?: unknown };
type Acl = { Name: string; Scope: string; DefaultAction: unknown; Rules: Rule[]; VisibilityConfig: Record<string, unknown> };
const acls = Object.values(template.findResources('AWS::WAFv2::WebACL')).map((r) => r.Properties as Acl);
const acl = (suffix: string) => acls.find((a) => a.Name === `${DEFAULT_CONFIG.stackPrefix}-${suffix}`)!;

describe('edge stack: WAF web ACLs', () => {
  it('is in us-east-1 (CLOUDFRONT-scope ACLs exist only there), named after the prefix', () => {
    expect(stacks.edge.region).toBe(EDGE_REGION);
    expect(stacks.edge.stackName).toBe(`${DEFAULT_CONFIG.stackPrefix}-Edge`);
    expect(stacks.edge.account).toBe(stacks.api.account);
  });

  it('holds two CLOUDFRONT-scope ACLs, default allow, with metrics and sampled requests', () => {
    expect(acls.map((a) => a.Name).toSorted()).toEqual([`${DEFAULT_CONFIG.stackPrefix}-portal`, `${DEFAULT_CONFIG.stackPrefix}-public-api`]);
    for (const a of acls) {
      expect(a.Scope).toBe('CLOUDFRONT');
      expect(a.DefaultAction).toEqual({ Allow: {} });
      for (const config of [a.VisibilityConfig, ...a.Rules.map((r) => (r as unknown as { VisibilityConfig: Record<string, unknown> }).VisibilityConfig)]) {
        expect(config).toMatchObject({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true });
      }
      expect(new Set(a.Rules.map((r) => r.Priority)).size).toBe(a.Rules.length);
    }
  });

  it('limits the public API per IP (config) and per X-Api-Key (higher, only when the header is sent), answering 429 JSON', () => {
    const rules = acl('public-api').Rules;
    expect(rules.find((r) => r.Name === 'RatePerIp')).toMatchObject({
      Action: { Block: { CustomResponse: { ResponseCode: 429, CustomResponseBodyKey: 'rate-limited' } } },
      Statement: { RateBasedStatement: { Limit: 700, AggregateKeyType: 'IP', EvaluationWindowSec: 300 } },
    });
    expect(rules.find((r) => r.Name === 'RatePerApiKey')).toMatchObject({
      Action: { Block: { CustomResponse: { ResponseCode: 429 } } },
      Statement: {
        RateBasedStatement: {
          Limit: 700 * API_KEY_RATE_FACTOR,
          AggregateKeyType: 'CUSTOM_KEYS',
          CustomKeys: [{ Header: { Name: 'x-api-key' } }],
          ScopeDownStatement: { SizeConstraintStatement: { FieldToMatch: { SingleHeader: { Name: 'x-api-key' } }, ComparisonOperator: 'GT', Size: 0 } },
        },
      },
    });
    const bodies = (template.findResources('AWS::WAFv2::WebACL') as Record<string, { Properties: { Name: string; CustomResponseBodies: Record<string, { Content: string; ContentType: string }> } }>);
    const body = Object.values(bodies).find((r) => r.Properties.Name.endsWith('-public-api'))!.Properties.CustomResponseBodies['rate-limited']!;
    expect(body.ContentType).toBe('APPLICATION_JSON');
    expect(JSON.parse(body.Content)).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });

  it('limits the portal per IP with its own (config) limit', () => {
    expect(acl('portal').Rules.find((r) => r.Name === 'RatePerIp')).toMatchObject({ Statement: { RateBasedStatement: { Limit: 4000, AggregateKeyType: 'IP' } } });
  });

  it.each(['public-api', 'portal'])('%s has the AWS managed groups (Common, KnownBadInputs, IpReputation) with their own actions', (name) => {
    const managed = acl(name).Rules.filter((r) => 'ManagedRuleGroupStatement' in r.Statement);
    expect(managed.map((r) => (r.Statement.ManagedRuleGroupStatement as { Name: string; VendorName: string }).Name).toSorted()).toEqual([...MANAGED_RULE_GROUPS].toSorted());
    for (const r of managed) {
      expect(r.Statement.ManagedRuleGroupStatement).toMatchObject({ VendorName: 'AWS' });
      expect(r.OverrideAction).toEqual({ None: {} });
    }
  });

  it('logs both ACLs to aws-waf-logs-* log groups with the stage retention, credentials redacted', () => {
    const groups = Object.values(template.findResources('AWS::Logs::LogGroup')).map((r) => r.Properties as { LogGroupName: string; RetentionInDays: number });
    expect(groups.map((g) => g.LogGroupName).toSorted()).toEqual([`aws-waf-logs-${DEFAULT_CONFIG.stackPrefix}-portal`, `aws-waf-logs-${DEFAULT_CONFIG.stackPrefix}-public-api`]);
    for (const g of groups) expect(g.RetentionInDays).toBe(30);
    const configs = Object.values(template.findResources('AWS::WAFv2::LoggingConfiguration')).map(
      (r) => r.Properties as { ResourceArn: { 'Fn::GetAtt': [string, string] }; LogDestinationConfigs: unknown[]; RedactedFields: unknown[] },
    );
    expect(configs).toHaveLength(2);
    for (const c of configs) {
      expect(c.ResourceArn['Fn::GetAtt'][1]).toBe('Arn');
      expect(JSON.stringify(c.LogDestinationConfigs)).toContain(':log-group:aws-waf-logs-');
      expect(JSON.stringify(c.LogDestinationConfigs)).not.toContain(':*');
      expect(c.RedactedFields).toEqual(expect.arrayContaining([...REDACTED_HEADERS.map((h) => ({ SingleHeader: { Name: h } })), { QueryString: {} }]));
    }
  });
});
