import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { TRANSITIONS, TRANSITION_TABLE } from './transitions';
import {
  TRANSITION_BODY_SCHEMAS,
  assignBodySchema,
  disputeDetailsSchema,
  disputeUpdateSchema,
  matterIntakeSchema,
  verifyBodySchema,
} from './schemas';

function exampleOf(schema: z.ZodType): unknown {
  const examples = (schema.meta() as { examples?: unknown[] } | undefined)?.examples;
  expect(examples?.length).toBe(1);
  return examples![0];
}
function paths(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

const BODY_SCHEMAS: Record<string, z.ZodType> = {
  matterIntakeSchema,
  disputeDetailsSchema,
  disputeUpdateSchema,
  ...Object.fromEntries(Object.entries(TRANSITION_BODY_SCHEMAS).map(([name, schema]) => [`${name}BodySchema`, schema])),
};

describe('every body schema carries one valid example', () => {
  for (const [name, schema] of Object.entries(BODY_SCHEMAS)) {
    it(name, () => {
      expect(paths(schema, exampleOf(schema))).toEqual([]);
    });
  }
});

describe('transition bodies', () => {
  it('exist for every transition and all require the version', () => {
    expect(Object.keys(TRANSITION_BODY_SCHEMAS).sort()).toEqual([...TRANSITIONS].sort());
    for (const name of TRANSITIONS) {
      const example = exampleOf(TRANSITION_BODY_SCHEMAS[name]) as Record<string, unknown>;
      expect(paths(TRANSITION_BODY_SCHEMAS[name], { ...example, version: undefined })).toEqual(['version']);
    }
  });
  it('require a reason where the table says so', () => {
    for (const name of TRANSITIONS.filter((t) => TRANSITION_TABLE[t].reasonRequired)) {
      const example = exampleOf(TRANSITION_BODY_SCHEMAS[name]) as Record<string, unknown>;
      const field = 'reason' in example ? 'reason' : 'note';
      expect(paths(TRANSITION_BODY_SCHEMAS[name], { ...example, [field]: undefined })).toEqual([field]);
    }
  });
  it('check the assignee id against its type', () => {
    const office = 'ofc_01JD3Z6Q9V8C2M4N5P6R7S8T9V';
    expect(paths(assignBodySchema, { version: 1, assignee: { type: 'office', id: office } })).toEqual([]);
    expect(paths(assignBodySchema, { version: 1, assignee: { type: 'agency', id: office } })).toEqual(['assignee.id']);
    expect(paths(assignBodySchema, { version: 1, assignee: { type: 'village', id: office } })).toEqual(['assignee.type']);
  });
  it('refuse a feedback deadline before the accept deadline', () => {
    const body = { version: 1, assignee: { type: 'agency', id: 'agy_01JD3Z6Q9V8C2M4N5P6R7S8T9V' } };
    expect(paths(assignBodySchema, { ...body, acceptBy: '2026-05-12T10:00:00Z', feedbackBy: '2026-05-12T09:00:00Z' })).toEqual(['feedbackBy']);
  });
  it('need a note when the resident is not satisfied', () => {
    expect(paths(verifyBodySchema, { version: 1, satisfied: false })).toEqual(['note']);
    expect(paths(verifyBodySchema, { version: 1, satisfied: true })).toEqual([]);
  });
});

describe('intake', () => {
  const example = exampleOf(matterIntakeSchema) as Record<string, unknown>;
  it('names the bad fields', () => {
    expect(
      paths(matterIntakeSchema, {
        ...example,
        kind: 'complaint',
        villageId: 'ofc_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
        description: '长'.repeat(2001),
        reporter: { name: '张大山', phone: '12345' },
        occurredAt: '2026-05-12 09:30',
      }).sort(),
    ).toEqual(['description', 'kind', 'occurredAt', 'reporter.phone', 'villageId']);
  });
  it('needs a reporter when a resident reported it, not when an officer found it', () => {
    const { reporter: _r, dispute: _d, ...rest } = example;
    expect(paths(matterIntakeSchema, { ...rest, source: 'resident' })).toEqual(['reporter']);
    expect(paths(matterIntakeSchema, { ...rest, kind: 'hazard', source: 'officer' })).toEqual([]);
  });
  it('takes dispute details only for disputes', () => {
    expect(paths(matterIntakeSchema, { ...example, kind: 'demand' })).toEqual(['dispute']);
  });
});

describe('dispute record', () => {
  const example = exampleOf(disputeDetailsSchema) as Record<string, unknown>;
  it('refuses contradictory figures', () => {
    expect(paths(disputeDetailsSchema, { ...example, escalated: true, turnedIntoCase: true }).sort()).toEqual(['escalated', 'turnedIntoCase']);
    expect(paths(disputeDetailsSchema, { ...example, resolvedAtVillage: false, escalated: true, turnedIntoCase: true })).toEqual([]);
  });
  it('checks stage, risk level, dates and parties', () => {
    expect(
      paths(disputeDetailsSchema, { ...example, stageFound: 'later', riskLevel: 'extreme', parties: [], mediations: [{ date: '2026-13-01', mediator: '王', result: 'agreement' }] }).sort(),
    ).toEqual(['mediations.0.date', 'parties', 'riskLevel', 'stageFound']);
  });
  it('defaults the lists and flags', () => {
    const parsed = disputeDetailsSchema.parse({ parties: [{ name: '张三', role: 'applicant' }], disputeType: 'debt', riskLevel: 'low', stageFound: 'after' });
    expect(parsed).toMatchObject({ mediations: [], followUps: [], resolvedAtVillage: false, escalated: false, turnedIntoCase: false });
  });
});
