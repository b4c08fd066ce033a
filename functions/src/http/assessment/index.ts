import type {
  AgencyScoreQuery,
  AppealCreateInput,
  AppealDecideInput,
  AppealListQuery,
  RankingsQuery,
  RuleDraftUpdateInput,
  RulePreviewInput,
  RulePublishInput,
  RunCreateInput,
  RunListQuery,
  ScoreListQuery,
  SpotCheckDrawInput,
  SpotCheckListQuery,
  SpotCheckResultInput,
} from '@beatlink/shared';
import { dynamoIdempotencyStore } from '../../data/idempotency-store';
import { contextRouter, handle } from '../../lib/http-route';
import { decideAppeal, fileAppeal, getAppeal, listAppeals } from '../../services/assessment/appeals';
import { exportRankings } from '../../services/assessment/rankings-export';
import { previewScoreRuleDraft } from '../../services/assessment/rule-preview';
import { getRankings, getScore, listAgencyScores, listScoreRuns, listScores } from '../../services/assessment/score-access';
import { getScoreRuleDraft, getScoreRules, getScoreRuleVersion, publishScoreRules, updateScoreRuleDraft } from '../../services/assessment/score-rules';
import { createScoreRun } from '../../services/assessment/scoring-run';
import { drawSpotChecks, getSpotCheck, listSpotChecks, recordSpotCheckResult } from '../../services/assessment/spot-checks';

type ById = { id: string };
type ByPeriod = { period: string };

/** The assessment context: 考核细则, scoring runs, scores and rankings, appeals, spot checks, agencies. */
export const handler = contextRouter(
  'assessment',
  {
    getScoreRules: handle(({ ctx }) => getScoreRules(ctx)),
    getScoreRuleVersion: handle<unknown, unknown, { version: number }>(({ ctx, params }) => getScoreRuleVersion(ctx, params.version)),
    getScoreRuleDraft: handle(({ ctx }) => getScoreRuleDraft(ctx)),
    updateScoreRuleDraft: handle<RuleDraftUpdateInput>(({ ctx, body }) => updateScoreRuleDraft(ctx, body)),
    previewScoreRuleDraft: handle<RulePreviewInput>(({ ctx, body }) => previewScoreRuleDraft(ctx, body)),
    publishScoreRules: handle<RulePublishInput>(({ ctx, body }) => publishScoreRules(ctx, body)),
    listScoreRuns: handle<unknown, RunListQuery>(({ ctx, query }) => listScoreRuns(ctx, query)),
    createScoreRun: handle<RunCreateInput>(({ ctx, body }) => createScoreRun(ctx, body)),
    getRankings: handle<unknown, RankingsQuery, ByPeriod>(({ ctx, params, query }) => getRankings(ctx, params.period, query)),
    exportRankings: handle<unknown, unknown, ByPeriod>(({ ctx, params }) => exportRankings(ctx, params.period)),
    listScores: handle<unknown, ScoreListQuery>(({ ctx, query }) => listScores(ctx, query)),
    getScore: handle<unknown, unknown, ByPeriod & { subjectId: string }>(({ ctx, params }) => getScore(ctx, params.period, params.subjectId)),
    listAgencyScores: handle<unknown, AgencyScoreQuery>(({ ctx, query }) => listAgencyScores(ctx, query)),
    fileAppeal: handle<AppealCreateInput>(({ ctx, body }) => fileAppeal(ctx, body)),
    listAppeals: handle<unknown, AppealListQuery>(({ ctx, query }) => listAppeals(ctx, query)),
    getAppeal: handle<unknown, unknown, ById>(({ ctx, params }) => getAppeal(ctx, params.id)),
    decideAppeal: handle<AppealDecideInput, unknown, ById>(({ ctx, params, body }) => decideAppeal(ctx, params.id, body)),
    listSpotChecks: handle<unknown, SpotCheckListQuery>(({ ctx, query }) => listSpotChecks(ctx, query)),
    getSpotCheck: handle<unknown, unknown, ById>(({ ctx, params }) => getSpotCheck(ctx, params.id)),
    recordSpotCheckResult: handle<SpotCheckResultInput, unknown, ById>(({ ctx, params, body }) => recordSpotCheckResult(ctx, params.id, body)),
    drawSpotChecks: handle<SpotCheckDrawInput>(({ ctx, body }) => drawSpotChecks(ctx, body)),
  },
  { idempotencyStore: dynamoIdempotencyStore() },
);
