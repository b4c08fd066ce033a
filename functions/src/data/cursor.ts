import { invalidField } from '../lib/app-error';

export type CursorKey = Record<string, string>;

/** An opaque page cursor: the base64url JSON of DynamoDB's LastEvaluatedKey. */
export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

const badCursor = () => invalidField('cursor', '分页游标无效 / invalid cursor');

/**
 * Decodes a cursor for one query. It must hold exactly the query's key attributes, as strings,
 * and the partition attributes must equal the query's partitions — so a cursor made for another
 * list, or another county's partition, is refused (400 naming `cursor`).
 */
export function decodeCursor(cursor: string, expect: { keyAttributes: readonly string[]; partitions: Record<string, string> }): CursorKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badCursor();
  const key = parsed as Record<string, unknown>;
  const names = Object.keys(key);
  if (names.length !== expect.keyAttributes.length || !expect.keyAttributes.every((a) => typeof key[a] === 'string')) throw badCursor();
  for (const [attribute, partition] of Object.entries(expect.partitions)) {
    if (key[attribute] !== partition) throw badCursor();
  }
  return key as CursorKey;
}
