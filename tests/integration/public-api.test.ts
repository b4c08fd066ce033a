import { createHash, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  API_KEY_PATTERN,
  DEFAULT_RATE_LIMIT,
  apiKeyPrefix,
  parseApiKey,
  type Agency,
  type ApiKeyCreated,
  type ApiKeyView,
  type ErrorBody,
  type Matter,
  type MatterDetail,
  type Page,
  type PublicMatterCreated,
  type PublicMatterView,
  type PublicStats,
  type PublicTimelineEvent,
  type Role,
  type Village,
} from '@beatlink/shared';
import { publicRoutes } from '@beatlink/functions/routes';
import { apiAs, type ApiClient } from '../support/api';
import { matterWorld, type MatterWorld } from '../lib/matter-fixtures';
import { createApiKey, placedVillage, raw, type QueryValue, type RawRequest, type RawResponse } from '../lib/integrator';
import '../support/provided';

/**
 * The public API for integrators (issue #7) beyond Open311's own conformance: API keys managed by
 * the county (secret shown once, revoked at once, scopes, per-key rate limit), the county bound
 * to the key, REST v1 (matters, timeline, agency updates, stats, the OpenAPI document) and
 * Idempotency-Key under 20 concurrent identical POSTs.
 */
const gatewayUrl = inject('gatewayUrl');
const config = inject('stackConfig');
const logins = inject('logins');
const seeded = inject('seededIds');
const A = '370283';
const B = '370211';
const RUN = randomUUID().slice(0, 8);
const unique = () => randomUUID().slice(0, 8);
const NO_LIMIT = { limit: 100_000, per: 'minute' } as const;
const MANAGERS: Role[] = ['bureau_leader', 'program_office'];

let world: MatterWorld;
let office: ApiClient;
let officeB: ApiClient;
let villageB: Village;
let writer: ApiKeyCreated;
let writerB: ApiKeyCreated;
let agencyKey: ApiKeyCreated;
let otherAgencyKey: ApiKeyCreated;
let statsKey: ApiKeyCreated;

const send = (method: string, path: string, request?: RawRequest) => raw(gatewayUrl, method, path, request);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A day in the county's calendar (Asia/Shanghai), `offset` days from today. */
const countyDay = (offset = 0) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

function matterBody(overrides: Record<string, unknown> = {}) {
  const marker = `${RUN}-${unique()}`;
  return {
    categoryId: 'sanitation',
    kind: 'demand',
    description: `村东头垃圾池已满一周无人清运 ${marker}`,
    divisionCode: world.village.divisionCode,
    reporter: { name: `王${marker.slice(-6)}`, phone: `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` },
    externalId: `12345-${marker}`,
    ...overrides,
  };
}

function errorOf(response: RawResponse): ErrorBody['error'] {
  const body = response.json as Partial<ErrorBody> | undefined;
  expect(body?.error, response.text).toBeDefined();
  return body!.error!;
}

async function createMatter(apiKey: string, body = matterBody()): Promise<PublicMatterCreated & { sent: ReturnType<typeof matterBody> }> {
  const response = await send('POST', '/v1/matters', { apiKey, json: body });
  expect(response.status, response.text).toBe(201);
  return { ...(response.json as PublicMatterCreated), sent: body };
}

function expectNoPersonalData(text: string, sent: { description: string; reporter: { name: string; phone: string } }) {
  expect(text).not.toContain(sent.description);
  expect(text).not.toContain(sent.reporter.name);
  expect(text).not.toContain(sent.reporter.phone);
  expect(text).not.toMatch(/"(reporter|description|phone|phoneMasked)"/);
}

async function assignToAgency(id: string, agencyId: string): Promise<MatterDetail> {
  let m = await office.get<MatterDetail>(`/matters/${id}`);
  m = await office.post<MatterDetail>(`/matters/${id}/triage`, { version: m.version, severity: 'medium', policeBusiness: false });
  return office.post<MatterDetail>(`/matters/${id}/assign`, { version: m.version, assignee: { type: 'agency', id: agencyId } });
}

/** Matters of county `client` taken in since yesterday in `villageId`/`categoryId` whose description has `marker`. */
async function mattersWith(client: ApiClient, marker: string, filter: Record<string, string | undefined>): Promise<Matter[]> {
  const found: Matter[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const list = await client.get<Page<Matter>>('/matters', { inbox: 'all', from: countyDay(-1), limit: 200, cursor, ...filter });
    found.push(...list.items.filter((m) => m.description.includes(marker)));
    cursor = list.nextCursor;
    if (!cursor) break;
  }
  return found;
}

const itemsOf = <T>(body: unknown): T[] => (Array.isArray(body) ? (body as T[]) : ((body as { items: T[] }).items ?? []));

beforeAll(async () => {
  world = await matterWorld(config, logins, A);
  office = world.office;
  world = { ...world, village: await placedVillage(office, seeded.ids[A]!.villages!) };
  officeB = await apiAs(config, logins.byTenant[B]!.program_office!);
  villageB = (await officeB.get<Page<Village>>('/directory/villages', { limit: 20 })).items.find((v) => v.status === 'active' && v.divisionCode)!;
  const agencies = await office.get<Page<Agency>>('/directory/agencies', { limit: 100 });
  const other = agencies.items.find((a) => a.id !== world.agencyId && a.status === 'active')!;

  writer = await createApiKey(office, { name: `12345 热线 ${RUN}`, scopes: ['matters:write', 'matters:read'], rateLimit: NO_LIMIT });
  writerB = await createApiKey(officeB, { name: `12345 热线 ${B} ${RUN}`, scopes: ['matters:write', 'matters:read'], rateLimit: NO_LIMIT });
  agencyKey = await createApiKey(office, { name: `成员单位办案系统 ${RUN}`, scopes: ['updates:write', 'matters:read'], agencyId: world.agencyId, rateLimit: NO_LIMIT });
  otherAgencyKey = await createApiKey(office, { name: `其他成员单位 ${RUN}`, scopes: ['updates:write', 'matters:read'], agencyId: other.id, rateLimit: NO_LIMIT });
  statsKey = await createApiKey(office, { name: `网格平台统计 ${RUN}`, scopes: ['stats:read'], rateLimit: NO_LIMIT });
}, 180_000);

describe('API keys (/integrations/api-keys)', () => {
  it('are created by bureau leaders and the program office; the whole key is shown in the creation answer only', async () => {
    for (const role of MANAGERS) {
      const manager = await apiAs(config, logins.byTenant[A]![role]!);
      const created = await manager.request<ApiKeyCreated>('POST', '/integrations/api-keys', { body: { name: `${role} 的测试密钥 ${RUN}`, scopes: ['matters:read'] } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const key = created.body;
      expect(key.key).toMatch(API_KEY_PATTERN);
      expect(parseApiKey(key.key)).toMatchObject({ tenantId: A, keyId: key.id });
      expect(key).toMatchObject({ prefix: apiKeyPrefix(A, key.id), scopes: ['matters:read'], status: 'active', rateLimit: DEFAULT_RATE_LIMIT, version: 1 });
      expect(key.createdAt).toEqual(expect.any(String));
      const secret = parseApiKey(key.key)!.secret;
      const hash = createHash('sha256').update(secret).digest('hex');

      const listed = await manager.request('GET', '/integrations/api-keys');
      expect(listed.status).toBe(200);
      const entry = itemsOf<ApiKeyView>(listed.body).find((k) => k.id === key.id);
      expect(entry).toMatchObject({ id: key.id, prefix: key.prefix, scopes: ['matters:read'], status: 'active' });
      expect(entry).not.toHaveProperty('key');
      const one = await manager.request<ApiKeyView>('GET', `/integrations/api-keys/${key.id}`);
      expect(one.status).toBe(200);
      expect(one.body).not.toHaveProperty('key');
      for (const text of [JSON.stringify(listed.body), JSON.stringify(one.body)]) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(key.key);
        expect(text).not.toContain(hash);
        expect(text).not.toMatch(/secretHash|"hash"/i);
      }
    }
  });

  it('are refused to every other role (403)', async () => {
    const roles = Object.keys(logins.byTenant[A]!).filter((r) => !MANAGERS.includes(r as Role)) as Role[];
    expect(roles.length).toBeGreaterThan(3);
    for (const role of roles) {
      const client = await apiAs(config, logins.byTenant[A]![role]!);
      expect((await client.request('GET', '/integrations/api-keys')).status, role).toBe(403);
      expect((await client.request('POST', '/integrations/api-keys', { body: { name: `不应创建 ${RUN}`, scopes: ['matters:read'] } })).status, role).toBe(403);
      expect((await client.request('GET', `/integrations/api-keys/${writer.id}`)).status, role).toBe(403);
    }
  });

  it('need the agency an updates:write key acts for', async () => {
    const response = await office.request<ErrorBody>('POST', '/integrations/api-keys', { body: { name: `缺单位 ${RUN}`, scopes: ['updates:write'] } });
    expect(response.status).toBe(400);
    expect(response.body.error.details?.map((d) => d.path)).toContain('agencyId');
  });

  it('show when they were last used', async () => {
    const key = await createApiKey(office, { name: `最近使用 ${RUN}`, scopes: ['matters:read'], rateLimit: NO_LIMIT });
    expect(key.lastUsedAt).toBeUndefined();
    expect((await send('GET', '/open311/v2/services.json', { apiKey: key.key })).status).toBe(200);
    let seen: string | undefined;
    for (let i = 0; i < 20 && !seen; i++) {
      seen = (await office.get<ApiKeyView>(`/integrations/api-keys/${key.id}`)).lastUsedAt;
      if (!seen) await sleep(250);
    }
    expect(seen).toEqual(expect.any(String));
  });
});

describe('a key is bound to its county', () => {
  it('cannot read county B: its matter id, its jurisdiction_id, its token → 404', async () => {
    const inB = await createMatter(writerB.key, matterBody({ divisionCode: villageB.divisionCode }));
    expect((await send('GET', `/v1/matters/${inB.id}`, { apiKey: writerB.key })).status).toBe(200);
    expect((await send('GET', `/v1/matters/${inB.id}`, { apiKey: writer.key })).status).toBe(404);
    expect((await send('GET', `/v1/matters/${inB.id}/timeline`, { apiKey: writer.key })).status).toBe(404);
    expect((await send('GET', `/open311/v2/requests/${inB.id}.json`, { apiKey: writer.key })).status).toBe(404);
    expect((await send('GET', `/open311/v2/tokens/${inB.token}.json`, { apiKey: writer.key })).status).toBe(404);
    expect((await send('GET', '/open311/v2/requests.json', { apiKey: writer.key, query: { jurisdiction_id: B } })).status).toBe(404);
    expect((await send('GET', '/open311/v2/services.json', { apiKey: writer.key, query: { jurisdiction_id: B } })).status).toBe(404);
    const listed = await send('GET', '/open311/v2/requests.json', { apiKey: writer.key, query: { service_request_id: inB.id } });
    expect(listed.status === 404 || (listed.status === 200 && (listed.json as unknown[]).length === 0), listed.text).toBe(true);
  });

  it('cannot write county B: its villages are unknown, its jurisdiction_id is 404, and writes land in A only', async () => {
    const marker = `跨县 ${RUN}-${unique()}`;
    const byCode = await send('POST', '/v1/matters', { apiKey: writer.key, json: matterBody({ divisionCode: villageB.divisionCode, description: `${marker} a` }) });
    expect([400, 404], byCode.text).toContain(byCode.status);
    const byId = await send('POST', '/v1/matters', { apiKey: writer.key, json: matterBody({ divisionCode: undefined, villageId: villageB.id, description: `${marker} b` }) });
    expect([400, 404], byId.text).toContain(byId.status);
    const open311 = await send('POST', '/open311/v2/requests.json', {
      form: { api_key: writer.key, jurisdiction_id: B, service_code: 'sanitation', lat: villageB.location?.lat, long: villageB.location?.lng, description: `${marker} c`, first_name: '某', last_name: '王', phone: '13900000000' },
    });
    expect(open311.status, open311.text).toBe(404);
    const smuggled = await send('POST', '/v1/matters', { apiKey: writer.key, json: { ...matterBody({ description: `${marker} d` }), tenantId: B } });
    expect(smuggled.status, smuggled.text).toBe(400);

    const inA = await createMatter(writer.key, matterBody({ description: `${marker} e` }));
    expect((await office.get<MatterDetail>(`/matters/${inA.id}`)).villageId).toBe(world.village.id);
    expect((await officeB.request('GET', `/matters/${inA.id}`)).status).toBe(404);
    expect(await mattersWith(officeB, marker, {})).toEqual([]);
    expect((await mattersWith(office, marker, { villageId: world.village.id })).map((m) => m.id)).toEqual([inA.id]);
  });
});

describe('revocation', () => {
  it('refuses a revoked key from the next call on (401), and lists it as revoked', async () => {
    const key = await createApiKey(office, { name: `即将吊销 ${RUN}`, scopes: ['matters:read', 'matters:write'], rateLimit: NO_LIMIT });
    const mine = await createMatter(key.key);
    expect((await send('GET', `/v1/matters/${mine.id}`, { apiKey: key.key })).status).toBe(200);
    const revoked = await office.post<ApiKeyView>(`/integrations/api-keys/${key.id}/revoke`, { version: key.version, reason: '对接系统下线' });
    expect(revoked).toMatchObject({ id: key.id, status: 'revoked', revokeReason: '对接系统下线' });
    expect(revoked.revokedAt).toEqual(expect.any(String));

    expect((await send('GET', `/v1/matters/${mine.id}`, { apiKey: key.key })).status).toBe(401);
    expect((await send('POST', '/v1/matters', { apiKey: key.key, json: matterBody() })).status).toBe(401);
    expect((await send('GET', '/open311/v2/services.json', { query: { api_key: key.key } })).status).toBe(401);

    const active = itemsOf<ApiKeyView>(await office.get('/integrations/api-keys'));
    expect(active.map((k) => k.id)).not.toContain(key.id);
    const revokedList = itemsOf<ApiKeyView>(await office.get('/integrations/api-keys', { status: 'revoked' }));
    expect(revokedList.find((k) => k.id === key.id)).toMatchObject({ status: 'revoked' });
    // A stale version is a conflict, not a second revocation.
    expect((await office.request('POST', `/integrations/api-keys/${key.id}/revoke`, { body: { version: key.version } })).status).toBe(409);
  });
});

describe('scopes', () => {
  it('refuse what the key was not given (403)', async () => {
    const reader = await createApiKey(office, { name: `只读 ${RUN}`, scopes: ['matters:read'], rateLimit: NO_LIMIT });
    const writeNo = await send('POST', '/v1/matters', { apiKey: reader.key, json: matterBody() });
    expect(writeNo.status, writeNo.text).toBe(403);
    const open311No = await send('POST', '/open311/v2/requests.json', { form: { api_key: reader.key, service_code: 'sanitation', lat: world.village.location?.lat, long: world.village.location?.lng, description: '只读密钥不能提交' } });
    expect(open311No.status, open311No.text).toBe(403);
    expect((await send('GET', '/v1/stats', { apiKey: reader.key, query: { from: countyDay(-7), to: countyDay() } })).status).toBe(403);
    const mine = await createMatter(writer.key);
    expect((await send('POST', `/v1/matters/${mine.id}/updates`, { apiKey: reader.key, json: { action: 'accept' } })).status).toBe(403);
    expect((await send('GET', `/v1/matters/${mine.id}`, { apiKey: statsKey.key })).status).toBe(403);
  });

  it('refuse a call without any key (401)', async () => {
    const none = await send('POST', '/v1/matters', { json: matterBody() });
    expect(none.status, none.text).toBe(401);
    expect((await send('GET', '/v1/stats', { query: { from: countyDay(-7), to: countyDay() } })).status).toBe(401);
  });
});

describe('rate limit per key', () => {
  it('answers 429 with Retry-After and the Open311 error array beyond the limit, and recovers after Retry-After', async () => {
    const key = await createApiKey(office, { name: `限流 ${RUN}`, scopes: ['matters:read'], rateLimit: { limit: 3, per: 'second' } });
    const burst = await Promise.all(Array.from({ length: 12 }, () => send('GET', '/open311/v2/services.json', { query: { api_key: key.key } })));
    const limited = burst.filter((r) => r.status === 429);
    const passed = burst.filter((r) => r.status === 200);
    expect(limited.length, burst.map((r) => r.status).join(',')).toBeGreaterThan(0);
    expect(passed.length + limited.length).toBe(12);
    // Fixed one-second windows: a burst may straddle two windows, never more than 3 each.
    expect(passed.length).toBeLessThanOrEqual(6);
    let wait = 0;
    for (const response of limited) {
      const retryAfter = Number(response.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter) && retryAfter >= 1, `Retry-After ${response.headers.get('retry-after')}`).toBe(true);
      wait = Math.max(wait, retryAfter);
      const errors = response.json as Array<{ code: number | string; description: string }>;
      expect(Array.isArray(errors), response.text).toBe(true);
      expect(Number(errors[0]!.code)).toBe(429);
      expect(errors[0]!.description).toEqual(expect.any(String));
    }
    await sleep(wait * 1000);
    const after = await send('GET', '/open311/v2/services.json', { query: { api_key: key.key } });
    expect(after.status, after.text).toBe(200);
  });

  it('answers REST v1 with RATE_LIMITED and Retry-After', async () => {
    const key = await createApiKey(office, { name: `限流 v1 ${RUN}`, scopes: ['stats:read'], rateLimit: { limit: 3, per: 'second' } });
    const burst = await Promise.all(Array.from({ length: 12 }, () => send('GET', '/v1/stats', { apiKey: key.key, query: { from: countyDay(-1), to: countyDay() } })));
    const limited = burst.filter((r) => r.status === 429);
    expect(limited.length, burst.map((r) => r.status).join(',')).toBeGreaterThan(0);
    for (const response of limited) {
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(errorOf(response).code).toBe('RATE_LIMITED');
    }
    await sleep(Math.max(...limited.map((r) => Number(r.headers.get('retry-after')))) * 1000);
    expect((await send('GET', '/v1/stats', { apiKey: key.key, query: { from: countyDay(-1), to: countyDay() } })).status).toBe(200);
  });
});

describe('REST v1', () => {
  it('POST /v1/matters takes a matter in (X-Api-Key or Authorization: Bearer) and answers without personal data', async () => {
    const body = matterBody();
    const viaHeader = await send('POST', '/v1/matters', { apiKey: writer.key, json: body });
    expect(viaHeader.status, viaHeader.text).toBe(201);
    const created = viaHeader.json as PublicMatterCreated;
    expect(created).toMatchObject({ status: 'triage', open311Status: 'open', categoryId: 'sanitation', villageId: world.village.id, externalId: body.externalId, kind: 'demand' });
    expect(created.token).toBe(`tok_${created.id.slice(4)}`);
    expectNoPersonalData(viaHeader.text, body);
    const matter = await office.get<MatterDetail>(`/matters/${created.id}`);
    expect(matter).toMatchObject({ status: 'triage', source: 'hotline', categoryId: 'sanitation', villageId: world.village.id });
    expect(matter.reporter?.name).toBe(body.reporter.name);

    const bearerBody = matterBody({ divisionCode: undefined, villageId: world.village.id });
    const viaBearer = await send('POST', '/v1/matters', { bearer: writer.key, json: bearerBody });
    expect(viaBearer.status, viaBearer.text).toBe(201);
    expect((viaBearer.json as PublicMatterCreated).villageId).toBe(world.village.id);
  });

  it('POST /v1/matters validates its body (400 with the field)', async () => {
    const response = await send('POST', '/v1/matters', { apiKey: writer.key, json: matterBody({ divisionCode: undefined }) });
    expect(response.status, response.text).toBe(400);
    expect(errorOf(response).details?.map((d) => d.path)).toContain('villageId');
  });

  it('GET /v1/matters/{id} and /timeline: status, who is responsible, when expected — no personal data', async () => {
    const mine = await createMatter(writer.key);
    const view = await send('GET', `/v1/matters/${mine.id}`, { apiKey: writer.key });
    expect(view.status, view.text).toBe(200);
    const matter = view.json as PublicMatterView;
    expect(matter).toMatchObject({ id: mine.id, status: 'triage', open311Status: 'open', categoryId: 'sanitation', villageId: world.village.id, villageName: world.village.name });
    expect(matter.agencyResponsible).toEqual(expect.any(String));
    expect(matter.expectedAt).toEqual(expect.any(String));
    expectNoPersonalData(view.text, mine.sent);

    await assignToAgency(mine.id, world.agencyId);
    const timeline = await send('GET', `/v1/matters/${mine.id}/timeline`, { apiKey: writer.key });
    expect(timeline.status, timeline.text).toBe(200);
    const events = itemsOf<PublicTimelineEvent>(timeline.json);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['created', 'triage', 'assign']));
    for (const event of events) {
      expect(event.actor).toEqual(expect.any(String));
      expect(event.at).toEqual(expect.any(String));
    }
    expect(events.find((e) => e.type === 'assign')).toMatchObject({ from: 'triage', to: 'assigned' });
    expectNoPersonalData(timeline.text, mine.sent);
    // Not the names of the officers who acted either.
    const officeMe = world.actors.program_office!.me;
    expect(timeline.text).not.toContain(officeMe.name);
    const after = (await send('GET', `/v1/matters/${mine.id}`, { apiKey: writer.key })).json as PublicMatterView;
    expect(after.status).toBe('assigned');
  });

  it('POST /v1/matters/{id}/updates: the agency key accepts and feeds back; another agency is refused', async () => {
    const mine = await createMatter(writer.key);
    await assignToAgency(mine.id, world.agencyId);
    const stranger = await send('POST', `/v1/matters/${mine.id}/updates`, { apiKey: otherAgencyKey.key, json: { action: 'accept' } });
    expect([403, 404], stranger.text).toContain(stranger.status);
    expect((await office.get<MatterDetail>(`/matters/${mine.id}`)).status).toBe('assigned');

    const noOutcome = await send('POST', `/v1/matters/${mine.id}/updates`, { apiKey: agencyKey.key, json: { action: 'feedback' } });
    expect(noOutcome.status).toBe(400);
    expect(errorOf(noOutcome).details?.map((d) => d.path)).toContain('outcome');

    const accepted = await send('POST', `/v1/matters/${mine.id}/updates`, { apiKey: agencyKey.key, json: { action: 'accept', externalId: `HJ-${RUN}-1` } });
    expect(accepted.status, accepted.text).toBe(201);
    expect((await office.get<MatterDetail>(`/matters/${mine.id}`)).status).toBe('accepted');
    const fed = await send('POST', `/v1/matters/${mine.id}/updates`, { apiKey: agencyKey.key, json: { action: 'feedback', outcome: 'resolved', note: '已安排清运车辆，垃圾池已清空。', externalId: `HJ-${RUN}-2` } });
    expect(fed.status, fed.text).toBe(201);
    const matter = await office.get<MatterDetail>(`/matters/${mine.id}`);
    expect(matter.status).toBe('feedback_given');
    expect(matter.feedback).toMatchObject({ outcome: 'resolved' });
    // A second feedback is not a transition the matter allows now.
    const again = await send('POST', `/v1/matters/${mine.id}/updates`, { apiKey: agencyKey.key, json: { action: 'feedback', outcome: 'resolved', note: '重复反馈' } });
    expect([409, 422], again.text).toContain(again.status);
    const timeline = itemsOf<PublicTimelineEvent>((await send('GET', `/v1/matters/${mine.id}/timeline`, { apiKey: agencyKey.key })).json);
    expect(timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['accept', 'feedback']));
  });

  it('GET /v1/stats: the county’s figures for at most 92 days (400 naming `to` beyond)', async () => {
    await createMatter(writer.key);
    const stats = await send('GET', '/v1/stats', { apiKey: statsKey.key, query: { from: countyDay(-7), to: countyDay() } });
    expect(stats.status, stats.text).toBe(200);
    const body = stats.json as PublicStats;
    expect(body).toMatchObject({ from: countyDay(-7), to: countyDay() });
    expect(body.total).toBeGreaterThanOrEqual(1);
    expect(body.open).toBeGreaterThanOrEqual(1);
    expect(body.bySource.hotline).toBeGreaterThanOrEqual(1);
    expect(body.byCategory.find((c) => c.categoryId === 'sanitation')?.count).toBeGreaterThanOrEqual(1);

    const tooLong = await send('GET', '/v1/stats', { apiKey: statsKey.key, query: { from: '2026-01-01', to: '2026-04-03' } });
    expect(tooLong.status, tooLong.text).toBe(400);
    expect(errorOf(tooLong).details?.map((d) => d.path)).toContain('to');
    const longest = await send('GET', '/v1/stats', { apiKey: statsKey.key, query: { from: '2026-01-01', to: '2026-04-02' } });
    expect(longest.status, longest.text).toBe(200);
  });

  it('GET /v1/openapi.json needs no key: OpenAPI 3.1 with every public route', async () => {
    const response = await send('GET', '/v1/openapi.json');
    expect(response.status, response.text).toBe(200);
    const doc = response.json as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    for (const route of publicRoutes) {
      expect(doc.paths[route.path], route.path).toBeDefined();
      expect(doc.paths[route.path]![route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
    }
  });
});

describe('Idempotency-Key', () => {
  it('20 concurrent identical POST /v1/matters → the same answer and one matter; another body with the key → 422', async () => {
    const key = `idem-${RUN}-${unique()}`;
    const body = matterBody();
    const marker = body.description.split(' ').at(-1)!;
    const answers = await Promise.all(Array.from({ length: 20 }, () => send('POST', '/v1/matters', { apiKey: writer.key, json: body, idempotencyKey: key })));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 201));
    const ids = new Set(answers.map((a) => (a.json as PublicMatterCreated).id));
    expect(ids.size).toBe(1);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    const [id] = [...ids];
    expect((await office.get<MatterDetail>(`/matters/${id}`)).status).toBe('triage');
    expect((await mattersWith(office, marker, { villageId: world.village.id, categoryId: 'sanitation' })).map((m) => m.id)).toEqual([id]);

    const replay = await send('POST', '/v1/matters', { apiKey: writer.key, json: body, idempotencyKey: key });
    expect(replay.status).toBe(201);
    expect((replay.json as PublicMatterCreated).id).toBe(id);
    const reused = await send('POST', '/v1/matters', { apiKey: writer.key, json: { ...body, description: `${body.description} 补充` }, idempotencyKey: key });
    expect(reused.status, reused.text).toBe(422);
    expect(errorOf(reused).code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('20 concurrent identical Open311 form POSTs → the same service_request_id and one matter; another form → 422', async () => {
    const key = `idem311-${RUN}-${unique()}`;
    const marker = `${RUN}-${unique()}`;
    const form: Record<string, QueryValue> = {
      api_key: writer.key,
      service_code: 'sanitation',
      lat: world.village.location!.lat,
      long: world.village.location!.lng,
      description: `垃圾池满溢 ${marker}`,
      first_name: '秀英',
      last_name: '王',
      phone: '13912345678',
      'attribute[kind]': 'demand',
    };
    const answers = await Promise.all(Array.from({ length: 20 }, () => send('POST', '/open311/v2/requests.json', { form, idempotencyKey: key })));
    const statuses = answers.map((a) => a.status);
    expect(new Set(statuses).size, statuses.join(',')).toBe(1);
    expect(statuses[0]).toBeGreaterThanOrEqual(200);
    expect(statuses[0]).toBeLessThan(300);
    const ids = new Set(answers.map((a) => (a.json as Array<{ service_request_id: string }>)[0]!.service_request_id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    expect((await mattersWith(office, marker, { villageId: world.village.id, categoryId: 'sanitation' })).map((m) => m.id)).toEqual([id]);

    const reused = await send('POST', '/open311/v2/requests.json', { form: { ...form, description: `${form.description} 补充` }, idempotencyKey: key });
    expect(reused.status, reused.text).toBe(422);
    const errors = reused.json as Array<{ code: number | string; description: string }>;
    expect(Array.isArray(errors), reused.text).toBe(true);
    expect(Number(errors[0]!.code)).toBe(422);
  });
});
