import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  HOUSEHOLD_TAGS,
  HOUSEHOLD_TAG_LABELS,
  callbackCreateSchema,
  dateSchema,
  emptyResources,
  familiarityQuerySchema,
  fundedTotal,
  householdCreateSchema,
  householdUpdateSchema,
  resourcesUpdateSchema,
} from './households';

const examples = (schema: z.ZodType): unknown[] => (schema.meta()?.examples as unknown[] | undefined) ?? [];

describe('registry schemas', () => {
  it('carry a valid example on every body schema', () => {
    for (const schema of [householdCreateSchema, householdUpdateSchema, callbackCreateSchema, resourcesUpdateSchema]) {
      const [example] = examples(schema);
      expect(example).toBeDefined();
      expect(schema.safeParse(example).success).toBe(true);
    }
  });

  it('label every tag in Chinese and refuse unknown or repeated tags', () => {
    for (const tag of HOUSEHOLD_TAGS) expect(HOUSEHOLD_TAG_LABELS[tag].zh).toMatch(/\p{Script=Han}/u);
    expect(HOUSEHOLD_TAG_LABELS.elderly_alone.zh).toBe('独居老人');
    expect(HOUSEHOLD_TAG_LABELS.left_behind_child.zh).toBe('留守儿童');
    const [example] = examples(householdCreateSchema) as Array<Record<string, unknown>>;
    expect(householdCreateSchema.safeParse({ ...example, tags: ['vip'] }).success).toBe(false);
    expect(householdCreateSchema.safeParse({ ...example, tags: ['rental', 'rental'] }).success).toBe(false);
    expect(householdCreateSchema.safeParse({ ...example, members: 0 }).success).toBe(false);
    expect(householdCreateSchema.safeParse({ ...example, headPhone: '12345' }).success).toBe(false);
  });

  it('lets an update keep (absent) or remove (null) the head phone', () => {
    const [example] = examples(householdUpdateSchema) as Array<Record<string, unknown>>;
    expect(householdUpdateSchema.parse(example).headPhone).toBeUndefined();
    expect(householdUpdateSchema.parse({ ...example, headPhone: null }).headPhone).toBeNull();
    expect(householdCreateSchema.safeParse({ ...example, version: undefined, headPhone: null }).success).toBe(false);
  });

  it('accepts real dates only, and from ≤ to', () => {
    expect(dateSchema.safeParse('2026-02-28').success).toBe(true);
    expect(dateSchema.safeParse('2026-02-30').success).toBe(false);
    expect(dateSchema.safeParse('2026-2-3').success).toBe(false);
    expect(familiarityQuerySchema.safeParse({ from: '2026-03-01', to: '2026-03-31' }).success).toBe(true);
    expect(familiarityQuerySchema.safeParse({ from: '2026-04-01', to: '2026-03-31' }).success).toBe(false);
  });
});

describe('resources', () => {
  it('answer an empty record with version 0 and total counts per funder', () => {
    const empty = emptyResources('vil_X');
    expect(empty).toMatchObject({ villageId: 'vil_X', version: 0, activists: 0, patrolTeams: [] });
    expect(fundedTotal(empty.cameras)).toBe(0);
    expect(fundedTotal({ enterprise: 4, village: 6, bureau: 2 })).toBe(12);
    const [example] = examples(resourcesUpdateSchema) as Array<Record<string, unknown>>;
    expect(resourcesUpdateSchema.safeParse({ ...example, cameras: { enterprise: 1, village: 1 } }).success).toBe(false);
    expect(resourcesUpdateSchema.safeParse({ ...example, version: -1 }).success).toBe(false);
  });
});
