import { Cron } from 'croner';
import { DEFAULT_TENANT_CONFIG } from '@beatlink/shared';
import type { ScheduleDef } from '@beatlink/functions/schedules';
import type { RegisteredTenant } from './tenant-registry';
import { importHandler, jobHandlerFile } from './handler-runtime';
import { lambdaContext, newRequestId } from './http-api-event';

/**
 * The local scheduler: what EventBridge Scheduler does in AWS, from THE schedule table. A
 * per-tenant job runs once per active county in that county's time zone; a platform job runs in
 * the default time zone. The tenant list is re-read periodically, so onboarding a county (or
 * changing its time zone) takes effect without a restart.
 */
export interface JobEvent {
  job: string;
  tenantId?: string;
  /** The scheduled time (ISO-8601 UTC). */
  at: string;
}

export interface PlannedJob {
  /** Identity of a croner job: changes when anything that affects its timing changes. */
  key: string;
  job: string;
  cron: string;
  timeZone: string;
  tenantId?: string;
}

export function planJobs(schedules: readonly ScheduleDef[], tenants: readonly RegisteredTenant[]): PlannedJob[] {
  const active = tenants.filter((t) => t.status === 'active');
  return schedules.flatMap((schedule) =>
    schedule.perTenant
      ? active.map((tenant) => ({
          key: `${schedule.job}|${schedule.cron}|${tenant.timeZone}|${tenant.tenantId}`,
          job: schedule.job,
          cron: schedule.cron,
          timeZone: tenant.timeZone,
          tenantId: tenant.tenantId,
        }))
      : [
          {
            key: `${schedule.job}|${schedule.cron}|${DEFAULT_TENANT_CONFIG.timeZone}`,
            job: schedule.job,
            cron: schedule.cron,
            timeZone: DEFAULT_TENANT_CONFIG.timeZone,
          },
        ],
  );
}

/** The next `count` times (UTC instants) a planned job fires after `from`. */
export function nextRuns(planned: Pick<PlannedJob, 'cron' | 'timeZone'>, from: Date, count: number): Date[] {
  const cron = new Cron(planned.cron, { timezone: planned.timeZone, mode: '5-part', paused: true });
  try {
    return cron.nextRuns(count, from);
  } finally {
    cron.stop();
  }
}

/** Checks every cron of the table parses as a five-field expression. */
export function validateSchedules(schedules: readonly ScheduleDef[]): void {
  for (const schedule of schedules) {
    try {
      nextRuns({ cron: schedule.cron, timeZone: DEFAULT_TENANT_CONFIG.timeZone }, new Date(), 1);
    } catch (error) {
      throw new Error(`Schedule ${schedule.job}: invalid cron "${schedule.cron}": ${(error as Error).message}`, { cause: error });
    }
  }
}

export type JobRunner = (event: JobEvent) => Promise<unknown>;

/** Runs `functions/src/jobs/<job>.ts`'s `handler` in this process, as Lambda would. */
export function lambdaJobRunner(region: string): JobRunner {
  return async (event) => {
    const handler = await importHandler(jobHandlerFile(event.job));
    const requestId = newRequestId();
    return handler(event, lambdaContext(`beatlink-job-${event.job}`, requestId, 15 * 60_000, region));
  };
}

export interface SchedulerOptions {
  schedules: readonly ScheduleDef[];
  loadTenants: () => Promise<RegisteredTenant[]>;
  run: JobRunner;
  log?: (line: string) => void;
  /** How often the tenant list is re-read (ms). */
  refreshMs?: number;
}

export class LocalScheduler {
  private readonly jobs = new Map<string, { planned: PlannedJob; cron: Cron }>();
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: SchedulerOptions) {
    validateSchedules(options.schedules);
  }

  /** What is scheduled right now. */
  get planned(): PlannedJob[] {
    return [...this.jobs.values()].map((j) => j.planned);
  }

  async start(): Promise<void> {
    await this.sync();
    this.refreshTimer = setInterval(() => {
      this.sync().catch((error: unknown) => this.options.log?.(`scheduler: could not refresh tenants: ${(error as Error).message}`));
    }, this.options.refreshMs ?? 60_000);
    this.refreshTimer.unref();
  }

  /** Reconciles the croner jobs with the schedule table and the current tenants. */
  async sync(): Promise<void> {
    if (this.options.schedules.length === 0) return;
    const wanted = planJobs(this.options.schedules, await this.options.loadTenants());
    const wantedKeys = new Set(wanted.map((p) => p.key));
    for (const [key, entry] of this.jobs) {
      if (!wantedKeys.has(key)) {
        entry.cron.stop();
        this.jobs.delete(key);
      }
    }
    for (const planned of wanted) {
      if (this.jobs.has(planned.key)) continue;
      const cron = new Cron(planned.cron, { timezone: planned.timeZone, mode: '5-part', protect: true, unref: true }, () =>
        this.fire(planned),
      );
      this.jobs.set(planned.key, { planned, cron });
    }
  }

  private async fire(planned: PlannedJob): Promise<void> {
    const at = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
    const event: JobEvent = { job: planned.job, at, ...(planned.tenantId ? { tenantId: planned.tenantId } : {}) };
    const label = `${planned.job}${planned.tenantId ? ` for ${planned.tenantId}` : ''} at ${at}`;
    const started = Date.now();
    try {
      await this.options.run(event);
      this.options.log?.(`scheduler: ${label} done in ${Date.now() - started} ms`);
    } catch (error) {
      this.options.log?.(`scheduler: ${label} failed: ${(error as Error).stack ?? String(error)}`);
    }
  }

  stop(): void {
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    for (const entry of this.jobs.values()) entry.cron.stop();
    this.jobs.clear();
  }
}
