import { rowsOf } from './format';

/** Every row of a list endpoint, following `nextCursor` when the answer is a page (bounded: 50 pages). */
export async function listEvery<T>(get: (cursor?: string) => Promise<unknown>): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const answer = await get(cursor);
    rows.push(...rowsOf<T>(answer));
    cursor = answer && typeof answer === 'object' && !Array.isArray(answer) ? (answer as { nextCursor?: string }).nextCursor : undefined;
    if (!cursor) break;
  }
  return rows;
}
