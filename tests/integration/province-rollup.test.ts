import { beforeAll, describe, expect, inject, it } from 'vitest';
import { addIsoWeeks, isoWeekDate, rankCounties, sumFigures, type ComplianceBoard, type DisputeFigures, type Page, type ProvinceRollup, type RollupTrend, type Village } from '@beatlink/shared';
import { applyHandlerEnv } from '@beatlink/infra/local/handler-runtime';
import type * as RollupAccess from '@beatlink/functions/services/province/rollup-access';
import type * as Repository from '@beatlink/functions/data/repository';
import type * as RollupEntities from '@beatlink/functions/data/entities/rollups';
import { apiAs, type ApiClient } from '../support/api';
import { idToken } from '../support/auth';
import { workbookCells } from '../lib/workbook-cells';
import '../support/provided';

/**
 * The provincial rollup (issue #6 point 6) over the seeded demo province 370000: the seed ran the
 * rollup of the last weeks and months. Checked here: both counties are there, the province row
 * is the sum of the county rows, each county row matches the county's own figures (its duty
 * board, its dispute figures, its villages), no attribute carries personal data, another
 * province sees nothing, and a re-run writes nothing.
 */
const config = inject('stackConfig');
const logins = inject('logins');
const PROVINCE = '370000';
const COUNTIES = ['370211', '370283'];

let viewer: ApiClient;
let access: typeof RollupAccess;
let job: (event: unknown) => Promise<unknown>;
let repo: typeof Repository;
let entities: typeof RollupEntities;
let week: ProvinceRollup;

/** Every key of a value, at every depth. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

function stringsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsOf(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => stringsOf(v, into));
  return into;
}

/** The attributes a rollup may hold: aggregates, the county's code and name, the category's. */
const AGGREGATE_KEYS = new Set([
  'provinceId', 'countyId', 'countyName', 'periodType', 'period', 'figures', 'index', 'rank', 'generatedAt', 'counties', 'total',
  'villages', 'villagesVisited', 'coverage', 'duty', 'evaluated', 'met', 'excused', 'short', 'violation', 'rate',
  'matters', 'byCategory', 'categoryId', 'name', 'count', 'byOutcome', 'resolved', 'partially_resolved', 'unresolved', 'not_responsible', 'open',
  'closed', 'closedOnTime', 'onTimeRate', 'disputes', 'resolvedAtVillage', 'escalated', 'turnedIntoCase', 'visits', 'intelCollected',
]);
/** What the table adds around an item: keys, the entity tag, timestamps, the row key. */
const STORAGE_KEYS = new Set(['pk', 'sk', '_et', '_ct', '_md', 'row', 'countyIds', 'gsi1pk', 'gsi1sk']);

function expectNoPersonalData(value: unknown, allowed: Set<string>): void {
  for (const key of keysOf(value)) expect(allowed.has(key), `unexpected attribute "${key}"`).toBe(true);
  for (const s of stringsOf(value)) {
    expect(s, 'a phone number').not.toMatch(/1[3-9]\d{9}/);
    expect(s, 'an ID number').not.toMatch(/\d{17}[\dX]/);
    expect(s, 'a record id').not.toMatch(/^[a-z]{3}_[0-9A-HJKMNP-TV-Z]{26}$/);
  }
}

async function countyApi(tenantId: string): Promise<ApiClient> {
  return apiAs(config, logins.byTenant[tenantId]!.program_office!);
}

beforeAll(async () => {
  applyHandlerEnv(config);
  access = await import('@beatlink/functions/services/province/rollup-access');
  job = (await import('@beatlink/functions/jobs/province-rollup')).handler as typeof job;
  repo = await import('@beatlink/functions/data/repository');
  entities = await import('@beatlink/functions/data/entities/rollups');
  viewer = await apiAs(config, logins.provinceViewer);
  week = await viewer.call<ProvinceRollup>('GET', '/province/rollups?periodType=week');
});

describe('the rollup of the latest week', () => {
  it('holds both demo counties, ranked by their index', () => {
    expect(week.provinceId).toBe(PROVINCE);
    expect(week.counties.map((c) => c.countyId).sort()).toEqual(COUNTIES);
    expect(week.counties.map(({ rank, ...c }) => ({ ...c, rank }))).toEqual(rankCounties(week.counties.map(({ rank: _r, ...c }) => c)));
  });

  it('has a province row that is the sum of its counties', () => {
    expect(week.total).toEqual(sumFigures(week.counties.map((c) => c.figures)));
    expect(week.total.matters.total).toBeGreaterThan(0);
  });

  it("matches each county's own figures: duty board, disputes, villages", async () => {
    // Other suites change the seeded counties (villages, duty) after the seed's rollups: a week
    // the seed did not roll up is produced now and compared with what the counties say now.
    const { produceRollup } = await import('@beatlink/functions/services/province/produce-rollups');
    const earlier = addIsoWeeks(week.period, -8);
    const { rollup, created } = await produceRollup(PROVINCE, 'week', earlier, new Date().toISOString());
    expect(created).toBe(true);
    expect(rollup.total).toEqual(sumFigures(rollup.counties.map((c) => c.figures)));
    for (const county of rollup.counties) {
      const own = await countyApi(county.countyId);
      const board = await own.call<ComplianceBoard>('GET', `/duty/compliance?week=${earlier}`);
      expect(county.figures.duty, county.countyId).toMatchObject({ met: board.counts.met, excused: board.counts.excused, short: board.counts.short, violation: board.counts.violation });
      const disputes = await own.call<DisputeFigures>('GET', `/figures/disputes?from=${isoWeekDate(earlier, 1)}&to=${isoWeekDate(earlier, 7)}`);
      expect(county.figures.disputes, county.countyId).toEqual({ total: disputes.total, resolvedAtVillage: disputes.resolvedAtVillage, escalated: disputes.escalated, turnedIntoCase: disputes.turnedIntoCase });
      let villages = 0;
      for (let cursor: string | undefined, first = true; first || cursor; first = false) {
        const page = await own.call<Page<Village>>('GET', `/directory/villages?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        villages += page.items.length;
        cursor = page.nextCursor;
      }
      expect(county.figures.villages, county.countyId).toBe(villages);
    }
  });

  it('carries no personal field, in the answer or in the stored items', async () => {
    expectNoPersonalData(week, AGGREGATE_KEYS);
    const stored = await repo.queryAll<Record<string, unknown>>(entities.RollupEntity, { partition: entities.rollupPartition(PROVINCE, 'week') });
    expect(stored.length).toBeGreaterThan(COUNTIES.length);
    expectNoPersonalData(stored, new Set([...AGGREGATE_KEYS, ...STORAGE_KEYS]));
  });
});

describe('the province viewer', () => {
  it('sees the months, the trend and the export', async () => {
    const month = await viewer.call<ProvinceRollup>('GET', '/province/rollups?periodType=month');
    expect(month.counties).toHaveLength(2);
    const trend = await viewer.call<RollupTrend>('GET', '/province/rollups/trend?periodType=week&count=8');
    expect(trend.periods.length).toBeGreaterThanOrEqual(2);
    expect(trend.counties.map((c) => c.countyId).sort()).toEqual(COUNTIES);
    expect(trend.periods.at(-1)).toBe(week.period);
    const response = await fetch(new URL(`/province/rollups/export?periodType=week&period=${week.period}`, config.gatewayUrl), { headers: { authorization: `Bearer ${await idToken(config, logins.provinceViewer)}` } });
    expect(response.status).toBe(200);
    const cells = await workbookCells(Buffer.from(await response.arrayBuffer()));
    const text = JSON.stringify(cells);
    for (const county of week.counties) expect(text).toContain(county.countyName);
    expect(text).toContain('全省合计');
  });

  it('gets a clear 400 for a malformed period and 404 for one not rolled up', async () => {
    const bad = await viewer.request('GET', '/province/rollups?periodType=week&period=2026-13');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('period');
    const missing = await viewer.request('GET', '/province/rollups?periodType=month&period=2019-01');
    expect(missing.status).toBe(404);
  });

  it("of another province sees none of this one's counties", async () => {
    const stranger = { username: 'province.650000', name: '省厅分析员', roles: ['province_viewer' as const], provinceId: '650000', scope: 'province' as const };
    await expect(access.getProvinceRollup(stranger, { periodType: 'week' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(access.getProvinceRollup(stranger, { periodType: 'week', period: week.period })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const trend = await access.getProvinceTrend(stranger, { periodType: 'week', count: 8 });
    expect(trend.counties).toEqual([]);
  });
});

describe('the province-rollup job', () => {
  it('writes nothing for periods already rolled up', async () => {
    // Other tests onboard counties of other provinces into this stack: only 370000 is checked.
    const rows = async () => [
      ...(await repo.queryAll<Record<string, unknown>>(entities.RollupEntity, { partition: entities.rollupPartition(PROVINCE, 'week') })),
      ...(await repo.queryAll<Record<string, unknown>>(entities.RollupEntity, { partition: entities.rollupPartition(PROVINCE, 'month') })),
    ];
    const before = await rows();
    const at = new Date(Date.parse(`${isoWeekDate(week.period, 7)}T23:00:00Z`) + 6 * 3_600_000).toISOString();
    await job({ job: 'province-rollup', at });
    expect(await rows()).toEqual(before);
  });
});
