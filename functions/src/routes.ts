import * as z from 'zod';
import * as s from '@beatlink/shared';
// Until shared/src/index.ts exports duty/absences, its schemas come from the module itself.
import * as absences from '@beatlink/shared/duty/absences';
// Likewise registry/households until shared/src/index.ts exports it.
import * as registry from '@beatlink/shared/registry/households';
import * as intel from '@beatlink/shared/intel/records';
import type { Action } from '@beatlink/shared';

/**
 * THE route table. The CDK api stack puts every entry on the HTTP API behind the JWT authorizer,
 * the local gateway serves the same entries, each bounded context's router dispatches them, and
 * the generated tests walk them. No route is declared anywhere else.
 */
export const BOUNDED_CONTEXTS = ['admin', 'directory', 'matters', 'attachments', 'duty', 'registry', 'intel', 'analysis', 'notifications', 'assessment', 'province', 'integrations', 'public'] as const;
export type BoundedContext = (typeof BOUNDED_CONTEXTS)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDef<Op extends string = string, C extends BoundedContext = BoundedContext> {
  operationId: Op;
  method: HttpMethod;
  /** API Gateway path template, e.g. `/directory/offices/{id}`. */
  path: string;
  context: C;
  /** The permission-matrix action the caller's role must hold. */
  action: Action;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** 201 for creations; 200 otherwise. */
  successStatus?: 200 | 201;
  /** The route answers with a file (xlsx, …) instead of JSON. */
  file?: true;
  /**
   * Top-level fields of the answer shown once (a new key or signing secret): the idempotency
   * record keeps the answer without them, so a secret is never stored in clear; a replay says so.
   */
  secretFields?: readonly string[];
}

const byId = (kind: s.IdKind) => z.strictObject({ id: s.idSchema(kind) });
const tenantParams = z.strictObject({ tenantId: s.countyCodeSchema });

export type CrudOperationId<One extends string, Many extends string> =
  | `create${One}`
  | `list${Many}`
  | `get${One}`
  | `update${One}`
  | `deactivate${One}`;

/** create, list, get, update, deactivate for one directory record type. */
function crud<One extends string, Many extends string>(
  names: { segment: string; one: One; many: Many },
  kind: s.IdKind,
  label: string,
  action: Action,
  readAction: Action,
  schemas: { create: z.ZodType; update: z.ZodType; list: z.ZodObject },
  base = `/directory/${names.segment}`,
  createParams?: z.ZodObject,
): Array<RouteDef<CrudOperationId<One, Many>, 'directory'>> {
  const { one, many } = names;
  const itemPath = `/directory/${names.segment}/{id}`;
  return [
    { operationId: `create${one}`, method: 'POST', path: base, context: 'directory', action, summary: `Create a ${label}`, params: createParams, body: schemas.create, successStatus: 201 },
    { operationId: `list${many}`, method: 'GET', path: base, context: 'directory', action: readAction, summary: `List ${label}s`, params: createParams, query: schemas.list },
    { operationId: `get${one}`, method: 'GET', path: itemPath, context: 'directory', action: readAction, summary: `Get a ${label}`, params: byId(kind) },
    { operationId: `update${one}`, method: 'PUT', path: itemPath, context: 'directory', action, summary: `Update a ${label}`, params: byId(kind), body: schemas.update },
    { operationId: `deactivate${one}`, method: 'POST', path: `${itemPath}/deactivate`, context: 'directory', action, summary: `Deactivate a ${label}`, params: byId(kind), body: s.deactivateSchema },
  ];
}

const matterParams = s.matterIdParamsSchema;

/** POST /matters/{id}/{transition}: one route per entry of the shared transition table. */
function transitionRoutes(): Array<RouteDef<`${s.TransitionName}Matter`, 'matters'>> {
  return s.TRANSITIONS.map((name) => ({
    operationId: `${name}Matter` as const,
    method: 'POST' as const,
    path: `/matters/{id}/${name}`,
    context: 'matters' as const,
    action: 'matter.transition' as const,
    summary: `${s.TRANSITION_LABELS[name].zh} / ${s.TRANSITION_LABELS[name].en}`,
    params: matterParams,
    body: s.TRANSITION_BODY_SCHEMAS[name],
  }));
}

/** Keeps each entry's literal operationId and context, so handler maps can be checked against them. */
const defineRoutes = <const T extends readonly RouteDef[]>(table: T): T => table;

export const routes = defineRoutes([
  // admin: the SaaS operator onboards counties; a county edits its own configuration.
  { operationId: 'createTenant', method: 'POST', path: '/platform/tenants', context: 'admin', action: 'platform.tenant.create', summary: 'Onboard a county bureau', body: s.tenantCreateSchema, successStatus: 201 },
  { operationId: 'listTenants', method: 'GET', path: '/platform/tenants', context: 'admin', action: 'platform.tenant.read', summary: 'List county bureaus', query: s.listQuerySchema },
  { operationId: 'getTenant', method: 'GET', path: '/platform/tenants/{tenantId}', context: 'admin', action: 'platform.tenant.read', summary: 'Get a county bureau', params: tenantParams },
  { operationId: 'getConfig', method: 'GET', path: '/config', context: 'admin', action: 'config.read', summary: "Get the county's configuration" },
  { operationId: 'updateConfig', method: 'PUT', path: '/config', context: 'admin', action: 'config.update', summary: "Update the county's configuration", body: s.configUpdateSchema },

  // directory: who the signed-in user is, and the county's organisation.
  { operationId: 'getMe', method: 'GET', path: '/me', context: 'directory', action: 'me.read', summary: 'The signed-in user' },
  { operationId: 'getOrgTree', method: 'GET', path: '/directory/tree', context: 'directory', action: 'directory.read', summary: 'Stations → offices → workstations → villages with assignments' },
  ...crud({ segment: 'stations', one: 'Station', many: 'Stations' }, 'station', 'police station', 'directory.unit.write', 'directory.read', { create: s.stationCreateSchema, update: s.stationUpdateSchema, list: s.stationListQuerySchema }),
  ...crud({ segment: 'offices', one: 'Office', many: 'Offices' }, 'office', 'police office', 'directory.unit.write', 'directory.read', { create: s.officeCreateSchema, update: s.officeUpdateSchema, list: s.officeListQuerySchema }),
  ...crud({ segment: 'workstations', one: 'Workstation', many: 'Workstations' }, 'workstation', 'workstation', 'directory.unit.write', 'directory.read', { create: s.workstationCreateSchema, update: s.workstationUpdateSchema, list: s.workstationListQuerySchema }),
  ...crud({ segment: 'villages', one: 'Village', many: 'Villages' }, 'village', 'village', 'directory.unit.write', 'directory.read', { create: s.villageCreateSchema, update: s.villageUpdateSchema, list: s.villageListQuerySchema }),
  ...crud({ segment: 'departments', one: 'Department', many: 'Departments' }, 'department', 'HQ department', 'directory.unit.write', 'directory.read', { create: s.departmentCreateSchema, update: s.departmentUpdateSchema, list: s.departmentListQuerySchema }),
  ...crud({ segment: 'officers', one: 'Officer', many: 'Officers' }, 'officer', 'officer', 'directory.officer.write', 'directory.read', { create: s.officerCreateSchema, update: s.officerUpdateSchema, list: s.officerListQuerySchema }),
  ...crud({ segment: 'agencies', one: 'Agency', many: 'Agencies' }, 'agency', 'agency', 'directory.agency.write', 'directory.agency.read', { create: s.agencyCreateSchema, update: s.agencyUpdateSchema, list: s.agencyListQuerySchema }),
  ...crud({ segment: 'agency-staff', one: 'AgencyStaff', many: 'AgencyStaff' }, 'agencyStaff', 'agency staff member', 'directory.agency.write', 'directory.agency.read', { create: s.agencyStaffCreateSchema, update: s.agencyStaffUpdateSchema, list: s.agencyStaffListQuerySchema }, '/directory/agencies/{id}/staff', byId('agency')),

  // matters: the 综治联动 loop — intake, inboxes, the transition table, disputes, personal data.
  { operationId: 'createMatter', method: 'POST', path: '/matters', context: 'matters', action: 'matter.create', summary: 'Take in a matter (录入)', body: s.matterIntakeSchema, successStatus: 201 },
  { operationId: 'listMatters', method: 'GET', path: '/matters', context: 'matters', action: 'matter.read', summary: 'Inboxes and filtered lists of matters', query: s.matterListQuerySchema },
  { operationId: 'getMatter', method: 'GET', path: '/matters/{id}', context: 'matters', action: 'matter.read', summary: 'A matter with what the caller may do next', params: matterParams },
  { operationId: 'listMatterEvents', method: 'GET', path: '/matters/{id}/timeline', context: 'matters', action: 'matter.read', summary: "A matter's immutable timeline", params: matterParams },
  { operationId: 'listMatterDuplicates', method: 'GET', path: '/matters/{id}/duplicates', context: 'matters', action: 'matter.read', summary: 'Likely duplicates of a matter', params: matterParams },
  { operationId: 'revealMatterPhone', method: 'POST', path: '/matters/{id}/reveal', context: 'matters', action: 'matter.reveal', summary: "Reveal a reporter's or party's phone (recorded)", params: matterParams, body: s.revealBodySchema },
  { operationId: 'getMatterDispute', method: 'GET', path: '/matters/{id}/dispute', context: 'matters', action: 'matter.read', summary: "A dispute's record (矛盾纠纷)", params: matterParams },
  { operationId: 'updateMatterDispute', method: 'PUT', path: '/matters/{id}/dispute', context: 'matters', action: 'matter.dispute.write', summary: "Update a dispute's record: parties, mediation, agreement, follow-ups", params: matterParams, body: s.disputeUpdateSchema },
  { operationId: 'getDisputeFigures', method: 'GET', path: '/figures/disputes', context: 'matters', action: 'matter.figures.read', summary: 'County figures: disputes resolved at village level, escalated, turned into cases', query: s.disputeFiguresQuerySchema },
  ...transitionRoutes(),

  // attachments: pre-signed upload and download of photos and documents.
  { operationId: 'createAttachment', method: 'POST', path: '/attachments', context: 'attachments', action: 'attachment.create', summary: 'Start an upload: a pre-signed PUT URL', body: s.attachmentCreateSchema, successStatus: 201 },
  { operationId: 'completeAttachment', method: 'POST', path: '/attachments/{id}/complete', context: 'attachments', action: 'attachment.create', summary: 'Confirm an upload (size and type checked)', params: s.attachmentParamsSchema },
  // duty: visits to the villages (警力下沉).
  { operationId: 'checkIn', method: 'POST', path: '/visits', context: 'duty', action: 'duty.visit.write', summary: 'Check in at a village (入村签到)', body: s.checkInSchema, successStatus: 201 },
  { operationId: 'checkOut', method: 'POST', path: '/visits/{id}/check-out', context: 'duty', action: 'duty.visit.write', summary: 'Check out, with households visited and matters raised', params: s.visitParamsSchema, body: s.checkOutSchema },
  { operationId: 'listVisits', method: 'GET', path: '/visits', context: 'duty', action: 'duty.read', summary: "An officer's or a village's visits, optionally one ISO week", query: s.visitListQuerySchema },
  { operationId: 'getVisit', method: 'GET', path: '/visits/{id}', context: 'duty', action: 'duty.read', summary: 'A visit', params: s.visitParamsSchema },
  // duty: absence reports (报备) and the make-up obligations their approval creates.
  { operationId: 'fileAbsence', method: 'POST', path: '/absences', context: 'duty', action: 'duty.absence.file', summary: 'Report an absence beforehand (报备), with a reason', body: absences.absenceCreateSchema, successStatus: 201 },
  { operationId: 'listAbsences', method: 'GET', path: '/absences', context: 'duty', action: 'duty.read', summary: "An officer's or the county's absence reports, optionally one status and ISO week", query: absences.absenceListQuerySchema },
  { operationId: 'getAbsence', method: 'GET', path: '/absences/{id}', context: 'duty', action: 'duty.read', summary: 'An absence report with its make-up obligation', params: absences.absenceParamsSchema },
  { operationId: 'decideAbsence', method: 'POST', path: '/absences/{id}/decide', context: 'duty', action: 'duty.absence.decide', summary: 'Approve (creating the make-up obligation) or reject an absence report', params: absences.absenceParamsSchema, body: absences.absenceDecisionSchema },
  // duty: the week's compliance (my week, the county's board) and the weekly evaluation.
  { operationId: 'getDutyWeek', method: 'GET', path: '/duty/week', context: 'duty', action: 'duty.read', summary: "An officer's week: compliance so far, visits, absences, make-ups (我的本周)", query: s.dutyWeekQuerySchema },
  { operationId: 'listCompliance', method: 'GET', path: '/duty/compliance', context: 'duty', action: 'duty.read', summary: "The county's stored compliance records of one ISO week, with counts by status", query: s.complianceListQuerySchema },
  { operationId: 'evaluateCompliance', method: 'POST', path: '/duty/compliance/evaluate', context: 'duty', action: 'duty.absence.decide', summary: 'Evaluate a finished week now (the weekly job does it every Monday)', body: s.complianceEvaluateSchema },
  // registry: households and call-backs (户、回访), two-way familiarity, village resources (群防群治/物防).
  { operationId: 'createHousehold', method: 'POST', path: '/households', context: 'registry', action: 'registry.write', summary: 'Register a household (户) in a village', body: registry.householdCreateSchema, successStatus: 201 },
  { operationId: 'listHouseholds', method: 'GET', path: '/households', context: 'registry', action: 'registry.read', summary: "A village's households by address, optionally one tag", query: registry.householdListQuerySchema },
  { operationId: 'getHousehold', method: 'GET', path: '/households/{id}', context: 'registry', action: 'registry.read', summary: 'A household (head phone masked)', params: registry.householdParamsSchema },
  { operationId: 'updateHousehold', method: 'PUT', path: '/households/{id}', context: 'registry', action: 'registry.write', summary: 'Update a household', params: registry.householdParamsSchema, body: registry.householdUpdateSchema },
  { operationId: 'recordCallback', method: 'POST', path: '/households/{id}/callbacks', context: 'registry', action: 'registry.write', summary: 'Record a call-back survey (回访) of a household', params: registry.householdParamsSchema, body: registry.callbackCreateSchema, successStatus: 201 },
  { operationId: 'getVillageFamiliarity', method: 'GET', path: '/villages/{id}/familiarity', context: 'registry', action: 'registry.read', summary: "Two-way familiarity (双向熟悉率) of a village and its officers, from call-backs in a date range", params: registry.villageParamsSchema, query: registry.familiarityQuerySchema },
  { operationId: 'getVillageResources', method: 'GET', path: '/villages/{id}/resources', context: 'registry', action: 'registry.read', summary: "A village's patrol teams, activists, cameras and devices (群防群治/物防)", params: registry.villageParamsSchema },
  { operationId: 'updateVillageResources', method: 'PUT', path: '/villages/{id}/resources', context: 'registry', action: 'registry.write', summary: "Update a village's resources (version 0 creates them)", params: registry.villageParamsSchema, body: registry.resourcesUpdateSchema },
  { operationId: 'revealHouseholdPhone', method: 'POST', path: '/households/{id}/reveal', context: 'registry', action: 'registry.reveal', summary: "The household head's phone in clear; the reveal and its reason are recorded and audited", params: registry.householdParamsSchema, body: registry.householdRevealSchema },
  // intel: the information store (信息采集, 公安非标库) — people, places, things, events, organisations.
  { operationId: 'createIntelRecord', method: 'POST', path: '/intel/records', context: 'intel', action: 'intel.write', summary: 'Collect an information record (人、地、物、事、组织) in a village', body: intel.intelCreateSchema, successStatus: 201 },
  { operationId: 'listIntelRecords', method: 'GET', path: '/intel/records', context: 'intel', action: 'intel.read', summary: "A village's records (or the county's, for county-wide roles) by type, tag and verification state", query: intel.intelListQuerySchema },
  { operationId: 'getIntelRecord', method: 'GET', path: '/intel/records/{id}', context: 'intel', action: 'intel.read', summary: 'An information record (ID numbers and phones masked) with its links and back-links', params: intel.intelParamsSchema },
  { operationId: 'updateIntelRecord', method: 'PUT', path: '/intel/records/{id}', context: 'intel', action: 'intel.write', summary: 'Update an information record (动态录入)', params: intel.intelParamsSchema, body: intel.intelUpdateSchema },
  { operationId: 'listIntelHistory', method: 'GET', path: '/intel/records/{id}/history', context: 'intel', action: 'intel.read', summary: 'The changes of an information record: who, when, which fields', params: intel.intelParamsSchema, query: intel.intelHistoryQuerySchema },
  { operationId: 'verifyIntelRecord', method: 'POST', path: '/intel/records/{id}/verify', context: 'intel', action: 'intel.verify', summary: 'Set the verification state of an information record (核实)', params: intel.intelParamsSchema, body: intel.intelVerifySchema },
  { operationId: 'revealIntelField', method: 'POST', path: '/intel/records/{id}/reveal', context: 'intel', action: 'intel.reveal', summary: 'An ID number or phone of a record in clear; the reveal and its reason are recorded and audited', params: intel.intelParamsSchema, body: intel.intelRevealSchema },
  { operationId: 'lookupIntelRecords', method: 'POST', path: '/intel/lookup', context: 'intel', action: 'intel.read', summary: 'Exact lookup by ID number or phone (keyed-hash index; a POST so numbers stay out of URLs)', body: intel.intelLookupSchema },
  { operationId: 'getAttachment', method: 'GET', path: '/attachments/{id}', context: 'attachments', action: 'attachment.read', summary: 'An attachment with a pre-signed download URL', params: s.attachmentParamsSchema },
  // analysis: 研判讲评 — weekly reports, daily dispatch in sensitive periods, action items → matters.
  { operationId: 'listReports', method: 'GET', path: '/analysis/reports', context: 'analysis', action: 'analysis.read', summary: 'Weekly analyses and daily dispatches the caller may see, newest first', query: s.reportListQuerySchema },
  { operationId: 'getReport', method: 'GET', path: '/analysis/reports/{id}', context: 'analysis', action: 'analysis.read', summary: 'A report: counts, hot spots, disputes, overdue matters, duty, information, summary, action items', params: s.reportParamsSchema },
  { operationId: 'exportReport', method: 'GET', path: '/analysis/reports/{id}/export', context: 'analysis', action: 'analysis.read', summary: 'A report as an Excel workbook (.xlsx)', params: s.reportParamsSchema, file: true },
  { operationId: 'generateReport', method: 'POST', path: '/analysis/reports', context: 'analysis', action: 'analysis.manage', summary: 'Produce the weekly analysis of a finished week or the daily dispatch of a day now (idempotent per period)', body: s.reportGenerateSchema, successStatus: 201 },
  { operationId: 'assignReportAction', method: 'POST', path: '/analysis/reports/{id}/actions/{actionId}/assign', context: 'analysis', action: 'analysis.manage', summary: "Turn a report's action item into an assigned matter (交办), once", params: s.reportActionParamsSchema, body: s.reportActionAssignSchema, successStatus: 201 },
  { operationId: 'listSensitivePeriods', method: 'GET', path: '/analysis/sensitive-periods', context: 'analysis', action: 'analysis.read', summary: 'Sensitive periods (特殊敏感时期) of the county, latest first', query: s.sensitivePeriodListQuerySchema },
  { operationId: 'createSensitivePeriod', method: 'POST', path: '/analysis/sensitive-periods', context: 'analysis', action: 'analysis.manage', summary: 'Declare a sensitive period: every day in it gets a daily dispatch (日调度)', body: s.sensitivePeriodCreateSchema, successStatus: 201 },
  { operationId: 'getSensitivePeriod', method: 'GET', path: '/analysis/sensitive-periods/{id}', context: 'analysis', action: 'analysis.read', summary: 'A sensitive period with the daily dispatches produced in it', params: s.sensitivePeriodParamsSchema },
  { operationId: 'updateSensitivePeriod', method: 'PUT', path: '/analysis/sensitive-periods/{id}', context: 'analysis', action: 'analysis.manage', summary: 'Rename or move a sensitive period', params: s.sensitivePeriodParamsSchema, body: s.sensitivePeriodUpdateSchema },
  { operationId: 'cancelSensitivePeriod', method: 'POST', path: '/analysis/sensitive-periods/{id}/cancel', context: 'analysis', action: 'analysis.manage', summary: 'Cancel a sensitive period (its dispatches stay)', params: s.sensitivePeriodParamsSchema, body: s.sensitivePeriodCancelSchema },
  // notifications: the bell — one's inbox, read marks, channel preferences; the local outbox.
  { operationId: 'listNotifications', method: 'GET', path: '/notifications', context: 'notifications', action: 'notification.read', summary: "The caller's notifications, newest first (optionally unread only)", query: s.inboxQuerySchema },
  { operationId: 'getUnreadCount', method: 'GET', path: '/notifications/unread-count', context: 'notifications', action: 'notification.read', summary: "How many of the caller's notifications are unread" },
  { operationId: 'markNotificationRead', method: 'POST', path: '/notifications/{id}/read', context: 'notifications', action: 'notification.read', summary: 'Mark one notification read (or unread again)', params: s.notificationParamsSchema, body: s.notificationReadSchema },
  { operationId: 'markAllNotificationsRead', method: 'POST', path: '/notifications/read-all', context: 'notifications', action: 'notification.read', summary: "Mark read all the caller's notifications created up to a time (what his list showed)", body: s.notificationsReadAllSchema },
  { operationId: 'getNotificationPreferences', method: 'GET', path: '/notifications/preferences', context: 'notifications', action: 'notification.read', summary: "The caller's channel choices per category (in-app is always on)" },
  { operationId: 'updateNotificationPreferences', method: 'PUT', path: '/notifications/preferences', context: 'notifications', action: 'notification.read', summary: "Choose e-mail and SMS per category", body: s.preferencesUpdateSchema },
  { operationId: 'listOutboxMessages', method: 'GET', path: '/notifications/outbox', context: 'notifications', action: 'notification.outbox.read', summary: 'E-mails and SMS the local stack would have sent (404 where real channels deliver)', query: s.outboxQuerySchema },
  // assessment: 网上得分、网上考核、网上排名 — rules, runs, scores, rankings, appeals, spot checks, agencies.
  { operationId: 'getScoreRules', method: 'GET', path: '/assessment/rules', context: 'assessment', action: 'assessment.read', summary: 'The score rules in force (考核细则) and their published versions' },
  { operationId: 'getScoreRuleVersion', method: 'GET', path: '/assessment/rules/versions/{version}', context: 'assessment', action: 'assessment.read', summary: 'One published version of the score rules (0: the shipped defaults)', params: s.ruleVersionParamsSchema },
  { operationId: 'getScoreRuleDraft', method: 'GET', path: '/assessment/rules/draft', context: 'assessment', action: 'assessment.manage', summary: "The program office's draft of the next rules version (404 when there is none)" },
  { operationId: 'updateScoreRuleDraft', method: 'PUT', path: '/assessment/rules/draft', context: 'assessment', action: 'assessment.manage', summary: 'Save the draft rules (version 0 starts a draft)', body: s.ruleDraftUpdateSchema },
  { operationId: 'previewScoreRuleDraft', method: 'POST', path: '/assessment/rules/draft/preview', context: 'assessment', action: 'assessment.manage', summary: 'What if: a finished period recomputed with the draft, beside the published scores (writes nothing)', body: s.rulePreviewSchema },
  { operationId: 'publishScoreRules', method: 'POST', path: '/assessment/rules/publish', context: 'assessment', action: 'assessment.manage', summary: 'Publish the draft as the next rules version; later runs use it', body: s.rulePublishSchema, successStatus: 201 },
  { operationId: 'listScoreRuns', method: 'GET', path: '/assessment/runs', context: 'assessment', action: 'assessment.read', summary: 'Scoring runs, newest period first, each version with its rules version and reason', query: s.runListQuerySchema },
  { operationId: 'createScoreRun', method: 'POST', path: '/assessment/runs', context: 'assessment', action: 'assessment.manage', summary: 'Score a finished month or quarter now; a published period is recomputed as a new version with its reason', body: s.runCreateSchema, successStatus: 201 },
  { operationId: 'getRankings', method: 'GET', path: '/assessment/runs/{period}/rankings', context: 'assessment', action: 'assessment.read', summary: "A period's rankings per peer group (officers: their own group)", params: s.periodParamsSchema, query: s.rankingsQuerySchema },
  { operationId: 'exportRankings', method: 'GET', path: '/assessment/runs/{period}/export', context: 'assessment', action: 'assessment.read', summary: "A period's scores and rankings as an Excel workbook (.xlsx)", params: s.periodParamsSchema, file: true },
  { operationId: 'listScores', method: 'GET', path: '/assessment/scores', context: 'assessment', action: 'assessment.read', summary: "Scores the caller may see: an officer's own over the periods, or a period's", query: s.scoreListQuerySchema },
  { operationId: 'getScore', method: 'GET', path: '/assessment/scores/{period}/{subjectId}', context: 'assessment', action: 'assessment.read', summary: 'A score with its breakdown (indicator, raw value, weight, points), adjustments and rank', params: s.scoreParamsSchema },
  { operationId: 'listAgencyScores', method: 'GET', path: '/assessment/agency-scores', context: 'assessment', action: 'assessment.agency.read', summary: "Agencies' monthly assessment: on-time acceptance and feedback, satisfaction, returns", query: s.agencyScoreQuerySchema },
  { operationId: 'fileAppeal', method: 'POST', path: '/assessment/appeals', context: 'assessment', action: 'assessment.appeal', summary: 'Contest an item of one’s published score (申诉), with the reason', body: s.appealCreateSchema, successStatus: 201 },
  { operationId: 'listAppeals', method: 'GET', path: '/assessment/appeals', context: 'assessment', action: 'assessment.read', summary: 'Appeals: an officer’s own, or the county’s (optionally one status or period)', query: s.appealListQuerySchema },
  { operationId: 'getAppeal', method: 'GET', path: '/assessment/appeals/{id}', context: 'assessment', action: 'assessment.read', summary: 'An appeal with its decision', params: s.appealParamsSchema },
  { operationId: 'decideAppeal', method: 'POST', path: '/assessment/appeals/{id}/decide', context: 'assessment', action: 'assessment.manage', summary: 'Accept (the adjustment is recorded and the ranking updated) or reject an appeal, with the reason', params: s.appealParamsSchema, body: s.appealDecideSchema },
  { operationId: 'listSpotChecks', method: 'GET', path: '/assessment/spot-checks', context: 'assessment', action: 'assessment.manage', summary: "A month's spot checks of contact officers (月抽查), optionally open or done", query: s.spotCheckListQuerySchema },
  { operationId: 'getSpotCheck', method: 'GET', path: '/assessment/spot-checks/{id}', context: 'assessment', action: 'assessment.manage', summary: 'A spot check: its seed, candidates and the sampled visits and households with results', params: s.spotCheckParamsSchema },
  { operationId: 'recordSpotCheckResult', method: 'POST', path: '/assessment/spot-checks/{id}/results', context: 'assessment', action: 'assessment.manage', summary: 'Record the call-back result of one sampled item', params: s.spotCheckParamsSchema, body: s.spotCheckResultSchema },
  { operationId: 'drawSpotChecks', method: 'POST', path: '/assessment/spot-checks/draw', context: 'assessment', action: 'assessment.manage', summary: "Draw a finished month's samples now (the monthly job does it; once per officer and month)", body: s.spotCheckDrawSchema, successStatus: 201 },
  // province: the provincial bureau's rollups — aggregates of its counties, never personal data.
  { operationId: 'getProvinceRollup', method: 'GET', path: '/province/rollups', context: 'province', action: 'province.rollup.read', summary: "Every county's figures of a week or month, the province's total and the county ranking (latest when no period)", query: s.rollupQuerySchema },
  { operationId: 'getProvinceTrend', method: 'GET', path: '/province/rollups/trend', context: 'province', action: 'province.rollup.read', summary: "The counties' figures over the last periods", query: s.rollupTrendQuerySchema },
  { operationId: 'exportProvinceRollup', method: 'GET', path: '/province/rollups/export', context: 'province', action: 'province.rollup.read', summary: 'A rollup as an Excel workbook (.xlsx)', query: s.rollupQuerySchema, file: true },
  // integrations: the county's API keys and webhooks for its other systems (12345, grid platforms, agencies).
  { operationId: 'listApiKeys', method: 'GET', path: '/integrations/api-keys', context: 'integrations', action: 'integration.manage', summary: "The county's API keys (prefix, scopes, created, last used), optionally revoked ones", query: s.apiKeyListQuerySchema },
  { operationId: 'createApiKey', method: 'POST', path: '/integrations/api-keys', context: 'integrations', action: 'integration.manage', summary: 'Create an API key: the key is shown in this answer only', body: s.apiKeyCreateSchema, successStatus: 201, secretFields: ['key'] },
  { operationId: 'getApiKey', method: 'GET', path: '/integrations/api-keys/{id}', context: 'integrations', action: 'integration.manage', summary: 'An API key (never its secret)', params: s.apiKeyParamsSchema },
  { operationId: 'revokeApiKey', method: 'POST', path: '/integrations/api-keys/{id}/revoke', context: 'integrations', action: 'integration.manage', summary: 'Revoke an API key: refused from the next call on', params: s.apiKeyParamsSchema, body: s.apiKeyRevokeSchema },
  { operationId: 'listWebhooks', method: 'GET', path: '/integrations/webhooks', context: 'integrations', action: 'integration.manage', summary: "The county's webhook endpoints with their last delivery" },
  { operationId: 'createWebhook', method: 'POST', path: '/integrations/webhooks', context: 'integrations', action: 'integration.manage', summary: 'Register a webhook endpoint: the signing secret is shown in this answer only', body: s.webhookCreateSchema, successStatus: 201, secretFields: ['secret'] },
  { operationId: 'getWebhook', method: 'GET', path: '/integrations/webhooks/{id}', context: 'integrations', action: 'integration.manage', summary: 'A webhook endpoint', params: s.webhookParamsSchema },
  { operationId: 'updateWebhook', method: 'PUT', path: '/integrations/webhooks/{id}', context: 'integrations', action: 'integration.manage', summary: "Change a webhook's URL, events, description, or disable it", params: s.webhookParamsSchema, body: s.webhookUpdateSchema },
  { operationId: 'rotateWebhookSecret', method: 'POST', path: '/integrations/webhooks/{id}/rotate-secret', context: 'integrations', action: 'integration.manage', summary: 'A new signing secret (shown in this answer only); the old one stops signing at once', params: s.webhookParamsSchema, body: s.webhookVersionSchema, secretFields: ['secret'] },
  { operationId: 'pingWebhook', method: 'POST', path: '/integrations/webhooks/{id}/test', context: 'integrations', action: 'integration.manage', summary: 'Send a signed test event (ping) now, to the endpoint as last read (version)', params: s.webhookParamsSchema, body: s.webhookVersionSchema, successStatus: 201 },
  { operationId: 'listWebhookDeliveries', method: 'GET', path: '/integrations/webhooks/{id}/deliveries', context: 'integrations', action: 'integration.manage', summary: "A webhook's deliveries, newest first, optionally one status", params: s.webhookParamsSchema, query: s.webhookDeliveryListQuerySchema },
  { operationId: 'getWebhookDelivery', method: 'GET', path: '/integrations/webhook-deliveries/{id}', context: 'integrations', action: 'integration.manage', summary: 'A delivery: the body sent and every attempt', params: s.webhookDeliveryParamsSchema },
  { operationId: 'replayWebhookDelivery', method: 'POST', path: '/integrations/webhook-deliveries/{id}/replay', context: 'integrations', action: 'integration.manage', summary: 'Send a delivery again now (same event id and body, newly signed), as last read (version)', params: s.webhookDeliveryParamsSchema, body: s.webhookVersionSchema },
]);

/**
 * The public API for integrators: Open311 GeoReport v2 and REST v1. These routes have no JWT
 * authorizer — the caller presents an API key (`auth.kind 'apiKey'`, checked by the handler: the key
 * names the county, its scopes, its rate limit) or nothing for the public documents (`'none'`).
 */
export type PublicAuth = { kind: 'apiKey'; /** absent: any valid key */ scope?: s.ApiScope } | { kind: 'none' };

export interface PublicRouteDef<Op extends string = string> {
  operationId: Op;
  method: HttpMethod;
  path: string;
  context: 'public';
  auth: PublicAuth;
  summary: string;
  /**
   * Open311 routes answer in the spec's shape and its error format; `format` is from the path
   * (`.json`/`.xml`), or from the `{...}` parameter's suffix when absent; `xml` names the answer's
   * root element and the element of each item.
   */
  open311?: { format?: 'json' | 'xml'; xml: { root: string; item?: string } };
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** Open311 POSTs are `application/x-www-form-urlencoded` (JSON is accepted too). */
  body?: z.ZodType;
  successStatus?: 200 | 201;
  /** The success body, for the OpenAPI document. */
  response?: z.ZodType;
}

const definePublicRoutes = <const T extends readonly PublicRouteDef[]>(table: T): T => table;
const FORMATS = ['json', 'xml'] as const;
const anyKey: PublicAuth = { kind: 'apiKey' };
const keyWith = (scope: s.ApiScope): PublicAuth => ({ kind: 'apiKey', scope });

/** Open311 answers in XML: the root element, and the element of each item when the answer is a list. */
const OPEN311_XML = {
  discovery: { root: 'discovery' },
  services: { root: 'services', item: 'service' },
  definition: { root: 'service_definition' },
  requests: { root: 'service_requests', item: 'request' },
  updates: { root: 'service_request_updates', item: 'request_update' },
} as const;

const tokenParams = z.strictObject({ token: z.string().regex(/^tok_[0-9A-HJKMNP-TV-Z]{26}$/, { message: '须为 tok_ 开头的令牌 / must be a tok_ token' }) });

/** One Open311 collection route per format: `/open311/v2/<name>.json` and `.xml`. */
function open311Collection<Op extends string>(op: Op, method: HttpMethod, name: string, auth: PublicAuth, summary: string, xml: { root: string; item?: string }, extra: Partial<PublicRouteDef> = {}) {
  return FORMATS.map((format) => ({ operationId: `${op}${format === 'json' ? 'Json' : 'Xml'}` as `${Op}Json` | `${Op}Xml`, method, path: `/open311/v2/${name}.${format}`, context: 'public' as const, auth, summary, open311: { format, xml }, ...extra }));
}

export const publicRoutes = definePublicRoutes([
  ...open311Collection('open311Discovery', 'GET', 'discovery', { kind: 'none' }, 'Open311 service discovery: endpoints, formats, contact', OPEN311_XML.discovery, { response: s.open311DiscoverySchema }),
  ...open311Collection('open311ListServices', 'GET', 'services', anyKey, "The county's service types (its matter categories)", OPEN311_XML.services, { response: z.array(s.open311ServiceSchema) }),
  { operationId: 'open311GetService', method: 'GET', path: '/open311/v2/services/{service_code}', context: 'public', auth: anyKey, summary: 'A service definition: its attributes (`<code>.json` or `<code>.xml`)', open311: { xml: OPEN311_XML.definition }, params: z.strictObject({ service_code: s.categoryIdSchema }), response: s.open311ServiceDefinitionSchema },
  ...open311Collection('open311CreateRequest', 'POST', 'requests', keyWith('matters:write'), 'Submit a service request: it becomes a matter in triage', OPEN311_XML.requests, { body: s.open311CreateRequestSchema, response: z.array(s.open311CreatedSchema), successStatus: 201 }),
  ...open311Collection('open311ListRequests', 'GET', 'requests', keyWith('matters:read'), 'Service requests: by ids, service codes, status, a date window of at most 90 days; paged', OPEN311_XML.requests, { query: s.open311ListRequestsQuerySchema, response: z.array(s.open311RequestSchema) }),
  { operationId: 'open311GetRequest', method: 'GET', path: '/open311/v2/requests/{service_request_id}', context: 'public', auth: keyWith('matters:read'), summary: 'One service request (`<id>.json` or `<id>.xml`)', open311: { xml: OPEN311_XML.requests }, params: z.strictObject({ service_request_id: s.idSchema('matter') }), response: z.array(s.open311RequestSchema) },
  { operationId: 'open311GetToken', method: 'GET', path: '/open311/v2/tokens/{token}', context: 'public', auth: anyKey, summary: 'The service request id of a token (`<token>.json` or `<token>.xml`)', open311: { xml: OPEN311_XML.requests }, params: tokenParams, response: z.array(s.open311TokenSchema) },
  ...open311Collection('open311ListUpdates', 'GET', 'servicerequestupdates', keyWith('matters:read'), "mySociety extension: updates of the county's requests in a date window", OPEN311_XML.updates, { query: s.open311ListUpdatesQuerySchema, response: z.array(s.open311UpdateSchema) }),
  ...open311Collection('open311PostUpdate', 'POST', 'servicerequestupdates', keyWith('updates:write'), "mySociety extension: an agency's system posts its update (accept, feedback, return)", OPEN311_XML.updates, { body: s.open311PostUpdateSchema, response: z.array(s.open311UpdatePostedSchema), successStatus: 201 }),
  // REST v1
  { operationId: 'v1CreateMatter', method: 'POST', path: '/v1/matters', context: 'public', auth: keyWith('matters:write'), summary: 'Submit a matter: it enters triage like any other', body: s.publicMatterCreateSchema, response: s.publicMatterCreatedSchema, successStatus: 201 },
  { operationId: 'v1GetMatter', method: 'GET', path: '/v1/matters/{id}', context: 'public', auth: keyWith('matters:read'), summary: "A matter's status, who is responsible and when it is expected (no personal data)", params: s.publicMatterParamsSchema, response: s.publicMatterViewSchema },
  { operationId: 'v1GetMatterTimeline', method: 'GET', path: '/v1/matters/{id}/timeline', context: 'public', auth: keyWith('matters:read'), summary: "A matter's timeline (no personal data)", params: s.publicMatterParamsSchema, response: s.publicTimelineSchema },
  { operationId: 'v1PostMatterUpdate', method: 'POST', path: '/v1/matters/{id}/updates', context: 'public', auth: keyWith('updates:write'), summary: "An agency's system accepts, feeds back or returns a matter assigned to its agency", params: s.publicMatterParamsSchema, body: s.publicMatterUpdateSchema, response: s.publicMatterUpdatedSchema, successStatus: 201 },
  { operationId: 'v1GetStats', method: 'GET', path: '/v1/stats', context: 'public', auth: keyWith('stats:read'), summary: 'County statistics of the matters taken in between two dates (at most 92 days)', query: s.publicStatsQuerySchema, response: s.publicStatsSchema },
  { operationId: 'v1GetOpenApi', method: 'GET', path: '/v1/openapi.json', context: 'public', auth: { kind: 'none' }, summary: 'This API as an OpenAPI 3.1 document', response: z.record(z.string(), z.unknown()) },
]);

export type PublicOperationId = (typeof publicRoutes)[number]['operationId'];

/** Every route the gateway serves (JWT and public). */
export const allRoutes: ReadonlyArray<RouteDef | PublicRouteDef> = [...routes, ...publicRoutes];

export function isPublicRoute(route: RouteDef | PublicRouteDef): route is PublicRouteDef {
  return 'auth' in route;
}

/** The operationIds of one bounded context, as literal types. */
export type OperationId<C extends BoundedContext> = Extract<(typeof routes)[number], { context: C }>['operationId'];

export function routeKey(route: Pick<RouteDef, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

export function routesOf(context: BoundedContext): RouteDef[] {
  return routes.filter((r) => r.context === context);
}
