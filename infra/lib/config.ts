import type { Node } from 'constructs';

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
  /** Prefix of every stack name; use a different one per environment (`Beatlink-Staging`). */
  stackPrefix: string;
  /** The portal's origin, the only origin CORS allows (`https://portal.example.cn`). */
  portalOrigin: string;
  /** DynamoDB contributor insights on the table and its indexes (costs extra). */
  contributorInsights: boolean;
  /** Steady-state request rate (requests per second) of the API stage. */
  apiThrottleRate: number;
  /** Burst capacity (requests) of the API stage. */
  apiThrottleBurst: number;
}

/**
 * The offline synth's region when nothing else names one: the AWS Region closest to the counties
 * in which every service of these stacks exists. (The China regions, cn-north-1 and
 * cn-northwest-1, have no Cognito user pools; CloudFormation validation says so at synth.)
 */
export const DEFAULT_REGION = 'ap-east-1';

export const DEFAULT_CONFIG: AppConfig = {
  region: DEFAULT_REGION,
  stackPrefix: 'Beatlink',
  portalOrigin: 'http://localhost:3000',
  contributorInsights: false,
  apiThrottleRate: 50,
  apiThrottleBurst: 100,
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
  return {
    region: read('region', parseRegion, env.CDK_DEFAULT_REGION || DEFAULT_REGION),
    account: read('account', parseAccount, env.CDK_DEFAULT_ACCOUNT || undefined),
    stackPrefix: read('stackPrefix', (key, value) => {
      if (!/^[A-Za-z][A-Za-z0-9-]{0,63}$/.test(value)) throw new Error(`Context value ${key} must be a valid stack name prefix, got "${value}"`);
      return value;
    }),
    portalOrigin: read('portalOrigin', parseOrigin),
    contributorInsights: read('contributorInsights', parseBoolean),
    apiThrottleRate: read('apiThrottleRate', parsePositiveInteger),
    apiThrottleBurst: read('apiThrottleBurst', parsePositiveInteger),
  };
}
