import { pathToFileURL } from 'node:url';
import { isCountyCode } from '@beatlink/shared';
import type * as AuditLog from '@beatlink/functions/services/audit/audit-log';
import { readStackConfig, type LocalStackConfig } from './stack-config';
import { dynamoDbAnswers, localDynamoDbClient } from './dynamodb-local';
import { applyHandlerEnv } from './handler-runtime';
import { listTenants } from './tenant-registry';

/**
 * `npm run audit -- verify --tenant <id>`: checks a county's audit chain on the running local
 * stack (.data/stack.json) — every hash, every link, no gap, the head on the last entry — and
 * exits 0 when it is intact, 1 with the first problem otherwise.
 * `npm run audit -- list --tenant <id> [--limit n]`: the newest entries, newest first.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export const USAGE = 'Usage: npm run audit -- verify --tenant <county code> | list --tenant <county code> [--limit <1-1000>] [--stack <stack.json>]';

export type AuditArgs = { command: 'verify'; tenantId: string; stackFile?: string } | { command: 'list'; tenantId: string; limit: number; stackFile?: string };

/** A mistake in the command line: one line, exit code 2. */
export class UsageError extends Error {}

const DEFAULT_LIMIT = 20;

export function parseAuditArgs(argv: readonly string[]): AuditArgs {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-h' || arg === '--help') throw new UsageError(USAGE);
    if (arg === '--tenant' || arg === '--limit' || arg === '--stack') {
      const value = argv[++i];
      if (!value || value.startsWith('--')) throw new UsageError(`${arg} needs a value. ${USAGE}`);
      options[arg] = value;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`Unknown option ${arg}. ${USAGE}`);
    } else {
      positional.push(arg);
    }
  }
  const [command, ...extra] = positional;
  if (!command) throw new UsageError(USAGE);
  if (command !== 'verify' && command !== 'list') throw new UsageError(`Unknown command ${command} (verify or list). ${USAGE}`);
  if (extra.length > 0) throw new UsageError(`Unexpected argument ${extra[0]}. ${USAGE}`);
  const tenantId = options['--tenant'];
  if (!tenantId) throw new UsageError(`${command} needs --tenant <county code>. ${USAGE}`);
  if (!isCountyCode(tenantId)) throw new UsageError(`--tenant ${tenantId} is not a county code (6 digits, GB/T 2260, e.g. 370283)`);
  const stack = options['--stack'] ? { stackFile: options['--stack'] } : {};
  if (command === 'verify') {
    if (options['--limit'] !== undefined) throw new UsageError(`--limit applies to list only. ${USAGE}`);
    return { command, tenantId, ...stack };
  }
  const raw = options['--limit'];
  const limit = raw === undefined ? DEFAULT_LIMIT : Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit ${raw} must be a whole number from 1 to 1000`);
  return { command, tenantId, limit, ...stack };
}

const PROBLEMS: Record<AuditLog.ChainProblem, string> = {
  hash_mismatch: '该条目写入后被改动 / the entry was altered after it was written',
  missing_entry: '该条目已被删除 / the entry was removed',
  broken_link: '该条目与前一条的链接断开（前一条被改动后重算了哈希，或该条被插入） / the entry does not link to the one before it (that one was altered and re-hashed, or this one was inserted)',
  head_mismatch: '链头与最后一条不符 / the head of the chain does not match its last entry',
};

/** The one line `verify` prints, and its exit code. */
export function describeVerdict(tenantId: string, verdict: AuditLog.ChainVerdict): { exitCode: 0 | 1; line: string } {
  if (verdict.ok) {
    if (verdict.entries === 0 || !verdict.head) return { exitCode: 0, line: `审计日志为空 / no audit entries yet: county ${tenantId}` };
    return {
      exitCode: 0,
      line: `审计日志完整 / audit log intact: county ${tenantId}, ${verdict.entries} entries, head #${verdict.head.seq} sha256:${verdict.head.hash} (keep this hash elsewhere: it also catches a rewritten tail)`,
    };
  }
  return {
    exitCode: 1,
    line: `审计日志异常 / audit log tampered: county ${tenantId}, entry #${verdict.atSeq}: ${verdict.problem} — ${PROBLEMS[verdict.problem]} (${verdict.entries === 1 ? '1 entry before it checks' : `${verdict.entries} entries before it check`} out)`,
  };
}

/** A stored value as text; `?` where a damaged entry lacks it. */
const text = (value: unknown): string => (value === undefined || value === null ? '?' : typeof value === 'string' ? value : JSON.stringify(value));

/** One line per listed entry: seq, time, action, record, actor, summary. */
export function describeEntry(entry: Record<string, unknown>): string {
  const record = (entry.record ?? {}) as { kind?: unknown; id?: unknown };
  const actor = (entry.actor ?? {}) as { username?: unknown; name?: unknown };
  const summary = Object.entries((entry.summary ?? {}) as Record<string, unknown>)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : text(value)}`)
    .join(' ');
  const parts = [`#${text(entry.seq)}`, text(entry.at), text(entry.action), `${text(record.kind)} ${text(record.id)}`, `${text(actor.username)} (${text(actor.name)})`];
  return [...parts, ...(summary ? [summary] : [])].join('  ');
}

async function isRegistered(config: LocalStackConfig, tenantId: string): Promise<boolean> {
  const client = localDynamoDbClient(config.dynamodbEndpoint, config.region);
  try {
    return (await listTenants(client, config.tableName)).some((t) => t.tenantId === tenantId);
  } finally {
    client.destroy();
  }
}

/**
 * Runs a parsed command against the stack in `config`, in this process (the tests call it too):
 * the lines to print and the exit code.
 */
export async function runAuditCommand(args: AuditArgs, config: LocalStackConfig): Promise<{ exitCode: number; lines: string[] }> {
  if (!(await dynamoDbAnswers(config.dynamodbEndpoint))) {
    return { exitCode: 1, lines: [`DynamoDB Local does not answer at ${config.dynamodbEndpoint}: is the stack running? Start it with: npm start`] };
  }
  applyHandlerEnv(config);
  // Imported after the environment is set: the data modules read it once, at import.
  const audit: typeof AuditLog = await import('@beatlink/functions/services/audit/audit-log');
  if (args.command === 'verify') {
    const verdict = await audit.verifyAuditChain(args.tenantId);
    if (verdict.ok && verdict.entries === 0 && !(await isRegistered(config, args.tenantId))) {
      return { exitCode: 1, lines: [`No county ${args.tenantId} in the tenant registry, and no audit log under that code: check --tenant`] };
    }
    const { exitCode, line } = describeVerdict(args.tenantId, verdict);
    return { exitCode, lines: [line] };
  }
  const entries = await audit.listAuditEntries(args.tenantId, { limit: args.limit });
  if (entries.length === 0) return { exitCode: 0, lines: [`审计日志为空 / no audit entries yet: county ${args.tenantId}`] };
  return { exitCode: 0, lines: [...entries.map(describeEntry), `${entries.length} newest entr${entries.length === 1 ? 'y' : 'ies'} of county ${args.tenantId}, newest first (not verified: use verify)`] };
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  let args: AuditArgs;
  try {
    args = parseAuditArgs(argv);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const { exitCode, lines } = await runAuditCommand(args, readStackConfig(args.stackFile));
  for (const line of lines) (exitCode === 0 ? console.log : console.error)(line);
  return exitCode;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const e = error as { name?: string; message?: string };
      console.error(e.name === 'ResourceNotFoundException' ? 'The local stack has no table yet; start it with: npm start' : (e.message ?? String(error)));
      process.exit(1);
    },
  );
}
