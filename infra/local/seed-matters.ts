import { bestScope, DEFAULT_MATTER_CONFIG, type Action, type Assignee, type MatterDetail, type Role } from '@beatlink/shared';
import { getMatterRecord, queryMatters } from '@beatlink/functions/data/matters';
import { AppError } from '@beatlink/functions/lib/app-error';
import { fixedClock } from '@beatlink/functions/lib/clock';
import type { TenantContext } from '@beatlink/functions/lib/tenant-context';
import { defaultDeps, type ServiceDeps } from '@beatlink/functions/services/deps';
import { updateMatterDispute } from '@beatlink/functions/services/matters/disputes';
import { createMatter } from '@beatlink/functions/services/matters/intake';
import { transitionMatter } from '@beatlink/functions/services/matters/transitions';
import { completeAttachment, createAttachment, defaultAttachmentDeps } from '@beatlink/functions/services/attachments/attachments';
import { demoPhoto } from './demo-photo';
import { planMatterStories, type MatterStory } from './matter-stories';
import type { CountyPlan, SeedSize } from './seed-plan';

/**
 * Plays the demo county's matter stories (matter-stories.ts) through the same services the API
 * calls, each step at its own moment in the past (an injected clock), as the people who would
 * make it: the village's community officer takes it in, the program office triages and assigns,
 * the holder's officer or agency staff accepts and answers, the office verifies and closes. So a
 * newcomer opens a county with a few weeks of matters in every state, some of them overdue.
 */
const HOUR = 3_600_000;

export interface People {
  programOffice: TenantContext;
  byOffice: Map<string, TenantContext>;
  byWorkstation: Map<string, TenantContext>;
  byStation: Map<string, TenantContext>;
  byAgency: Map<string, TenantContext>;
}

function person(tenantId: string, username: string, name: string, role: Role, action: Action, ids: { officerId?: string; unitId?: string; agencyId?: string }): TenantContext {
  return { tenantId, username, name, roles: [role], ...ids, scope: bestScope([role], action) ?? 'own' };
}

export function peopleOf(plan: CountyPlan, id: (key: string) => string): People {
  const people: People = { programOffice: undefined as never, byOffice: new Map(), byWorkstation: new Map(), byStation: new Map(), byAgency: new Map() };
  for (const officer of plan.officers) {
    const { role, username, name } = officer.input;
    const p = officer.placement;
    const officerId = id(officer.key);
    if (role === 'program_office' && !people.programOffice) {
      people.programOffice = person(plan.tenantId, username, name, role, 'matter.transition', { officerId, unitId: p.departmentKey && id(p.departmentKey) });
    } else if (role === 'community_officer' && p.officeKey) {
      people.byOffice.set(id(p.officeKey), person(plan.tenantId, username, name, role, 'matter.create', { officerId, unitId: id(p.officeKey) }));
    } else if (role === 'contact_officer' && p.workstationKey) {
      people.byWorkstation.set(id(p.workstationKey), person(plan.tenantId, username, name, role, 'matter.transition', { officerId, unitId: id(p.workstationKey) }));
    } else if (role === 'station_chief' && p.stationKey) {
      people.byStation.set(id(p.stationKey), person(plan.tenantId, username, name, role, 'matter.transition', { officerId, unitId: id(p.stationKey) }));
    }
  }
  for (const staff of plan.agencyStaff) {
    const agencyId = id(staff.agencyKey);
    if (!people.byAgency.has(agencyId)) {
      people.byAgency.set(agencyId, person(plan.tenantId, staff.input.username, staff.input.name, 'agency_staff', 'matter.transition', { agencyId }));
    }
  }
  return people;
}

interface Place {
  villageId: string;
  officeId: string;
  workstationId: string;
  stationId: string;
}

/** The holder the routing table names for the category, and who answers for it. */
function holderFor(plan: CountyPlan, id: (key: string) => string, people: People, story: MatterStory, place: Place): { assignee: Assignee; actor: TenantContext } | undefined {
  const route = DEFAULT_MATTER_CONFIG.routing[story.categoryId];
  if (route?.target === 'agency') {
    const agency = plan.agencies.find((a) => a.input.kind === route.agencyKind) ?? plan.agencies.find((a) => a.input.kind === 'township');
    const actor = agency && people.byAgency.get(id(agency.key));
    if (agency && actor) return { assignee: { type: 'agency', id: id(agency.key) }, actor };
  }
  const unitType = route?.target === 'police' ? route.unitType : 'office';
  if (unitType === 'station') {
    const actor = people.byStation.get(place.stationId);
    if (actor) return { assignee: { type: 'station', id: place.stationId }, actor };
  }
  if (unitType === 'workstation') {
    const actor = people.byWorkstation.get(place.workstationId);
    if (actor) return { assignee: { type: 'workstation', id: place.workstationId }, actor };
  }
  const actor = people.byOffice.get(place.officeId);
  return actor ? { assignee: { type: 'office', id: place.officeId }, actor } : undefined;
}

/** A photo uploaded as the phone does it: pre-signed PUT, then confirmed. */
async function uploadPhoto(taker: TenantContext, name: string, whenMs: number): Promise<string> {
  const bytes = demoPhoto(name.length * 31 + name.charCodeAt(name.length - 1));
  const deps = { ...defaultAttachmentDeps(), clock: fixedClock(new Date(whenMs).toISOString()) };
  const { attachment, upload } = await createAttachment(taker, { fileName: `现场照片-${name}.png`, contentType: 'image/png', size: bytes.length }, deps);
  const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: new Uint8Array(bytes) });
  if (!put.ok) throw new Error(`demo photo upload failed: ${put.status} ${await put.text()}`);
  await completeAttachment(taker, attachment.id, deps);
  return attachment.id;
}

const at = (ms: number): ServiceDeps => ({ ...defaultDeps(), clock: fixedClock(new Date(ms).toISOString()) });

/** Steps happen in order, each a little after the previous, never after `now`. */
function timeline(startMs: number, nowMs: number) {
  let last = startMs;
  return (wantedMs: number) => {
    last = Math.min(Math.max(wantedMs, last + 60_000), nowMs - 60_000);
    return last;
  };
}

async function play(story: MatterStory, plan: CountyPlan, id: (key: string) => string, people: People, places: Place[], nowMs: number, mergeTarget: (key: string) => string | undefined): Promise<string> {
  const place = places[story.villageIndex % places.length]!;
  const office = people.programOffice;
  const taker = story.source === 'office' ? office : (people.byOffice.get(place.officeId) ?? office);
  const t0 = nowMs - story.ageHours * HOUR;
  const next = timeline(t0, nowMs);
  const attachmentIds: string[] = [];
  for (let i = 0; i < story.photos; i++) attachmentIds.push(await uploadPhoto(taker, `${story.key}-${i}`, t0));
  let m: MatterDetail | { id: string; version: number } = await createMatter(
    taker,
    {
      kind: story.kind,
      source: story.source,
      villageId: place.villageId,
      categoryId: story.categoryId,
      severity: story.severity,
      description: story.description,
      ...(story.reporter ? { reporter: story.reporter } : {}),
      occurredAt: new Date(t0 - 2 * HOUR).toISOString(),
      ...(attachmentIds.length ? { attachmentIds } : {}),
      ...(story.dispute ? { dispute: { ...story.dispute, riskLevel: story.severity, mediations: [], followUps: [], resolvedAtVillage: false, escalated: false, turnedIntoCase: false } } : {}),
    },
    at(t0),
  );
  const step = async (actor: TenantContext, name: Parameters<typeof transitionMatter>[1], body: Record<string, unknown>, when: number) => {
    for (let attempt = 1; ; attempt++) {
      try {
        m = await transitionMatter(actor, name, m.id, { version: m.version, ...body } as never, at(when));
        return m as MatterDetail;
      } catch (error) {
        // The supervision job may touch a matter between two steps (it runs every 15 minutes).
        if (attempt >= 3 || !(error instanceof AppError) || error.status !== 409) throw error;
        m = (await getMatterRecord(plan.tenantId, m.id))!;
      }
    }
  };
  if (story.until === 'triage') return m.id;
  await step(office, 'triage', { severity: story.severity, policeBusiness: story.policeBusiness }, next(t0 + 0.5 * HOUR));
  if (story.until === 'merged') {
    const into = story.mergeInto && mergeTarget(story.mergeInto);
    if (into) await step(office, 'merge', { intoMatterId: into, note: '同一事项重复反映' }, next(t0 + HOUR));
    return m.id;
  }
  if (story.until === 'closed_resolved' && story.ageHours > 200 && story.kind === 'service' && story.policeBusiness) {
    // Settled on the spot: 当场办结, no assignment.
    await step(office, 'close', { outcome: 'resolved', note: '当场办结' }, next(t0 + HOUR));
    return m.id;
  }
  const holder = holderFor(plan, id, people, story, place);
  if (!holder) return m.id;
  const assigned = await step(office, 'assign', { assignee: holder.assignee }, next(t0 + HOUR));
  if (story.until === 'assigned') return m.id;
  const span = (field: 'acceptBy' | 'feedbackBy', share: number) => Date.parse(assigned.assignedAt!) + (Date.parse(assigned[field]!) - Date.parse(assigned.assignedAt!)) * share;
  if (story.stalled && story.until === 'accepted') {
    await step(holder.actor, 'accept', {}, next(span('acceptBy', 0.5)));
    return m.id;
  }
  await step(holder.actor, 'accept', { note: '已签收，尽快办理' }, next(span('acceptBy', 0.4)));
  if (story.until === 'accepted') return m.id;
  await step(holder.actor, 'feedback', { outcome: story.outcome, note: FEEDBACK[story.outcome] }, next(span('feedbackBy', 0.5)));
  if (story.reopenedOnce || story.until === 'reopened') {
    await step(office, 'verify', { satisfied: false, method: 'phone', note: '回访群众表示问题未彻底解决' }, next(span('feedbackBy', 0.6)));
    if (story.until === 'reopened') return m.id;
    await step(office, 'reassign', { assignee: holder.assignee, reason: '回访不满意，重新交办' }, next(span('feedbackBy', 0.65)));
    await step(holder.actor, 'accept', {}, next(span('feedbackBy', 0.7)));
    await step(holder.actor, 'feedback', { outcome: story.outcome, note: FEEDBACK[story.outcome] }, next(span('feedbackBy', 0.8)));
  }
  if (story.until === 'feedback_given') return m.id;
  await step(office, 'verify', { satisfied: true, method: 'phone', note: '电话回访，群众满意' }, next(span('feedbackBy', 0.9)));
  // Agency staff answer for their agency; the mediation record is kept by the police side.
  if (story.dispute) await settleDispute(holder.actor.roles.includes('agency_staff') ? office : holder.actor, m.id, story, next(span('feedbackBy', 0.9)));
  if (story.until === 'verified') return m.id;
  await step(office, 'close', { outcome: story.outcome }, next(span('feedbackBy', 1)));
  return m.id;
}

const FEEDBACK: Record<MatterStory['outcome'], string> = {
  resolved: '已会同村委会现场处理，问题已解决',
  partially_resolved: '已协调处理部分问题，其余事项需上级部门解决',
  unresolved: '经多次协调未能解决，已向群众做好解释',
  not_responsible: '经核实不属本单位职责，已告知群众相关办理渠道',
};

/** A mediated dispute: the session, the agreement and where it was settled. */
async function settleDispute(actor: TenantContext, matterId: string, story: MatterStory, when: number) {
  const day = new Date(when).toISOString().slice(0, 10);
  const escalated = story.outcome !== 'resolved';
  await updateMatterDispute(
    actor,
    matterId,
    {
      version: 1,
      parties: story.dispute!.parties.map(({ name, role }) => ({ name, role })),
      disputeType: story.dispute!.disputeType,
      riskLevel: story.severity,
      stageFound: story.dispute!.stageFound,
      mediations: [{ date: day, mediator: actor.name, result: escalated ? 'no_agreement' : 'agreement', note: escalated ? '双方分歧较大，建议通过司法途径解决' : '在村委会调解，双方达成一致' }],
      ...(escalated ? {} : { agreement: { date: day, form: 'written' as const, summary: '双方签订调解协议书，按约履行' } }),
      followUps: [],
      resolvedAtVillage: !escalated,
      escalated,
      turnedIntoCase: false,
    },
    at(when),
  );
}

/** Seeds the county's matters unless it has some already (a restart seeds nothing twice). */
export async function seedMatters(
  plan: CountyPlan,
  size: SeedSize,
  id: (key: string) => string,
  options: { limit: <T>(task: () => Promise<T>) => Promise<T>; log: (line: string) => void; now?: number },
): Promise<{ matters: string[]; attachments: string[] }> {
  const existing = await queryMatters(plan.tenantId, {}, { limit: 1 });
  if (existing.items.length > 0) {
    options.log(`seed: ${plan.tenantId} has matters already; none added`);
    return { matters: [], attachments: [] };
  }
  const started = Date.now();
  const nowMs = options.now ?? Date.now();
  const people = peopleOf(plan, id);
  const places: Place[] = plan.villages.map((v) => {
    const office = plan.offices.find((o) => o.key === v.officeKey)!;
    return { villageId: id(v.key), officeId: id(v.officeKey), workstationId: id(v.workstationKey), stationId: id(office.stationKey) };
  });
  const stories = planMatterStories(plan.tenantId, size, places.length);
  const ids = new Map<string, string>();
  const run = (story: MatterStory) => options.limit(() => play(story, plan, id, people, places, nowMs, (key) => ids.get(key)).then((matterId) => ids.set(story.key, matterId)));
  // Duplicates are merged into matters that exist: originals first.
  await Promise.all(stories.filter((s) => s.until !== 'merged').map(run));
  // One after another: two duplicates of one matter would both write it.
  for (const story of stories.filter((s) => s.until === 'merged')) await run(story);
  options.log(`seed: ${plan.tenantId} ${stories.length} matters in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const matters = stories.map((s) => ids.get(s.key)!);
  const attachments = (await Promise.all(matters.map((m) => getMatterRecord(plan.tenantId, m)))).flatMap((m) => m?.attachmentIds ?? []);
  return { matters, attachments };
}
