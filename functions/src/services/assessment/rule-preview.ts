import { assessmentPeriodLabel, periodEnded, type RulePreview, type RulePreviewInput } from '@beatlink/shared';
import { getRuleDraftRecord } from '../../data/score-rules';
import { currentRun, runRankings } from '../../data/scores';
import { invalidField, notFound } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext } from '../../lib/tenant-context';
import { countySetting } from '../analysis/period-data';
import { defaultDeps, type ServiceDeps } from '../deps';
import { readPeriodFacts } from './period-facts';
import { acceptedAdjustments, computeScores } from './scoring-run';

/**
 * "What if" (POST /assessment/rules/draft/preview): a finished period recomputed in memory with
 * the draft, beside the published run's totals and ranks. Writes nothing.
 */
export async function previewScoreRuleDraft(ctxIn: TenantContext, input: RulePreviewInput, deps: Pick<ServiceDeps, 'clock'> = defaultDeps()): Promise<RulePreview> {
  const ctx = requireTenant(ctxIn);
  const at = isoNow(deps.clock);
  const [draft, { timeZone }] = await Promise.all([getRuleDraftRecord(ctx.tenantId), countySetting(ctx.tenantId)]);
  if (!draft) throw notFound('draft', '没有待发布的考核细则草稿 / there is no draft');
  if (!periodEnded(input.period, at, timeZone)) throw invalidField('period', `${assessmentPeriodLabel(input.period)}尚未结束，只能预览已结束的考核期 / only a finished period can be previewed`);
  const [facts, run] = await Promise.all([readPeriodFacts(ctx.tenantId, input.period), currentRun(ctx.tenantId, input.period)]);
  // Version -1 marks the draft's numbers: they are never stored.
  // Decided appeals stay decided under the draft too: the comparison is of the rules alone.
  const carried = run ? await acceptedAdjustments(ctx.tenantId, run) : undefined;
  const computed = computeScores(facts, { version: -1, rules: draft.rules, note: '草稿' }, 0, at, carried);
  const current = new Map<string, { total: number; rank: number }>();
  if (run) for (const ranking of await runRankings(ctx.tenantId, input.period, run.version)) for (const row of ranking.rows) current.set(row.subjectId, { total: row.total, rank: row.rank });
  const rows = computed.rankings.flatMap((ranking) =>
    ranking.rows.map((row) => {
      const before = current.get(row.subjectId);
      return {
        subjectId: row.subjectId,
        name: row.name,
        set: ranking.set,
        group: ranking.group,
        ...(before ? { currentTotal: before.total, currentRank: before.rank } : {}),
        draftTotal: row.total,
        draftRank: row.rank,
      };
    }),
  );
  return { period: input.period, draftBasedOn: draft.basedOn, ...(run ? { publishedRulesVersion: run.rulesVersion } : {}), rows };
}
