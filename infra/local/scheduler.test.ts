import { afterEach, describe, expect, it } from 'vitest';
import type { ScheduleDef } from '@beatlink/functions/schedules';
import { LocalScheduler, nextRuns, planJobs } from './scheduler';
import type { RegisteredTenant } from './tenant-registry';

const weekly: ScheduleDef = { job: 'weekly-analysis', cron: '0 7 * * 1', perTenant: true, description: 'Monday 07:00' };
const platform: ScheduleDef = { job: 'rollup', cron: '30 2 * * *', perTenant: false, description: 'nightly rollup' };

const tenants: RegisteredTenant[] = [
  { tenantId: '370283', status: 'active', timeZone: 'Asia/Shanghai' },
  { tenantId: '650102', status: 'active', timeZone: 'Asia/Urumqi' },
  { tenantId: '370211', status: 'inactive', timeZone: 'Asia/Shanghai' },
];

describe('planJobs', () => {
  it('plans a per-tenant job once per active tenant, in that tenant’s time zone', () => {
    const planned = planJobs([weekly], tenants);
    expect(planned.map((p) => [p.tenantId, p.timeZone])).toEqual([
      ['370283', 'Asia/Shanghai'],
      ['650102', 'Asia/Urumqi'],
    ]);
  });

  it('plans a platform job once, in the default time zone, whatever the tenants', () => {
    expect(planJobs([platform], tenants)).toEqual([
      { key: 'rollup|30 2 * * *|Asia/Shanghai', job: 'rollup', cron: '30 2 * * *', timeZone: 'Asia/Shanghai' },
    ]);
    expect(planJobs([platform], [])).toHaveLength(1);
  });

  it('plans nothing for an empty schedule table', () => {
    expect(planJobs([], tenants)).toEqual([]);
  });
});

describe('nextRuns', () => {
  it('evaluates the cron in the tenant’s time zone', () => {
    const from = new Date('2026-03-04T00:00:00Z'); // a Wednesday
    const [shanghai] = nextRuns({ cron: weekly.cron, timeZone: 'Asia/Shanghai' }, from, 1);
    const [urumqi] = nextRuns({ cron: weekly.cron, timeZone: 'Asia/Urumqi' }, from, 1);
    // Monday 07:00 local: UTC+8 → Sunday 23:00Z; UTC+6 → Monday 01:00Z.
    expect(shanghai?.toISOString()).toBe('2026-03-08T23:00:00.000Z');
    expect(urumqi?.toISOString()).toBe('2026-03-09T01:00:00.000Z');
  });

  it('gives consecutive weekly runs', () => {
    const runs = nextRuns({ cron: weekly.cron, timeZone: 'Asia/Shanghai' }, new Date('2026-03-04T00:00:00Z'), 3);
    expect(runs.map((d) => d.toISOString())).toEqual([
      '2026-03-08T23:00:00.000Z',
      '2026-03-15T23:00:00.000Z',
      '2026-03-22T23:00:00.000Z',
    ]);
  });
});

describe('LocalScheduler', () => {
  let scheduler: LocalScheduler | undefined;
  afterEach(() => scheduler?.stop());

  it('follows the tenant registry: new tenants are scheduled, deactivated ones dropped, time-zone changes re-planned', async () => {
    let current: RegisteredTenant[] = [tenants[0]!];
    scheduler = new LocalScheduler({ schedules: [weekly, platform], loadTenants: async () => current, run: async () => undefined });
    await scheduler.sync();
    expect(scheduler.planned.map((p) => p.tenantId ?? 'platform').sort()).toEqual(['370283', 'platform']);

    current = [tenants[0]!, { tenantId: '370211', status: 'active', timeZone: 'Asia/Shanghai' }];
    await scheduler.sync();
    expect(scheduler.planned.map((p) => p.tenantId ?? 'platform').sort()).toEqual(['370211', '370283', 'platform']);

    current = [{ tenantId: '370283', status: 'active', timeZone: 'Asia/Urumqi' }, { tenantId: '370211', status: 'inactive', timeZone: 'Asia/Shanghai' }];
    await scheduler.sync();
    expect(scheduler.planned.filter((p) => p.tenantId).map((p) => [p.tenantId, p.timeZone])).toEqual([['370283', 'Asia/Urumqi']]);
  });

  it('rejects a schedule table with an invalid cron', () => {
    expect(
      () => new LocalScheduler({ schedules: [{ ...weekly, cron: '0 7 * *' }], loadTenants: async () => [], run: async () => undefined }),
    ).toThrow(/weekly-analysis/);
  });
});
