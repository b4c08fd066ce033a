import * as z from 'zod';
import { DEFAULT_MATTER_CONFIG, matterConfigSchema } from '../matters/config';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '须为 HH:MM / must be HH:MM' });

export const timeZoneSchema = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: '须为 IANA 时区，如 Asia/Shanghai / must be an IANA time zone' },
);

/**
 * A county's configuration. The defaults are the seed county's rules (DOMAIN.md); every county
 * may change them and the software reads them from here, never from a literal.
 */
export const dutyRulesSchema = z.strictObject({
  /** 社区民警每周到社区（村）工作两天以上 */
  communityOfficerMinDaysPerWeek: z.number().int().min(1).max(7),
  /** ISO weekday of the contact officers' village session (2 = Tuesday, 每周二下午). */
  contactOfficerWeekday: z.number().int().min(1).max(7),
  contactOfficerWindowStart: hhmm,
  contactOfficerWindowEnd: hhmm,
  /** 每次工作不少于 3 个小时 */
  contactOfficerMinHours: z.number().min(0.5).max(12),
  /** An approved absence must be made up within this many days (挤出时间补上). */
  makeUpDueDays: z.number().int().min(1).max(60),
  /** A check-in farther than this from the village's position (beyond the fix's accuracy) is flagged. */
  checkInMaxDistanceMetres: z.number().int().min(50).max(50_000),
});

export const directoryRulesSchema = z.strictObject({
  /** 每个警务室管辖周边相邻 1 至 6 个警务工作站 */
  minWorkstationsPerOffice: z.number().int().min(0).max(50),
  maxWorkstationsPerOffice: z.number().int().min(1).max(50),
  /** 配备 2 名辅警 */
  auxiliariesPerOffice: z.number().int().min(0).max(20),
});

/** 研判讲评: when a village counts as a hot spot, and how much a report shows. */
export const analysisRulesSchema = z.strictObject({
  /** A village is a hot spot (热点) with at least this many matters in the period … */
  hotSpotMinMatters: z.number().int().min(1).max(1000),
  /** … and at least this many times its count of the period before (none before counts as a rise). */
  hotSpotRiseFactor: z.number().min(1).max(100),
  /** Villages in a report's ranking. */
  villageRankingSize: z.number().int().min(5).max(100),
  /** Periods in a report's trend, this one included. */
  trendPeriods: z.number().int().min(2).max(26),
});

/** Reminders beside the fixed ones (Tuesday session, deadlines, reports). */
export const reminderRulesSchema = z.strictObject({
  /** ISO weekday of the reminder to community officers still short of their days (4 = Thursday). */
  communityShortWeekday: z.number().int().min(1).max(7),
  /** Make-ups due within this many days are reminded (补课到期提醒). */
  makeUpDueWithinDays: z.number().int().min(1).max(14),
});

export const tenantConfigSchema = z.strictObject({
  timeZone: timeZoneSchema,
  duty: dutyRulesSchema,
  directory: directoryRulesSchema,
  /** Categories, routing, SLA, escalation and duplicate rules of matters (综治联动). */
  matters: matterConfigSchema,
  analysis: analysisRulesSchema,
  reminders: reminderRulesSchema,
});
export type TenantConfig = z.infer<typeof tenantConfigSchema>;

export const DEFAULT_TENANT_CONFIG: TenantConfig = {
  timeZone: 'Asia/Shanghai',
  duty: {
    communityOfficerMinDaysPerWeek: 2,
    contactOfficerWeekday: 2,
    contactOfficerWindowStart: '12:00',
    contactOfficerWindowEnd: '18:00',
    contactOfficerMinHours: 3,
    makeUpDueDays: 14,
    checkInMaxDistanceMetres: 1500,
  },
  directory: { minWorkstationsPerOffice: 1, maxWorkstationsPerOffice: 6, auxiliariesPerOffice: 2 },
  matters: DEFAULT_MATTER_CONFIG,
  analysis: { hotSpotMinMatters: 3, hotSpotRiseFactor: 2, villageRankingSize: 10, trendPeriods: 8 },
  reminders: { communityShortWeekday: 4, makeUpDueWithinDays: 2 },
};

export const configUpdateSchema = z
  .strictObject({
    version: z.number().int().min(1),
    timeZone: timeZoneSchema.optional(),
    duty: dutyRulesSchema.partial().optional(),
    directory: directoryRulesSchema.partial().optional(),
    /** The matter rules are tables that belong together: replaced as a whole. */
    matters: matterConfigSchema.optional(),
    analysis: analysisRulesSchema.partial().optional(),
    reminders: reminderRulesSchema.partial().optional(),
  })
  .meta({ examples: [{ version: 1, duty: { makeUpDueDays: 7 } }] });
export type ConfigUpdateInput = z.infer<typeof configUpdateSchema>;

export interface TenantConfigRecord extends TenantConfig {
  tenantId: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}
