import * as z from 'zod';
import { emailSchema, phoneSchema, text, usernameSchema, versionSchema, withExample, type RecordMeta } from '../fields';
import { idSchema } from '../ids';
import { OFFICER_ROLES, type OfficerRole } from '../roles';
import { OFFICER_GRADES, type OfficerGrade } from '../assessment/peer-groups';

export const policeNumberSchema = z
  .string()
  .regex(/^[0-9A-Z]{4,10}$/, { message: '警号须为 4–10 位数字或大写字母 / police number: 4–10 digits or capitals' });

/**
 * Where an officer belongs and where he is posted. Which fields a role needs is in
 * `ROLE_PLACEMENT` below; the service checks that the units exist and nest.
 */
const placement = {
  stationId: idSchema('station').optional(),
  departmentId: idSchema('department').optional(),
  /** Community officers and auxiliaries work from an office. */
  officeId: idSchema('office').optional(),
  /** Contact officers are posted to a workstation. */
  workstationId: idSchema('workstation').optional(),
};

export const ROLE_PLACEMENT: Record<OfficerRole, { requires: Array<keyof typeof placement>; allows: Array<keyof typeof placement> }> = {
  bureau_leader: { requires: [], allows: ['departmentId'] },
  program_office: { requires: [], allows: ['departmentId'] },
  governance_office: { requires: [], allows: ['departmentId'] },
  station_chief: { requires: ['stationId'], allows: ['stationId'] },
  community_officer: { requires: ['stationId'], allows: ['stationId', 'officeId'] },
  auxiliary: { requires: ['stationId'], allows: ['stationId', 'officeId'] },
  // 包村民警 are seconded from HQ departments and keep their HQ job.
  contact_officer: { requires: ['departmentId'], allows: ['departmentId', 'workstationId'] },
};

/** Adds an issue for each placement field the role needs but lacks, or must not have. */
export function checkPlacement(
  role: OfficerRole,
  value: Partial<Record<keyof typeof placement | 'grade', unknown>>,
  ctx: { addIssue: (issue: { code: 'custom'; path: string[]; message: string }) => void },
): void {
  // 分级 applies to community officers only: they are ranked within their grade.
  if (value.grade !== undefined && value.grade !== null && role !== 'community_officer') {
    ctx.addIssue({ code: 'custom', path: ['grade'], message: `只有社区民警分级 / only community officers have a grade` });
  }
  const rule = ROLE_PLACEMENT[role];
  for (const field of rule.requires) {
    if (value[field] === undefined || value[field] === null) {
      ctx.addIssue({ code: 'custom', path: [field], message: `该角色必须填写 ${field} / required for role ${role}` });
    }
  }
  for (const field of Object.keys(placement) as Array<keyof typeof placement>) {
    if (value[field] !== undefined && value[field] !== null && !rule.allows.includes(field)) {
      ctx.addIssue({ code: 'custom', path: [field], message: `该角色不能填写 ${field} / not allowed for role ${role}` });
    }
  }
}

const officerFields = {
  name: text(40),
  policeNumber: policeNumberSchema,
  phone: phoneSchema,
  email: emailSchema.optional(),
  /** 社区民警分级 (一级/二级/三级): the peer group he is ranked in. */
  grade: z.enum(OFFICER_GRADES).optional(),
};

export const officerCreateSchema = withExample(
  z
    .strictObject({ ...officerFields, role: z.enum(OFFICER_ROLES), username: usernameSchema, ...placement })
    .superRefine((value, ctx) => checkPlacement(value.role, value, ctx)),
  {
    name: '王建国',
    policeNumber: '037215',
    phone: '13805321234',
    role: 'community_officer',
    username: 'wangjianguo',
    stationId: 'stn_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
    officeId: 'ofc_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
  },
);

/**
 * Role and username never change (make a new officer record instead). Placement fields are
 * set, or cleared with `null`; the service checks them against the officer's role.
 */
export const officerUpdateSchema = withExample(
  z.strictObject({
    ...z.strictObject(officerFields).partial().shape,
    grade: z.enum(OFFICER_GRADES).nullable().optional(),
    stationId: idSchema('station').nullable().optional(),
    departmentId: idSchema('department').nullable().optional(),
    officeId: idSchema('office').nullable().optional(),
    workstationId: idSchema('workstation').nullable().optional(),
    version: versionSchema,
  }),
  { version: 1, phone: '13805325678' },
);

export type OfficerCreateInput = z.infer<typeof officerCreateSchema>;
export type OfficerUpdateInput = z.infer<typeof officerUpdateSchema>;

export interface Officer extends RecordMeta {
  name: string;
  policeNumber: string;
  phone: string;
  email?: string;
  role: OfficerRole;
  username: string;
  grade?: OfficerGrade;
  stationId?: string;
  departmentId?: string;
  officeId?: string;
  workstationId?: string;
}
