import { idRange } from '@beatlink/shared';
import type { Condition } from '../../data/conditions';
import { getMatterRecord, queryAllMatters, queryMatters, type StoredMatter } from '../../data/matters';
import { mapLimited } from '../../lib/bounded-pool';

/**
 * The reads of the public API over a county's matters, bounded: by ids (GetItem each, at most a
 * hundred), or by intake time (the ULID id range of a window), newest first.
 */
const GET_CONCURRENCY = 10;

/** The matters of these ids that exist in the county, in the order asked. */
export async function mattersByIds(tenantId: string, ids: readonly string[]): Promise<StoredMatter[]> {
  const found = await mapLimited(ids, GET_CONCURRENCY, (id) => getMatterRecord(tenantId, id));
  return found.filter((m): m is StoredMatter => m !== undefined);
}

/**
 * The first `count` matters taken in within [fromMs, toMs] that pass `filter`, newest first. Reads
 * stop once `count` are found, so a page costs what it and the pages before it hold.
 */
export async function mattersTakenIn(tenantId: string, fromMs: number, toMs: number, count: number, filter?: Condition): Promise<StoredMatter[]> {
  const items: StoredMatter[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryMatters(tenantId, { range: { between: idRange('matter', fromMs, toMs) }, reverse: true, ...(filter ? { filter } : {}) }, { limit: count - items.length, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < count);
  return items.slice(0, count);
}

/** Every matter taken in within [fromMs, toMs] (statistics; the caller bounds the range). */
export function allMattersTakenIn(tenantId: string, fromMs: number, toMs: number): Promise<StoredMatter[]> {
  return queryAllMatters(tenantId, { range: { between: idRange('matter', fromMs, toMs) } });
}
