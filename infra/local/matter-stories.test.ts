import { describe, expect, it } from 'vitest';
import { MATTER_KINDS, MATTER_STATUSES } from '@beatlink/shared';
import { planMatterStories } from './matter-stories';

describe('demo matter stories', () => {
  const full = planMatterStories('370283', 'full', 522);

  it('are the same on every start', () => {
    expect(planMatterStories('370283', 'full', 522)).toEqual(full);
  });

  it('cover every kind and every status, with some overdue and some with photos', () => {
    expect(new Set(full.map((s) => s.kind))).toEqual(new Set(MATTER_KINDS));
    expect(new Set(full.map((s) => s.until))).toEqual(new Set(MATTER_STATUSES));
    expect(full.some((s) => s.stalled)).toBe(true);
    expect(full.some((s) => s.photos > 0)).toBe(true);
    expect(full.every((s) => s.ageHours > 0 && s.ageHours <= 4 * 7 * 24 + 1)).toBe(true);
  });

  it('start with a dispute that has a photo (the generated API tests read both)', () => {
    for (const stories of [full, planMatterStories('370211', 'small', 120)]) {
      expect(stories[0]).toMatchObject({ kind: 'dispute', photos: 1 });
      expect(stories[0]!.dispute?.parties.length).toBeGreaterThan(0);
    }
  });

  it('merge duplicates into older matters of the same village and category', () => {
    const byKey = new Map(full.map((s) => [s.key, s]));
    for (const story of full.filter((s) => s.until === 'merged')) {
      const original = byKey.get(story.mergeInto!)!;
      expect(original.until).not.toBe('merged');
      expect(original.ageHours).toBeGreaterThan(story.ageHours);
      expect(original).toMatchObject({ villageIndex: story.villageIndex, categoryId: story.categoryId });
    }
  });

  it('only let residents report with a name and phone', () => {
    for (const story of full) expect(Boolean(story.reporter)).toBe(story.source === 'resident');
  });
});
