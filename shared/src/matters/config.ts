import * as z from 'zod';
import { AGENCY_KINDS } from '../directory/labels';
import { text } from '../fields';
import { ROLES } from '../roles';
import type { Severity } from './kinds';

/** Stable, tenant-chosen category ids: `public_order`, `land_forest`, … */
export const categoryIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, { message: '须为 2–40 位小写字母、数字或下划线，以字母开头 / category id: 2–40 of a-z 0-9 _' });

export const matterCategorySchema = z.strictObject({
  id: categoryIdSchema,
  name: text(30),
  /** Inactive categories stay for old matters but are not offered at intake. */
  active: z.boolean(),
});
export type MatterCategory = z.infer<typeof matterCategorySchema>;

/** Police units a matter can be routed to; the concrete unit follows from the matter's village. */
export const POLICE_ROUTE_UNITS = ['station', 'office', 'workstation', 'department'] as const;
export type PoliceRouteUnit = (typeof POLICE_ROUTE_UNITS)[number];

/** Category → responsible body: a police unit type, or an agency kind (综治成员单位). */
export const matterRouteSchema = z.discriminatedUnion('target', [
  z.strictObject({ target: z.literal('police'), unitType: z.enum(POLICE_ROUTE_UNITS) }),
  z.strictObject({ target: z.literal('agency'), agencyKind: z.enum(AGENCY_KINDS) }),
]);
export type MatterRoute = z.infer<typeof matterRouteSchema>;

const hours = z.number().positive().max(24 * 365);
/** Both deadlines count wall-clock hours from the moment of assignment. */
export const slaEntrySchema = z
  .strictObject({ acceptHours: hours, feedbackHours: hours })
  .refine((e) => e.feedbackHours >= e.acceptHours, {
    path: ['feedbackHours'],
    message: '反馈时限不能短于签收时限 / feedbackHours must not be shorter than acceptHours',
  });
export type SlaEntry = z.infer<typeof slaEntrySchema>;

/**
 * One rung of an escalation ladder: who is told, once the matter is overdue by at least
 * `afterOverdueHours`. Rung 0 is the assignee itself (`afterOverdueHours` 0).
 */
export const escalationLevelSchema = z.strictObject({
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
  afterOverdueHours: z.number().min(0).max(24 * 365),
});
export type EscalationLevel = z.infer<typeof escalationLevelSchema>;

const ladderSchema = z
  .array(escalationLevelSchema)
  .min(2)
  .max(8)
  .superRefine((ladder, ctx) => {
    ladder.forEach((level, i) => {
      const prev = ladder[i - 1];
      if (prev && level.afterOverdueHours < prev.afterOverdueHours) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'afterOverdueHours'],
          message: '升级时限须逐级递增 / afterOverdueHours must not decrease up the ladder',
        });
      }
    });
  });

export const matterConfigSchema = z
  .strictObject({
    categories: z.array(matterCategorySchema).min(1).max(100),
    /** categoryId → responsible body. */
    routing: z.record(categoryIdSchema, matterRouteSchema),
    /** categoryId → severity → deadlines. */
    sla: z.record(categoryIdSchema, z.strictObject({ high: slaEntrySchema, medium: slaEntrySchema, low: slaEntrySchema })),
    /** 督导: a reminder this many hours before a deadline. */
    remindBeforeHours: z.number().min(0).max(24 * 30),
    /** Escalation for matters held by a police unit, and for matters held by an agency. */
    escalation: z.strictObject({ police: ladderSchema, agency: ladderSchema }),
    duplicates: z.strictObject({
      /** Same village and category within this many days… */
      windowDays: z.number().int().min(1).max(365),
      /** …and text similarity (character-bigram Jaccard, 0–1) at least this. */
      minScore: z.number().min(0).max(1),
    }),
  })
  .superRefine((config, ctx) => {
    const ids = new Set<string>();
    config.categories.forEach((category, i) => {
      if (ids.has(category.id)) {
        ctx.addIssue({ code: 'custom', path: ['categories', i, 'id'], message: `分类编号重复：${category.id} / duplicate category id` });
      }
      ids.add(category.id);
      if (!config.routing[category.id]) {
        ctx.addIssue({ code: 'custom', path: ['routing', category.id], message: `分类“${category.name}”缺少分派规则 / category has no route` });
      }
      if (!config.sla[category.id]) {
        ctx.addIssue({ code: 'custom', path: ['sla', category.id], message: `分类“${category.name}”缺少办理时限 / category has no SLA` });
      }
    });
    for (const key of ['routing', 'sla'] as const) {
      for (const id of Object.keys(config[key])) {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: [key, id], message: `未知分类：${id} / unknown category` });
      }
    }
  });
export type MatterConfig = z.infer<typeof matterConfigSchema>;

type Sla = Record<Severity, SlaEntry>;
const STANDARD_SLA: Sla = {
  high: { acceptHours: 2, feedbackHours: 24 },
  medium: { acceptHours: 8, feedbackHours: 72 },
  low: { acceptHours: 24, feedbackHours: 168 },
};
/** Public order and traffic: police business, faster. */
const URGENT_SLA: Sla = {
  high: { acceptHours: 1, feedbackHours: 12 },
  medium: { acceptHours: 4, feedbackHours: 48 },
  low: { acceptHours: 12, feedbackHours: 120 },
};
/** Services and infrastructure: paperwork and works take longer. */
const SLOW_SLA: Sla = {
  high: { acceptHours: 4, feedbackHours: 72 },
  medium: { acceptHours: 24, feedbackHours: 168 },
  low: { acceptHours: 48, feedbackHours: 360 },
};

const DEFAULT_CATEGORIES: Array<{ id: string; name: string; route: MatterRoute; sla: Sla }> = [
  { id: 'public_order', name: '治安', route: { target: 'police', unitType: 'office' }, sla: URGENT_SLA },
  { id: 'traffic', name: '交通', route: { target: 'police', unitType: 'station' }, sla: URGENT_SLA },
  { id: 'neighbour', name: '邻里纠纷', route: { target: 'police', unitType: 'workstation' }, sla: STANDARD_SLA },
  { id: 'marriage_family', name: '婚姻家庭', route: { target: 'agency', agencyKind: 'justice' }, sla: STANDARD_SLA },
  { id: 'land_forest', name: '土地山林', route: { target: 'agency', agencyKind: 'natural_resources' }, sla: STANDARD_SLA },
  { id: 'labour', name: '劳资', route: { target: 'agency', agencyKind: 'human_resources' }, sla: STANDARD_SLA },
  { id: 'civil_assistance', name: '民政救助', route: { target: 'agency', agencyKind: 'civil_affairs' }, sla: STANDARD_SLA },
  { id: 'hukou_documents', name: '户籍证件', route: { target: 'police', unitType: 'station' }, sla: SLOW_SLA },
  { id: 'sanitation', name: '环境卫生', route: { target: 'agency', agencyKind: 'township' }, sla: SLOW_SLA },
  { id: 'infrastructure', name: '基础设施', route: { target: 'agency', agencyKind: 'housing' }, sla: SLOW_SLA },
  { id: 'road_safety', name: '道路安全隐患', route: { target: 'agency', agencyKind: 'transport' }, sla: STANDARD_SLA },
  { id: 'other', name: '其他', route: { target: 'agency', agencyKind: 'township' }, sla: STANDARD_SLA },
];

const POLICE_LADDER: EscalationLevel[] = [
  { roles: ['community_officer', 'contact_officer'], afterOverdueHours: 0 },
  { roles: ['station_chief'], afterOverdueHours: 0 },
  { roles: ['program_office'], afterOverdueHours: 24 },
  { roles: ['governance_office', 'bureau_leader'], afterOverdueHours: 72 },
];
const AGENCY_LADDER: EscalationLevel[] = [
  { roles: ['agency_staff'], afterOverdueHours: 0 },
  { roles: ['program_office'], afterOverdueHours: 0 },
  { roles: ['governance_office', 'bureau_leader'], afterOverdueHours: 48 },
];

/** The seed county's matter rules (Chinese defaults); every county may change them. */
export const DEFAULT_MATTER_CONFIG: MatterConfig = {
  categories: DEFAULT_CATEGORIES.map(({ id, name }) => ({ id, name, active: true })),
  routing: Object.fromEntries(DEFAULT_CATEGORIES.map((c) => [c.id, c.route])),
  // Copies, so that changing one category's SLA never changes another's.
  sla: Object.fromEntries(DEFAULT_CATEGORIES.map((c) => [c.id, structuredClone(c.sla)])),
  remindBeforeHours: 4,
  escalation: { police: POLICE_LADDER, agency: AGENCY_LADDER },
  duplicates: { windowDays: 7, minScore: 0.35 },
};

/** Routing suggestion for a category (triage desk); undefined for an unknown category. */
export function routeFor(config: MatterConfig, categoryId: string): MatterRoute | undefined {
  return config.routing[categoryId];
}

