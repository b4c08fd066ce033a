import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { OfficerRole, Role } from '@beatlink/shared';
import type { LocalStackConfig } from '@beatlink/infra/local/stack-config';
import { startEmbeddedStack, type EmbeddedStack } from '@beatlink/infra/local/embedded-stack';
import { freePort } from '@beatlink/infra/local/processes';
import { seedDemo, type Login, type RecordType, type SeedResult } from '@beatlink/infra/local/seed-demo';
import { DEMO_PASSWORD, type SeedSize } from '@beatlink/infra/local/seed-plan';

/**
 * The embedded stack for tests: DynamoDB Local, cognito-local and the S3 server on free ports,
 * the gateway in this process, the table, pool and bucket created, and the demo counties seeded
 * through the API with the same code `npm start` uses (small by default). Objects and the master
 * key file live in the stack's data dir: throw-away unless `dataDir` is given.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export interface StackPorts {
  gateway: number;
  dynamodb: number;
  cognito: number;
  s3: number;
}

export interface TestStackOptions {
  /** Keep the data here (DynamoDB `-dbPath`, cognito-local's files, objects, master key): a restart finds it again. */
  dataDir?: string;
  /** Fixed ports (a restart must reuse them: handlers read their environment once per process). */
  ports?: StackPorts;
  /** Seed size, or false for an empty stack (platform admin and province viewer only). */
  seed?: SeedSize | false;
}

/** Who can sign in: `logins[tenantId][role]`, plus the platform-wide accounts. */
export interface TestLogins {
  platformAdmin: Login;
  provinceViewer: Login;
  tenantAdmins: Record<string, Login>;
  byTenant: Record<string, Partial<Record<Role, Login>>>;
}

/** What the seed created: `ids[tenantId][recordType]` and `officers[tenantId][role]`. */
export interface SeededIds {
  ids: Record<string, Record<RecordType, string[]>>;
  officers: Record<string, Partial<Record<OfficerRole, string[]>>>;
}

export interface TestStack {
  gatewayUrl: string;
  config: LocalStackConfig;
  dataDir: string;
  ports: StackPorts;
  logins: TestLogins;
  seeded: SeededIds;
  seed: SeedResult;
  /** Stops DynamoDB Local, cognito-local or the S3 server until `resume()` (fault tests). */
  interrupt: EmbeddedStack['interrupt'];
  stop(): Promise<void>;
}

export function loginsOf(seed: SeedResult): TestLogins {
  const counties = Object.values(seed.counties);
  return {
    platformAdmin: seed.platformAdmin,
    provinceViewer: seed.provinceViewer,
    tenantAdmins: Object.fromEntries(counties.map((c) => [c.tenantId, c.tenantAdmin])),
    byTenant: Object.fromEntries(counties.map((c) => [c.tenantId, c.logins])),
  };
}

export function seededIdsOf(seed: SeedResult): SeededIds {
  const counties = Object.values(seed.counties);
  return {
    ids: Object.fromEntries(counties.map((c) => [c.tenantId, c.ids])),
    officers: Object.fromEntries(counties.map((c) => [c.tenantId, c.officerIdsByRole])),
  };
}

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const keep = options.dataDir !== undefined;
  const dataDir = options.dataDir ?? mkdtempSync(resolve(tmpdir(), 'beatlink-stack-'));
  mkdirSync(dataDir, { recursive: true });
  const ports = options.ports ?? { gateway: await freePort(), dynamodb: await freePort(), cognito: await freePort(), s3: await freePort() };
  const stack = await startEmbeddedStack({
    ports,
    dynamodbPath: keep ? resolve(dataDir, 'dynamodb') : undefined,
    cognitoDir: resolve(dataDir, 'cognito'),
    s3Dir: resolve(dataDir, 's3'),
    masterKeyFile: resolve(dataDir, 'keys', 'master.key'),
    logDir: resolve(dataDir, 'logs'),
  });
  const stop = async () => {
    await stack.stop();
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const seed = await seedDemo({
      config: stack.config,
      size: options.seed === false ? 'small' : (options.seed ?? 'small'),
      counties: options.seed === false ? [] : undefined,
      password: DEMO_PASSWORD,
      stateFile: keep ? resolve(dataDir, 'seed-state.json') : undefined,
    });
    return {
      gatewayUrl: stack.config.gatewayUrl,
      config: stack.config,
      dataDir,
      ports,
      logins: loginsOf(seed),
      seeded: seededIdsOf(seed),
      seed,
      interrupt: stack.interrupt,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
