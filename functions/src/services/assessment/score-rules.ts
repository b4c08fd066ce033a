import { DEFAULT_RULE_VERSION, type RuleDraftUpdateInput, type RulePublishInput, type ScoreRuleDraft, type ScoreRuleVersion, type ScoreRulesView } from '@beatlink/shared';
import { runTransaction } from '../../data/repository';
import { deleteRuleDraftOp, getRuleDraftRecord, getRuleVersionRecord, latestRuleVersionRecord, listRuleVersionRecords, putRuleDraftOp, putRuleVersionOp } from '../../data/score-rules';
import { notFound, versionConflict } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext } from '../../lib/tenant-context';
import { defaultDeps, type ServiceDeps } from '../deps';

/**
 * 考核细则: the version in force is the latest published one (version 0, the shipped defaults,
 * until a county publishes its own). The office edits one draft (versioned like any record) and
 * publishes it as version n + 1: the new version and the draft's deletion are one transaction.
 */
const draftNotFound = (path = 'draft') => notFound(path, '没有待发布的考核细则草稿 / there is no draft');

/** The rules a run computes with now. */
export async function currentRules(tenantId: string): Promise<ScoreRuleVersion> {
  return (await latestRuleVersionRecord(tenantId)) ?? DEFAULT_RULE_VERSION;
}

/** GET /assessment/rules. */
export async function getScoreRules(ctxIn: TenantContext): Promise<ScoreRulesView> {
  const ctx = requireTenant(ctxIn);
  const [versions, draft] = await Promise.all([listRuleVersionRecords(ctx.tenantId), getRuleDraftRecord(ctx.tenantId)]);
  const current = versions[0] ?? DEFAULT_RULE_VERSION;
  const summary = (v: ScoreRuleVersion) => ({ version: v.version, note: v.note, ...(v.publishedAt ? { publishedAt: v.publishedAt } : {}), ...(v.publishedByName ? { publishedByName: v.publishedByName } : {}) });
  return {
    current: { ...summary(current), rules: current.rules },
    versions: [...versions, DEFAULT_RULE_VERSION].map(summary),
    hasDraft: draft !== undefined,
  };
}

/** GET /assessment/rules/versions/{version}: 0 is the shipped defaults. */
export async function getScoreRuleVersion(ctxIn: TenantContext, version: number): Promise<ScoreRuleVersion> {
  const ctx = requireTenant(ctxIn);
  if (version === 0) return DEFAULT_RULE_VERSION;
  const found = await getRuleVersionRecord(ctx.tenantId, version);
  if (!found) throw notFound('version', '考核细则版本不存在 / no such rules version');
  return found;
}

/** GET /assessment/rules/draft. */
export async function getScoreRuleDraft(ctxIn: TenantContext): Promise<ScoreRuleDraft> {
  const ctx = requireTenant(ctxIn);
  const draft = await getRuleDraftRecord(ctx.tenantId);
  if (!draft) throw draftNotFound();
  return draft;
}

/** PUT /assessment/rules/draft: version 0 starts the draft (from the version in force); else the draft's version. */
export async function updateScoreRuleDraft(ctxIn: TenantContext, input: RuleDraftUpdateInput, deps: Pick<ServiceDeps, 'clock'> = defaultDeps()): Promise<ScoreRuleDraft> {
  const ctx = requireTenant(ctxIn);
  const at = isoNow(deps.clock);
  const existing = await getRuleDraftRecord(ctx.tenantId);
  // A start over an existing draft, or a change of a stale (or deleted) draft: the caller reloads.
  if ((input.version === 0) !== (existing === undefined) || (existing && existing.version !== input.version)) throw versionConflict();
  const basedOn = existing?.basedOn ?? (await currentRules(ctx.tenantId)).version;
  const draft: ScoreRuleDraft = { rules: input.rules, basedOn, version: (existing?.version ?? 0) + 1, updatedAt: at, updatedBy: ctx.username, updatedByName: ctx.name };
  await runTransaction([putRuleDraftOp(ctx.tenantId, draft, existing?.version, versionConflict())]);
  return draft;
}

/** POST /assessment/rules/publish: the draft (in the version the caller saw) becomes version n + 1. */
export async function publishScoreRules(ctxIn: TenantContext, input: RulePublishInput, deps: Pick<ServiceDeps, 'clock'> = defaultDeps()): Promise<ScoreRuleVersion> {
  const ctx = requireTenant(ctxIn);
  const at = isoNow(deps.clock);
  const [draft, current] = await Promise.all([getRuleDraftRecord(ctx.tenantId), currentRules(ctx.tenantId)]);
  if (!draft) throw draftNotFound('version');
  if (draft.version !== input.version) throw versionConflict();
  const published: ScoreRuleVersion = { version: current.version + 1, rules: draft.rules, note: input.note, publishedAt: at, publishedBy: ctx.username, publishedByName: ctx.name };
  await runTransaction([putRuleVersionOp(ctx.tenantId, published, versionConflict()), deleteRuleDraftOp(ctx.tenantId, draft.version, versionConflict())]);
  return published;
}
