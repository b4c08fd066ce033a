import { describe, expect, it } from 'vitest';
import { bigrams, findDuplicateCandidates, normalizeText, textSimilarity } from './duplicates';

const V1 = 'vil_01JD3Z6Q9V8C2M4N5P6R7S8T9V';
const V2 = 'vil_01JD3Z6Q9V8C2M4N5P6R7S8T9W';
const AT = '2026-05-12T01:30:00.000Z';

describe('text similarity', () => {
  it('ignores spaces and punctuation', () => {
    expect(normalizeText('东村 3 组，路灯坏了！')).toBe('东村3组路灯坏了');
    expect([...bigrams('路灯坏了')]).toEqual(['路灯', '灯坏', '坏了']);
    expect([...bigrams('灯')]).toEqual(['灯']);
  });
  it('is 1 for the same text, 0 for nothing in common or empty text', () => {
    expect(textSimilarity('东村三组路灯坏了', '东村三组，路灯坏了。')).toBe(1);
    expect(textSimilarity('路灯坏了', '工资拖欠')).toBe(0);
    expect(textSimilarity('', '路灯坏了')).toBe(0);
  });
  it('scores Chinese paraphrases by shared bigrams (Jaccard)', () => {
    // 东村/村三/三组/组路/路灯/灯坏/坏了 vs 东村/村三/三组/组的/的路/路灯/灯坏/坏了/了好/好几/几天 → 6 / 12
    expect(textSimilarity('东村三组路灯坏了', '东村三组的路灯坏了好几天')).toBeCloseTo(6 / 12);
    expect(textSimilarity('东村三组路灯坏了', '张某拖欠工人工资三个月')).toBeLessThan(0.1);
  });
});

describe('duplicate candidates', () => {
  const probe = { villageId: V1, categoryId: 'infrastructure', description: '东村三组路灯坏了，晚上很黑', createdAt: AT };
  const m = (id: string, over: Partial<typeof probe> & { status?: string } = {}) => ({ ...probe, id, ...over });

  it('keeps the same village and category within the window, similar enough, best first', () => {
    const result = findDuplicateCandidates(
      probe,
      [
        m('a', { description: '东村三组的路灯坏了好几天', createdAt: '2026-05-10T00:00:00.000Z' }),
        m('b', { description: '东村三组路灯坏了，晚上很黑！', createdAt: '2026-05-06T00:00:00.000Z' }),
        m('c', { villageId: V2 }),
        m('d', { categoryId: 'public_order' }),
        m('e', { createdAt: '2026-05-01T00:00:00.000Z' }),
        m('f', { description: '张某拖欠工人工资' }),
        m('g', { status: 'merged' }),
      ],
      { windowDays: 7, minScore: 0.35 },
    );
    expect(result.map((r) => r.matter.id)).toEqual(['b', 'a']);
    expect(result[0]!.score).toBe(1);
    expect(result[1]!.score).toBeGreaterThanOrEqual(0.35);
  });
  it('breaks ties by closeness in time and never offers the matter itself', () => {
    const result = findDuplicateCandidates(
      { ...probe, id: 'self' },
      [m('far', { createdAt: '2026-05-08T00:00:00.000Z' }), m('self'), m('near', { createdAt: '2026-05-12T00:00:00.000Z' })],
      { windowDays: 7, minScore: 0.5 },
    );
    expect(result.map((r) => r.matter.id)).toEqual(['near', 'far']);
  });
  it('counts the window on both sides, inclusive', () => {
    const result = findDuplicateCandidates(probe, [m('edge', { createdAt: '2026-05-19T01:30:00.000Z' }), m('past', { createdAt: '2026-05-19T01:30:00.001Z' })], {
      windowDays: 7,
      minScore: 0,
    });
    expect(result.map((r) => r.matter.id)).toEqual(['edge']);
  });
});
