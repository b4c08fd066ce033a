import { describe, expect, it } from 'vitest';
import { listEvery } from './list';

describe('listEvery', () => {
  it('follows the cursor of a page and takes an array as is', async () => {
    const pages: Record<string, unknown> = { first: { items: [1, 2], nextCursor: 'b' }, b: { items: [3] } };
    expect(await listEvery<number>(async (cursor) => pages[cursor ?? 'first'])).toEqual([1, 2, 3]);
    expect(await listEvery<number>(async () => [4, 5])).toEqual([4, 5]);
  });
});
