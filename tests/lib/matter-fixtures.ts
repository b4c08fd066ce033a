import { randomUUID } from 'node:crypto';
import type { Assignee, MatterDetail, MatterStatus, MatterViewer, Me, Page, Role, Village } from '@beatlink/shared';
import type { LocalStackConfig } from '@beatlink/infra/local/stack-config';
import { apiAs, type ApiClient } from '../support/api';
import type { TestLogins } from '../support/stack';

/**
 * Matters in any status, for the tests: one village every demo field officer of the county
 * reaches (the demo community officer's office, the demo contact officer's workstation, the demo
 * chief's station), and the three kinds of holder an assigned matter can have.
 */
export type HolderVariant = 'office' | 'workstation' | 'agency';
export const HOLDER_VARIANTS: readonly HolderVariant[] = ['office', 'workstation', 'agency'];

export interface Actor {
  role: Role;
  client: ApiClient;
  me: Me;
  viewer: MatterViewer;
}

export interface MatterWorld {
  tenantId: string;
  village: Village;
  agencyId: string;
  actors: Partial<Record<Role, Actor>>;
  office: ApiClient;
  assignee(variant: HolderVariant): Assignee;
  /** Who accepts and gives feedback for each holder. */
  assigneeActor(variant: HolderVariant): Actor;
}

export async function matterWorld(config: LocalStackConfig, logins: TestLogins, tenantId: string): Promise<MatterWorld> {
  const actors: Partial<Record<Role, Actor>> = {};
  for (const [role, login] of Object.entries(logins.byTenant[tenantId] ?? {}) as Array<[Role, { username: string; password: string }]>) {
    const client = await apiAs(config, login);
    const me = await client.get<Me>('/me');
    actors[role] = { role, client, me, viewer: { roles: me.roles, username: me.username, officerId: me.officerId, unitId: me.unitId, agencyId: me.agencyId } };
  }
  const office = actors.program_office!.client;
  const contact = actors.contact_officer!.me;
  const villages = await office.get<Page<Village>>('/directory/villages', { workstationId: contact.unitId, limit: 50 });
  const village = villages.items.find((v) => v.status === 'active');
  if (!village) throw new Error('no village under the demo contact officer');
  if (village.officeId !== actors.community_officer!.me.unitId) throw new Error('the demo community and contact officers do not share a village');
  const agencyId = actors.agency_staff!.me.agencyId!;
  return {
    tenantId,
    village,
    agencyId,
    actors,
    office,
    assignee: (variant) =>
      variant === 'agency' ? { type: 'agency', id: agencyId } : variant === 'office' ? { type: 'office', id: village.officeId } : { type: 'workstation', id: village.workstationId },
    assigneeActor: (variant) => actors[variant === 'agency' ? 'agency_staff' : variant === 'office' ? 'community_officer' : 'contact_officer']!,
  };
}

const unique = () => randomUUID().slice(0, 8);

/** A new matter, triaged as a linkage matter (so the governance office sees it too), still in triage. */
export async function newMatter(world: MatterWorld, overrides: Record<string, unknown> = {}): Promise<MatterDetail> {
  const created = await world.office.post<MatterDetail>('/matters', {
    kind: 'demand',
    source: 'officer',
    villageId: world.village.id,
    categoryId: 'public_order',
    description: `测试事项 ${unique()}：${unique()} 巷口路灯损坏，夜间通行不便`,
    occurredAt: new Date().toISOString(),
    ...overrides,
  });
  return world.office.post<MatterDetail>(`/matters/${created.id}/triage`, { version: created.version, severity: 'medium', policeBusiness: false });
}

/** Takes a new matter through the loop to `status`, held (where it matters) by `variant`. */
export async function matterIn(world: MatterWorld, status: MatterStatus, variant: HolderVariant = 'office'): Promise<MatterDetail> {
  let m = await newMatter(world);
  const office = world.office;
  const holder = world.assigneeActor(variant).client;
  const step = (client: ApiClient, name: string, body: Record<string, unknown> = {}) =>
    client.post<MatterDetail>(`/matters/${m.id}/${name}`, { version: m.version, ...body }).then((next) => (m = next));
  if (status === 'triage') return m;
  if (status === 'closed_resolved' || status === 'closed_unresolved') {
    return step(office, 'close', { outcome: status === 'closed_resolved' ? 'resolved' : 'unresolved' });
  }
  if (status === 'merged') {
    const target = await newMatter(world);
    return step(office, 'merge', { intoMatterId: target.id });
  }
  await step(office, 'assign', { assignee: world.assignee(variant) });
  if (status === 'assigned') return m;
  await step(holder, 'accept');
  if (status === 'accepted') return m;
  await step(holder, 'feedback', { outcome: 'resolved', note: '已处理完毕' });
  if (status === 'feedback_given') return m;
  if (status === 'verified') return step(office, 'verify', { satisfied: true, method: 'phone' });
  if (status === 'reopened') return step(office, 'verify', { satisfied: false, method: 'phone', note: '群众反映问题仍在' });
  throw new Error(`cannot drive a matter to ${status}`);
}
