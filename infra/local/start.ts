import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { schedules } from '@beatlink/functions/schedules';
import { DEFAULT_MASTER_KEY_FILE } from '@beatlink/functions/services/personal-data/master-key';
import { ROLES, ROLE_LABELS, type Role } from '@beatlink/shared';
import { DATA_DIR, REPO_ROOT, STACK_FILE, type LocalStackConfig } from './stack-config';
import { ensurePrerequisites } from './prerequisites';
import { isAlive, portInUse, runningServices, stopAllServices } from './processes';
import { startEmbeddedStack } from './embedded-stack';
import { seedDemo, type Login, type SeedResult } from './seed-demo';
import { DEMO_COUNTIES, type SeedSize } from './seed-plan';
import { LocalScheduler, lambdaJobRunner } from './scheduler';
import { listTenants } from './tenant-registry';
import { localDynamoDbClient } from './dynamodb-local';
import { buildPortalIfStale, hasNextApp, localPortalOrigins, portalRuntimeConfig, RUNTIME_CONFIG_FILE, startPortal, writeRuntimeConfig, type Portal } from './portal';

/**
 * `npm start`: the whole platform on this machine. DynamoDB Local (data in .data/dynamodb),
 * cognito-local (.data/cognito) and the S3 server (.data/s3) as child processes, the master key
 * of personal data in .data/keys, the local API gateway and scheduler in this
 * process, the portal (its static export, served as CloudFront serves it). The first start creates the table and the pool and seeds the
 * demo province; later starts reuse the data. Ctrl-C stops every child this started.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const PORTS = [
  { name: 'portal', env: 'PORTAL_PORT', fallback: 3000 },
  { name: 'gateway', env: 'GATEWAY_PORT', fallback: 4000 },
  { name: 'dynamodb', env: 'DYNAMODB_PORT', fallback: 8000 },
  { name: 'cognito', env: 'COGNITO_PORT', fallback: 9229 },
  { name: 's3', env: 'S3_PORT', fallback: 4569 },
] as const;
type PortName = (typeof PORTS)[number]['name'];

const LOG_DIR = resolve(DATA_DIR, 'logs');
const PIDS_FILE = resolve(DATA_DIR, 'pids.json');
const SEED_STATE_FILE = resolve(DATA_DIR, 'seed-state.json');
export const DEMO_LOGINS_FILE = resolve(DATA_DIR, 'demo-logins.json');
/** The demo counties' 12345-hotline API keys (written by the first start, which alone saw them). */
export const DEMO_API_KEYS_FILE = resolve(DATA_DIR, 'demo-api-keys.json');

/**
 * For a test that runs `npm start` itself (tests/integration/crash.test.ts), beside the ports:
 * BEATLINK_DATA_DIR (stack-config.ts), BEATLINK_SEED_SIZE=small (the tests' seed, seconds instead
 * of minutes) and BEATLINK_PORTAL=off (no portal build, no write to web/public).
 */
const SEED_SIZE: SeedSize = process.env.BEATLINK_SEED_SIZE === 'small' ? 'small' : 'full';
const PORTAL_ON = process.env.BEATLINK_PORTAL !== 'off';

const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const fail = (line: string): never => {
  console.error(line);
  process.exit(1);
};

function readPorts(): Record<PortName, number> {
  const ports = {} as Record<PortName, number>;
  for (const port of PORTS) {
    const raw = process.env[port.env];
    const value = raw === undefined || raw === '' ? port.fallback : Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 65535) fail(`${port.env}=${raw} is not a port number (1–65535).`);
    ports[port.name] = value;
  }
  return ports;
}

/** Explains, in one line per port, why a port is taken (an earlier start, or something else). */
async function checkPorts(ports: Record<PortName, number>): Promise<void> {
  const previous = existsSync(PIDS_FILE) ? (JSON.parse(readFileSync(PIDS_FILE, 'utf8')) as { start?: number; children?: Record<string, number> }) : {};
  const problems: string[] = [];
  for (const port of PORTS) {
    if (!(await portInUse(ports[port.name]))) continue;
    const leftover = Object.entries(previous.children ?? {}).find(([, pid]) => isAlive(pid));
    const hint =
      previous.start && isAlive(previous.start)
        ? `another \`npm start\` is running (pid ${previous.start}): stop it with Ctrl-C or \`kill ${previous.start}\``
        : leftover
          ? `a ${leftover[0]} left over from an earlier \`npm start\` (pid ${leftover[1]}) may hold it: \`kill -- -${leftover[1]}\``
          : `stop what uses it, or run with ${port.env}=<free port> npm start`;
    problems.push(`Port ${ports[port.name]} (${port.name}, ${port.env}) is already in use — ${hint}.`);
  }
  if (problems.length > 0) fail(problems.join('\n'));
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(resolve(file, '..'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

function demoLoginsFile(seed: SeedResult): Partial<Record<Role, Login>> {
  const main = seed.counties[DEMO_COUNTIES[0]];
  return { platform_admin: seed.platformAdmin, province_viewer: seed.provinceViewer, ...main?.logins };
}

function printSummary(config: LocalStackConfig, portalError: string | undefined, seed: SeedResult): void {
  const lines = [
    '',
    'Beatlink is running:',
    `  portal          ${portalError ? `not running — ${portalError}` : config.portalUrl}`,
    `  API gateway     ${config.gatewayUrl}   (health: ${config.gatewayUrl}/health)`,
    `  cognito-local   ${config.cognitoEndpoint}   (user pool ${config.userPoolId}, app client ${config.userPoolClientId})`,
    `  DynamoDB Local  ${config.dynamodbEndpoint}   (table ${config.tableName})`,
    `  S3 server       ${config.s3Endpoint}   (bucket ${config.attachmentBucket})`,
    `  data            ${relative(REPO_ROOT, DATA_DIR)}/   (logs in ${relative(REPO_ROOT, LOG_DIR)}/)`,
    '',
    `Demo logins (password ${seed.platformAdmin.password}; also in ${relative(REPO_ROOT, DEMO_LOGINS_FILE)}):`,
  ];
  const logins = demoLoginsFile(seed);
  for (const role of ROLES) {
    const login = logins[role];
    if (login) lines.push(`  ${role.padEnd(18)} ${login.username.padEnd(22)} ${ROLE_LABELS[role].zh}${login.tenantId ? ` (${login.tenantId})` : ''}`);
  }
  for (const county of Object.values(seed.counties)) {
    lines.push(`  county admin       ${county.tenantAdmin.username.padEnd(22)} ${county.name} (${county.tenantId})`);
  }
  const other = Object.values(seed.counties).filter((c) => c.tenantId !== DEMO_COUNTIES[0]);
  for (const county of other) {
    lines.push(`  ${county.name} (${county.tenantId}): the same roles as <role>.${county.tenantId}, e.g. ${county.logins.program_office?.username ?? ''}`);
  }
  if (existsSync(DEMO_API_KEYS_FILE)) {
    lines.push('', `Integrator API keys (12345 hotline) in ${relative(REPO_ROOT, DEMO_API_KEYS_FILE)}; try:`);
    lines.push(`  curl -H "X-Api-Key: $(node -p "require('./${relative(REPO_ROOT, DEMO_API_KEYS_FILE)}')['${DEMO_COUNTIES[0]}'].key")" ${config.gatewayUrl}/open311/v2/services.json`);
    lines.push(`  API docs: ${config.portalUrl}/integrations/docs (sign in as the program office); webhooks received: ${config.gatewayUrl}/local/webhook-echo`);
  }
  lines.push('', 'Ctrl-C stops everything.');
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  try {
    ensurePrerequisites('start', log);
  } catch (error) {
    fail((error as Error).message);
  }
  const ports = readPorts();
  await checkPorts(ports);
  mkdirSync(DATA_DIR, { recursive: true });

  // What runs in this process, filled in as it starts, for Ctrl-C at any point.
  const inProcess: { scheduler?: LocalScheduler; portal?: Portal; stopStack?: () => Promise<void> } = {};
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping…`);
    inProcess.scheduler?.stop();
    await inProcess.portal?.stop();
    // The stack lets requests in flight finish and cognito-local write its file last; then every
    // child still running (the portal, or all of them when start-up was interrupted) is stopped.
    await inProcess.stopStack?.();
    await stopAllServices();
    rmSync(PIDS_FILE, { force: true });
    log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const stack = await startEmbeddedStack({
    ports: { gateway: ports.gateway, dynamodb: ports.dynamodb, cognito: ports.cognito, s3: ports.s3 },
    dynamodbPath: resolve(DATA_DIR, 'dynamodb'),
    cognitoDir: resolve(DATA_DIR, 'cognito'),
    s3Dir: resolve(DATA_DIR, 's3'),
    // Inside the data dir, so that BEATLINK_DATA_DIR moves the key with the data it unlocks.
    masterKeyFile: resolve(DATA_DIR, relative('.data', DEFAULT_MASTER_KEY_FILE)),
    logDir: LOG_DIR,
    log,
    logRequests: false,
  });
  inProcess.stopStack = () => stack.stop();
  writeJson(PIDS_FILE, { start: process.pid, children: stack.pids });
  for (const service of runningServices()) {
    void service.exited.then((code) => {
      if (!stopping) log(`${service.name} (pid ${service.pid}) exited (${code}); see ${relative(REPO_ROOT, service.logFile)}`);
    });
  }
  const config: LocalStackConfig = { ...stack.config, portalUrl: `http://127.0.0.1:${ports.portal}` };
  writeJson(STACK_FILE, config);
  if (PORTAL_ON) writeRuntimeConfig(config);
  log(`stack up in ${((Date.now() - startedAt) / 1000).toFixed(1)} s; wrote ${relative(REPO_ROOT, STACK_FILE)}${PORTAL_ON ? ` and ${relative(REPO_ROOT, RUNTIME_CONFIG_FILE)}` : ''}`);

  const seedStarted = Date.now();
  const seed = await seedDemo({ config, size: SEED_SIZE, stateFile: SEED_STATE_FILE, log }).catch((error: unknown) => {
    throw new Error(
      `Seeding the demo data failed: ${(error as Error).message}\n` +
        'An interrupted seed resumes on the next start; if it keeps failing, start from scratch with: rm -rf .data && npm start',
      { cause: error },
    );
  });
  const seededNow = Object.values(seed.counties).filter((c) => c.outcome !== 'skipped').length;
  log(seededNow > 0 ? `seeded ${seededNow} county(ies) in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s` : 'demo data already seeded; nothing to do');
  writeJson(DEMO_LOGINS_FILE, demoLoginsFile(seed));
  // Integrator keys are shown once: kept for the demo beside the logins (never in AWS).
  const demoKeys = Object.fromEntries(Object.values(seed.counties).flatMap((c) => (c.demoApiKey ? [[c.tenantId, c.demoApiKey]] : [])));
  if (Object.keys(demoKeys).length > 0) writeJson(DEMO_API_KEYS_FILE, demoKeys);

  const dynamodb = localDynamoDbClient(config.dynamodbEndpoint, config.region);
  const scheduler = new LocalScheduler({
    schedules,
    loadTenants: () => listTenants(dynamodb, config.tableName),
    run: lambdaJobRunner(config.region),
    log,
  });
  inProcess.scheduler = scheduler;
  await scheduler.start();
  log(schedules.length === 0 ? 'scheduler: the schedule table is empty' : `scheduler: ${scheduler.planned.length} job(s) scheduled`);

  let portalError: string | undefined;
  if (!PORTAL_ON) {
    portalError = 'switched off (BEATLINK_PORTAL=off)';
  } else if (!hasNextApp()) {
    portalError = 'web/ has no Next.js app yet';
  } else {
    try {
      await buildPortalIfStale(resolve(LOG_DIR, 'portal-build.log'), log);
      inProcess.portal = await startPortal({ port: ports.portal, runtimeConfig: portalRuntimeConfig(config), origins: localPortalOrigins(config) });
    } catch (error) {
      portalError = ((error as Error).message.split('\n')[0] ?? '').replace(/:$/, '');
      log(`portal failed: ${(error as Error).message}`);
    }
  }
  printSummary(config, portalError, seed);
  log(`ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}

main().catch(async (error: unknown) => {
  console.error(`npm start failed: ${process.env.DEBUG ? ((error as Error).stack ?? String(error)) : (error as Error).message}`);
  await stopAllServices();
  rmSync(PIDS_FILE, { force: true });
  process.exit(1);
});
