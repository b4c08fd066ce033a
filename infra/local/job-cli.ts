import { pathToFileURL } from 'node:url';
import { schedules, type ScheduleDef } from '@beatlink/functions/schedules';
import { readStackConfig, type LocalStackConfig } from './stack-config';
import { dynamoDbAnswers, localDynamoDbClient } from './dynamodb-local';
import { applyHandlerEnv } from './handler-runtime';
import { lambdaJobRunner, type JobEvent } from './scheduler';
import { listTenants } from './tenant-registry';

/**
 * `npm run job -- <name> [--tenant <id>] [--at <iso time>]`: runs one scheduled job now, against
 * the running local stack (.data/stack.json), through the same handler the scheduler invokes. A
 * per-tenant job without --tenant runs for every active county.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export interface JobArgs {
  job: string;
  tenantId?: string;
  at?: string;
}

export const USAGE = 'Usage: npm run job -- <job name> [--tenant <county code>] [--at <ISO-8601 time>]';

export function parseJobArgs(argv: readonly string[]): JobArgs {
  const positional: string[] = [];
  const args: Partial<JobArgs> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--tenant' || arg === '--at') {
      const value = argv[++i];
      if (!value || value.startsWith('--')) throw new Error(`${arg} needs a value. ${USAGE}`);
      if (arg === '--tenant') args.tenantId = value;
      else args.at = value;
    } else if (arg.startsWith('--')) {
      throw new Error(`Unknown option ${arg}. ${USAGE}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) throw new Error(positional.length === 0 ? USAGE : `One job at a time. ${USAGE}`);
  if (args.at !== undefined) {
    const time = new Date(args.at);
    if (Number.isNaN(time.getTime())) throw new Error(`--at ${args.at} is not an ISO-8601 time (e.g. 2026-03-02T07:00:00+08:00)`);
    args.at = time.toISOString();
  }
  return { job: positional[0] as string, ...args };
}

export function findSchedule(table: readonly ScheduleDef[], job: string): ScheduleDef {
  const schedule = table.find((s) => s.job === job);
  if (schedule) return schedule;
  const known = table.map((s) => s.job);
  throw new Error(
    known.length === 0
      ? `Unknown job "${job}": the schedule table (functions/src/schedules.ts) has no jobs yet.`
      : `Unknown job "${job}". Known jobs: ${known.join(', ')}`,
  );
}

/** The events to run: one for a platform job, one per chosen (or every active) county otherwise. */
export async function jobEvents(schedule: ScheduleDef, args: JobArgs, config: LocalStackConfig): Promise<JobEvent[]> {
  const at = args.at ?? new Date().toISOString();
  if (!schedule.perTenant) {
    if (args.tenantId) throw new Error(`${schedule.job} is a platform job: it takes no --tenant`);
    return [{ job: schedule.job, at }];
  }
  const client = localDynamoDbClient(config.dynamodbEndpoint, config.region);
  try {
    const tenants = await listTenants(client, config.tableName);
    if (args.tenantId) {
      const tenant = tenants.find((t) => t.tenantId === args.tenantId);
      if (!tenant) throw new Error(`No county ${args.tenantId} in the tenant registry. Counties: ${tenants.map((t) => t.tenantId).join(', ') || 'none'}`);
      return [{ job: schedule.job, tenantId: tenant.tenantId, at }];
    }
    const active = tenants.filter((t) => t.status === 'active');
    if (active.length === 0) throw new Error('No active county in the tenant registry.');
    return active.map((t) => ({ job: schedule.job, tenantId: t.tenantId, at }));
  } finally {
    client.destroy();
  }
}

async function main(): Promise<void> {
  const args = parseJobArgs(process.argv.slice(2));
  const schedule = findSchedule(schedules, args.job);
  const config = readStackConfig();
  if (!(await dynamoDbAnswers(config.dynamodbEndpoint))) {
    throw new Error(`DynamoDB Local does not answer at ${config.dynamodbEndpoint}: is the stack running? Start it with: npm start`);
  }
  applyHandlerEnv(config);
  const run = lambdaJobRunner(config.region);
  for (const event of await jobEvents(schedule, args, config)) {
    const started = Date.now();
    const result = await run(event);
    console.log(`${event.job}${event.tenantId ? ` for ${event.tenantId}` : ''} at ${event.at}: done in ${Date.now() - started} ms`);
    if (result !== undefined) console.log(JSON.stringify(result, null, 2));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    },
  );
}
