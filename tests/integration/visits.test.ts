import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { isoWeekOf, type Page, type Village, type Visit } from '@beatlink/shared';
import { matterWorld, type MatterWorld } from '../lib/matter-fixtures';
import '../support/provided';

/** Visits to the villages: check in (flagged when far, kept once when resent), check out, who sees them. */
const config = inject('stackConfig');
const logins = inject('logins');
const TENANT = '370283';

let world: MatterWorld;
let village: Village;

beforeAll(async () => {
  world = await matterWorld(config, logins, TENANT);
  village = await world.office.get<Village>(`/directory/villages/${world.village.id}`);
  // Other suites edit this village; the distance checks need it to have a position.
  if (!village.location) {
    village = await world.office.put<Village>(`/directory/villages/${village.id}`, { version: village.version, location: { lat: 36.781, lng: 119.962 } });
  }
}, 120_000);

describe('visits', () => {
  it('checks in (far away: flagged, not refused), is stored once when resent, and checks out', async () => {
    const officer = world.actors.community_officer!.client;
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const far = { lat: village.location!.lat + 0.1, lng: village.location!.lng, accuracy: 20 };
    const key = randomUUID();
    const first = await officer.request<Visit>('POST', '/visits', { body: { villageId: village.id, at, position: far }, idempotencyKey: key });
    const again = await officer.request<Visit>('POST', '/visits', { body: { villageId: village.id, at, position: far }, idempotencyKey: key });
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(first.body.checkInFlag).toMatchObject({ flagged: true, reason: 'too_far' });
    expect(first.body.checkInFlag.distanceMetres).toBeGreaterThan(10_000);
    const week = await officer.get<Page<Visit>>('/visits', { week: isoWeekOf(at, 'Asia/Shanghai'), limit: 200 });
    expect(week.items.filter((v) => v.id === first.body.id)).toHaveLength(1);

    const out = await officer.post<Visit>(`/visits/${first.body.id}/check-out`, { version: 1, at: new Date().toISOString(), householdsVisited: 4, peopleTalkedTo: 7, matterIds: [] });
    expect(out).toMatchObject({ status: 'closed', householdsVisited: 4, version: 2 });
    expect(out.minutes).toBeGreaterThanOrEqual(59);
    const twice = await officer.request('POST', `/visits/${first.body.id}/check-out`, { body: { version: 2, at: new Date().toISOString(), householdsVisited: 4, peopleTalkedTo: 7 } });
    expect(twice.status).toBe(409);

    // Near the village: not flagged.
    const near = await officer.post<Visit>('/visits', { villageId: village.id, at: new Date().toISOString(), position: { ...village.location!, accuracy: 15 } });
    expect(near.checkInFlag.flagged).toBe(false);

    // Another officer does not see it; the program office does.
    expect((await world.actors.contact_officer!.client.request('GET', `/visits/${first.body.id}`)).status).toBe(404);
    expect((await world.office.get<Visit>(`/visits/${first.body.id}`)).officerId).toBe(world.actors.community_officer!.me.officerId);
  });

  it('refuses times in the future or older than a week, naming the field', async () => {
    const officer = world.actors.community_officer!.client;
    for (const at of [new Date(Date.now() + 3_600_000).toISOString(), new Date(Date.now() - 8 * 86_400_000).toISOString()]) {
      const answer = await officer.request<{ error: { details: Array<{ path: string }> } }>('POST', '/visits', { body: { villageId: village.id, at } });
      expect(answer.status).toBe(400);
      expect(answer.body.error.details.map((d) => d.path)).toContain('at');
    }
    expect((await world.actors.auxiliary!.client.request('POST', '/visits', { body: { villageId: village.id, at: new Date().toISOString() } })).status).toBe(403);
  });
});
