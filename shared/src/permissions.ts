import type { Role } from './roles';

/**
 * How far a permission reaches. `own`: records the user is (or that are) his own; `unit`: his
 * office, workstation, department or agency; `station`: his station and everything under it;
 * `tenant`: the whole county; `province`: aggregates of every county in his province.
 */
export const SCOPES = ['own', 'unit', 'station', 'tenant', 'province', 'platform'] as const;
export type Scope = (typeof SCOPES)[number];

export const ACTIONS = [
  'me.read',
  'platform.tenant.create',
  'platform.tenant.read',
  'config.read',
  'config.update',
  'directory.read',
  'directory.unit.write',
  'directory.officer.write',
  'directory.agency.read',
  'directory.agency.write',
  'matter.create',
  'matter.read',
  'matter.transition',
  'matter.reveal',
  'matter.dispute.write',
  'matter.figures.read',
  'attachment.create',
  'attachment.read',
  'duty.visit.write',
  'duty.read',
  'duty.absence.file',
  'duty.absence.decide',
  'registry.read',
  'registry.write',
  'registry.reveal',
  'intel.read',
  'intel.write',
  'intel.verify',
  'intel.reveal',
  'analysis.read',
  'analysis.manage',
  'notification.read',
  'notification.outbox.read',
  'assessment.read',
  'assessment.manage',
  'assessment.appeal',
  'assessment.agency.read',
  'province.rollup.read',
  'integration.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

type Grants = Partial<Record<Action, Scope>>;

const POLICE_READ: Grants = {
  'me.read': 'own',
  // Everyone of a county has his own inbox (the bell) and chooses his channels.
  'notification.read': 'own',
  'config.read': 'tenant',
  'directory.read': 'tenant',
  'directory.agency.read': 'tenant',
};

/*
 * Matters: which matters a scope reaches is decided by `matterVisibleTo` (matters/visibility.ts);
 * which transition a role may make, by the transition table (422 otherwise). The matrix says only
 * who may reach the routes at all.
 */
const MATTER_ACTIONS = [
  'matter.create',
  'matter.read',
  'matter.transition',
  'matter.reveal',
  'matter.dispute.write',
  'attachment.create',
  'attachment.read',
] as const satisfies readonly Action[];
type MatterAction = (typeof MATTER_ACTIONS)[number];

/**
 * The register of households, call-backs and village resources (registry): read by the police
 * within their reach (the village's office/workstation for `unit`, the station, the county),
 * written by the field officers and auxiliaries in their villages and by the program office.
 */
const REGISTRY_READ = (scope: Scope): Grants => ({ 'registry.read': scope });
const REGISTRY_WRITE = (scope: Scope): Grants => ({ 'registry.read': scope, 'registry.write': scope });

/** Revealing a household head's phone: the police who reach the village, never auxiliaries. */
const REGISTRY_REVEAL = (scope: Scope): Grants => ({ 'registry.reveal': scope });

/**
 * The information store (信息采集, intel): collected and read by the field officers and
 * auxiliaries in their villages; verified by the station chief (his station) and the program
 * office; ID numbers and phones revealed by officers, chiefs, the office and leaders — never by
 * auxiliaries, the governance office, agencies or the province.
 */
const INTEL_FIELD = (scope: Scope): Grants => ({ 'intel.read': scope, 'intel.write': scope, 'intel.reveal': scope });

/** Assessed officers read their own scores and their group's ranking, and contest an item (申诉). */
const ASSESSED: Grants = { 'assessment.read': 'own', 'assessment.appeal': 'own' };

function matterGrants(scope: Scope, only: readonly MatterAction[] = MATTER_ACTIONS): Grants {
  return Object.fromEntries(only.map((action) => [action, scope]));
}

/**
 * THE permission matrix: role × action → scope. Absent means refused (403). The API enforces it
 * through the route table; the portal reads it only to hide what would be refused.
 */
export const PERMISSIONS: Record<Role, Grants> = {
  platform_admin: {
    'me.read': 'own',
    'platform.tenant.create': 'platform',
    'platform.tenant.read': 'platform',
  },
  // Provincial analysts see cross-county aggregates only, never a county's directory.
  province_viewer: { 'me.read': 'own', 'province.rollup.read': 'province' },
  // Leaders read everything and may urge (催办); they take in no matters themselves.
  bureau_leader: {
    ...POLICE_READ,
    'config.update': 'tenant',
    'matter.figures.read': 'tenant',
    'duty.read': 'tenant',
    ...REGISTRY_READ('tenant'),
    ...REGISTRY_REVEAL('tenant'),
    'intel.read': 'tenant',
    'intel.reveal': 'tenant',
    ...matterGrants('tenant', ['matter.read', 'matter.transition', 'matter.reveal', 'attachment.read']),
    // Leaders chair the weekly analysis (研判讲评) and assign its action items.
    'analysis.read': 'tenant',
    'analysis.manage': 'tenant',
    // 奖惩 follows the ranking: leaders read every score, ranking and agency score.
    'assessment.read': 'tenant',
    'assessment.agency.read': 'tenant',
    // Leaders and the program office connect the county's other systems (API keys, webhooks).
    'integration.manage': 'tenant',
  },
  program_office: {
    ...POLICE_READ,
    ...matterGrants('tenant'),
    'matter.figures.read': 'tenant',
    'duty.read': 'tenant',
    // The program office approves or rejects absence reports (报备).
    'duty.absence.decide': 'tenant',
    'config.update': 'tenant',
    'directory.unit.write': 'tenant',
    'directory.officer.write': 'tenant',
    'directory.agency.write': 'tenant',
    ...REGISTRY_WRITE('tenant'),
    ...REGISTRY_REVEAL('tenant'),
    ...INTEL_FIELD('tenant'),
    'intel.verify': 'tenant',
    // The program office runs 研判讲评: declares sensitive periods, produces and assigns from reports.
    'analysis.read': 'tenant',
    'analysis.manage': 'tenant',
    // Where messages go without e-mail or SMS (the local stack), the office reads the outbox.
    'notification.outbox.read': 'tenant',
    // The office assesses (考核): rules, runs, spot-check call-backs, appeal decisions.
    'assessment.read': 'tenant',
    'assessment.manage': 'tenant',
    'assessment.agency.read': 'tenant',
    'integration.manage': 'tenant',
  },
  // 综治办 leads the linkage with member agencies, so it manages them.
  // Its matters are the linkage matters of the county (matterVisibleTo).
  governance_office: { ...POLICE_READ, ...matterGrants('tenant'), 'matter.figures.read': 'tenant', 'directory.agency.write': 'tenant', ...REGISTRY_READ('tenant'), 'analysis.read': 'tenant', 'assessment.agency.read': 'tenant' },
  station_chief: { ...POLICE_READ, ...matterGrants('station'), 'duty.visit.write': 'own', 'duty.read': 'station', ...REGISTRY_READ('station'), ...REGISTRY_REVEAL('station'), 'intel.read': 'station', 'intel.verify': 'station', 'intel.reveal': 'station', 'analysis.read': 'station', 'assessment.read': 'station' },
  // Officers record their own visits, report their own absences (报备) and see their own duty (警力下沉).
  // Field officers sit in their station's 讲评: they read its reports.
  community_officer: { ...POLICE_READ, ...matterGrants('unit'), 'duty.visit.write': 'own', 'duty.read': 'own', 'duty.absence.file': 'own', ...REGISTRY_WRITE('unit'), ...REGISTRY_REVEAL('unit'), ...INTEL_FIELD('unit'), 'analysis.read': 'station', ...ASSESSED },
  contact_officer: { ...POLICE_READ, ...matterGrants('unit'), 'duty.visit.write': 'own', 'duty.read': 'own', 'duty.absence.file': 'own', ...REGISTRY_WRITE('unit'), ...REGISTRY_REVEAL('unit'), ...INTEL_FIELD('unit'), 'analysis.read': 'station', ...ASSESSED },
  // Auxiliaries enter data; they cannot reveal a resident's phone or take decisions.
  auxiliary: { ...POLICE_READ, ...matterGrants('unit', ['matter.create', 'matter.read', 'attachment.create', 'attachment.read']), ...REGISTRY_WRITE('unit'), 'intel.read': 'unit', 'intel.write': 'unit' },
  // Agency staff see their own agency only, never the police directory; the matters assigned to it.
  agency_staff: {
    'me.read': 'own',
    'notification.read': 'own',
    'directory.agency.read': 'unit',
    // An agency sees its own monthly assessment.
    'assessment.agency.read': 'unit',
    ...matterGrants('unit', ['matter.read', 'matter.transition', 'matter.reveal', 'attachment.create', 'attachment.read']),
  },
};

export function scopeFor(role: Role, action: Action): Scope | undefined {
  return PERMISSIONS[role][action];
}

export function can(role: Role, action: Action): boolean {
  return scopeFor(role, action) !== undefined;
}

/** The widest scope any of the user's roles grants for the action. */
export function bestScope(roles: readonly Role[], action: Action): Scope | undefined {
  let best: Scope | undefined;
  for (const role of roles) {
    const scope = scopeFor(role, action);
    if (scope && (!best || SCOPES.indexOf(scope) > SCOPES.indexOf(best))) best = scope;
  }
  return best;
}
