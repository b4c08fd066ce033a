import type { Page } from '@beatlink/shared/fields';

/** Every page of a cursor-paged list endpoint (bounded lists: a county's stations, agencies, …). */
export async function listAll<T>(get: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await get(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
