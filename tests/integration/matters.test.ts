import { randomUUID } from 'node:crypto';
import { DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { DisputeFigures, DisputeRecord, MatterCreated, MatterDetail, Page, Matter, TenantConfigRecord, Village } from '@beatlink/shared';
import { matterIn, matterWorld, newMatter, type MatterWorld } from '../lib/matter-fixtures';
import '../support/provided';

/** The matter loop's rules seen through the API: personal data, duplicates, routing, inboxes, disputes, config. */
const config = inject('stackConfig');
const logins = inject('logins');
const TENANT = '370283';

let world: MatterWorld;
const dynamo = new DynamoDBClient({ endpoint: config.dynamodbEndpoint, region: config.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
const unique = () => randomUUID().slice(0, 8);
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function failure(promise: Promise<unknown>): Promise<{ status: number; code?: string; paths: string[] }> {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as { status: number; code?: string; body?: { error?: { details?: Array<{ path: string }> } } } | undefined;
  expect(error, 'the request must fail').toBeDefined();
  return { status: error!.status, code: error!.code, paths: error!.body?.error?.details?.map((d) => d.path) ?? [] };
}

const intake = (overrides: Record<string, unknown> = {}) => ({
  kind: 'demand',
  source: 'resident',
  villageId: world.village.id,
  categoryId: 'civil_assistance',
  description: `独居老人王奶奶反映低保申请三个月未批复，生活困难 ${unique()}`,
  reporter: { name: '王秀英', phone: '13805321234' },
  occurredAt: new Date().toISOString(),
  ...overrides,
});

beforeAll(async () => {
  world = await matterWorld(config, logins, TENANT);
}, 120_000);

describe("residents' phones", () => {
  it('are encrypted at rest, masked in every response, and revealed only with a recorded reason', async () => {
    const officer = world.actors.community_officer!.client;
    const created = await officer.post<MatterCreated>('/matters', intake());
    expect(created.reporter).toEqual({ name: '王秀英', phoneMasked: '138****1234' });
    expect(JSON.stringify(created)).not.toContain('13805321234');

    const raw = await dynamo.send(new GetItemCommand({ TableName: config.tableName, Key: { pk: { S: `T#${TENANT}#MATTER` }, sk: { S: created.id } } }));
    expect(raw.Item).toBeDefined();
    expect(JSON.stringify(raw.Item)).not.toContain('13805321234');

    for (const role of ['program_office', 'community_officer', 'auxiliary', 'station_chief'] as const) {
      const detail = await world.actors[role]!.client.get<MatterDetail>(`/matters/${created.id}`);
      expect(JSON.stringify(detail)).not.toContain('13805321234');
    }
    const list = await world.office.get<Page<Matter>>('/matters', { inbox: 'triage', limit: 200 });
    expect(JSON.stringify(list)).not.toContain('13805321234');

    const revealed = await world.office.post<{ phone: string }>(`/matters/${created.id}/reveal`, { field: 'reporter', reason: '回访核实低保办理情况' });
    expect(revealed.phone).toBe('13805321234');
    const reveals = await dynamo.send(
      new QueryCommand({
        TableName: config.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': { S: `T#${TENANT}#REVEAL#BY#MATTER#${created.id}` } },
      }),
    );
    expect(reveals.Items).toHaveLength(1);
    expect(JSON.stringify(reveals.Items)).toContain('回访核实低保办理情况');
    expect(JSON.stringify(reveals.Items)).not.toContain('13805321234');

    expect((await failure(world.actors.auxiliary!.client.post(`/matters/${created.id}/reveal`, { field: 'reporter', reason: '看看' }))).status).toBe(403);
    expect((await failure(world.office.post(`/matters/${created.id}/reveal`, { field: 'reporter' }))).paths).toContain('reason');
    // Agency staff see nothing of a matter their agency does not hold.
    expect((await failure(world.actors.agency_staff!.client.post(`/matters/${created.id}/reveal`, { field: 'reporter', reason: '联系' }))).status).toBe(404);
  });
});

describe('intake', () => {
  it('offers likely duplicates: same village and category, similar text', async () => {
    const officer = world.actors.community_officer!.client;
    const text = `村东头桥面塌陷一米多宽，晚上有摩托车差点掉下去，请尽快处理 ${unique()}`;
    const first = await officer.post<MatterCreated>('/matters', intake({ kind: 'hazard', categoryId: 'road_safety', description: text }));
    const second = await officer.post<MatterCreated>('/matters', intake({ kind: 'hazard', categoryId: 'road_safety', description: `${text}，已经有群众多次反映` }));
    expect(second.duplicates.map((d) => d.id)).toContain(first.id);
    expect(second.duplicates.find((d) => d.id === first.id)!.score).toBeGreaterThanOrEqual(0.35);
    const other = await officer.post<MatterCreated>('/matters', intake({ kind: 'hazard', categoryId: 'infrastructure', description: text }));
    expect(other.duplicates.map((d) => d.id)).not.toContain(first.id);
    const listed = await world.office.get<{ items: Array<{ id: string }> }>(`/matters/${second.id}/duplicates`);
    expect(listed.items.map((d) => d.id)).toContain(first.id);
  });

  it('refuses unknown categories, villages outside the officer’s area, and another county’s village', async () => {
    const officer = world.actors.community_officer!.client;
    expect((await failure(officer.post('/matters', intake({ categoryId: 'no_such_category' })))).paths).toContain('categoryId');
    const villages = await world.office.get<Page<Village>>('/directory/villages', { limit: 200 });
    const elsewhere = villages.items.find((v) => v.officeId !== world.village.officeId)!;
    expect((await failure(officer.post('/matters', intake({ villageId: elsewhere.id })))).status).toBe(403);
    expect((await failure(world.office.post('/matters', intake({ source: 'resident', reporter: undefined })))).paths).toContain('reporter');
  });
});

describe('triage and routing', () => {
  it('suggests the responsible body from the routing table, and re-routes when the category changes', async () => {
    const created = await world.office.post<MatterCreated>('/matters', intake());
    const detail = await world.office.get<MatterDetail>(`/matters/${created.id}`);
    expect(detail.routing?.route).toEqual({ target: 'agency', agencyKind: 'civil_affairs' });
    expect(detail.routing?.suggested?.type).toBe('agency');
    const triaged = await world.office.post<MatterDetail>(`/matters/${created.id}/triage`, { version: detail.version, categoryId: 'public_order', severity: 'high', policeBusiness: true });
    expect(triaged.routing).toMatchObject({ route: { target: 'police', unitType: 'office' }, suggested: { type: 'office', id: world.village.officeId } });
    expect(triaged.linkage).toBe(false);
  });

  it('computes deadlines from the SLA table of the category and severity', async () => {
    const m = await newMatter(world);
    const assigned = await world.office.post<MatterDetail>(`/matters/${m.id}/assign`, { version: m.version, assignee: world.assignee('office') });
    const hours = (iso: string) => (Date.parse(iso) - Date.parse(assigned.assignedAt!)) / 3_600_000;
    const cfg = await world.office.get<TenantConfigRecord>('/config');
    const sla = cfg.matters.sla.public_order!.medium;
    expect(hours(assigned.acceptBy!)).toBeCloseTo(sla.acceptHours, 5);
    expect(hours(assigned.feedbackBy!)).toBeCloseTo(sla.feedbackHours, 5);
    expect(assigned.holder).toMatchObject({ type: 'office', id: world.village.officeId });
  });
});

describe('agencies and inboxes', () => {
  it('agency staff see only the matters assigned to their agency', async () => {
    const held = await matterIn(world, 'assigned', 'agency');
    const police = await matterIn(world, 'assigned', 'office');
    const staff = world.actors.agency_staff!.client;
    const mine = await staff.get<Page<Matter>>('/matters', { inbox: 'mine', limit: 200 });
    expect(mine.items.map((m) => m.id)).toContain(held.id);
    expect(mine.items.every((m) => m.holder?.type === 'agency' && m.holder.id === world.agencyId)).toBe(true);
    expect((await failure(staff.get(`/matters/${police.id}`))).status).toBe(404);
    const all = await staff.get<Page<Matter>>('/matters', { limit: 200 });
    expect(all.items.map((m) => m.id)).not.toContain(police.id);
    // The governance office sees the county's linkage matters.
    const linkage = await world.actors.governance_office!.client.get<Page<Matter>>('/matters', { inbox: 'linkage', limit: 200 });
    expect(linkage.items.every((m) => m.linkage)).toBe(true);
  });

  it('serves inboxes, filters and pages by Query', async () => {
    const officer = world.actors.community_officer!.client;
    const created = await officer.post<MatterCreated>('/matters', intake({ kind: 'service', categoryId: 'hukou_documents', source: 'officer', reporter: undefined }));
    const triage = await world.office.get<Page<Matter>>('/matters', { inbox: 'triage', kind: 'service', categoryId: 'hukou_documents', limit: 200 });
    expect(triage.items.map((m) => m.id)).toContain(created.id);
    expect(triage.items.every((m) => m.kind === 'service' && m.categoryId === 'hukou_documents' && ['triage', 'reopened'].includes(m.status))).toBe(true);
    const reported = await officer.get<Page<Matter>>('/matters', { inbox: 'reported', limit: 200 });
    expect(reported.items.map((m) => m.id)).toContain(created.id);
    const area = await officer.get<Page<Matter>>('/matters', { villageId: world.village.id, from: today(), to: today(), limit: 200 });
    expect(area.items.map((m) => m.id)).toContain(created.id);
    const yesterday = new Date(Date.now() - 86_400_000 * 3).toISOString().slice(0, 10);
    const old = await officer.get<Page<Matter>>('/matters', { villageId: world.village.id, from: yesterday, to: yesterday, limit: 200 });
    expect(old.items.map((m) => m.id)).not.toContain(created.id);

    // Newest first, one page at a time, no item twice.
    const seen = new Set<string>();
    let cursor: string | undefined;
    let last = '~';
    for (let page = 0; page < 3; page++) {
      const result: Page<Matter> = await officer.get<Page<Matter>>('/matters', { limit: 2, ...(cursor ? { cursor } : {}) });
      for (const m of result.items) {
        expect(seen.has(m.id)).toBe(false);
        expect(m.createdAt <= last).toBe(true);
        last = m.createdAt;
        seen.add(m.id);
      }
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    expect(seen.size).toBeGreaterThan(2);
    expect((await failure(officer.get('/matters', { inbox: 'everything' }))).paths).toContain('inbox');
  });
});

describe('closing', () => {
  it('keeps resolved and closed-unresolved apart', async () => {
    const a = await newMatter(world);
    const b = await newMatter(world);
    const resolved = await world.office.post<MatterDetail>(`/matters/${a.id}/close`, { version: a.version, outcome: 'resolved' });
    const partial = await world.office.post<MatterDetail>(`/matters/${b.id}/close`, { version: b.version, outcome: 'partially_resolved' });
    expect(resolved.status).toBe('closed_resolved');
    expect(partial).toMatchObject({ status: 'closed_unresolved', outcome: 'partially_resolved' });
    const closedResolved = await world.office.get<Page<Matter>>('/matters', { status: 'closed_resolved', villageId: world.village.id, limit: 200 });
    expect(closedResolved.items.map((m) => m.id)).toContain(a.id);
    expect(closedResolved.items.map((m) => m.id)).not.toContain(b.id);
  });
});

describe('disputes', () => {
  it('keeps a dispute record with masked parties, versioned updates, and separate figures', async () => {
    const figures = () => world.office.get<DisputeFigures>('/figures/disputes', { from: today(), to: today() });
    const before = await figures();
    const officer = world.actors.community_officer!.client;
    const created = await officer.post<MatterCreated>(
      '/matters',
      intake({
        kind: 'dispute',
        categoryId: 'neighbour',
        description: `张、李两家因宅基地边界的围墙发生争执 ${unique()}`,
        dispute: { parties: [{ name: '张大山', role: 'applicant', phone: '13912345678' }, { name: '李小河', role: 'respondent' }], disputeType: 'neighbour', riskLevel: 'high', stageFound: 'before' },
      }),
    );
    const record = await officer.get<DisputeRecord>(`/matters/${created.id}/dispute`);
    expect(record.parties[0]).toEqual({ name: '张大山', role: 'applicant', phoneMasked: '139****5678' });
    const updated = await officer.put<DisputeRecord>(`/matters/${created.id}/dispute`, {
      version: record.version,
      parties: [{ name: '张大山', role: 'applicant' }, { name: '李小河', role: 'respondent', phone: '13700001111' }],
      disputeType: 'neighbour',
      riskLevel: 'medium',
      stageFound: 'before',
      mediations: [{ date: today(), mediator: '王建国', result: 'agreement' }],
      agreement: { date: today(), form: 'written', summary: '围墙后退 20 厘米，双方签字' },
      followUps: [],
      resolvedAtVillage: true,
      escalated: false,
      turnedIntoCase: false,
    });
    expect(updated.version).toBe(record.version + 1);
    expect(updated.parties.map((p) => p.phoneMasked)).toEqual(['139****5678', '137****1111']);
    const party = await world.office.post<{ phone: string }>(`/matters/${created.id}/reveal`, { field: 'party.0', reason: '调解回访' });
    expect(party.phone).toBe('13912345678');
    const { matterId: _m, updatedAt: _a, updatedBy: _b, ...body } = updated;
    const stale = { ...body, parties: [{ name: '张大山', role: 'applicant' }], version: record.version };
    expect((await failure(officer.put(`/matters/${created.id}/dispute`, stale))).status).toBe(409);

    const after = await figures();
    expect(after.total).toBe(before.total + 1);
    expect(after.resolvedAtVillage).toBe(before.resolvedAtVillage + 1);
    expect(after.escalated).toBe(before.escalated);
    expect(after.turnedIntoCase).toBe(before.turnedIntoCase);
    expect((await failure(world.actors.community_officer!.client.get('/figures/disputes', { from: today(), to: today() }))).status).toBe(403);
  });
});

describe('the county’s matter rules', () => {
  it('are edited by the program office as a whole and checked', async () => {
    const current = await world.office.get<TenantConfigRecord>('/config');
    const id = `test_${unique().replace(/-/g, '')}`;
    const matters = structuredClone(current.matters);
    matters.categories.push({ id, name: '测试分类', active: true });
    const refused = await failure(world.office.put('/config', { version: current.version, matters }));
    expect(refused.paths).toEqual(expect.arrayContaining([`matters.routing.${id}`, `matters.sla.${id}`]));
    matters.routing[id] = { target: 'agency', agencyKind: 'township' };
    matters.sla[id] = structuredClone(matters.sla.other!);
    const saved = await world.office.put<TenantConfigRecord>('/config', { version: current.version, matters });
    expect(saved.matters.categories.map((c) => c.id)).toContain(id);
    const m = await world.office.post<MatterCreated>('/matters', intake({ categoryId: id }));
    expect(m.categoryId).toBe(id);
    expect((await failure(world.actors.community_officer!.client.put('/config', { version: saved.version, matters }))).status).toBe(403);
  });
});
