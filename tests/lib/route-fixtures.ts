import { DEFAULT_TENANT_CONFIG, ID_PREFIXES, bestScope, previousMonth, type IdKind, type Role } from '@beatlink/shared';
import type { RouteDef } from '@beatlink/functions/routes';
import type { RecordType } from '@beatlink/infra/local/seed-demo';
import type { Login } from '@beatlink/infra/local/seed-demo';
import type { SeededIds, TestLogins } from '../support/stack';

/**
 * Turns a route of the route table into a concrete request for a given county: path parameters
 * filled with seeded ids of the right kind, ids inside bodies swapped for that county's ids. Used
 * by the generated tests so that a new route is covered without new test code.
 */
const RECORD_TYPE_OF: Partial<Record<IdKind, RecordType>> = {
  station: 'stations',
  office: 'offices',
  workstation: 'workstations',
  village: 'villages',
  department: 'departments',
  officer: 'officers',
  agency: 'agencies',
  agencyStaff: 'agencyStaff',
  matter: 'matters',
  attachment: 'attachments',
  visit: 'visits',
  absence: 'absences',
  household: 'households',
  intel: 'intelRecords',
  sensitivePeriod: 'sensitivePeriods',
  appeal: 'appeals',
  apiKey: 'apiKeys',
  webhook: 'webhooks',
  webhookDelivery: 'webhookDeliveries',
};

/** Seeded records whose ids are not `<prefix>_<ULID>` (stable report ids, digest notification ids). */
const OTHER_RECORD_TYPES: RecordType[] = ['reports', 'notifications', 'spotChecks'];
/**
 * Path parameters that name a part of a record rather than a record (a report's action item), or
 * no record at all: the assessment period the seed scored (the month before the seed ran, in the
 * demo counties' zone) and the rules version 0 (the shipped defaults).
 */
const PART_PARAMS = ['act_1', previousMonth(new Date().toISOString(), DEFAULT_TENANT_CONFIG.timeZone), '0'];
/** Path parameters that are not record ids: the same value in every county. */
const SHARED_PARAMS = new Set(['tenantId', 'period', 'version', 'actionId']);

/** The route names a record of a county in its path (so another county's id must give 404). */
export const hasRecordParam = (route: RouteDef) => pathParamNames(route).some((name) => !SHARED_PARAMS.has(name));

const KIND_OF_PREFIX = new Map<string, IdKind>(Object.entries(ID_PREFIXES).map(([kind, prefix]) => [prefix, kind as IdKind]));

export function idOf(seeded: SeededIds, tenantId: string, kind: IdKind): string {
  const type = RECORD_TYPE_OF[kind];
  const id = type ? seeded.ids[tenantId]?.[type]?.[0] : undefined;
  if (!id) throw new Error(`the seed has no ${kind} in ${tenantId}`);
  return id;
}

/** The id kind a path parameter takes, found by trying a seeded id of each kind against the schema. */
function paramValue(route: RouteDef, name: string, seeded: SeededIds, tenantId: string): string {
  if (name === 'tenantId') return tenantId;
  // Directory kinds the demo seed creates; later kinds join RECORD_TYPE_OF when the seed has them.
  for (const kind of Object.keys(RECORD_TYPE_OF) as IdKind[]) {
    const candidate = seeded.ids[tenantId]?.[RECORD_TYPE_OF[kind]!]?.[0];
    if (candidate && route.params?.shape[name]?.safeParse(candidate).success) return candidate;
  }
  for (const candidate of [...OTHER_RECORD_TYPES.map((type) => seeded.ids[tenantId]?.[type]?.[0]), ...PART_PARAMS]) {
    if (candidate && route.params?.shape[name]?.safeParse(candidate).success) return candidate;
  }
  throw new Error(`${route.operationId}: no seeded id fits path parameter ${name}`);
}

export function pathParamNames(route: RouteDef): string[] {
  return [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

export function concretePath(route: RouteDef, seeded: SeededIds, tenantId: string): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => paramValue(route, name, seeded, tenantId));
}

/** Replaces every record id inside a body with an id of the same kind from `tenantId`. */
export function withIdsOf<T>(value: T, seeded: SeededIds, tenantId: string): { body: T; replaced: number } {
  let replaced = 0;
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') {
      const kind = KIND_OF_PREFIX.get(node.split('_')[0] ?? '');
      if (kind && /^[a-z]+_[0-9A-Z]{26}$/.test(node)) {
        replaced++;
        return idOf(seeded, tenantId, kind);
      }
      return node;
    }
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return { body: walk(value) as T, replaced };
}

export interface Caller {
  label: string;
  role: Role;
  login: Login;
}

/** Every account a test can act as: each role of `tenantId`, the platform admin and the province viewer. */
export function callersOf(logins: TestLogins, tenantId: string): Caller[] {
  const callers: Caller[] = [
    { label: 'platform_admin', role: 'platform_admin', login: logins.platformAdmin },
    { label: 'province_viewer', role: 'province_viewer', login: logins.provinceViewer },
  ];
  for (const [role, login] of Object.entries(logins.byTenant[tenantId] ?? {}) as Array<[Role, Login | undefined]>) {
    if (login && role !== 'platform_admin' && role !== 'province_viewer') callers.push({ label: `${role}@${tenantId}`, role, login });
  }
  return callers;
}

/** The first caller whose role the matrix allows for the route, preferring the county's program office. */
export function allowedCaller(route: RouteDef, callers: Caller[]): Caller {
  const ordered = [...callers].sort((a, b) => Number(b.role === 'program_office') - Number(a.role === 'program_office'));
  const caller = ordered.find((c) => bestScope([c.role], route.action) !== undefined);
  if (!caller) throw new Error(`${route.operationId}: no seeded account may call it`);
  return caller;
}
