import { randomUUID } from 'node:crypto';
import { DynamoDBClient, ScanCommand, type ScanCommandOutput } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { idCheckDigit, syntheticIdNumber, type IntelRecord, type IntelRecordDetail, type IntelRecordEvent, type IntelRevealed, type Page, type Village } from '@beatlink/shared';
import { applyHandlerEnv } from '@beatlink/infra/local/handler-runtime';
import type * as AuditLog from '@beatlink/functions/services/audit/audit-log';
import type * as Reveals from '@beatlink/functions/data/reveals';
import { matterWorld, type MatterWorld } from '../lib/matter-fixtures';
import { apiAs, type ApiClient } from '../support/api';
import '../support/provided';

/** The information store through the API: sealed and masked secrets, keyed-hash lookup, reveals, history, verification, reach. */
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
const mobile = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const idNumber = () => syntheticIdNumber(Math.random, { regionCode: '379902', birthYearRange: [1950, 2005] });
/** Every secret used here, to be looked for in the whole table. */
const secrets: string[] = [];

beforeAll(async () => {
  applyHandlerEnv(config);
  audit = await import('@beatlink/functions/services/audit/audit-log');
  reveals = await import('@beatlink/functions/data/reveals');
  world = await matterWorld(config, logins, TENANT);
  const officeId = world.actors.community_officer!.me.unitId;
  const villages = await world.office.get<Page<Village>>('/directory/villages', { limit: 200 });
  const found = villages.items.find((v) => v.status === 'active' && v.officeId !== officeId && v.workstationId !== world.village.workstationId && v.stationId !== world.actors.station_chief!.me.unitId);
  if (!found) throw new Error('no village outside the demo officers’ area');
  outside = found;
  stranger = await apiAs(config, logins.byTenant[OTHER]!.program_office!);
}, 120_000);

function person(overrides: Record<string, unknown> = {}) {
  const id = idNumber();
  const phone = mobile();
  secrets.push(id, phone);
  return { id, phone, body: { type: 'person', villageId: world.village.id, person: { name: '张建华', gender: 'male', idNumber: id, phone, address: `东街 ${unique()} 号` }, tags: ['重点关注'], reliability: 'B', ...overrides } };
}

async function scanTable(): Promise<string> {
  const pages: string[] = [];
  let start: ScanCommandOutput['LastEvaluatedKey'];
  do {
    const page: ScanCommandOutput = await dynamo.send(new ScanCommand({ TableName: config.tableName, ExclusiveStartKey: start }));
    pages.push(JSON.stringify(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return pages.join('\n');
}

describe('information records', () => {
  let head: IntelRecord;
  let headSecrets: { id: string; phone: string };

  it('creates every type, answers ID numbers and phones masked, and resolves links both ways', async () => {
    const officer = world.actors.community_officer!.client;
    const p = person();
    headSecrets = p;
    const created = await officer.request<IntelRecord>('POST', '/intel/records', { body: p.body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    head = created.body;
    expect(head).toMatchObject({ type: 'person', title: '张建华', villageId: world.village.id, version: 1, reliability: 'B', verification: { state: 'unverified' }, source: { username: world.actors.community_officer!.me.username } });
    expect(head.person).toMatchObject({ idNumberMasked: `${p.id.slice(0, 6)}********${p.id.slice(-4)}`, phoneMasked: `${p.phone.slice(0, 3)}****${p.phone.slice(-4)}` });
    expect(JSON.stringify(head)).not.toContain(p.id);
    expect(JSON.stringify(head)).not.toContain(p.phone);
    expect(JSON.stringify(head)).not.toMatch(/cipher|lookupHashes|secrets/i);

    const orgPhone = `0532-${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    secrets.push(orgPhone, orgPhone.replace('-', ''));
    const bodies = [
      { type: 'place', villageId: world.village.id, place: { name: `便民超市${unique()}`, address: '东街 1 号', location: { lat: 36.78, lng: 119.98 } }, tags: ['九小场所'], reliability: 'A' },
      { type: 'thing', villageId: world.village.id, thing: { name: '小型轿车', category: '车辆', identifier: '鲁B12345' }, links: [{ recordId: head.id, relation: '所有人' }], reliability: 'C' },
      { type: 'event', villageId: world.village.id, event: { title: '电动车被盗', description: '夜间被盗', occurredAt: '2026-05-01T22:00:00+08:00' }, links: [{ recordId: head.id, relation: '涉及' }], reliability: 'D' },
      { type: 'organisation', villageId: world.village.id, organisation: { name: `农机合作社${unique()}`, contactPhone: orgPhone }, reliability: 'F' },
    ];
    const others = await Promise.all(bodies.map((body) => officer.request<IntelRecord>('POST', '/intel/records', { body })));
    for (const r of others) expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(others.map((r) => r.body.type)).toEqual(['place', 'thing', 'event', 'organisation']);
    expect(others[3]!.body.organisation).toMatchObject({ contactPhoneMasked: `0532-****${orgPhone.slice(-4)}` });

    const detail = await world.actors.contact_officer!.client.get<IntelRecordDetail>(`/intel/records/${head.id}`);
    expect(detail.linkedFrom.map((l) => [l.recordId, l.relation, l.type]).sort()).toEqual(
      [
        [others[1]!.body.id, '所有人', 'thing'],
        [others[2]!.body.id, '涉及', 'event'],
      ].sort(),
    );
    const thing = await officer.get<IntelRecordDetail>(`/intel/records/${others[1]!.body.id}`);
    expect(thing.links).toEqual([{ recordId: head.id, relation: '所有人', type: 'person', title: '张建华' }]);

    // Browse by village and type, and by tag.
    const listed = await officer.get<Page<IntelRecord>>('/intel/records', { villageId: world.village.id, type: 'person', limit: 200 });
    expect(listed.items.every((r) => r.type === 'person')).toBe(true);
    expect(listed.items.map((r) => r.id)).toContain(head.id);
    const tagged = await world.office.get<Page<IntelRecord>>('/intel/records', { villageId: world.village.id, tag: '九小场所', limit: 200 });
    expect(tagged.items.map((r) => r.id)).toContain(others[0]!.body.id);
    expect(tagged.items.map((r) => r.id)).not.toContain(head.id);
    const county = await world.office.get<Page<IntelRecord>>('/intel/records', { type: 'organisation', limit: 200 });
    expect(county.items.map((r) => r.id)).toContain(others[3]!.body.id);
    expect((await officer.request('GET', '/intel/records')).status).toBe(400);
  });

  it('keeps no ID number or phone in clear anywhere in the table (a Scan of every page)', async () => {
    expect(secrets.length).toBeGreaterThan(3);
    const everything = await scanTable();
    for (const secret of secrets) expect(everything.includes(secret), `found ${secret.slice(0, 3)}… in the table`).toBe(false);
  });

  it('finds records by ID number and by phone through the keyed-hash index, never across counties', async () => {
    const officer = world.actors.community_officer!.client;
    const byId = await officer.post<Page<IntelRecord>>('/intel/lookup', { idNumber: headSecrets.id.toLowerCase() });
    expect(byId.items.map((r) => r.id)).toEqual([head.id]);
    const byPhone = await world.office.post<Page<IntelRecord>>('/intel/lookup', { phone: headSecrets.phone });
    expect(byPhone.items.map((r) => r.id)).toContain(head.id);
    expect((await stranger.post<Page<IntelRecord>>('/intel/lookup', { idNumber: headSecrets.id })).items).toEqual([]);
    expect((await stranger.post<Page<IntelRecord>>('/intel/lookup', { phone: headSecrets.phone })).items).toEqual([]);
    // Outside the caller's reach: nothing.
    expect((await world.actors.station_chief!.client.post<Page<IntelRecord>>('/intel/lookup', { idNumber: headSecrets.id })).items.map((r) => r.id)).toEqual([head.id]);
    const there = person({ villageId: outside.id });
    await world.office.post<IntelRecord>('/intel/records', there.body);
    expect((await officer.post<Page<IntelRecord>>('/intel/lookup', { idNumber: there.id })).items).toEqual([]);
    expect((await world.office.post<Page<IntelRecord>>('/intel/lookup', { idNumber: there.id })).items).toHaveLength(1);
  });

  it('refuses an ID number with a wrong check digit (400 naming idNumber) and unknown link targets, writing nothing', async () => {
    const officer = world.actors.community_officer!.client;
    const valid = idNumber();
    const wrong = valid.slice(0, 17) + (idCheckDigit(valid.slice(0, 17)) === '1' ? '2' : '1');
    const before = await scanTable();
    const bad = await officer.request<{ error: { code: string; details: Array<{ path: string; message: string }> } }>('POST', '/intel/records', { body: { ...person().body, person: { name: '李四', gender: 'male', idNumber: wrong } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toContainEqual({ path: 'person.idNumber', message: expect.stringContaining('校验码') });
    expect(bad.body.error.details.find((d) => d.path === 'person.idNumber')!.message).toContain('check digit');
    const link = await officer.request<{ error: { details: Array<{ path: string }> } }>('POST', '/intel/records', { body: { ...person().body, links: [{ recordId: 'itl_01JD3Z6Q9V8C2M4N5P6R7S8T9V', relation: '同住' }] } });
    expect(link.status).toBe(404);
    expect(link.body.error.details.map((d) => d.path)).toEqual(['links.0.recordId']);
    const mixed = await officer.request('POST', '/intel/records', { body: { ...person().body, place: { name: 'x' } } });
    expect(mixed.status).toBe(400);
    expect(await scanTable()).toBe(before);
  });

  it('reveals only to roles allowed to, with a reason, recorded and audited', async () => {
    const aux = await world.actors.auxiliary!.client.request<{ error: { code: string } }>('POST', `/intel/records/${head.id}/reveal`, { body: { field: 'idNumber', reason: '核实身份' } });
    expect(aux.status).toBe(403);
    expect((await world.actors.governance_office!.client.request('POST', `/intel/records/${head.id}/reveal`, { body: { field: 'idNumber', reason: '核实身份' } })).status).toBe(403);
    expect((await reveals.queryRevealsOf(TENANT, 'intel', head.id)).length).toBe(0);

    const officer = world.actors.community_officer!;
    const shown = await officer.client.request<IntelRevealed>('POST', `/intel/records/${head.id}/reveal`, { body: { field: 'idNumber', reason: '核实出租房登记信息' } });
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({ field: 'idNumber', value: headSecrets.id });
    const phone = await world.actors.station_chief!.client.post<IntelRevealed>(`/intel/records/${head.id}/reveal`, { field: 'phone', reason: '联系本人' });
    expect(phone.value).toBe(headSecrets.phone);
    expect((await officer.client.request('POST', `/intel/records/${head.id}/reveal`, { body: { field: 'contactPhone', reason: '联系' } })).status).toBe(404);
    expect((await officer.client.request('POST', `/intel/records/${head.id}/reveal`, { body: { field: 'idNumber' } })).status).toBe(400);

    const log = await reveals.queryRevealsOf(TENANT, 'intel', head.id);
    expect(log.map((r) => [r.field, r.by, r.reason])).toEqual([
      ['person.idNumber', officer.me.username, '核实出租房登记信息'],
      ['person.phone', world.actors.station_chief!.me.username, '联系本人'],
    ]);
    const entries = await audit.listAuditEntries(TENANT, { limit: 1000 });
    const mine = entries.filter((e) => (e.record as { id?: string }).id === head.id);
    expect(mine.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'reveal', 'reveal']));
    expect(JSON.stringify(entries)).not.toContain(headSecrets.id);
    expect(JSON.stringify(entries)).not.toContain(headSecrets.phone);
    expect(await audit.verifyAuditChain(TENANT)).toMatchObject({ ok: true });
  });

  it('updates with the version (409 when stale), keeps secrets left out, lists the history, and verifies', async () => {
    const officer = world.actors.community_officer!.client;
    const p = person();
    const created = await officer.post<IntelRecord>('/intel/records', p.body);
    const change = { ...p.body, version: 1, person: { name: '张建华', gender: 'male', address: '西街 3 号', occupation: '货车司机' }, reliability: 'C' };
    const updated = await officer.put<IntelRecord>(`/intel/records/${created.id}`, change);
    expect(updated).toMatchObject({ version: 2, reliability: 'C', person: { address: '西街 3 号', idNumberMasked: created.person!.idNumberMasked, phoneMasked: created.person!.phoneMasked } });
    const stale = await officer.request<{ error: { code: string } }>('PUT', `/intel/records/${created.id}`, { body: change });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect((await officer.request('PUT', `/intel/records/${created.id}`, { body: { ...change, version: 2, type: 'place', person: undefined, place: { name: 'x' } } })).status).toBe(400);

    // Verification: not by officers (403), by the station chief and the office.
    expect((await officer.request('POST', `/intel/records/${created.id}/verify`, { body: { version: 2, state: 'verified' } })).status).toBe(403);
    const verified = await world.actors.station_chief!.client.post<IntelRecord>(`/intel/records/${created.id}/verify`, { version: 2, state: 'verified', note: '电话核实' });
    expect(verified).toMatchObject({ version: 3, verification: { state: 'verified', by: world.actors.station_chief!.me.username } });
    expect((await world.office.request('POST', `/intel/records/${created.id}/verify`, { body: { version: 2, state: 'disputed' } })).status).toBe(409);
    const disputed = await world.office.post<IntelRecord>(`/intel/records/${created.id}/verify`, { version: 3, state: 'disputed' });
    expect(disputed.verification.state).toBe('disputed');

    // A changed phone moves the lookup; the old one no longer finds it.
    const newPhone = mobile();
    secrets.push(newPhone);
    const moved = await officer.put<IntelRecord>(`/intel/records/${created.id}`, { ...change, version: 4, person: { ...change.person, phone: newPhone } });
    expect(moved.verification.state).toBe('unverified');
    expect((await officer.post<Page<IntelRecord>>('/intel/lookup', { phone: p.phone })).items.map((r) => r.id)).not.toContain(created.id);
    expect((await officer.post<Page<IntelRecord>>('/intel/lookup', { phone: newPhone })).items.map((r) => r.id)).toEqual([created.id]);

    const history = await officer.get<Page<IntelRecordEvent>>(`/intel/records/${created.id}/history`);
    expect(history.items.map((e) => [e.action, e.version])).toEqual([
      ['create', 1],
      ['update', 2],
      ['verify', 3],
      ['verify', 4],
      ['update', 5],
    ]);
    expect(history.items[1]!.changed).toEqual(['person.address', 'person.occupation', 'reliability']);
    expect(history.items[4]!.changed).toEqual(['person.phone', 'verification']);
    expect(JSON.stringify(history)).not.toContain(newPhone);

    const entries = await audit.listAuditEntries(TENANT, { limit: 1000 });
    const mine = entries.filter((e) => (e.record as { kind?: string; id?: string }).id === created.id).reverse();
    expect(mine.map((e) => e.action)).toEqual(['create', 'update', 'verify', 'verify', 'update']);
    expect(mine[2]!.summary).toMatchObject({ state: 'verified', previousState: 'unverified' });
    expect(await audit.verifyAuditChain(TENANT)).toMatchObject({ ok: true });
  });

  it('hides records outside the reach (404), refuses writes there (403), and keeps counties and roles apart', async () => {
    const officer = world.actors.community_officer!.client;
    const there = await world.office.post<IntelRecord>('/intel/records', person({ villageId: outside.id }).body);
    expect((await officer.request('GET', `/intel/records/${there.id}`)).status).toBe(404);
    expect((await officer.request('POST', `/intel/records/${there.id}/reveal`, { body: { field: 'phone', reason: '联系' } })).status).toBe(404);
    expect((await officer.request('GET', '/intel/records', { query: { villageId: outside.id } })).status).toBe(404);
    expect((await officer.request('POST', '/intel/records', { body: person({ villageId: outside.id }).body })).status).toBe(403);
    expect((await officer.request('POST', '/intel/records', { body: { ...person().body, links: [{ recordId: there.id, relation: '同住' }] } })).status).toBe(404);
    expect((await world.actors.auxiliary!.client.request('POST', '/intel/records', { body: person().body })).status).toBe(201);
    expect((await world.actors.agency_staff!.client.request('GET', `/intel/records/${head.id}`)).status).toBe(403);
    expect((await world.actors.governance_office!.client.request('GET', `/intel/records/${head.id}`)).status).toBe(403);
    expect((await stranger.request('GET', `/intel/records/${head.id}`)).status).toBe(404);
    expect((await stranger.request('POST', `/intel/records/${head.id}/reveal`, { body: { field: 'phone', reason: '联系' } })).status).toBe(404);
    expect((await stranger.request('POST', '/intel/records', { body: person().body })).status).toBe(404);
  });
});
