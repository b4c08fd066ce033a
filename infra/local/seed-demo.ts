import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { routes } from '@beatlink/functions/routes';
import { OFFICER_ROLES, type OfficerRole, type Role } from '@beatlink/shared';
import type { LocalStackConfig } from './stack-config';
import { ApiClient, ApiError } from './api-client';
import { createLimiter } from './limiter';
import { ensureDirectUser, setPermanentPassword, signIn, type CognitoTarget } from './cognito-local';
import {
  DEMO_COUNTIES,
  DEMO_PASSWORD,
  DEMO_PROVINCE,
  PLATFORM_ADMIN_USERNAME,
  PROVINCE_VIEWER_USERNAME,
  planCounty,
  type CountyPlan,
  type Placement,
  type SeedSize,
} from './seed-plan';

/**
 * Seeds the demo province through the real API, as users would build it: the bootstrap platform
 * admin onboards each county (POST /platform/tenants), the county's admin (活动办) then creates
 * its directory. One code path for `npm start` (`full`) and the tests (`small`).
 *
 * Idempotent: a county that exists and whose seed completed is skipped. Every POST carries an
 * Idempotency-Key derived from the plan, so a seed interrupted half-way resumes (the API replays
 * what was already created) when the next start runs it again.
 */
export interface Login {
  username: string;
  password: string;
  tenantId?: string;
}

export const RECORD_TYPES = ['departments', 'stations', 'offices', 'workstations', 'villages', 'officers', 'agencies', 'agencyStaff', 'matters', 'attachments', 'visits', 'absences', 'households', 'callbacks', 'intelRecords', 'reports', 'sensitivePeriods', 'notifications', 'appeals', 'spotChecks', 'apiKeys', 'webhooks', 'webhookDeliveries'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export interface SeededCounty {
  tenantId: string;
  name: string;
  /** `created`: seeded now; `resumed`: an interrupted seed finished now; `skipped`: seeded before. */
  outcome: 'created' | 'resumed' | 'skipped';
  tenantAdmin: Login;
  /** One sign-in per role of the county (officer roles and agency staff). */
  logins: Partial<Record<Role, Login>>;
  /** Ids the API returned, per record type (empty when skipped). */
  ids: Record<RecordType, string[]>;
  officerIdsByRole: Partial<Record<OfficerRole, string[]>>;
  /** The county's demo integrator key (12345 hotline), when this run created it: shown once. */
  demoApiKey?: { name: string; key: string; scopes: string[] };
}

export interface SeedResult {
  platformAdmin: Login;
  provinceViewer: Login;
  counties: Record<string, SeededCounty>;
  durationMs: number;
}

export interface SeedOptions {
  config: LocalStackConfig;
  size: SeedSize;
  counties?: readonly string[];
  password?: string;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  /** Where completed seeds are recorded (kept with the data); omit for throw-away stacks. */
  stateFile?: string;
  log?: (line: string) => void;
}

interface SeedState {
  counties: Record<string, { size: SeedSize; startedAt: string; completedAt?: string }>;
}

function readState(file: string | undefined): SeedState {
  if (!file || !existsSync(file)) return { counties: {} };
  return JSON.parse(readFileSync(file, 'utf8')) as SeedState;
}

function writeState(file: string | undefined, state: SeedState): void {
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
}

/** The path of a route of THE route table, with its parameters filled in. */
export function routePath(operationId: string, params: Record<string, string> = {}): string {
  const route = routes.find((r) => r.operationId === operationId);
  if (!route) throw new Error(`No route ${operationId} in functions/src/routes.ts`);
  return route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Route ${operationId} needs ${name}`);
    return encodeURIComponent(value);
  });
}

function createdId(body: unknown, what: string): string {
  const id = (body as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'string') throw new Error(`Creating ${what} returned no id: ${JSON.stringify(body).slice(0, 300)}`);
  return id;
}

function emptyIds(): Record<RecordType, string[]> {
  return Object.fromEntries(RECORD_TYPES.map((t) => [t, []])) as unknown as Record<RecordType, string[]>;
}

/** Logins of a county follow from its plan: usernames are deterministic, the password is fixed. */
function countyLogins(plan: CountyPlan, password: string): Pick<SeededCounty, 'tenantAdmin' | 'logins'> {
  const logins: Partial<Record<Role, Login>> = {};
  for (const [role, username] of Object.entries(plan.demoUsernames) as Array<[Role, string | undefined]>) {
    if (username) logins[role] = { username, password, tenantId: plan.tenantId };
  }
  return { tenantAdmin: { username: plan.admin.username, password, tenantId: plan.tenantId }, logins };
}

export async function seedDemo(options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const password = options.password ?? DEMO_PASSWORD;
  const counties = options.counties ?? DEMO_COUNTIES;
  const target: CognitoTarget = options.config;
  const limit = createLimiter(options.concurrency ?? 8);
  const state = readState(options.stateFile);

  const platformAdmin: Login = { username: PLATFORM_ADMIN_USERNAME, password };
  const provinceViewer: Login = { username: PROVINCE_VIEWER_USERNAME, password };
  await ensureDirectUser(target, { ...platformAdmin, role: 'platform_admin', attributes: { name: '平台管理员' } });
  await ensureDirectUser(target, {
    ...provinceViewer,
    role: 'province_viewer',
    attributes: { name: '省厅分析员', 'custom:provinceId': DEMO_PROVINCE },
  });
  const retries: Record<string, number> = {};
  const platform = new ApiClient({
    baseUrl: options.config.gatewayUrl,
    token: (await signIn(target, platformAdmin.username, password)).idToken,
    onRetry: (_method, _path, status) => (retries[status || 'network'] = (retries[status || 'network'] ?? 0) + 1),
  });

  const plans = counties.map((tenantId) => planCounty(tenantId, options.size));
  const demoUsers: string[] = [];
  const results = await Promise.all(
    plans.map(async (plan): Promise<SeededCounty> => {
      const base = { tenantId: plan.tenantId, name: plan.name, ...countyLogins(plan, password) };
      const existing = await platform.request('GET', routePath('getTenant', { tenantId: plan.tenantId }));
      if (existing.status !== 200 && existing.status !== 404) {
        throw new ApiError('GET', routePath('getTenant', { tenantId: plan.tenantId }), existing.status, existing.body);
      }
      const record = state.counties[plan.tenantId];
      if (existing.status === 200 && (record?.completedAt || !record)) {
        if (!record) log(`seed: ${plan.tenantId} exists but was not seeded by this stack; left as it is`);
        return { ...base, outcome: 'skipped', ids: emptyIds(), officerIdsByRole: {} };
      }
      const resuming = existing.status === 200;
      state.counties[plan.tenantId] = { size: options.size, startedAt: record?.startedAt ?? new Date().toISOString() };
      writeState(options.stateFile, state);
      const countyStarted = Date.now();
      log(`seed: ${resuming ? 'resuming' : 'seeding'} ${plan.tenantId} ${plan.name} (${options.size})…`);
      const seeded = await seedCounty(plan, resuming, { size: options.size, platform, target, password, limit, log });
      demoUsers.push(plan.admin.username, ...Object.values(plan.demoUsernames).filter((u): u is string => Boolean(u)));
      log(
        `seed: ${plan.tenantId} done in ${((Date.now() - countyStarted) / 1000).toFixed(1)} s — ` +
          RECORD_TYPES.map((t) => `${seeded.ids[t].length} ${t}`).join(', '),
      );
      return { ...base, ...seeded, outcome: resuming ? 'resumed' : 'created' };
    }),
  );

  // The province's rollups read every county: after all of them.
  if (results.some((c) => c.outcome !== 'skipped')) {
    const { seedProvinceRollups } = await import('./seed-province');
    await seedProvinceRollups(DEMO_PROVINCE, { log });
  }

  if (Object.keys(retries).length > 0) {
    log(`seed: retried ${Object.entries(retries).map(([status, n]) => `${n}× ${status}`).join(', ')}`);
  }
  // Accounts made through the API start with a temporary password; the demo ones get the fixed
  // password, one at a time (cognito-local rewrites its whole pool file on every change).
  for (const username of demoUsers) await setPermanentPassword(target, username, password);
  for (const county of results) {
    if (county.outcome === 'skipped') continue;
    const record = state.counties[county.tenantId];
    if (record) record.completedAt = new Date().toISOString();
  }
  writeState(options.stateFile, state);
  return {
    platformAdmin,
    provinceViewer,
    counties: Object.fromEntries(results.map((c) => [c.tenantId, c])),
    durationMs: Date.now() - started,
  };
}

interface CountyContext {
  size: SeedSize;
  platform: ApiClient;
  target: CognitoTarget;
  password: string;
  limit: <T>(task: () => Promise<T>) => Promise<T>;
  log: (line: string) => void;
}

async function seedCounty(plan: CountyPlan, resuming: boolean, ctx: CountyContext): Promise<Pick<SeededCounty, 'ids' | 'officerIdsByRole' | 'demoApiKey'>> {
  const key = (planKey: string) => `seed-${plan.tenantId}-${planKey}`;
  if (!resuming) {
    await ctx.platform.post(
      routePath('createTenant'),
      { tenantId: plan.tenantId, name: plan.name, timeZone: plan.timeZone, admin: plan.admin },
      key('tenant'),
    );
  }
  // The create-tenant response carries a temporary password; the demo admin gets a fixed one.
  await setPermanentPassword(ctx.target, plan.admin.username, ctx.password);
  const admin = ctx.platform.withToken((await signIn(ctx.target, plan.admin.username, ctx.password)).idToken);

  const idOf = new Map<string, string>();
  const ids = emptyIds();
  const id = (planKey: string | undefined): string | undefined => {
    if (planKey === undefined) return undefined;
    const value = idOf.get(planKey);
    if (!value) throw new Error(`Seed plan ${plan.tenantId}: ${planKey} was not created`);
    return value;
  };
  /**
   * Creates records of one type. Items in the same lane touch the same parent's counters or slots
   * (offices of a station, workstations of an office, …): they go one after another, so the seed
   * does not make its own transaction conflicts; lanes run side by side within the limit.
   */
  const create = async (type: RecordType, items: Array<{ key: string; lane: string; path: string; body: unknown }>) => {
    const phaseStarted = Date.now();
    const lanes = new Map<string, typeof items>();
    for (const item of items) lanes.set(item.lane, [...(lanes.get(item.lane) ?? []), item]);
    await Promise.all(
      [...lanes.values()].map(async (lane) => {
        for (const item of lane) {
          const body = await ctx.limit(() => admin.post(item.path, item.body, key(item.key)));
          idOf.set(item.key, createdId(body, `${item.key} of ${plan.tenantId}`));
        }
      }),
    );
    ids[type].push(...items.map((item) => id(item.key) as string));
    ctx.log(`seed: ${plan.tenantId} ${items.length} ${type} in ${((Date.now() - phaseStarted) / 1000).toFixed(1)} s`);
  };

  await Promise.all([
    create('departments', plan.departments.map((d) => ({ key: d.key, lane: d.key, path: routePath('createDepartment'), body: d.input }))),
    create('stations', plan.stations.map((s) => ({ key: s.key, lane: s.key, path: routePath('createStation'), body: s.input }))),
    create('agencies', plan.agencies.map((a) => ({ key: a.key, lane: a.key, path: routePath('createAgency'), body: a.input }))),
  ]);
  await create(
    'offices',
    plan.offices.map((o) => ({ key: o.key, lane: o.stationKey, path: routePath('createOffice'), body: { ...o.input, stationId: id(o.stationKey) } })),
  );
  await create(
    'workstations',
    plan.workstations.map((w) => ({ key: w.key, lane: w.officeKey, path: routePath('createWorkstation'), body: { ...w.input, officeId: id(w.officeKey) } })),
  );
  const placementIds = (p: Placement) => ({
    ...(p.stationKey ? { stationId: id(p.stationKey) } : {}),
    ...(p.departmentKey ? { departmentId: id(p.departmentKey) } : {}),
    ...(p.officeKey ? { officeId: id(p.officeKey) } : {}),
    ...(p.workstationKey ? { workstationId: id(p.workstationKey) } : {}),
  });
  await Promise.all([
    create(
      'villages',
      plan.villages.map((v) => ({
        key: v.key,
        lane: v.officeKey,
        path: routePath('createVillage'),
        body: { ...v.input, officeId: id(v.officeKey), workstationId: id(v.workstationKey) },
      })),
    ),
    create(
      'agencyStaff',
      plan.agencyStaff.map((s) => ({
        key: s.key,
        lane: s.agencyKey,
        path: routePath('createAgencyStaff', { id: id(s.agencyKey) as string }),
        body: s.input,
      })),
    ),
  ]);
  // After the villages: an officer and a village of one office would touch the same office item.
  await create(
    'officers',
    plan.officers.map((o) => ({
      key: o.key,
      lane: o.placement.stationKey ?? o.placement.departmentKey ?? 'hq',
      path: routePath('createOfficer'),
      body: { ...o.input, ...placementIds(o.placement) },
    })),
  );

  // Matters are played through the services with past clocks (a few weeks of history).
  // Imported here, not at the top: the services' clients read the handler environment when
  // loaded, and the stack applies it only once its parts are up.
  const { seedMatters } = await import('./seed-matters');
  const seeded = await seedMatters(plan, ctx.size, (k) => id(k) as string, { limit: ctx.limit, log: ctx.log });
  ids.matters.push(...seeded.matters);
  ids.attachments.push(...seeded.attachments);
  // Absences first: officers stay away on their dates, and some make up afterwards.
  const { seedAbsences } = await import('./seed-absences');
  const absences = await seedAbsences(plan, ctx.size, (k) => id(k) as string, { limit: ctx.limit, log: ctx.log });
  ids.absences.push(...absences.ids);
  const { seedVisits } = await import('./seed-visits');
  ids.visits.push(...(await seedVisits(plan, ctx.size, (k) => id(k) as string, { limit: ctx.limit, log: ctx.log, absences: absences.absences })));
  const { seedCompliance } = await import('./seed-compliance');
  await seedCompliance(plan, { log: ctx.log });
  const { seedRegistry } = await import('./seed-registry');
  const registry = await seedRegistry(plan, ctx.size, (k) => id(k) as string, { limit: ctx.limit, log: ctx.log });
  ids.households.push(...registry.households);
  ids.callbacks.push(...registry.callbacks);
  const { seedIntel } = await import('./seed-intel');
  ids.intelRecords.push(...(await seedIntel(plan, ctx.size, (k) => id(k) as string, { limit: ctx.limit, log: ctx.log })));
  // The months before the seeded weeks, laid down for the assessment (考核) to have a history.
  // The demo reaches back a quarter; the test stack one month (all its suites need).
  const reach = ctx.size === 'full' ? 'quarter' : 'month';
  const { seedHistory } = await import('./seed-history');
  await seedHistory(plan, (k) => id(k) as string, { log: ctx.log, reach });
  // Last: the reports read everything above, and the reminders the week's duty.
  const { seedAnalysis } = await import('./seed-analysis');
  const analysis = await seedAnalysis(plan, { log: ctx.log });
  ids.reports.push(...analysis.reports);
  ids.sensitivePeriods.push(...analysis.sensitivePeriods);
  ids.notifications.push(...analysis.notifications);
  // After the reports: the monthly jobs of 网上考核 over the history, appeals, spot checks.
  const { seedAssessment } = await import('./seed-assessment');
  const assessment = await seedAssessment(plan, (k) => id(k) as string, { log: ctx.log, reach });
  ids.appeals.push(...assessment.appeals);
  ids.spotChecks.push(...assessment.spotChecks);
  // Last: the hotline's Open311 requests arrive now, and the webhook reports them.
  const { seedIntegrations } = await import('./seed-integrations');
  const integrations = await seedIntegrations(plan, admin, (k) => id(k) as string, { log: ctx.log });
  ids.apiKeys.push(...integrations.apiKeys);
  ids.webhooks.push(...integrations.webhooks);
  ids.webhookDeliveries.push(...integrations.webhookDeliveries);

  const officerIdsByRole: Partial<Record<OfficerRole, string[]>> = {};
  for (const role of OFFICER_ROLES) {
    officerIdsByRole[role] = plan.officers.filter((o) => o.input.role === role).map((o) => id(o.key) as string);
  }
  return { ids, officerIdsByRole, ...(integrations.demoKey ? { demoApiKey: integrations.demoKey } : {}) };
}
