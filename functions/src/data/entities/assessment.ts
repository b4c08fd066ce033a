import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { APPEAL_STATUSES, ASSESSMENT_PERIOD_TYPES, INDICATORS, RULE_SETS, RUN_STATUSES } from '@beatlink/shared';
import { table } from '../client';
import { tenantPartition, versionedAttributes } from './common';

/*
 * Assessment (考核): rule versions and the draft, scoring runs, subject scores, group rankings and
 * appeals. The computed parts (rules, score items, ranking rows) are stored as they are (`any`):
 * the services build them from the shared types.
 */

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `v#000001`: rule versions sort by number. */
export const ruleVersionSortKey = (version: number) => `v#${pad(version, 6)}`;
/** `<period>#v0001`: a period's run versions sort by number. */
export const runSortKey = (period: string, version: number) => `${period}#v${pad(version, 4)}`;
/** One run version's scores and rankings share a partition (`T#<t>#SCORE#<period>#v0001`). */
export const scorePartition = (tenantId: string, period: string, runVersion: number) => `${tenantPartition(tenantId, 'SCORE')}#${runSortKey(period, runVersion)}`;

/** A published rules version: `T#<t>#SCORE_RULES` / `v#000001` (version 0, the defaults, is never stored). */
export const ScoreRuleVersionEntity = new Entity({
  name: 'scoreRuleVersion',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    version: number().key(),
    rules: any(),
    note: string(),
    publishedAt: string().optional(),
    publishedBy: string().optional(),
    publishedByName: string().optional(),
  }),
  computeKey: ({ tenantId, version }) => ({ pk: tenantPartition(tenantId, 'SCORE_RULES'), sk: ruleVersionSortKey(version) }),
});

/** The program office's one draft: `T#<t>#SCORE_RULES` / `draft`. */
export const ScoreRuleDraftEntity = new Entity({
  name: 'scoreRuleDraft',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    rules: any(),
    basedOn: number(),
    version: number(),
    updatedAt: string(),
    updatedBy: string(),
    updatedByName: string(),
  }),
  computeKey: ({ tenantId }) => ({ pk: tenantPartition(tenantId, 'SCORE_RULES'), sk: 'draft' }),
});

/**
 * A scoring run: `T#<t>#SCORE_RUN` / `<period>#v0001`; gsi1 `T#<t>#SCORE_RUN#BY#<month|quarter>`
 * / the same, so one period type's runs list newest first (reverse).
 */
export const ScoreRunEntity = new Entity({
  name: 'scoreRun',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    period: string().key(),
    version: number().key(),
    periodType: string().enum(...ASSESSMENT_PERIOD_TYPES),
    rulesVersion: number(),
    reason: string(),
    status: string().enum(...RUN_STATUSES),
    officers: number(),
    agencies: number(),
    groups: any(),
    computedAt: string(),
    computedBy: string(),
    computedByName: string(),
    claimedAt: string().optional(),
    supersededAt: string().optional(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ tenantId, period, version }) => ({ pk: tenantPartition(tenantId, 'SCORE_RUN'), sk: runSortKey(period, version) }),
});

/**
 * A subject's score in one run version: `T#<t>#SCORE#<period>#v0001` / `<subjectId>`; gsi1
 * `T#<t>#SCORE#SUBJECT#<subjectId>` / `<period>#v0001` (an officer's scores over the periods).
 * `stationId` is kept top-level so a station's scores are a filter of the period's partition.
 */
export const SubjectScoreEntity = new Entity({
  name: 'subjectScore',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    period: string().key(),
    runVersion: number().key(),
    subjectId: string().key(),
    periodType: string().enum(...ASSESSMENT_PERIOD_TYPES),
    rulesVersion: number(),
    subject: any(),
    stationId: string().optional(),
    set: string().enum(...RULE_SETS),
    group: any(),
    items: any(),
    scale: number(),
    earned: number(),
    deductions: number(),
    adjusted: number(),
    total: number(),
    adjustments: any(),
    computedAt: string(),
    version: number(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ tenantId, period, runVersion, subjectId }) => ({ pk: scorePartition(tenantId, period, runVersion), sk: subjectId }),
});

/** A peer group's ranking in one run version: the run's score partition / `rank#<groupKey>`. */
export const GroupRankingEntity = new Entity({
  name: 'groupRanking',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    period: string().key(),
    runVersion: number().key(),
    groupKey: string().key(),
    group: any(),
    set: string().enum(...RULE_SETS),
    rows: any(),
    version: number(),
    updatedAt: string(),
  }),
  computeKey: ({ tenantId, period, runVersion, groupKey }) => ({ pk: scorePartition(tenantId, period, runVersion), sk: `rank#${groupKey}` }),
});

/**
 * An appeal (申诉): `T#<t>#APPEAL` / `apl_…` (newest first in reverse); gsi1
 * `T#<t>#APPEAL#BY#OFFICER#<officerId>` and gsi2 `T#<t>#APPEAL#BY#STATUS#<status>`, both sorted by id.
 */
export const AppealEntity = new Entity({
  name: 'appeal',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    id: string().key(),
    period: string(),
    runVersion: number(),
    officerId: string(),
    officerName: string(),
    indicator: string().enum(...INDICATORS),
    reason: string(),
    status: string().enum(...APPEAL_STATUSES),
    itemPoints: number(),
    decision: any().optional(),
    ...versionedAttributes,
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'APPEAL'), sk: id }),
});

/**
 * The guard of "one open appeal per officer, period and indicator": `T#<t>#APPEAL` /
 * `open#<officerId>#<period>#<indicator>`, put (if absent) with the appeal, deleted with its decision.
 */
export const OpenAppealGuardEntity = new Entity({
  name: 'openAppealGuard',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    officerId: string().key(),
    period: string().key(),
    indicator: string().key(),
    appealId: string(),
  }),
  computeKey: ({ tenantId, officerId, period, indicator }) => ({ pk: tenantPartition(tenantId, 'APPEAL'), sk: `open#${officerId}#${period}#${indicator}` }),
});
