import { RemovalPolicy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';

/** The deployment stages; each one is a separate set of stacks (`Beatlink-Dev-…`, `Beatlink-Prod-…`). */
export const STAGES = ['dev', 'staging', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Deployment settings, read from CDK context (`cdk.json` "context", or `-c key=value` on the
 * command line). Every value has a default so that `npm run synth` works with no arguments.
 */
export interface AppConfig {
  /**
   * Region of every stack. The table's customer-managed key needs a concrete region, so the
   * stacks are never region-agnostic: `-c region=…`, else the region of the AWS profile the CDK
   * CLI found (CDK_DEFAULT_REGION), else DEFAULT_REGION.
   */
  region: string;
  /** Account of every stack: `-c account=…`, else CDK_DEFAULT_ACCOUNT, else account-agnostic. */
  account?: string;
  /** `dev` (default), `staging` or `prod`: removal policies, log retention and alarms follow it. */
  stage: Stage;
  /**
   * Prefix of every stack name: `Beatlink-<Stage>` (`Beatlink-Dev`, `Beatlink-Prod`) unless
   * `-c stackPrefix=…` names another (two deployments of one stage in one account).
   */
  stackPrefix: string;
  /**
   * The provinces this deployment serves (GB/T 2260 province codes, `370000`): one or many.
   * `-c provinces=370000,320000` or a JSON array in cdk.json.
   */
  provinces: string[];
  /** Where alarm notifications are e-mailed (an SNS e-mail subscription to confirm); none if unset. */
  alarmEmail?: string;
  /**
   * The only origin the API's and the attachment bucket's CORS allow. Unset: the portal's own
   * (`https://<portalDomain>`, else its distribution's `*.cloudfront.net` name). Set it only to
   * serve the portal from somewhere else (`https://portal.example.cn`).
   */
  portalOrigin?: string;
  /** The portal's own host name (`portal.example.gov.cn`) on its distribution; needs `portalCertificateArn`. */
  portalDomain?: string;
  /** ACM certificate for `portalDomain`, in us-east-1. */
  portalCertificateArn?: string;
  /**
   * Countries (ISO 3166-1 alpha-2) whose visitors may load the portal: CloudFront geo restriction.
   * `-c portalCountries=CN,HK,MO` (the default); `-c portalCountries=` (empty) allows everywhere.
   */
  portalCountries: string[];
  /** DynamoDB contributor insights on the table and its indexes (costs extra). */
  contributorInsights: boolean;
  /** Steady-state request rate (requests per second) of the API stage. */
  apiThrottleRate: number;
  /** Burst capacity (requests) of the API stage. */
  apiThrottleBurst: number;
  /** WAF (EdgeStack): requests per 5 minutes one IP address may send to the public API before a 429. */
  publicApiRateLimitPer5Min: number;
  /** WAF (EdgeStack): requests per 5 minutes one IP address may send to the portal before a 429. */
  portalRateLimitPer5Min: number;
  /**
   * The public API's own host name (`api.example.gov.cn`) on its CloudFront distribution; needs
   * `publicApiCertificateArn`. Unset: the distribution's `*.cloudfront.net` name.
   */
  publicApiDomain?: string;
  /** ACM certificate for `publicApiDomain`; CloudFront takes certificates from us-east-1 only. */
  publicApiCertificateArn?: string;
}

/**
 * The offline synth's region when nothing else names one: the AWS Region closest to the counties
 * in which every service of these stacks exists. (The China regions, cn-north-1 and
 * cn-northwest-1, have no Cognito user pools; CloudFormation validation says so at synth.)
 */
export const DEFAULT_REGION = 'ap-east-1';

/** `Beatlink-Dev`, `Beatlink-Staging`, `Beatlink-Prod`. */
export function defaultStackPrefix(stage: Stage): string {
  return `Beatlink-${stage[0]!.toUpperCase()}${stage.slice(1)}`;
}

export const DEFAULT_CONFIG: AppConfig = {
  region: DEFAULT_REGION,
  stage: 'dev',
  stackPrefix: defaultStackPrefix('dev'),
  provinces: ['370000'],
  portalCountries: ['CN', 'HK', 'MO'],
  contributorInsights: false,
  apiThrottleRate: 50,
  apiThrottleBurst: 100,
  publicApiRateLimitPer5Min: 1000,
  portalRateLimitPer5Min: 3000,
};

/** Context values arrive as strings from `-c key=value` and as JSON values from cdk.json. */
function contextString(node: Node, key: keyof AppConfig): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  return String(value);
}

function parseBoolean(key: string, value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new Error(`Context value ${key} must be true or false, got "${value}"`);
}

function parsePositiveInteger(key: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`Context value ${key} must be a positive integer, got "${value}"`);
  return n;
}

/** WAF rate-based rules take 10 to 2,000,000,000 requests per evaluation window. */
function parseRateLimit(key: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 10 || n > 2_000_000_000) throw new Error(`Context value ${key} must be an integer from 10 to 2000000000 (requests per 5 minutes), got "${value}"`);
  return n;
}

function parseDomainName(key: string, value: string): string {
  const name = value.toLowerCase();
  if (name.length > 253 || !/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/.test(name)) {
    throw new Error(`Context value ${key} must be a host name such as api.example.gov.cn, got "${value}"`);
  }
  return name;
}

/** CloudFront only uses ACM certificates of us-east-1. */
function parseCloudFrontCertificateArn(key: string, value: string): string {
  if (!/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/.test(value)) {
    throw new Error(`Context value ${key} must be the ARN of an ACM certificate in us-east-1 (CloudFront uses no other region), got "${value}"`);
  }
  return value;
}

function parseCountries(key: string, raw: unknown): string[] {
  const values = Array.isArray(raw) ? raw.map(String) : String(raw).split(',').map((v) => v.trim()).filter((v) => v !== '');
  for (const value of values) {
    if (!/^[A-Z]{2}$/.test(value)) throw new Error(`Context value ${key} must list ISO 3166-1 alpha-2 country codes such as CN,HK,MO, got "${value}"`);
  }
  return [...new Set(values)];
}

function parseOrigin(key: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`Context value ${key} must be an origin such as https://portal.example.cn, got "${value}"`);
  }
  if (url.origin !== value || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new Error(`Context value ${key} must be a bare http(s) origin without path or trailing slash, got "${value}"`);
  }
  return value;
}

function parseStage(key: string, value: string): Stage {
  if (!(STAGES as readonly string[]).includes(value)) throw new Error(`Context value ${key} must be one of ${STAGES.join(', ')}, got "${value}"`);
  return value as Stage;
}

/** A province code is a six-digit GB/T 2260 code ending in 0000 (`370000` = Shandong). */
function parseProvinces(key: string, raw: unknown): string[] {
  const values = Array.isArray(raw) ? raw.map(String) : String(raw).split(',').map((v) => v.trim()).filter((v) => v !== '');
  if (values.length === 0) throw new Error(`Context value ${key} must name at least one province code such as 370000`);
  for (const value of values) {
    if (!/^[1-9]\d0000$/.test(value)) throw new Error(`Context value ${key} must hold six-digit province codes ending in 0000 (370000), got "${value}"`);
  }
  return [...new Set(values)];
}

function parseEmail(key: string, value: string): string {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw new Error(`Context value ${key} must be an e-mail address, got "${value}"`);
  return value;
}

function parseRegion(key: string, value: string): string {
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(value)) throw new Error(`Context value ${key} must be an AWS Region such as ap-east-1, got "${value}"`);
  return value;
}

function parseAccount(key: string, value: string): string {
  if (!/^\d{12}$/.test(value)) throw new Error(`Context value ${key} must be a 12-digit AWS account id, got "${value}"`);
  return value;
}

/** Reads the context of `node`; `env` supplies what the CDK CLI detected (CDK_DEFAULT_*). */
export function readAppConfig(node: Node, env: NodeJS.ProcessEnv = process.env): AppConfig {
  const read = <K extends keyof AppConfig>(
    key: K,
    parse: (key: string, value: string) => AppConfig[K],
    fallback: AppConfig[K] = DEFAULT_CONFIG[key],
  ): AppConfig[K] => {
    const raw = contextString(node, key);
    return raw === undefined ? fallback : parse(key, raw);
  };
  const stage = read('stage', parseStage);
  const rawProvinces: unknown = node.tryGetContext('provinces');
  // A CloudFront host name and its certificate go together.
  const domainAndCertificate = (domainKey: 'publicApiDomain' | 'portalDomain', certificateKey: 'publicApiCertificateArn' | 'portalCertificateArn') => {
    const domain = read(domainKey, parseDomainName, undefined);
    const certificateArn = read(certificateKey, parseCloudFrontCertificateArn, undefined);
    if ((domain === undefined) !== (certificateArn === undefined)) {
      throw new Error(`Context values ${domainKey} and ${certificateKey} go together: give both or neither`);
    }
    return [domain, certificateArn] as const;
  };
  const [publicApiDomain, publicApiCertificateArn] = domainAndCertificate('publicApiDomain', 'publicApiCertificateArn');
  const [portalDomain, portalCertificateArn] = domainAndCertificate('portalDomain', 'portalCertificateArn');
  const rawCountries: unknown = node.tryGetContext('portalCountries');
  return {
    region: read('region', parseRegion, env.CDK_DEFAULT_REGION || DEFAULT_REGION),
    account: read('account', parseAccount, env.CDK_DEFAULT_ACCOUNT || undefined),
    stage,
    // At most 32 characters: the data-access roles are named after it (IAM allows 64).
    stackPrefix: read(
      'stackPrefix',
      (key, value) => {
        if (!/^[A-Za-z][A-Za-z0-9-]{0,31}$/.test(value)) throw new Error(`Context value ${key} must be a valid stack name prefix of at most 32 characters, got "${value}"`);
        return value;
      },
      defaultStackPrefix(stage),
    ),
    provinces: rawProvinces === undefined || rawProvinces === null || rawProvinces === '' ? DEFAULT_CONFIG.provinces : parseProvinces('provinces', rawProvinces),
    alarmEmail: read('alarmEmail', parseEmail, undefined),
    portalOrigin: read('portalOrigin', parseOrigin, undefined),
    portalDomain,
    portalCertificateArn,
    // Present but empty (`-c portalCountries=`) means everywhere; absent means the default.
    portalCountries: rawCountries === undefined || rawCountries === null ? DEFAULT_CONFIG.portalCountries : parseCountries('portalCountries', rawCountries),
    contributorInsights: read('contributorInsights', parseBoolean),
    apiThrottleRate: read('apiThrottleRate', parsePositiveInteger),
    apiThrottleBurst: read('apiThrottleBurst', parsePositiveInteger),
    publicApiRateLimitPer5Min: read('publicApiRateLimitPer5Min', parseRateLimit),
    portalRateLimitPer5Min: read('portalRateLimitPer5Min', parseRateLimit),
    publicApiDomain,
    publicApiCertificateArn,
  };
}

/**
 * What differs between stages. Data that cannot be recreated (the table, its key, the user pool,
 * the attachments in prod) is retained and protected outside dev; dev can be torn down whole.
 * Every stage has the same alarms: dev's only page nobody (actions off unless `alarmEmail` is
 * given) and tolerate more, so a developer's experiments do not look like an incident.
 */
export interface StageSettings {
  stage: Stage;
  /** Table, its KMS key, the user pool. */
  statefulRemoval: RemovalPolicy;
  /** DynamoDB and Cognito deletion protection. */
  deletionProtection: boolean;
  /** The attachment bucket and its access-log bucket (a non-empty bucket must be emptied before DESTROY can delete it). */
  bucketRemoval: RemovalPolicy;
  /** Every function's and the API's log group. */
  logRetention: logs.RetentionDays;
  logRemoval: RemovalPolicy;
  alarms: {
    /** Whether alarms notify the alarm topic (they always exist and change state). */
    actionsEnabled: boolean;
    /** API 5xx responses as a percentage of requests, per 5 minutes. */
    api5xxPercent: number;
    /** Throttled invocations of one function per 5 minutes. */
    lambdaThrottles: number;
    /** Throttled DynamoDB requests per 5 minutes. */
    dynamoThrottles: number;
    /** webhook-fanout's oldest unprocessed stream record (ms). */
    iteratorAgeMs: number;
  };
}

export function stageSettings(stage: Stage, alarmEmail?: string): StageSettings {
  switch (stage) {
    case 'prod':
      return {
        stage,
        statefulRemoval: RemovalPolicy.RETAIN,
        deletionProtection: true,
        bucketRemoval: RemovalPolicy.RETAIN,
        logRetention: logs.RetentionDays.ONE_YEAR,
        logRemoval: RemovalPolicy.RETAIN,
        alarms: { actionsEnabled: true, api5xxPercent: 1, lambdaThrottles: 0, dynamoThrottles: 0, iteratorAgeMs: 5 * 60_000 },
      };
    case 'staging':
      return {
        stage,
        statefulRemoval: RemovalPolicy.RETAIN,
        deletionProtection: true,
        bucketRemoval: RemovalPolicy.DESTROY,
        logRetention: logs.RetentionDays.THREE_MONTHS,
        logRemoval: RemovalPolicy.DESTROY,
        alarms: { actionsEnabled: true, api5xxPercent: 2, lambdaThrottles: 0, dynamoThrottles: 0, iteratorAgeMs: 15 * 60_000 },
      };
    case 'dev':
      return {
        stage,
        statefulRemoval: RemovalPolicy.DESTROY,
        deletionProtection: false,
        bucketRemoval: RemovalPolicy.DESTROY,
        logRetention: logs.RetentionDays.ONE_MONTH,
        logRemoval: RemovalPolicy.DESTROY,
        alarms: { actionsEnabled: alarmEmail !== undefined, api5xxPercent: 10, lambdaThrottles: 5, dynamoThrottles: 10, iteratorAgeMs: 60 * 60_000 },
      };
  }
}
