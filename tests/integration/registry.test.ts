import { randomUUID } from 'node:crypto';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page, Village } from '@beatlink/shared';
import type { Household, HouseholdCallback, VillageFamiliarity, VillageResources } from '@beatlink/shared/registry/households';
import { applyHandlerEnv } from '@beatlink/infra/local/handler-runtime';
import type * as AuditLog from '@beatlink/functions/services/audit/audit-log';
import type * as Reveals from '@beatlink/functions/data/reveals';
import { matterWorld, type MatterWorld } from '../lib/matter-fixtures';
import { apiAs, type ApiClient } from '../support/api';
import '../support/provided';

/** The registry through the API: households with sealed phones, reach, call-backs → familiarity, resources. */
const config = inject('stackConfig');
const logins = inject('logins');
const TENANT = '370283';
const OTHER = '370211';

let world: MatterWorld;
let outside: Village;
let stranger: ApiClient;
let audit: typeof AuditLog;
let reveals: typeof Reveals;
const dynamo = new DynamoDBClient({ endpoint: config.dynamodbEndpoint, region: config.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
const unique = () => randomUUID().slice(0, 8);
const mobile = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

beforeAll(async () => {
  applyHandlerEnv(config);
  audit = await import('@beatlink/functions/services/audit/audit-log');
  reveals = await import('@beatlink/functions/data/reveals');
  world = await matterWorld(config, logins, TENANT);
  const officeId = world.actors.community_officer!.me.unitId;
  const villages = await world.office.get<Page<Village>>('/directory/villages', { limit: 200 });
  const found = villages.items.find((v) => v.status === 'active' && v.officeId !== officeId && v.workstationId !== world.village.workstationId);
  if (!found) throw new Error('no village outside the demo community officer’s area');
  outside = found;
  stranger = await apiAs(config, logins.byTenant[OTHER]!.program_office!);
}, 120_000);

const household = (overrides: Record<string, unknown> = {}) => ({
  villageId: world.village.id,
  address: `东街 ${unique()} 号`,
  headName: '王秀兰',
  members: 2,
  tags: ['elderly_alone'],
  ...overrides,
});

describe('households', () => {
  it('stores the head phone encrypted, answers it masked, and keeps it across updates', async () => {
    const officer = world.actors.community_officer!.client;
    const phone = mobile();
    const created = await officer.request<Household>('POST', '/households', { body: household({ headPhone: phone, note: '子女在外地务工' }) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ villageId: world.village.id, headName: '王秀兰', version: 1, headPhoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}` });
    expect(JSON.stringify(created.body)).not.toContain(phone);
    expect(JSON.stringify(created.body)).not.toContain('Cipher');

    const raw = await dynamo.send(new GetItemCommand({ TableName: config.tableName, Key: { pk: { S: `T#${TENANT}#HOUSEHOLD` }, sk: { S: created.body.id } } }));
    expect(raw.Item).toBeDefined();
    expect(JSON.stringify(raw.Item)).not.toContain(phone);
    expect(raw.Item!.headPhoneCipher?.S).toMatch(/^v1\./);
    expect(raw.Item!.gsi1pk?.S).toBe(`T#${TENANT}#HOUSEHOLD#VILLAGE#${world.village.id}`);

    // Seen by the office and the contact officer of the village; listed by village and tag.
    const got = await world.actors.contact_officer!.client.get<Household>(`/households/${created.body.id}`);
    expect(got.headPhoneMasked).toBe(created.body.headPhoneMasked);
    const listed = await world.office.get<Page<Household>>('/households', { villageId: world.village.id, tag: 'elderly_alone', limit: 200 });
    expect(listed.items.map((h) => h.id)).toContain(created.body.id);
    expect(JSON.stringify(listed)).not.toContain(phone);
    const otherTag = await world.office.get<Page<Household>>('/households', { villageId: world.village.id, tag: 'rental', limit: 200 });
    expect(otherTag.items.map((h) => h.id)).not.toContain(created.body.id);

    // Update without headPhone keeps it; a stale version is refused.
    const { villageId, address, headName } = created.body;
    const updated = await officer.put<Household>(`/households/${created.body.id}`, { version: 1, villageId, address, headName, members: 3, tags: ['elderly_alone', 'low_income'] });
    expect(updated).toMatchObject({ version: 2, members: 3, headPhoneMasked: created.body.headPhoneMasked });
    const stale = await officer.request('PUT', `/households/${created.body.id}`, { body: { version: 1, villageId, address, headName, members: 4, tags: [] } });
    expect(stale.status).toBe(409);
    const removed = await officer.put<Household>(`/households/${created.body.id}`, { version: 2, villageId, address, headName, members: 3, tags: [], headPhone: null });
    expect(removed.headPhoneMasked).toBeUndefined();
  });

  it('refuses a village outside the officer’s area (403), hides it from reads (404), and keeps counties and agencies apart', async () => {
    const officer = world.actors.community_officer!.client;
    expect((await officer.request('POST', '/households', { body: household({ villageId: outside.id }) })).status).toBe(403);
    const there = await world.office.post<Household>('/households', household({ villageId: outside.id }));
    expect((await officer.request('GET', `/households/${there.id}`)).status).toBe(404);
    expect((await officer.request('GET', '/households', { query: { villageId: outside.id } })).status).toBe(404);
    // Moving his own household into a village outside his area is refused as well.
    const mine = await officer.post<Household>('/households', household());
    expect((await officer.request('PUT', `/households/${mine.id}`, { body: { ...household({ villageId: outside.id }), version: 1 } })).status).toBe(403);

    expect((await world.actors.agency_staff!.client.request('GET', `/households/${mine.id}`)).status).toBe(403);
    expect((await world.actors.agency_staff!.client.request('POST', '/households', { body: household() })).status).toBe(403);
    expect((await stranger.request('GET', `/households/${mine.id}`)).status).toBe(404);
    expect((await stranger.request('GET', '/households', { query: { villageId: world.village.id } })).status).toBe(404);
    expect((await stranger.request('POST', '/households', { body: household() })).status).toBe(404);
    expect((await stranger.request('POST', `/households/${mine.id}/callbacks`, { body: { date: '2026-01-05', knowsOfficer: true, officerKnowsHousehold: true, officerId: world.actors.community_officer!.me.officerId } })).status).toBe(404);
  });
});

describe('household reveal and audit', () => {
  it('reveals the head phone to officers with a reason (recorded and audited), never to auxiliaries, and audits every change', async () => {
    const officer = world.actors.community_officer!;
    const phone = mobile();
    const created = await officer.client.post<Household>('/households', household({ headPhone: phone }));
    const aux = await world.actors.auxiliary!.client.request('POST', `/households/${created.id}/reveal`, { body: { field: 'headPhone', reason: '回访' } });
    expect(aux.status).toBe(403);
    expect((await officer.client.request('POST', `/households/${created.id}/reveal`, { body: { field: 'headPhone' } })).status).toBe(400);
    expect(await reveals.queryRevealsOf(TENANT, 'household', created.id)).toEqual([]);
    const shown = await officer.client.post<{ field: string; value: string }>(`/households/${created.id}/reveal`, { field: 'headPhone', reason: '回访核实家庭情况' });
    expect(shown).toEqual({ field: 'headPhone', value: phone });
    expect((await reveals.queryRevealsOf(TENANT, 'household', created.id)).map((r) => [r.field, r.by, r.reason])).toEqual([['headPhone', officer.me.username, '回访核实家庭情况']]);
    expect((await stranger.request('POST', `/households/${created.id}/reveal`, { body: { field: 'headPhone', reason: '回访' } })).status).toBe(404);

    // Changes: the same phone again is no change; a new one is, by name only.
    const { villageId, address, headName } = created;
    await officer.client.put<Household>(`/households/${created.id}`, { version: 1, villageId, address, headName, members: 3, tags: [], headPhone: phone });
    const other = mobile();
    await officer.client.put<Household>(`/households/${created.id}`, { version: 2, villageId, address, headName, members: 3, tags: [], headPhone: other });
    await world.office.request('POST', `/households/${created.id}/callbacks`, { body: { date: '2026-01-05', knowsOfficer: true, officerKnowsHousehold: true, officerId: officer.me.officerId } });

    const entries = await audit.listAuditEntries(TENANT, { limit: 1000 });
    const mine = entries.filter((e) => (e.record as { id?: string }).id === created.id).reverse();
    expect(mine.map((e) => [e.action, (e.record as { kind: string }).kind])).toEqual([
      ['create', 'household'],
      ['reveal', 'household'],
      ['update', 'household'],
      ['update', 'household'],
    ]);
    expect(mine[2]!.summary).toMatchObject({ changed: ['members', 'tags'] });
    expect(mine[3]!.summary).toMatchObject({ changed: ['headPhone'] });
    const callback = entries.find((e) => (e.record as { kind: string }).kind === 'callback' && (e.summary as { householdId?: string }).householdId === created.id);
    expect(callback).toBeDefined();
    expect(JSON.stringify(entries)).not.toContain(phone);
    expect(JSON.stringify(entries)).not.toContain(other);
    expect(await audit.verifyAuditChain(TENANT)).toMatchObject({ ok: true });
  });
});

describe('call-backs and familiarity', () => {
  it('computes the two-way rates of the village and per officer from the call-backs in range', async () => {
    const officer = world.actors.community_officer!;
    const contact = world.actors.contact_officer!;
    // A village of its own (created by the office) so other tests' call-backs do not mix in.
    const village = outside;
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => world.office.post<Household>('/households', household({ villageId: village.id }))));
    // A March of a random past year, so that call-backs of an earlier run on the same stack do not count.
    const year = 1900 + Math.floor(Math.random() * 120);
    const day = `${year}-03-0`;
    const record = (h: Household, date: string, knowsOfficer: boolean, officerKnowsHousehold: boolean, officerId: string) =>
      world.office.request<HouseholdCallback>('POST', `/households/${h.id}/callbacks`, { body: { date, knowsOfficer, officerKnowsHousehold, officerId, satisfied: true } });
    const first = await record(a!, `${day}2`, true, true, officer.me.officerId!);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ householdId: a!.id, villageId: village.id, date: `${day}2` });
    await record(b!, `${day}2`, true, false, officer.me.officerId!);
    await record(c!, `${day}3`, false, false, contact.me.officerId!);
    // Later call-back of b: both ways now (the latest result counts).
    await record(b!, `${day}4`, true, true, officer.me.officerId!);
    // Outside the range.
    await record(c!, `${year}-04-01`, true, true, contact.me.officerId!);

    const rates = await world.office.get<VillageFamiliarity>(`/villages/${village.id}/familiarity`, { from: `${year}-03-01`, to: `${year}-03-31` });
    expect(rates.callbacks).toBe(4);
    expect(rates.village).toMatchObject({ sampled: 3, knowsOfficer: 2, officerKnows: 2, twoWay: 2 });
    expect(rates.village.twoWayRate).toBeCloseTo(2 / 3);
    expect(rates.byOfficer[officer.me.officerId!]).toMatchObject({ sampled: 2, twoWay: 2, twoWayRate: 1 });
    expect(rates.byOfficer[contact.me.officerId!]).toMatchObject({ sampled: 1, twoWay: 0, twoWayRate: 0 });
    const april = await world.office.get<VillageFamiliarity>(`/villages/${village.id}/familiarity`, { from: `${year}-04-01`, to: `${year}-04-30` });
    expect(april.village).toMatchObject({ sampled: 1, twoWayRate: 1 });

    // Not the officer's village: hidden; a future date and an unknown officer are refused.
    expect((await officer.client.request('GET', `/villages/${village.id}/familiarity`)).status).toBe(404);
    expect((await record(a!, '2999-01-01', true, true, officer.me.officerId!)).status).toBe(400);
    expect((await record(a!, `${day}5`, true, true, 'ofr_01JD3Z6Q9V8C2M4N5P6R7S8T9V')).status).toBe(404);
    expect((await stranger.request('GET', `/villages/${village.id}/familiarity`)).status).toBe(404);
  });
});

describe('village resources', () => {
  const body = (version: number, activists: number) => ({
    version,
    patrolTeams: [{ name: '东村义务巡逻队', members: 8, leader: '李建国' }],
    activists,
    cameras: { enterprise: 4, village: 6, bureau: 2 },
    windowGuards: { enterprise: 0, village: 30, bureau: 10 },
    alarms: { enterprise: 2, village: 15, bureau: 5 },
  });

  it('answers the current record with its version, updates with it, and refuses a stale one', async () => {
    const officer = world.actors.community_officer!.client;
    const path = `/villages/${world.village.id}/resources`;
    const current = await officer.get<VillageResources>(path);
    expect(current.villageId).toBe(world.village.id);
    const next = await officer.put<VillageResources>(path, body(current.version, 12));
    expect(next).toMatchObject({ version: current.version + 1, activists: 12, cameras: { enterprise: 4, village: 6, bureau: 2 } });
    const stale = await officer.request<{ error: { code: string } }>('PUT', path, { body: body(current.version, 13) });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect((await world.actors.contact_officer!.client.get<VillageResources>(path)).activists).toBe(12);
    const entries = await audit.listAuditEntries(TENANT, { limit: 200 });
    expect(entries.find((e) => (e.record as { kind: string; id: string }).kind === 'resources' && (e.record as { id: string }).id === world.village.id)).toMatchObject({ action: current.version === 0 ? 'create' : 'update' });

    expect((await officer.request('PUT', `/villages/${outside.id}/resources`, { body: body(0, 1) })).status).toBe(404);
    expect((await world.actors.agency_staff!.client.request('GET', path)).status).toBe(403);
    expect((await stranger.request('GET', path)).status).toBe(404);
    expect((await stranger.request('PUT', path, { body: body(next.version, 1) })).status).toBe(404);
  });
});
