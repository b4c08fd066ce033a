import { ArnFormat, Duration, ReferenceStrength, Stack, Validations } from 'aws-cdk-lib';
import type { RemovalPolicy, StackProps } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** CLOUDFRONT-scope web ACLs exist only in us-east-1, whatever region the rest of the app is in. */
export const EDGE_REGION = 'us-east-1';

/** The API-key rate rule allows this many times the per-IP limit (one integrator, several servers). */
export const API_KEY_RATE_FACTOR = 5;

/** WAF's evaluation window of the rate rules: the limits are "per 5 minutes". */
const RATE_WINDOW_SECONDS = 300;

/** The managed groups on both ACLs (AWS maintains their rules). */
export const MANAGED_RULE_GROUPS = ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'] as const;

/** Headers that carry credentials: never written to the WAF logs. */
export const REDACTED_HEADERS = ['x-api-key', 'authorization'] as const;

export interface EdgeStackProps extends StackProps {
  /** `Beatlink-Dev`: names the ACLs, metrics and log groups. */
  stackPrefix: string;
  /** Requests per 5 minutes per IP to the public API (config `publicApiRateLimitPer5Min`). */
  publicApiRateLimitPer5Min: number;
  /** Requests per 5 minutes per IP to the portal (config `portalRateLimitPer5Min`). */
  portalRateLimitPer5Min: number;
  logRetention: logs.RetentionDays;
  logRemoval: RemovalPolicy;
  /** The distributions' access-log bucket (a non-empty bucket must be emptied before DESTROY can delete it). */
  bucketRemoval: RemovalPolicy;
}

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
  metricName,
});

function managedGroupRules(prefix: string, firstPriority: number): wafv2.CfnWebACL.RuleProperty[] {
  return MANAGED_RULE_GROUPS.map((name, index) => ({
    name,
    priority: firstPriority + index,
    // `none`: the group's own actions (block) apply. Our bodies are small JSON or form posts, so
    // the Common set's 8 KB body size rule stays on.
    overrideAction: { none: {} },
    statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
    visibilityConfig: visibility(`${prefix}-${name}`),
  }));
}

function ipRateRule(prefix: string, priority: number, limit: number, customResponseBodyKey: string): wafv2.CfnWebACL.RuleProperty {
  return {
    name: 'RatePerIp',
    priority,
    action: { block: { customResponse: { responseCode: 429, customResponseBodyKey } } },
    statement: { rateBasedStatement: { limit, aggregateKeyType: 'IP', evaluationWindowSec: RATE_WINDOW_SECONDS } },
    visibilityConfig: visibility(`${prefix}-RatePerIp`),
  };
}

/**
 * The WAF web ACLs of the CloudFront distributions: the public API's (rate per IP and per API key,
 * AWS managed rules) and the portal's (rate per IP, managed rules), with their request logs. Always
 * in us-east-1; the distributions elsewhere read the ACL ARNs through `Fn::GetStackOutput` (weak
 * cross-region references), so no SSM-writing custom resource is needed in either stack.
 */
export class EdgeStack extends Stack {
  readonly publicApiWebAcl: wafv2.CfnWebACL;
  readonly portalWebAcl: wafv2.CfnWebACL;
  readonly publicApiWebAclArn: string;
  readonly portalWebAclArn: string;
  /** CloudFront standard logs of the distributions (one prefix each). */
  readonly distributionLogBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, { crossRegionReferences: true, ...props, env: { ...props.env, region: EDGE_REGION } });
    const prefix = props.stackPrefix;

    this.publicApiWebAcl = new wafv2.CfnWebACL(this, 'PublicApiWebAcl', {
      name: `${prefix}-public-api`,
      // WAF descriptions allow no parentheses.
      description: 'Beatlink public API - Open311 and REST v1 - behind CloudFront: rate limits per IP and per API key, AWS managed rules',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`${prefix}-public-api`),
      customResponseBodies: {
        'rate-limited': {
          contentType: 'APPLICATION_JSON',
          // The API's error body (the handler's own 429 looks the same). WAF prefixes custom response
          // headers with x-amzn-waf-, so the wait is given in the body only.
          content: JSON.stringify({
            error: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后重试 / too many requests, retry later', retryAfter: RATE_WINDOW_SECONDS },
          }),
        },
      },
      rules: [
        ipRateRule(`${prefix}-public-api`, 0, props.publicApiRateLimitPer5Min, 'rate-limited'),
        {
          // One integrator may call from several servers: its key gets a higher budget of its own.
          // Keys sent as `api_key` or a bearer token are limited per IP here and per key by the handler.
          name: 'RatePerApiKey',
          priority: 1,
          action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: 'rate-limited' } } },
          statement: {
            rateBasedStatement: {
              limit: props.publicApiRateLimitPer5Min * API_KEY_RATE_FACTOR,
              aggregateKeyType: 'CUSTOM_KEYS',
              evaluationWindowSec: RATE_WINDOW_SECONDS,
              customKeys: [{ header: { name: 'x-api-key', textTransformations: [{ priority: 0, type: 'NONE' }] } }],
              scopeDownStatement: {
                sizeConstraintStatement: {
                  fieldToMatch: { singleHeader: { Name: 'x-api-key' } },
                  comparisonOperator: 'GT',
                  size: 0,
                  textTransformations: [{ priority: 0, type: 'NONE' }],
                },
              },
            },
          },
          visibilityConfig: visibility(`${prefix}-public-api-RatePerApiKey`),
        },
        ...managedGroupRules(`${prefix}-public-api`, 10),
      ],
    });

    this.portalWebAcl = new wafv2.CfnWebACL(this, 'PortalWebAcl', {
      name: `${prefix}-portal`,
      description: 'Beatlink portal behind CloudFront: rate limit per IP, AWS managed rules',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`${prefix}-portal`),
      customResponseBodies: {
        'rate-limited': { contentType: 'TEXT_PLAIN', content: '请求过于频繁，请稍后重试 / too many requests, retry in a few minutes' },
      },
      rules: [ipRateRule(`${prefix}-portal`, 0, props.portalRateLimitPer5Min, 'rate-limited'), ...managedGroupRules(`${prefix}-portal`, 10)],
    });

    for (const [name, acl] of [
      ['public-api', this.publicApiWebAcl],
      ['portal', this.portalWebAcl],
    ] as const) {
      // WAF writes only to log groups whose name starts with aws-waf-logs-.
      const logGroupName = `aws-waf-logs-${prefix}-${name}`;
      const logGroup = new logs.LogGroup(this, `${acl.node.id}Logs`, { logGroupName, retention: props.logRetention, removalPolicy: props.logRemoval });
      const logging = new wafv2.CfnLoggingConfiguration(this, `${acl.node.id}Logging`, {
        resourceArn: acl.attrArn,
        // WAF wants the log group's ARN without the `:*` that the CloudFormation attribute carries.
        logDestinationConfigs: [this.formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
        // Credentials never reach the logs: the key and bearer headers, and the query string, where
        // Open311 clients may put `api_key`.
        redactedFields: [...REDACTED_HEADERS.map((header) => ({ singleHeader: { Name: header } })), { queryString: {} }],
      });
      logging.node.addDependency(logGroup);
      // Weak reference: the consumer reads the ARN with Fn::GetStackOutput (no custom resource).
      acl.applyCrossStackReferenceStrength(ReferenceStrength.WEAK);
    }

    /*
     * Here, not next to the distributions: CloudFront delivers standard logs to no bucket in some
     * regions (ap-east-1, the default, among them), and us-east-1 always works. Standard logging
     * writes with ACLs (the awslogsdelivery account), hence OBJECT_WRITER ownership.
     */
    this.distributionLogBucket = new s3.Bucket(this, 'DistributionLogs', {
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // As long as the stage keeps its other logs.
      lifecycleRules: props.logRetention === logs.RetentionDays.INFINITE ? [] : [{ expiration: Duration.days(props.logRetention) }],
      removalPolicy: props.bucketRemoval,
      autoDeleteObjects: false,
    });
    Validations.of(this.distributionLogBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket only receives CloudFront standard access logs; logging its own accesses would only log the log delivery writing into it.',
    });
    (this.distributionLogBucket.node.defaultChild as s3.CfnBucket).applyCrossStackReferenceStrength(ReferenceStrength.WEAK);

    this.publicApiWebAclArn = this.publicApiWebAcl.attrArn;
    this.portalWebAclArn = this.portalWebAcl.attrArn;
  }
}
