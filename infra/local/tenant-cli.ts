import { parseArgs } from 'node:util';
import { toAppError } from '@beatlink/functions/lib/error-mapping';
import { tenantCreateSchema, type ErrorDetail, type TenantCreateInput, type TenantRecord } from '@beatlink/shared';
import { handlerEnv, readStackConfig, STACK_FILE, type LocalStackConfig } from './stack-config';

/**
 * `npm run tenant -- <command>`: onboard and list counties on the running local stack, through
 * the same services the API uses (as the platform operator).
 */
const HELP = `Usage: npm run tenant -- <command> [options]

Commands:
  create   Onboard a county bureau: its registry record, its configuration and its first
           administrator (活动办, role program_office). Prints the administrator's one-time
           temporary password — it is shown once and must be changed at first sign-in.
  list     List the onboarded county bureaus.

Options of create:
  --id <code>              County-level GB/T 2260 code, e.g. 370285 (required)
  --name <name>            The bureau's name, e.g. 某县公安局 (required)
  --admin-username <name>  Username of the first administrator, 3–40 of a-z 0-9 . _ - (required)
  --admin-name <name>      The administrator's name, e.g. 张三 (required)
  --admin-phone <phone>    The administrator's phone (optional)
  --admin-email <email>    The administrator's e-mail (optional)
  --time-zone <iana>       The county's time zone (default Asia/Shanghai)

Options of list:
  --status <s>             active (default), inactive or all

Other:
  --stack <file>           The running stack's description (default ${STACK_FILE})
  -h, --help               Show this help

Examples:
  npm run tenant -- create --id 370285 --name 某县公安局 --admin-username admin370285 --admin-name 张三
  npm run tenant -- list`;

/** Input field → the flag that sets it, to name the flag in error messages. */
const FLAGS: Record<string, string> = {
  tenantId: '--id',
  name: '--name',
  timeZone: '--time-zone',
  'admin.username': '--admin-username',
  'admin.name': '--admin-name',
  'admin.phone': '--admin-phone',
  'admin.email': '--admin-email',
};

class UsageError extends Error {}

function flagOf(path: string): string {
  return FLAGS[path] ?? (path || 'input');
}

function describeDetails(details: readonly ErrorDetail[] | undefined): string {
  return (details ?? []).map((d) => `${flagOf(d.path)}: ${d.message}`).join('; ');
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      'admin-username': { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-phone': { type: 'string' },
      'admin-email': { type: 'string' },
      'time-zone': { type: 'string' },
      status: { type: 'string' },
      stack: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

type Values = ReturnType<typeof parse>['values'];

function createInput(values: Values): TenantCreateInput {
  const missing = (['id', 'name', 'admin-username', 'admin-name'] as const).filter((f) => !values[f]);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((f) => `--${f}`).join(', ')} (see --help)`);
  const raw = {
    tenantId: values.id,
    name: values.name,
    ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
    admin: {
      username: values['admin-username'],
      name: values['admin-name'],
      ...(values['admin-phone'] ? { phone: values['admin-phone'] } : {}),
      ...(values['admin-email'] ? { email: values['admin-email'] } : {}),
    },
  };
  const result = tenantCreateSchema.safeParse(raw);
  if (!result.success) {
    throw new UsageError(describeDetails(result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))));
  }
  return result.data;
}

/** Points this process at the running stack before any handler module is loaded. */
function useStack(file: string | undefined): LocalStackConfig {
  const config = readStackConfig(file);
  Object.assign(process.env, handlerEnv(config));
  // The services log JSON for CloudWatch; here only failures are worth a line.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  return config;
}

async function create(values: Values): Promise<void> {
  const input = createInput(values);
  const config = useStack(values.stack);
  const [{ onboardTenant }, { platformOperator }] = await Promise.all([
    import('@beatlink/functions/services/platform/tenants'),
    import('@beatlink/functions/lib/tenant-context'),
  ]);
  const { tenant, adminCredentials } = await onboardTenant(platformOperator('tenant-cli'), input);
  console.log(`Onboarded ${tenant.tenantId} ${tenant.name} (province ${tenant.provinceId}, time zone ${input.timeZone ?? 'Asia/Shanghai'}).`);
  console.log('');
  console.log('First administrator (活动办, program_office) — shown once, to be changed at first sign-in:');
  console.log(`  username:           ${adminCredentials.username}`);
  console.log(`  temporary password: ${adminCredentials.temporaryPassword}`);
  if (config.portalUrl) console.log(`  sign in at:         ${config.portalUrl}`);
}

async function list(values: Values): Promise<void> {
  const status = values.status ?? 'active';
  if (status !== 'active' && status !== 'inactive' && status !== 'all') throw new UsageError('--status must be active, inactive or all');
  useStack(values.stack);
  const [{ listTenants }, { platformOperator }] = await Promise.all([
    import('@beatlink/functions/services/platform/tenants'),
    import('@beatlink/functions/lib/tenant-context'),
  ]);
  const tenants: TenantRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listTenants(platformOperator('tenant-cli'), { limit: 200, status, ...(cursor ? { cursor } : {}) });
    tenants.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  if (tenants.length === 0) {
    console.log(status === 'active' ? 'No county bureaus onboarded yet.' : `No ${status === 'all' ? '' : `${status} `}county bureaus.`);
    return;
  }
  const rows = tenants.map((t) => [t.tenantId, t.provinceId, t.status, t.adminUsername, t.createdAt.slice(0, 10), t.name]);
  const header = ['TENANT', 'PROVINCE', 'STATUS', 'ADMIN', 'CREATED', 'NAME'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
  console.log(`\n${tenants.length} county bureau${tenants.length === 1 ? '' : 's'}.`);
}

/** One line for the user: usage mistakes, a stack that is not running, API errors by field. */
function explain(error: unknown): string {
  if (error instanceof UsageError) return error.message;
  const known = toAppError(error);
  if (known?.code === 'DEPENDENCY_UNAVAILABLE') return 'the local stack does not answer; is it running? Start it with: npm start';
  if (known) return describeDetails(known.details) || known.message;
  const e = error as { name?: string; message?: string };
  if (e.name === 'ResourceNotFoundException') return 'the local stack has no table yet; start it with: npm start';
  return e.message ?? String(error);
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    console.error(`tenant: ${(error as Error).message} (see --help)`);
    return 2;
  }
  const [command, ...extra] = parsed.positionals;
  if (parsed.values.help || !command) {
    console.log(HELP);
    return command || parsed.values.help ? 0 : 2;
  }
  try {
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]} (see --help)`);
    if (command === 'create') await create(parsed.values);
    else if (command === 'list') await list(parsed.values);
    else throw new UsageError(`unknown command ${command} (commands: create, list; see --help)`);
    return 0;
  } catch (error) {
    console.error(`tenant ${command}: ${explain(error)}`);
    return error instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
