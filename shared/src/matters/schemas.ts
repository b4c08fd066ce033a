import * as z from 'zod';
import { geoPointSchema, optionalText, phoneSchema, text, versionSchema, withExample } from '../fields';
import { idSchema } from '../ids';
import { categoryIdSchema } from './config';
import {
  DISPUTE_STAGES,
  DISPUTE_TYPES,
  MATTER_KINDS,
  MATTER_OUTCOMES,
  MATTER_SOURCES,
  MEDIATION_RESULTS,
  PARTY_ROLES,
  RISK_LEVELS,
  SEVERITIES,
  VERIFY_METHODS,
} from './kinds';
import type { TransitionName } from './transitions';

/** UTC ISO instant, e.g. `2026-05-12T01:30:00.000Z`. */
export const isoTimeSchema = z.iso.datetime({ message: '须为 UTC ISO 时间 / must be a UTC ISO time' });
/** Calendar date, e.g. `2026-05-12`. */
export const isoDateSchema = z.iso.date({ message: '须为日期 YYYY-MM-DD / must be a date YYYY-MM-DD' });

const attachmentIds = z.array(idSchema('attachment')).max(20);

const EX = {
  village: 'vil_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
  office: 'ofc_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
  agency: 'agy_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
  matter: 'mat_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
  attachment: 'att_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
  officer: 'ofr_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
};

// ---- Disputes 矛盾纠纷 ----

export const disputePartySchema = z.strictObject({
  name: text(40),
  role: z.enum(PARTY_ROLES),
  phone: phoneSchema.optional(),
});

export const mediationSessionSchema = z.strictObject({
  date: isoDateSchema,
  mediator: text(40),
  result: z.enum(MEDIATION_RESULTS),
  note: optionalText(1000),
});

export const followUpSchema = z.strictObject({
  date: isoDateSchema,
  by: text(40),
  /** 回访时矛盾是否稳定（未反复、未升级）. */
  stable: z.boolean(),
  note: optionalText(500),
});

const disputeObject = z.strictObject({
  parties: z.array(disputePartySchema).min(1).max(30),
  disputeType: z.enum(DISPUTE_TYPES),
  riskLevel: z.enum(RISK_LEVELS),
  stageFound: z.enum(DISPUTE_STAGES),
  mediations: z.array(mediationSessionSchema).max(50).default([]),
  agreement: z
    .strictObject({ date: isoDateSchema, form: z.enum(['written', 'oral']), summary: text(2000) })
    .optional(),
  followUps: z.array(followUpSchema).max(50).default([]),
  /** The figures of "矛盾不上交、不转化、不升级". */
  resolvedAtVillage: z.boolean().default(false),
  escalated: z.boolean().default(false),
  turnedIntoCase: z.boolean().default(false),
});

/** Resolved at village level excludes escalated and turned into a case. */
function checkDisputeFlags(
  value: { resolvedAtVillage?: boolean; escalated?: boolean; turnedIntoCase?: boolean },
  ctx: z.core.$RefinementCtx,
) {
  if (value.resolvedAtVillage && value.escalated) {
    ctx.addIssue({ code: 'custom', path: ['escalated'], message: '已在村级化解的纠纷不能同时标记为上交 / cannot be both resolved at village level and escalated' });
  }
  if (value.resolvedAtVillage && value.turnedIntoCase) {
    ctx.addIssue({ code: 'custom', path: ['turnedIntoCase'], message: '已在村级化解的纠纷不能同时标记为转为案件 / cannot be both resolved at village level and a case' });
  }
}

const DISPUTE_EXAMPLE: z.input<typeof disputeObject> = {
  parties: [
    { name: '张大山', role: 'applicant', phone: '13805321111' },
    { name: '李小河', role: 'respondent' },
  ],
  disputeType: 'neighbour',
  riskLevel: 'medium',
  stageFound: 'before',
  mediations: [{ date: '2026-05-12', mediator: '王建国', result: 'agreement', note: '在村委会调解，双方同意共同出资修缮排水沟' }],
  agreement: { date: '2026-05-12', form: 'written', summary: '排水沟由双方各出一半费用，于月底前修好' },
  followUps: [{ date: '2026-05-26', by: '王建国', stable: true }],
  resolvedAtVillage: true,
  escalated: false,
  turnedIntoCase: false,
};

export const disputeDetailsSchema = withExample(disputeObject.superRefine(checkDisputeFlags), DISPUTE_EXAMPLE);
export type DisputeDetails = z.infer<typeof disputeDetailsSchema>;

/** PUT of a matter's dispute record (kind `dispute` only; the service checks the kind). */
export const disputeUpdateSchema = withExample(
  z.strictObject({ ...disputeObject.shape, version: versionSchema }).superRefine(checkDisputeFlags),
  { version: 3, ...DISPUTE_EXAMPLE },
);
export type DisputeUpdateInput = z.infer<typeof disputeUpdateSchema>;

// ---- Intake 录入 ----

export const reporterSchema = z.strictObject({ name: text(40), phone: phoneSchema });

export const matterIntakeSchema = withExample(
  z
    .strictObject({
      kind: z.enum(MATTER_KINDS),
      source: z.enum(MATTER_SOURCES).default('resident'),
      villageId: idSchema('village'),
      categoryId: categoryIdSchema,
      /** The intake's first guess; triage sets it for good. */
      severity: z.enum(SEVERITIES).optional(),
      title: optionalText(60),
      description: text(2000),
      /** Personal data: encrypted at rest, masked in responses. */
      reporter: reporterSchema.optional(),
      location: geoPointSchema.optional(),
      address: optionalText(120),
      occurredAt: isoTimeSchema,
      attachmentIds: attachmentIds.optional(),
      dispute: disputeObject.superRefine(checkDisputeFlags).optional(),
    })
    .superRefine((value, ctx) => {
      if ((value.source === 'resident' || value.source === 'hotline') && !value.reporter) {
        ctx.addIssue({ code: 'custom', path: ['reporter'], message: '群众反映的事项须填写反映人 / reporter required for this source' });
      }
      if (value.dispute && value.kind !== 'dispute') {
        ctx.addIssue({ code: 'custom', path: ['dispute'], message: '仅矛盾纠纷可填写纠纷信息 / dispute details only for kind dispute' });
      }
    }),
  {
    kind: 'dispute',
    source: 'resident',
    villageId: EX.village,
    categoryId: 'neighbour',
    severity: 'medium',
    title: '邻里排水沟纠纷',
    description: '张大山反映邻居李小河家排水沟堵塞，雨水倒灌其院内，双方多次争吵。',
    reporter: { name: '张大山', phone: '13805321111' },
    location: { lat: 36.281, lng: 120.012 },
    occurredAt: '2026-05-11T23:30:00.000Z',
    attachmentIds: [EX.attachment],
    dispute: { parties: DISPUTE_EXAMPLE.parties.map((p) => ({ ...p })), disputeType: 'neighbour', riskLevel: 'medium', stageFound: 'before' },
  },
);
export type MatterIntakeInput = z.infer<typeof matterIntakeSchema>;

// ---- Transitions: one body schema each, all with the version the client last read ----

/** Whom a matter is assigned to: a police unit (optionally one officer of it) or an agency. */
export const assigneeSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('station'), id: idSchema('station'), officerId: idSchema('officer').optional() }),
  z.strictObject({ type: z.literal('office'), id: idSchema('office'), officerId: idSchema('officer').optional() }),
  z.strictObject({ type: z.literal('workstation'), id: idSchema('workstation'), officerId: idSchema('officer').optional() }),
  z.strictObject({ type: z.literal('department'), id: idSchema('department'), officerId: idSchema('officer').optional() }),
  z.strictObject({ type: z.literal('agency'), id: idSchema('agency') }),
]);
export type Assignee = z.infer<typeof assigneeSchema>;

/** Deadline overrides; absent → from the SLA table. */
const deadlineOverrides = { acceptBy: isoTimeSchema.optional(), feedbackBy: isoTimeSchema.optional() };
function checkOverrides(value: { acceptBy?: string; feedbackBy?: string }, ctx: z.core.$RefinementCtx) {
  if (value.acceptBy && value.feedbackBy && Date.parse(value.feedbackBy) < Date.parse(value.acceptBy)) {
    ctx.addIssue({ code: 'custom', path: ['feedbackBy'], message: '反馈时限不能早于签收时限 / feedbackBy must not be before acceptBy' });
  }
}

const version = versionSchema;
const note = optionalText(1000);
const reason = text(500);

export const triageBodySchema = withExample(
  z.strictObject({
    version,
    kind: z.enum(MATTER_KINDS).optional(),
    categoryId: categoryIdSchema.optional(),
    severity: z.enum(SEVERITIES),
    /** 是否属于公安职责 (drives police vs linkage routing). */
    policeBusiness: z.boolean(),
    note,
  }),
  { version: 1, categoryId: 'neighbour', severity: 'medium', policeBusiness: true, note: '邻里纠纷，由包村民警先行调解' },
);

export const assignBodySchema = withExample(
  z.strictObject({ version, assignee: assigneeSchema, ...deadlineOverrides, note }).superRefine(checkOverrides),
  { version: 2, assignee: { type: 'agency', id: EX.agency }, note: '请民政局核实低保申请情况' },
);

export const acceptBodySchema = withExample(z.strictObject({ version, note }), { version: 3, note: '已签收，今日上门核实' });

export const returnBodySchema = withExample(z.strictObject({ version, reason }), {
  version: 3,
  reason: '该事项属土地确权问题，非本单位职责，建议交自然资源部门',
});

export const reassignBodySchema = withExample(
  z.strictObject({ version, assignee: assigneeSchema, reason, ...deadlineOverrides }).superRefine(checkOverrides),
  { version: 5, assignee: { type: 'office', id: EX.office, officerId: EX.officer }, reason: '群众回访不满意，改由社区民警办理' },
);

export const feedbackBodySchema = withExample(
  z.strictObject({ version, outcome: z.enum(MATTER_OUTCOMES), note: text(2000), attachmentIds: attachmentIds.optional() }),
  { version: 4, outcome: 'resolved', note: '已协调双方疏通排水沟，现场恢复正常', attachmentIds: [EX.attachment] },
);

export const verifyBodySchema = withExample(
  z
    .strictObject({ version, satisfied: z.boolean(), method: z.enum(VERIFY_METHODS).default('phone'), note })
    .superRefine((value, ctx) => {
      if (!value.satisfied && !value.note) {
        ctx.addIssue({ code: 'custom', path: ['note'], message: '不满意时须说明原因 / note required when not satisfied' });
      }
    }),
  { version: 5, satisfied: false, method: 'phone', note: '群众反映排水沟仍有堵塞' },
);

export const closeBodySchema = withExample(z.strictObject({ version, outcome: z.enum(MATTER_OUTCOMES), note }), {
  version: 6,
  outcome: 'resolved',
  note: '回访满意，予以办结',
});

export const mergeBodySchema = withExample(z.strictObject({ version, intoMatterId: idSchema('matter'), note }), {
  version: 1,
  intoMatterId: EX.matter,
  note: '与同村同日反映的排水沟问题重复',
});

export const urgeBodySchema = withExample(z.strictObject({ version, reason }), { version: 3, reason: '已超过签收时限，请尽快签收办理' });

export const escalateBodySchema = withExample(z.strictObject({ version, reason }), { version: 3, reason: '超期 24 小时未反馈，升级至活动办督办' });

/** One body schema per transition of the table (POST /matters/{id}/{transition}). */
export const TRANSITION_BODY_SCHEMAS = {
  triage: triageBodySchema,
  assign: assignBodySchema,
  accept: acceptBodySchema,
  return: returnBodySchema,
  reassign: reassignBodySchema,
  feedback: feedbackBodySchema,
  verify: verifyBodySchema,
  close: closeBodySchema,
  merge: mergeBodySchema,
  urge: urgeBodySchema,
  escalate: escalateBodySchema,
} as const satisfies Record<TransitionName, z.ZodType>;

export type TransitionBody<T extends TransitionName> = z.infer<(typeof TRANSITION_BODY_SCHEMAS)[T]>;
