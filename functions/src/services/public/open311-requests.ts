import {
  OPEN311_CREATE_FIELDS,
  OPEN311_SERVICE_NOTICE,
  OPEN_STATUSES,
  TERMINAL_STATUSES,
  matterIdOfToken,
  open311RequestOf,
  open311TokenOf,
  open311Window,
  publicCreateOfOpen311,
  type Open311CreateRequestInput,
  type Open311Created,
  type Open311ListRequestsQuery,
  type Open311Request,
  type Open311Token,
} from '@beatlink/shared';
import type { Condition } from '../../data/conditions';
import type { StoredMatter } from '../../data/matters';
import { invalidField, notFound } from '../../lib/app-error';
import type { Integrator } from '../../lib/integrator';
import { integratorContext } from '../../lib/integrator-context';
import { countyVillages } from '../matters/county-villages';
import { createMatterFromIntegrator } from '../matters/integrator-intake';
import { loadMatterRules } from '../matters/matter-rules';
import { mattersByIds, mattersTakenIn } from '../matters/public-listing';
import { publicMatterView } from '../matters/public-view';

/**
 * Open311 service requests of the key's county: submit one (it becomes a matter in triage), list
 * them by ids or by a window of intake time (at most 90 days, paged), read one, resolve a token.
 * What is listed is the public view: no description, no coordinates, no reporter.
 */

const requestNotFound = (path: string) => notFound(path, `${path} was not found / 没有该服务请求`);

/** The matters as Open311 requests, with their villages' division codes. */
async function asRequests(integrator: Integrator, matters: StoredMatter[]): Promise<Open311Request[]> {
  if (matters.length === 0) return [];
  const [{ config }, villages] = await Promise.all([loadMatterRules(integrator.tenantId), countyVillages(integratorContext(integrator))]);
  const codes = new Map(villages.map((v) => [v.id, v.divisionCode]));
  return matters.map((m) => open311RequestOf(publicMatterView(m, config), codes.get(m.villageId)));
}

export async function createOpen311Request(integrator: Integrator, form: Open311CreateRequestInput): Promise<Open311Created[]> {
  const created = await createMatterFromIntegrator(integrator, publicCreateOfOpen311(form), { fields: OPEN311_CREATE_FIELDS });
  return [{ service_request_id: created.id, token: open311TokenOf(created.id), service_notice: OPEN311_SERVICE_NOTICE }];
}

function filterOf(query: Pick<Open311ListRequestsQuery, 'status' | 'service_code'>): Condition | undefined {
  const conditions: Condition[] = [];
  const statuses = query.status ?? [];
  if (statuses.length === 1) conditions.push({ attr: 'status', in: [...(statuses[0] === 'open' ? OPEN_STATUSES : TERMINAL_STATUSES)] });
  if (query.service_code?.length) conditions.push({ attr: 'categoryId', in: query.service_code });
  if (conditions.length === 0) return undefined;
  return conditions.length === 1 ? conditions[0] : { and: conditions };
}

/**
 * `GET requests`: by ids (up to 100; the spec says the other filters are then ignored), else the
 * requests taken in within the window, newest first, filtered by status and service code, page
 * `page` of `page_size`.
 */
export async function listOpen311Requests(integrator: Integrator, query: Open311ListRequestsQuery, nowMs: number): Promise<Open311Request[]> {
  if (query.service_request_id) return asRequests(integrator, await mattersByIds(integrator.tenantId, query.service_request_id));
  const window = open311Window(query, nowMs);
  if ('path' in window) throw invalidField(window.path, window.message);
  const upTo = query.page * query.page_size;
  const matters = await mattersTakenIn(integrator.tenantId, window.from, window.to, upTo, filterOf(query));
  return asRequests(integrator, matters.slice(upTo - query.page_size));
}

export async function getOpen311Request(integrator: Integrator, matterId: string): Promise<Open311Request[]> {
  const [matter] = await mattersByIds(integrator.tenantId, [matterId]);
  if (!matter) throw requestNotFound('service_request_id');
  return asRequests(integrator, [matter]);
}

/** A token is derived from the request id; it resolves only to a request of the key's county. */
export async function resolveOpen311Token(integrator: Integrator, token: string): Promise<Open311Token[]> {
  const matterId = matterIdOfToken(token);
  const [matter] = matterId ? await mattersByIds(integrator.tenantId, [matterId]) : [];
  if (!matter) throw requestNotFound('token');
  return [{ service_request_id: matter.id, token }];
}
