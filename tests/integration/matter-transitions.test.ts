import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  MATTER_STATUSES,
  TRANSITIONS,
  TRANSITION_TABLE,
  bestScope,
  isAssignee,
  matterVisibleTo,
  type MatterDetail,
  type MatterEvent,
  type MatterStatus,
  type Role,
  type TransitionName,
} from '@beatlink/shared';
import { callersOf } from '../lib/route-fixtures';
import { HOLDER_VARIANTS, matterIn, matterWorld, newMatter, type HolderVariant, type MatterWorld } from '../lib/matter-fixtures';
import { apiAs, type ApiClient } from '../support/api';
import '../support/provided';

/**
 * Generated from the shared transition table: every transition, from every status, by every
 * role — allowed exactly where the table (and the assignee rule) allows it, 422 where it does
 * not, 403 where the role may not reach the route, 404 where the role may not see the matter.
 * Refused attempts change nothing; allowed ones write exactly one timeline event.
 */
const config = inject('stackConfig');
const logins = inject('logins');
const TENANT = '370283';

let world: MatterWorld;
let mergeTarget: MatterDetail;
const clients = new Map<string, ApiClient>();

/** Statuses whose outcome depends on who holds the matter are tried with each kind of holder. */
const HOLDER_DEPENDENT = new Set<MatterStatus>(['assigned', 'accepted', 'feedback_given', 'verified', 'reopened']);
const CASES = MATTER_STATUSES.flatMap((status) => (HOLDER_DEPENDENT.has(status) ? HOLDER_VARIANTS : (['office'] as const)).map((variant) => ({ status, variant })));

function bodyFor(name: TransitionName, matter: MatterDetail, variant: HolderVariant, mergeInto = mergeTarget.id): Record<string, unknown> {
  const version = matter.version;
  switch (name) {
    case 'triage':
      return { version, severity: 'high', policeBusiness: false, note: '研判' };
    case 'assign':
      return { version, assignee: world.assignee(variant) };
    case 'reassign':
      return { version, assignee: world.assignee(variant === 'agency' ? 'office' : 'agency'), reason: '改派测试' };
    case 'accept':
      return { version };
    case 'feedback':
      return { version, outcome: 'resolved', note: '已办理' };
    case 'verify':
      return { version, satisfied: true, method: 'phone' };
    case 'close':
      return { version, outcome: 'resolved' };
    case 'merge':
      return { version, intoMatterId: mergeInto };
    case 'return':
    case 'urge':
    case 'escalate':
      return { version, reason: `${name} 测试理由` };
  }
}

/** What the API must answer, from the shared rules alone. */
function expected(role: Role, name: TransitionName, matter: MatterDetail): 200 | 403 | 404 | 422 {
  if (!bestScope([role], 'matter.transition')) return 403;
  const actor = world.actors[role];
  if (!actor || !matterVisibleTo(actor.viewer, matter)) return 404;
  const rule = TRANSITION_TABLE[name];
  if (!rule.from.includes(matter.status) || !rule.roles.includes(role)) return 422;
  if (rule.assigneeOnly && !isAssignee(actor.viewer, matter)) return 422;
  return 200;
}

const callers = callersOf(logins, TENANT);

beforeAll(async () => {
  world = await matterWorld(config, logins, TENANT);
  mergeTarget = await newMatter(world);
  for (const caller of callers) clients.set(caller.role, await apiAs(config, caller.login));
}, 120_000);

const timeline = async (id: string) => (await world.office.get<{ items: MatterEvent[] }>(`/matters/${id}/timeline`)).items;

describe('every transition × status × role follows the shared table', () => {
  const seen = { allowed: new Set<TransitionName>(), refused: new Set<TransitionName>() };

  for (const { status, variant } of CASES) {
    it(`from ${status} (held by ${variant})`, async () => {
      const matter = await matterIn(world, status, variant);
      expect(matter.status).toBe(status);
      const before = await timeline(matter.id);
      const attempts = callers.flatMap((caller) => TRANSITIONS.map((name) => ({ caller, name, want: expected(caller.role, name, matter) })));

      // Refusals first, all at once on the same matter: none may change it.
      const refused = attempts.filter((a) => a.want !== 200);
      const answers = await Promise.all(
        refused.map((a) => clients.get(a.caller.role)!.request('POST', `/matters/${matter.id}/${a.name}`, { body: bodyFor(a.name, matter, variant) })),
      );
      refused.forEach((a, i) => {
        expect(answers[i]!.status, `${a.caller.label} ${a.name} from ${status}: ${JSON.stringify(answers[i]!.body)}`).toBe(a.want);
        if (a.want === 422) seen.refused.add(a.name);
      });
      const after = await world.office.get<MatterDetail>(`/matters/${matter.id}`);
      expect(after.version).toBe(matter.version);
      expect(await timeline(matter.id)).toHaveLength(before.length);

      // Each allowed attempt on a fresh matter in the same status (in parallel: they are
      // independent): the table's target status, and exactly one new timeline event.
      await Promise.all(
        attempts
          .filter((x) => x.want === 200)
          .map(async (a) => {
            const fresh = await matterIn(world, status, variant);
            // Merges made at once into one target would conflict on it: each gets its own.
            const into = a.name === 'merge' ? (await newMatter(world)).id : undefined;
            const events = (await timeline(fresh.id)).length;
            const answer = await clients.get(a.caller.role)!.request<MatterDetail>('POST', `/matters/${fresh.id}/${a.name}`, { body: bodyFor(a.name, fresh, variant, into) });
            expect(answer.status, `${a.caller.label} ${a.name} from ${status}: ${JSON.stringify(answer.body)}`).toBe(200);
            expect(TRANSITION_TABLE[a.name].toAny).toContain(answer.body.status);
            expect(answer.body.version).toBe(fresh.version + 1);
            const after = await timeline(fresh.id);
            expect(after).toHaveLength(events + 1);
            expect(after.at(-1)).toMatchObject({ type: a.name, from: status, to: answer.body.status, by: a.caller.login.username });
            seen.allowed.add(a.name);
          }),
      );
    }, 120_000);
  }

  it('exercised every transition both allowed and refused', () => {
    expect([...seen.allowed].sort()).toEqual([...TRANSITIONS].sort());
    expect([...seen.refused].sort()).toEqual([...TRANSITIONS].sort());
  });
});
