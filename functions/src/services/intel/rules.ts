
/**
 * Pure rules of the information store: whose reach a record's village lies in, what a change
 * changed (field names only, for the history and the audit log), which lookup and link items a
 * change adds and removes.
 */

/** What of a record is compared for `changed`: secrets by their keyed hash, never their value. */
export interface ComparableRecord {
  type: string;
  villageId: string;
  details: Readonly<Record<string, unknown>>;
  /** `<field>:<hash>` */
  lookupHashes: readonly string[];
  tags: readonly string[];
  links: ReadonlyArray<{ recordId: string; relation: string }>;
  reliability: string;
  note?: string;
}

/** One flat level: `person.name`, `person.idNumber` (its hash), `links`, `tags`, … */
export function comparableFields(record: ComparableRecord): Record<string, unknown> {
  const flat: Record<string, unknown> = { villageId: record.villageId, reliability: record.reliability, tags: [...record.tags], links: record.links.map((l) => `${l.recordId}#${l.relation}`), note: record.note };
  for (const [key, value] of Object.entries(record.details)) if (value !== undefined) flat[`${record.type}.${key}`] = value;
  for (const entry of record.lookupHashes) {
    const field = entry.slice(0, entry.indexOf(':'));
    flat[`${record.type}.${field}`] = entry;
  }
  return flat;
}

/** Names of the fields that differ, sorted. */
export function changedIntelFields(before: ComparableRecord, after: ComparableRecord): string[] {
  const a = comparableFields(before);
  const b = comparableFields(after);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

/** Whether a change touches what was verified (the details or the village): the state goes back to unverified. */
export function changesVerifiedContent(changed: readonly string[], type: string): boolean {
  return changed.some((name) => name === 'villageId' || name.startsWith(`${type}.`));
}

/** Items to delete and to put when a set of keys goes from `before` to `after`. */
export function setDiff<T>(before: readonly T[], after: readonly T[], keyOf: (value: T) => string): { removed: T[]; added: T[] } {
  const was = new Map(before.map((v) => [keyOf(v), v]));
  const now = new Map(after.map((v) => [keyOf(v), v]));
  return { removed: [...was].filter(([k]) => !now.has(k)).map(([, v]) => v), added: [...now].filter(([k]) => !was.has(k)).map(([, v]) => v) };
}
