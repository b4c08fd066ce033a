import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  auditEntryHash,
  chainEntries,
  changedFieldNames,
  checkedSummary,
  GENESIS_HASH,
  looksPersonal,
  verifyChain,
  type AuditEntry,
  type AuditEntryInput,
  type StoredAuditItem,
} from './chain';

const TENANT = '370283';
const actor = { username: 'program.370283', name: '李主任', roles: ['program_office'] };
const input = (n: number, summary: AuditEntryInput['summary'] = { changed: ['status'], status: 'verified' }): AuditEntryInput => ({
  actor,
  action: n % 2 ? 'update' : 'reveal',
  record: { kind: 'matter', id: `mat_${n}` },
  summary,
});

/** A chain of `n` entries appended two at a time, as the table would hold it. */
function chainOf(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 1; i <= n; i += 2) {
    const last = entries.at(-1);
    const batch = [input(i), ...(i + 1 <= n ? [input(i + 1)] : [])];
    entries.push(...chainEntries(TENANT, last && { seq: last.seq, hash: last.hash }, batch, `2026-03-0${(i % 9) + 1}T02:00:00.000Z`));
  }
  return entries;
}

const stored = (entries: readonly AuditEntry[]): StoredAuditItem[] => entries.map((entry) => ({ position: entry.seq, item: { ...entry } }));
const headOf = (entries: readonly AuditEntry[]) => {
  const last = entries.at(-1);
  return last && { seq: last.seq, hash: last.hash };
};
const rehash = (item: Record<string, unknown>) => ({ ...item, hash: auditEntryHash(item) });

describe('audit entry hashing', () => {
  it('is SHA-256 over the canonical JSON of every field but the hash, prevHash included', () => {
    const [entry] = chainEntries(TENANT, undefined, [input(1)], '2026-03-01T02:00:00.000Z');
    const { hash, ...rest } = entry!;
    const canonical =
      '{"action":"update","actor":{"name":"李主任","roles":["program_office"],"username":"program.370283"},"at":"2026-03-01T02:00:00.000Z",' +
      `"prevHash":"${GENESIS_HASH}","record":{"id":"mat_1","kind":"matter"},"seq":1,"summary":{"changed":["status"],"status":"verified"},"tenantId":"370283"}`;
    expect(hash).toBe(createHash('sha256').update(canonical).digest('hex'));
    // Key order and storage attributes (pk, sk, _et) do not matter; every hashed field does.
    const reordered = Object.fromEntries(Object.entries(rest).reverse());
    expect(auditEntryHash({ ...reordered, pk: 'T#370283#AUDIT', sk: '000000000001', _et: 'auditEntry' })).toBe(hash);
    for (const [field, value] of Object.entries({ seq: 2, at: '2026-03-01T02:00:00.001Z', action: 'create', prevHash: 'f'.repeat(64), tenantId: '370211', summary: {} })) {
      expect(auditEntryHash({ ...rest, [field]: value }), field).not.toBe(hash);
    }
  });

  it('numbers and links entries after the head', () => {
    const entries = chainOf(5);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
    expect(entries.every((e) => e.hash === auditEntryHash(e))).toBe(true);
  });

  it('refuses summaries that could hold personal data, keeps field names and codes', () => {
    expect(checkedSummary({ changed: ['phone', 'idNumber'], status: 'verified', grade: 2, verified: true, note: null })).toEqual({
      changed: ['phone', 'idNumber'],
      status: 'verified',
      grade: 2,
      verified: true,
      note: null,
    });
    expect(() => checkedSummary({ phone: '13805321234' })).toThrow(/personal data/);
    expect(() => checkedSummary({ values: ['ok', '0532-88885678'] })).toThrow(/personal data/);
    expect(() => checkedSummary({ idNumber: '11010519491231002X' })).toThrow(/personal data/);
    expect(() => checkedSummary({ note: '长'.repeat(201) })).toThrow(/free text/);
    expect(() => checkedSummary({ 'bad key': 'x' })).toThrow(/bad key/);
    expect(() => checkedSummary({ nested: { a: 1 } as never })).toThrow(/must be a string/);
    // Ids and times are not mistaken for phones.
    expect(looksPersonal('rvl_01JF3Z13800001111ABCDEFGHJ')).toBe(false);
    expect(looksPersonal('2026-03-01T02:00:00.000Z')).toBe(false);
    expect(() => chainEntries(TENANT, undefined, [input(1, { phone: '13805321234' })], '2026-03-01T02:00:00.000Z')).toThrow(/personal data/);
  });

  it('names the changed fields', () => {
    expect(changedFieldNames({ a: 1, b: { x: [1] }, c: 'same', version: 1 }, { a: 2, b: { x: [1] }, c: 'same', d: true, version: 2 }, ['version'])).toEqual(['a', 'd']);
  });
});

describe('chain verification', () => {
  const entries = chainOf(6);

  it('accepts an intact chain, and an empty one', () => {
    expect(verifyChain(TENANT, stored(entries), headOf(entries))).toEqual({ ok: true, entries: 6, head: headOf(entries) });
    expect(verifyChain(TENANT, [], undefined)).toEqual({ ok: true, entries: 0 });
  });

  it('finds an edited entry: hash_mismatch at its seq', () => {
    const items = stored(entries);
    items[2] = { position: 3, item: { ...items[2]!.item, summary: { changed: ['status'], status: 'closed' } } };
    expect(verifyChain(TENANT, items, headOf(entries))).toMatchObject({ ok: false, atSeq: 3, problem: 'hash_mismatch', entries: 2 });
    // A removed attribute, an entry of another county, an entry moved to another seq.
    const { actor: _removed, ...withoutActor } = entries[1]!;
    expect(verifyChain(TENANT, [...stored(entries.slice(0, 1)), { position: 2, item: withoutActor }], undefined)).toMatchObject({ atSeq: 2, problem: 'hash_mismatch' });
    expect(verifyChain('370211', stored(entries), headOf(entries))).toMatchObject({ atSeq: 1, problem: 'hash_mismatch' });
    const moved = stored(entries);
    moved[3] = { position: 4, item: rehash({ ...moved[3]!.item, seq: 5 }) };
    expect(verifyChain(TENANT, moved, headOf(entries))).toMatchObject({ atSeq: 4, problem: 'hash_mismatch' });
  });

  it('finds an edited entry whose hash was recomputed: broken_link at the next seq, head_mismatch at the end', () => {
    const items = stored(entries);
    items[2] = { position: 3, item: rehash({ ...items[2]!.item, action: 'create' }) };
    expect(verifyChain(TENANT, items, headOf(entries))).toMatchObject({ ok: false, atSeq: 4, problem: 'broken_link' });
    const tail = stored(entries);
    tail[5] = { position: 6, item: rehash({ ...tail[5]!.item, action: 'create' }) };
    expect(verifyChain(TENANT, tail, headOf(entries))).toMatchObject({ ok: false, atSeq: 6, problem: 'head_mismatch' });
  });

  it('finds a removed entry: missing_entry at its seq, first, middle or last', () => {
    for (const seq of [1, 3, 6]) {
      const items = stored(entries).filter((s) => s.position !== seq);
      expect(verifyChain(TENANT, items, headOf(entries)), `without ${seq}`).toMatchObject({ ok: false, atSeq: seq, problem: 'missing_entry' });
    }
    expect(verifyChain(TENANT, [], headOf(entries))).toMatchObject({ ok: false, atSeq: 1, problem: 'missing_entry' });
  });

  it('finds a head that does not name the last entry', () => {
    expect(verifyChain(TENANT, stored(entries), undefined)).toMatchObject({ ok: false, atSeq: 6, problem: 'head_mismatch' });
    expect(verifyChain(TENANT, stored(entries), { seq: 6, hash: entries[4]!.hash })).toMatchObject({ atSeq: 6, problem: 'head_mismatch' });
    expect(verifyChain(TENANT, stored(entries), { seq: 4, hash: entries[3]!.hash })).toMatchObject({ atSeq: 5, problem: 'head_mismatch' });
    expect(verifyChain(TENANT, stored(entries), { seq: '6', hash: entries[5]!.hash })).toMatchObject({ problem: 'head_mismatch' });
  });

  it('finds an inserted entry', () => {
    const [forged] = chainEntries(TENANT, { seq: 2, hash: entries[1]!.hash }, [input(99)], '2026-03-09T00:00:00.000Z');
    const items = stored(entries);
    items[2] = { position: 3, item: { ...forged! } };
    expect(verifyChain(TENANT, items, headOf(entries))).toMatchObject({ ok: false, atSeq: 4, problem: 'broken_link' });
  });
});
