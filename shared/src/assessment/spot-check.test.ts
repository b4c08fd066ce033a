import { describe, expect, it } from 'vitest';
import { drawSample, seededRandom, spotCheckId, SPOT_CHECK_ID_PATTERN } from './spot-check';

const candidates = Array.from({ length: 20 }, (_, i) => ({ id: `vis_${String(i).padStart(2, '0')}` }));
const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);
const SEED = 'T01:2026-10:ofr_01JD3Z6Q9V8C2M4N5P6R7S8T9V:0123456789abcdef:visits';

describe('drawSample', () => {
  it('draws the same sample from the same seed and candidates, whatever their order', () => {
    const reversed = [...candidates].reverse();
    // Odd indexes first, then even: neither id order nor its reverse.
    const shuffled = [...candidates.filter((_, i) => i % 2 === 1), ...candidates.filter((_, i) => i % 2 === 0)];
    const sample = ids(drawSample(candidates, 5, SEED));
    expect(ids(drawSample(reversed, 5, SEED))).toEqual(sample);
    expect(ids(drawSample(shuffled, 5, SEED))).toEqual(sample);
    expect(ids(drawSample(candidates, 5, SEED))).toEqual(sample);
  });

  it('draws a different sample from a different seed (almost always)', () => {
    const first = ids(drawSample(candidates, 5, SEED)).join();
    const seeds = Array.from({ length: 50 }, (_, i) => `${SEED}:${i}`);
    const different = seeds.filter((seed) => ids(drawSample(candidates, 5, seed)).join() !== first);
    // 20·19·18·17·16 ordered samples: a repeat is vanishingly rare.
    expect(different.length).toBeGreaterThanOrEqual(49);
  });

  it('takes every candidate when asked for more than there are, and none twice', () => {
    const few = candidates.slice(0, 4);
    const sample = drawSample(few, 10, SEED);
    expect(sample).toHaveLength(4);
    expect(new Set(ids(sample))).toEqual(new Set(ids(few)));
  });

  it('never draws a candidate twice, and draws only candidates', () => {
    for (let i = 0; i < 100; i++) {
      const sample = ids(drawSample(candidates, 7, `seed-${i}`));
      expect(sample).toHaveLength(7);
      expect(new Set(sample).size).toBe(7);
      for (const id of sample) expect(ids(candidates)).toContain(id);
    }
  });

  it('draws nothing from no candidates or for n = 0, and leaves the input untouched', () => {
    expect(drawSample([], 3, SEED)).toEqual([]);
    expect(drawSample(candidates, 0, SEED)).toEqual([]);
    const before = ids(candidates);
    drawSample(candidates, 5, SEED);
    expect(ids(candidates)).toEqual(before);
  });

  it('keeps the pinned sample of a fixed seed (a change of the PRNG or the shuffle fails here)', () => {
    // Anyone redrawing a recorded check must get its sample: these values pin the algorithm.
    expect(ids(drawSample(candidates, 5, SEED))).toEqual(PINNED_SAMPLE);
    const random = seededRandom('beatlink');
    expect([random(), random(), random()].map((x) => x.toFixed(10))).toEqual(PINNED_RANDOM);
  });
});

describe('spotCheckId', () => {
  it('is one id per month and officer, matching the id pattern', () => {
    const id = spotCheckId('2026-10', 'ofr_01JD3Z6Q9V8C2M4N5P6R7S8T9V');
    expect(id).toBe('spc_2026-10_ofr_01JD3Z6Q9V8C2M4N5P6R7S8T9V');
    expect(SPOT_CHECK_ID_PATTERN.test(id)).toBe(true);
  });
});

const PINNED_SAMPLE = ['vis_06', 'vis_02', 'vis_14', 'vis_00', 'vis_07'];
const PINNED_RANDOM = ['0.3083390272', '0.3242472422', '0.6715102014'];
