import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { AdminGetUserCommand, AdminListGroupsForUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Department, ErrorBody, InitialCredentials, Office, Officer, Page, Station, Village, Workstation } from '@beatlink/shared';
import { localCognitoClient, signIn } from '@beatlink/infra/local/cognito-local';
import { apiAs, type ApiClient } from '../support/api';
import { idOf } from '../lib/route-fixtures';
import { tableDigest } from '../lib/table-digest';
import '../support/provided';

/** The directory's invariants (DOMAIN.md, issue #2), tried through the API as the program office would. */
const config = inject('stackConfig');
const logins = inject('logins');
const seeded = inject('seededIds');
const TENANT = '370283';

let office: ApiClient;
let station: Station;
let department: string;
const unique = () => randomUUID().replace(/-/g, '').slice(0, 8);
const phone = () => `138${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const policeNumber = () => String(Math.floor(Math.random() * 1e6)).padStart(6, '0');

async function expectError(promise: Promise<unknown>, status: number, code: string, path?: string) {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as { status: number; body: ErrorBody } | undefined;
  expect(error, 'the request must fail').toBeDefined();
  expect(error!.status).toBe(status);
  expect(error!.body.error.code).toBe(code);
  if (path !== undefined) expect(error!.body.error.details?.map((d) => d.path)).toContain(path);
}

beforeAll(async () => {
  office = await apiAs(config, logins.byTenant[TENANT]!.program_office!);
  station = await office.post<Station>('/directory/stations', { name: `测试派出所${unique()}` });
  department = idOf(seeded, TENANT, 'department');
});

const newOffice = () => office.post<Office>('/directory/offices', { name: `测试警务室${unique()}`, stationId: station.id, areaKind: 'rural' });
const newWorkstation = (officeId: string) => office.post<Workstation>('/directory/workstations', { name: `测试工作站${unique()}`, officeId });

describe('organisation invariants', () => {
  it('keeps 1–6 workstations per office, counting them on the office', async () => {
    const ofc = await newOffice();
    for (let i = 0; i < 6; i++) await newWorkstation(ofc.id);
    const before = await tableDigest(config);
    await expectError(newWorkstation(ofc.id), 409, 'CONFLICT', 'officeId');
    expect(await tableDigest(config)).toEqual(before);
    expect((await office.get<Office>(`/directory/offices/${ofc.id}`)).activeWorkstationCount).toBe(6);
    const listed = await office.get<Page<Workstation>>('/directory/workstations', { officeId: ofc.id });
    expect(listed.items).toHaveLength(6);
  });

  it('refuses to deactivate the last workstation of an active office', async () => {
    const ofc = await newOffice();
    const only = await newWorkstation(ofc.id);
    await expectError(office.post(`/directory/workstations/${only.id}/deactivate`, { version: only.version }), 409, 'CONFLICT');
  });

  it('puts each village under exactly one office and one of that office’s workstations', async () => {
    const a = await newOffice();
    const b = await newOffice();
    const wa = await newWorkstation(a.id);
    const wb = await newWorkstation(b.id);
    const before = await tableDigest(config);
    const mismatch = office.post('/directory/villages', { name: '错配村', kind: 'village', officeId: a.id, workstationId: wb.id });
    await expectError(mismatch, 400, 'VALIDATION_FAILED', 'workstationId');
    expect(await tableDigest(config)).toEqual(before);
    const village = await office.post<Village>('/directory/villages', { name: `测试村${unique()}`, kind: 'village', officeId: a.id, workstationId: wa.id });
    expect(village).toMatchObject({ officeId: a.id, workstationId: wa.id, stationId: station.id, version: 1 });
    const moved = await office.put<Village>(`/directory/villages/${village.id}`, { version: 1, officeId: b.id, workstationId: wb.id });
    expect(moved).toMatchObject({ officeId: b.id, workstationId: wb.id, version: 2 });
    // Moving only the workstation, to one of another office, would split the village's cover.
    await expectError(office.put(`/directory/villages/${village.id}`, { version: 2, workstationId: wa.id }), 400, 'VALIDATION_FAILED', 'workstationId');
  });

  it('refuses to deactivate a station that still has active offices', async () => {
    const current = await office.get<Station>(`/directory/stations/${station.id}`);
    await expectError(office.post(`/directory/stations/${station.id}/deactivate`, { version: current.version }), 409, 'CONFLICT');
  });
});

describe('officer assignments and their Cognito users', () => {
  const cognito = () => localCognitoClient(config.cognitoEndpoint, config.region);

  it('allows one community officer per office at a time, and frees the slot on deactivation', async () => {
    const ofc = await newOffice();
    const body = (name: string) => ({ name, policeNumber: policeNumber(), phone: phone(), role: 'community_officer', username: `co${unique()}`, stationId: station.id, officeId: ofc.id });
    const first = await office.post<Officer & { credentials: InitialCredentials }>('/directory/officers', body('甲民警'));
    expect(first.credentials.username).toBe(first.username);
    expect((await office.get<Office>(`/directory/offices/${ofc.id}`)).communityOfficerId).toBe(first.id);

    const second = body('乙民警');
    const before = await tableDigest(config);
    await expectError(office.post('/directory/officers', second), 409, 'CONFLICT', 'officeId');
    expect(await tableDigest(config)).toEqual(before);

    // The Cognito user exists, in the role's group, with the admin-set attributes.
    const user = await cognito().send(new AdminGetUserCommand({ UserPoolId: config.userPoolId, Username: first.username }));
    const attributes = Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
    expect(attributes).toMatchObject({ 'custom:tenantId': TENANT, 'custom:officerId': first.id, 'custom:unitId': ofc.id });
    const groups = await cognito().send(new AdminListGroupsForUserCommand({ UserPoolId: config.userPoolId, Username: first.username }));
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(['community_officer']);

    await office.post(`/directory/officers/${first.id}/deactivate`, { version: first.version, reason: '调离' });
    const disabled = await cognito().send(new AdminGetUserCommand({ UserPoolId: config.userPoolId, Username: first.username }));
    expect(disabled.Enabled).toBe(false);
    await expect(signIn(config, first.username, first.credentials.temporaryPassword)).rejects.toThrow();
    expect((await office.get<Office>(`/directory/offices/${ofc.id}`)).communityOfficerId).toBeUndefined();

    const replacement = await office.post<Officer>('/directory/officers', second);
    expect((await office.get<Office>(`/directory/offices/${ofc.id}`)).communityOfficerId).toBe(replacement.id);
  });

  it('allows one contact officer per workstation, and moves him atomically', async () => {
    const ofc = await newOffice();
    const w1 = await newWorkstation(ofc.id);
    const w2 = await newWorkstation(ofc.id);
    const make = (workstationId: string) =>
      office.post<Officer>('/directory/officers', { name: '包村民警', policeNumber: policeNumber(), phone: phone(), role: 'contact_officer', username: `ct${unique()}`, departmentId: department, workstationId });
    const a = await make(w1.id);
    await expectError(make(w1.id), 409, 'CONFLICT', 'workstationId');
    const moved = await office.put<Officer>(`/directory/officers/${a.id}`, { version: a.version, workstationId: w2.id });
    expect(moved.workstationId).toBe(w2.id);
    expect((await office.get<Workstation>(`/directory/workstations/${w1.id}`)).contactOfficerId).toBeUndefined();
    expect((await office.get<Workstation>(`/directory/workstations/${w2.id}`)).contactOfficerId).toBe(a.id);
    const b = await make(w1.id);
    expect((await office.get<Workstation>(`/directory/workstations/${w1.id}`)).contactOfficerId).toBe(b.id);
  });

  it('refuses a duplicate username or police number, naming the field', async () => {
    const existing = await office.get<Page<Officer>>('/directory/officers', { limit: 1 });
    const taken = existing.items[0]!;
    const base = { name: '重复', phone: phone(), role: 'program_office' };
    await expectError(office.post('/directory/officers', { ...base, policeNumber: policeNumber(), username: taken.username }), 409, 'CONFLICT', 'username');
    await expectError(office.post('/directory/officers', { ...base, policeNumber: taken.policeNumber, username: `u${unique()}` }), 409, 'CONFLICT', 'policeNumber');
  });
});

describe('lists, idempotency and versions', () => {
  it('pages through a list with an opaque cursor', async () => {
    for (let i = 0; i < 3; i++) await office.post<Department>('/directory/departments', { name: `分页测试${unique()}` });
    const first = await office.get<Page<Department>>('/directory/departments', { limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = await office.get<Page<Department>>('/directory/departments', { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((d) => d.id)).not.toContain(first.items[0]!.id);
    await expectError(office.get('/directory/departments', { cursor: 'not-a-cursor' }), 400, 'VALIDATION_FAILED', 'cursor');
  });

  it('replays a POST with the same Idempotency-Key and refuses the key for another body', async () => {
    const key = randomUUID();
    const body = { name: `幂等测试${unique()}` };
    const a = await office.post<Department>('/directory/departments', body, key);
    const b = await office.post<Department>('/directory/departments', body, key);
    expect(b.id).toBe(a.id);
    const listed = await office.get<Page<Department>>('/directory/departments', { limit: 200 });
    expect(listed.items.filter((d) => d.name === body.name)).toHaveLength(1);
    await expectError(office.post('/directory/departments', { name: '另一个' }, key), 422, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('counts versions and refuses concurrent edits of the same version', async () => {
    const d = await office.post<Department>('/directory/departments', { name: `并发测试${unique()}` });
    const results = await Promise.allSettled([
      office.put(`/directory/departments/${d.id}`, { version: 1, name: `甲${unique()}` }),
      office.put(`/directory/departments/${d.id}`, { version: 1, name: `乙${unique()}` }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await office.get<Department>(`/directory/departments/${d.id}`)).version).toBe(2);
  });
});
