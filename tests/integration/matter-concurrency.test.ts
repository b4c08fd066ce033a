import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { MatterDetail, MatterEvent } from '@beatlink/shared';
import { matterIn, matterWorld, type MatterWorld } from '../lib/matter-fixtures';
import '../support/provided';

/** Versions stop lost updates: of many conflicting transitions made at once, exactly one wins. */
const config = inject('stackConfig');
const logins = inject('logins');
const TENANT = '370283';

let world: MatterWorld;

beforeAll(async () => {
  world = await matterWorld(config, logins, TENANT);
}, 120_000);

describe('concurrent conflicting transitions', () => {
  it('50 at once on one matter → exactly one succeeds, 49 get 409, one timeline event', async () => {
    const matter = await matterIn(world, 'assigned', 'office');
    const timeline = async () => (await world.office.get<{ items: MatterEvent[] }>(`/matters/${matter.id}/timeline`)).items;
    const before = await timeline();
    const officer = world.actors.community_officer!.client;
    const chief = world.actors.station_chief!.client;
    // Accept, return and reassign by three people, all based on the version they read.
    const attempts = Array.from({ length: 50 }, (_, i) => {
      const path = `/matters/${matter.id}`;
      if (i % 3 === 0) return officer.request<MatterDetail>('POST', `${path}/accept`, { body: { version: matter.version } });
      if (i % 3 === 1) return officer.request<MatterDetail>('POST', `${path}/return`, { body: { version: matter.version, reason: `不属于本单位 ${i}` } });
      return chief.request<MatterDetail>('POST', `${path}/reassign`, { body: { version: matter.version, assignee: world.assignee('workstation'), reason: `改派 ${i}` } });
    });
    const answers = await Promise.all(attempts);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);

    const after = await timeline();
    expect(after).toHaveLength(before.length + 1);
    const winner = answers.find((a) => a.status === 200)!.body;
    expect(winner.version).toBe(matter.version + 1);
    const stored = await world.office.get<MatterDetail>(`/matters/${matter.id}`);
    expect(stored).toMatchObject({ version: matter.version + 1, status: winner.status });
    expect(after.at(-1)!.to).toBe(winner.status);
  }, 120_000);
});
